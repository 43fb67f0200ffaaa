package nl.dossier.gateway.policy;

import com.github.benmanes.caffeine.cache.AsyncCache;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.dossier.connectors.Caches;

/**
 * The grants that reads under a share are decided on, kept briefly (DESIGN.md: grants may be cached
 * only briefly and are invalidated on change). A change made through this gateway invalidates its
 * grant once the store has it, so the next request sees it; a change made by another instance on
 * the same store is seen within {@link #TTL}. Expiry needs no invalidation: it is checked against
 * the clock on every read. Ids of no grant are not kept, and a failed read is not either. Changes
 * to a grant never read it from here, so that an update cannot build on a stale grant (and, say,
 * undo a revocation made elsewhere).
 */
public final class GrantCache {
  private static final Duration TTL = Duration.ofSeconds(1);
  private static final int MAX_GRANTS = 4_096;

  private final GrantStore store;
  private final AsyncCache<String, Grant> grants;

  public GrantCache(GrantStore store) {
    this.store = store;
    this.grants = Caches.builder().maximumSize(MAX_GRANTS).expireAfterWrite(TTL).buildAsync();
  }

  /**
   * The grants with these ids, by id; ids of no grant are absent. Those not kept are read in one
   * go. Completes on the caller's Vert.x context, whichever request's read it waited for.
   */
  public Future<Map<String, Grant>> findAll(Collection<String> ids) {
    Context context = Vertx.currentContext();
    var found =
        grants.getAll(
            ids,
            (missing, executor) ->
                store.findAll(List.copyOf(missing)).toCompletionStage().toCompletableFuture());
    return context == null
        ? Future.fromCompletionStage(found)
        : Future.fromCompletionStage(found, context);
  }

  /** Forgets a grant; call it once a change to it is stored. */
  public void invalidate(String id) {
    grants.synchronous().invalidate(id);
  }
}
