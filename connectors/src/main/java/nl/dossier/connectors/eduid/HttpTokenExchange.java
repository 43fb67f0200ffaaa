package nl.dossier.connectors.eduid;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.time.Duration;
import nl.dossier.connectors.Caches;
import nl.dossier.connectors.Upstream;
import nl.dossier.connectors.UpstreamException;

/**
 * Token exchange at the authorization server's token endpoint (the upstream's base URL),
 * authenticated as the gateway's client. Issued tokens are kept until shortly before they expire,
 * keyed by the audience and a hash of the subject token, so that a request does not pay a round
 * trip per registry for a token it already has.
 */
public final class HttpTokenExchange implements TokenExchange {
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Upstream upstream;
  private final String clientId;
  private final String clientSecret;
  private final AsyncCache<String, Issued> issued;

  public HttpTokenExchange(Vertx vertx, Upstream upstream, String clientId, String clientSecret) {
    this.vertx = vertx;
    this.upstream = upstream;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.issued = Caches.builder().maximumSize(100_000).expireAfter(new UntilExpiry()).buildAsync();
  }

  @Override
  public Future<String> exchange(SubjectToken subject, String audience) {
    var pending =
        issued.get(
            audience + '\n' + subject.digest(),
            (key, executor) ->
                request(subject, audience).toCompletionStage().toCompletableFuture());
    return Future.fromCompletionStage(pending, vertx.getOrCreateContext()).map(Issued::token);
  }

  private Future<Issued> request(SubjectToken subject, String audience) {
    MultiMap form =
        MultiMap.caseInsensitiveMultiMap()
            .add("grant_type", GRANT_TYPE)
            .add("subject_token", subject.token())
            .add("subject_token_type", subject.type())
            .add("audience", audience);
    return upstream.once(
        upstream.post("").basic(clientId, clientSecret).form(form),
        body -> {
          String token = body.getString("access_token");
          if (token == null) {
            throw UpstreamException.badResponse(upstream.registry());
          }
          return new Issued(token, Duration.ofSeconds(body.getLong("expires_in", 60L)));
        });
  }

  private record Issued(String token, Duration validity) {}

  private static final class UntilExpiry implements Expiry<String, Issued> {
    @Override
    public long expireAfterCreate(String key, Issued value, long currentTime) {
      return Math.max(0, value.validity().minus(EXPIRY_MARGIN).toNanos());
    }

    @Override
    public long expireAfterUpdate(
        String key, Issued value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(String key, Issued value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
