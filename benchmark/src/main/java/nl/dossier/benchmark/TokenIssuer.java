package nl.dossier.benchmark;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.Persona;

/**
 * The stub eduID issuer: one throw-away RSA key, the owner and client-credentials tokens it signs
 * (the same claims as the mocks' authorization server), and the JWKS that publishes the key.
 */
final class TokenIssuer {
  static final Duration VALIDITY = Duration.ofHours(12);

  private final String issuer;
  private final RSAKey key;
  private final RSASSASigner signer;
  private final RSASSAVerifier verifier;

  TokenIssuer(String issuer) {
    this.issuer = issuer;
    try {
      this.key =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate();
      this.signer = new RSASSASigner(key);
      this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the stub issuer's key", e);
    }
  }

  String issuer() {
    return issuer;
  }

  String ownerToken(Persona persona) {
    return ownerToken(persona.sub(), persona.displayName());
  }

  /** The token of a stand-in owner (see {@link Owners}). */
  String ownerToken(String sub, String name) {
    return sign(claims(sub).claim("eduid", sub).claim("name", name).build());
  }

  String clientToken(String clientId) {
    return sign(claims(clientId).claim("client_id", clientId).build());
  }

  String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** The persona of an unexpired owner token signed by this issuer, or null. */
  Persona verifiedOwner(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      Date expiry = jwt.getJWTClaimsSet().getExpirationTime();
      if (!jwt.verify(verifier) || expiry == null || expiry.toInstant().isBefore(Instant.now())) {
        return null;
      }
      return Owners.find(jwt.getJWTClaimsSet().getSubject());
    } catch (ParseException | JOSEException e) {
      return null;
    }
  }

  /**
   * The persona named by the {@code sub} of an assertion the gateway signed; its signature is not
   * checked in the benchmark.
   */
  static Persona assertedOwner(String token) {
    try {
      return Owners.find(SignedJWT.parse(token).getJWTClaimsSet().getSubject());
    } catch (ParseException e) {
      return null;
    }
  }

  private JWTClaimsSet.Builder claims(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(MockRegistries.AUDIENCE)
        .subject(subject)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(VALIDITY)));
  }

  private String sign(JWTClaimsSet claims) {
    var header =
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
    var jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the stub issuer's key", e);
    }
    return jwt.serialize();
  }
}
