package nl.dossier.connectors;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Function;

/**
 * A Caffeine cache of public reference data, keyed by the upstream lookup (a code), never by who
 * asks. One load per key at a time; a failed load is not kept; after {@code refreshAfter} an entry
 * is reloaded in the background and, if that fails, the old value is served until {@code ttl}.
 * Never use it for personal data.
 */
public final class ReferenceCache<V> {
  private final Vertx vertx;
  private final AsyncLoadingCache<String, V> cache;

  public ReferenceCache(
      Vertx vertx, ConnectorConfig.CacheConfig config, Function<String, Future<V>> load) {
    this.vertx = vertx;
    this.cache =
        Caches.builder()
            .maximumSize(config.maxSize())
            .expireAfterWrite(config.ttl())
            .refreshAfterWrite(config.refreshAfter())
            .buildAsync(
                (key, executor) -> load.apply(key).toCompletionStage().toCompletableFuture());
  }

  public Future<V> get(String key) {
    return Future.fromCompletionStage(cache.get(key), vertx.getOrCreateContext());
  }
}
