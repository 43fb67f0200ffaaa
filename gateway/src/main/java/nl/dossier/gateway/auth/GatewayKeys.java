package nl.dossier.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import nl.dossier.connectors.Caches;

/**
 * The gateway's own signing key (ES256, kept in the grant store so links survive a restart). It
 * signs share links ({@code jti} = grant id, expiry = the grant's) and the short-lived assertions
 * the gateway presents at token exchange when it reads a dossier for someone other than its owner.
 */
public final class GatewayKeys {
  static final String LINK_AUDIENCE = "dossier-share-link";
  private static final Duration ASSERTION_VALIDITY = Duration.ofMinutes(5);

  private final ECKey key;
  private final String issuer;
  private final Clock clock;
  private final Cache<String, String> assertions =
      Caches.builder()
          .maximumSize(100_000)
          .expireAfterWrite(ASSERTION_VALIDITY.minusMinutes(1))
          .build();

  public GatewayKeys(ECKey key, String issuer, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.clock = clock;
  }

  /** A new key as JWK JSON (with its private part), for the store to keep. */
  public static String newKeyJson() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(UUID.randomUUID().toString())
          .generate()
          .toJSONString();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the gateway key", e);
    }
  }

  public static ECKey parse(String json) {
    try {
      return ECKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("the stored gateway key is not an EC JWK", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  /** The public half, for whoever verifies the gateway's assertions. */
  public ECKey publicKey() {
    return key.toPublicJWK();
  }

  /** A share-link token for a grant. */
  public String linkToken(String grantId, Instant expiresAt) {
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(LINK_AUDIENCE)
            .subject(grantId)
            .jwtID(grantId)
            .issueTime(Date.from(clock.instant()))
            .expirationTime(Date.from(expiresAt))
            .build());
  }

  /**
   * A subject token for token exchange: "the gateway reads the dossier of {@code owner} for {@code
   * actor} under {@code grantId}". Reused while well within its validity, so that the registry
   * tokens exchanged for it are reused too.
   */
  public String assertion(String owner, String actor, String grantId, String audience) {
    return assertions.get(
        String.join("\n", owner, actor, grantId, audience),
        key -> newAssertion(owner, actor, grantId, audience));
  }

  private String newAssertion(String owner, String actor, String grantId, String audience) {
    Instant now = clock.instant();
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(owner)
            .claim("act", Map.of("sub", actor))
            .claim("grant_id", grantId)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ASSERTION_VALIDITY)))
            .build());
  }

  /** Whether a token claims to come from this gateway (unverified). */
  boolean issued(SignedJWT jwt) {
    try {
      return issuer.equals(jwt.getJWTClaimsSet().getIssuer());
    } catch (ParseException e) {
      return false;
    }
  }

  /** The grant id of a valid share-link token; fails with {@link AuthenticationException}. */
  String verifyLink(SignedJWT jwt) {
    try {
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      boolean valid =
          JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
              && jwt.verify(new ECDSAVerifier(key.toPublicJWK()))
              && claims.getAudience().contains(LINK_AUDIENCE)
              && claims.getExpirationTime() != null
              && clock.instant().isBefore(claims.getExpirationTime().toInstant())
              && claims.getJWTID() != null;
      if (!valid) {
        throw new AuthenticationException("The share link is not valid");
      }
      return claims.getJWTID();
    } catch (ParseException | JOSEException e) {
      throw new AuthenticationException("The share link is not valid");
    }
  }

  private String sign(JWTClaimsSet claims) {
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the gateway key", e);
    }
  }
}
