package nl.dossier.gateway.policy;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.dossier.gateway.auth.GatewayKeys;

/**
 * The owner's side of sharing: create, change, revoke and list grants, each checked before it is
 * stored. A grant only ever names schema coordinates that hold personal data.
 */
public final class SharingService {
  public static final Duration MAX_VALIDITY = Duration.ofDays(5 * 366);
  static final int MAX_PURPOSE = 200;

  private final GrantStore store;
  private final GrantCache grants;
  private final SharingCatalog catalog;
  private final Set<String> parties;
  private final GatewayKeys keys;
  private final Clock clock;

  public SharingService(
      GrantStore store,
      GrantCache grants,
      SharingCatalog catalog,
      Set<String> parties,
      GatewayKeys keys,
      Clock clock) {
    this.store = store;
    this.grants = grants;
    this.catalog = catalog;
    this.parties = Set.copyOf(parties);
    this.keys = keys;
    this.clock = clock;
  }

  /** A created grant and, for a link, its token (shown to the owner once, never stored). */
  public record Created(Grant grant, String linkToken) {}

  public Future<Created> create(String owner, ShareRequest request) {
    Instant now = clock.instant();
    Grant grant;
    try {
      grant =
          new Grant(
              UUID.randomUUID().toString(),
              owner,
              audience(request),
              fields(request.fields()),
              purpose(request.purpose()),
              now,
              expiry(request.expiresAt(), now),
              null);
    } catch (ShareException e) {
      return Future.failedFuture(e);
    }
    String token = grant.isLink() ? keys.linkToken(grant.id(), grant.expiresAt()) : null;
    return save(grant).map(saved -> new Created(saved, token));
  }

  public Future<Grant> update(String owner, String id, ShareRequest change) {
    return owned(owner, id)
        .map(
            grant -> {
              if (grant.revokedAt() != null) {
                throw ShareException.invalid("A revoked share cannot be changed");
              }
              if (grant.isLink() && change.expiresAt() != null) {
                throw ShareException.invalid(
                    "The expiry of a share link is in its token; create a new link instead");
              }
              Instant now = clock.instant();
              return grant.changed(
                  change.fields() == null ? grant.fields() : fields(change.fields()),
                  change.purpose() == null ? grant.purpose() : purpose(change.purpose()),
                  change.expiresAt() == null ? grant.expiresAt() : expiry(change.expiresAt(), now));
            })
        .compose(this::save);
  }

  public Future<Grant> revoke(String owner, String id) {
    return owned(owner, id)
        .compose(
            grant -> {
              if (grant.revokedAt() != null) {
                return Future.succeededFuture(grant);
              }
              Grant revoked = grant.revoked(clock.instant());
              return save(revoked);
            });
  }

  public Future<List<Grant>> shares(String owner) {
    return store.byOwner(owner);
  }

  /**
   * Stores a grant, then forgets any copy the cache keeps of it (also when storing failed: the
   * store may have it all the same).
   */
  private Future<Grant> save(Grant grant) {
    return store.save(grant).andThen(stored -> grants.invalidate(grant.id())).map(grant);
  }

  /**
   * The owner's own grant, read from the store, never the cache; NOT_FOUND for another owner's, so
   * that ids cannot be probed.
   */
  public Future<Grant> owned(String owner, String id) {
    return store
        .find(id)
        .map(
            found -> {
              if (found.isEmpty() || !found.get().owner().equals(owner)) {
                throw ShareException.notFound();
              }
              return found.get();
            });
  }

  private String audience(ShareRequest request) {
    if (request.link() == (request.party() != null)) {
      throw ShareException.invalid("Give either a party or link: true");
    }
    if (request.party() != null && !parties.contains(request.party())) {
      throw ShareException.invalid("Unknown party: " + request.party());
    }
    return request.party();
  }

  private Set<String> fields(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      throw ShareException.invalid("fields must name at least one schema coordinate or group");
    }
    try {
      return catalog.expand(requested);
    } catch (IllegalArgumentException e) {
      throw ShareException.invalid(e.getMessage());
    }
  }

  private static String purpose(String purpose) {
    if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
      throw ShareException.invalid("purpose must be 1 to " + MAX_PURPOSE + " characters");
    }
    return purpose.trim();
  }

  private static Instant expiry(Instant expiresAt, Instant now) {
    if (expiresAt == null || !expiresAt.isAfter(now)) {
      throw ShareException.invalid("expiresAt must be in the future");
    }
    if (expiresAt.isAfter(now.plus(MAX_VALIDITY))) {
      throw ShareException.invalid("expiresAt must be within five years");
    }
    return expiresAt;
  }
}
