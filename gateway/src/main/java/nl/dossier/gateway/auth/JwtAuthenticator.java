package nl.dossier.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.vertx.core.Future;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import nl.dossier.connectors.Caches;
import nl.dossier.gateway.config.AuthConfig;

/**
 * Turns a bearer token into a {@link Caller}. Tokens from the eduID issuer are checked against its
 * JWKS with an allow-list of algorithms, issuer, audience, expiry and not-before with a small skew;
 * a key the gateway has not seen triggers one JWKS refresh. A client-credentials token (its subject
 * is its client id) of a configured party makes a {@link Caller.Party}, any other an owner. Share
 * links are the gateway's own tokens, checked against its own key.
 */
public final class JwtAuthenticator {
  private static final String BEARER = "Bearer ";
  private static final Duration REMEMBER = Duration.ofMinutes(5);

  private final AuthConfig config;
  private final JwksCache jwks;
  private final GatewayKeys gatewayKeys;
  private final Set<String> parties;
  private final AtomicReference<Verifier> verifier = new AtomicReference<>();
  private final Cache<String, Verified> verified =
      Caches.builder().maximumSize(50_000).expireAfterWrite(REMEMBER).build();

  public JwtAuthenticator(
      AuthConfig config, JwksCache jwks, GatewayKeys gatewayKeys, Set<String> parties) {
    this.config = config;
    this.jwks = jwks;
    this.gatewayKeys = gatewayKeys;
    this.parties = Set.copyOf(parties);
  }

  /** The caller for an {@code Authorization} header; fails with {@link AuthenticationException}. */
  public Future<Caller> authenticate(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Future.failedFuture(new AuthenticationException("A bearer token is required"));
    }
    String token = authorization.substring(BEARER.length()).trim();
    Verified known = verified.getIfPresent(token);
    if (known != null && known.expiresAt().isAfter(Instant.now())) {
      return Future.succeededFuture(known.caller());
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      return Future.failedFuture(new AuthenticationException("The token is not a signed JWT"));
    }
    if (gatewayKeys.issued(jwt)) {
      return Future.succeededFuture(jwt)
          .map(link -> remember(token, new Caller.LinkHolder(gatewayKeys.verifyLink(link)), link));
    }
    String kid = jwt.getHeader().getKeyID();
    return jwks.keys()
        .compose(
            keys ->
                keys.getKeyByKeyId(kid) != null
                    ? Future.succeededFuture(keys)
                    : jwks.refreshIfStale())
        .map(keys -> remember(token, caller(verify(jwt, keys), token), jwt));
  }

  /**
   * Keeps a verified token's caller for a while (at most {@link #REMEMBER}, never past its expiry),
   * so that a client sending the same token again is neither parsed nor verified again. A share
   * link remembered here is still refused once its share is revoked: that is checked per read.
   */
  private Caller remember(String token, Caller caller, SignedJWT verifiedJwt) {
    Instant expiresAt;
    try {
      expiresAt = verifiedJwt.getJWTClaimsSet().getExpirationTime().toInstant();
    } catch (ParseException e) {
      throw new AuthenticationException("The token is not valid");
    }
    Instant until = Instant.now().plus(REMEMBER);
    verified.put(token, new Verified(caller, expiresAt.isBefore(until) ? expiresAt : until));
    return caller;
  }

  private record Verified(Caller caller, Instant expiresAt) {}

  private Caller caller(JWTClaimsSet claims, String token) {
    Object clientId = claims.getClaim("client_id");
    if (clientId == null || !clientId.equals(claims.getSubject())) {
      return new Caller.Owner(claims.getSubject(), token);
    }
    if (!parties.contains(clientId)) {
      throw new AuthenticationException("The client is not a known party");
    }
    return new Caller.Party((String) clientId);
  }

  private JWTClaimsSet verify(SignedJWT jwt, JWKSet keys) {
    try {
      return processor(keys).process(jwt, null);
    } catch (BadJOSEException | JOSEException e) {
      throw new AuthenticationException("The token is not valid");
    }
  }

  /** The processor for a key set, built once per key set rather than once per request. */
  private DefaultJWTProcessor<SecurityContext> processor(JWKSet keys) {
    Verifier current = verifier.get();
    if (current != null && current.keys() == keys) {
      return current.processor();
    }
    var processor = new DefaultJWTProcessor<SecurityContext>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(config.algorithms(), new ImmutableJWKSet<>(keys)));
    var claims =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            config.audience(),
            new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
            Set.of("sub", "exp"));
    claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    verifier.set(new Verifier(keys, processor));
    return processor;
  }

  private record Verifier(JWKSet keys, DefaultJWTProcessor<SecurityContext> processor) {}
}
