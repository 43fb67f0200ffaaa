package nl.dossier.gateway.auth;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The issuer's signing keys, fetched with the non-blocking WebClient and held as an immutable
 * {@link JWKSet}. Refreshed on a timer and on demand when a token names an unknown key, but not
 * more often than the configured interval.
 */
public final class JwksCache {
  private final Vertx vertx;
  private final WebClient client;
  private final String jwksUrl;
  private final Duration minRefreshInterval;
  private final AtomicReference<Future<JWKSet>> current = new AtomicReference<>();
  private volatile long lastFetchNanos;

  public JwksCache(Vertx vertx, WebClient client, String jwksUrl, Duration minRefreshInterval) {
    this.vertx = vertx;
    this.client = client;
    this.jwksUrl = jwksUrl;
    this.minRefreshInterval = minRefreshInterval;
  }

  /** Fetches now and then every {@code period}. */
  public Future<JWKSet> start(Duration period) {
    vertx.setPeriodic(period.toMillis(), id -> refresh());
    return refresh();
  }

  /** The keys as last fetched; fetches them if nothing was fetched successfully yet. */
  public Future<JWKSet> keys() {
    Future<JWKSet> keys = current.get();
    if (keys == null || keys.failed()) {
      return refresh();
    }
    return keys;
  }

  /** Fetches again unless the last fetch was less than the minimum interval ago. */
  public Future<JWKSet> refreshIfStale() {
    if (System.nanoTime() - lastFetchNanos < minRefreshInterval.toNanos()) {
      return keys();
    }
    return refresh();
  }

  private Future<JWKSet> refresh() {
    lastFetchNanos = System.nanoTime();
    Future<JWKSet> previous = current.get();
    Future<JWKSet> fetched =
        client
            .getAbs(jwksUrl)
            .timeout(5_000)
            .send()
            .map(response -> parse(response.statusCode(), response.bodyAsString()))
            // kept as a future of no context: the fetch's own future would run every later
            // caller's callbacks (their whole requests) on the event loop that fetched the keys
            .onSuccess(keys -> current.set(Future.succeededFuture(keys)));
    if (previous == null || previous.failed()) {
      current.set(fetched);
      return fetched;
    }
    return fetched.recover(failure -> previous);
  }

  private static JWKSet parse(int status, String body) {
    if (status != 200 || body == null) {
      throw new IllegalStateException("JWKS endpoint answered " + status);
    }
    try {
      return JWKSet.parse(body).toPublicJWKSet();
    } catch (ParseException e) {
      throw new IllegalStateException("JWKS is not a key set", e);
    }
  }
}
