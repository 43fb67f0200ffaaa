package nl.dossier.mocks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The mock eduID authorization server: its clients, its keys and the tokens it mints. */
final class AuthorizationServer {
  static final Duration CLIENT_TOKEN_VALIDITY = Duration.ofHours(1);
  static final List<String> EXCHANGE_AUDIENCES = List.of("myconext", "duo", "edubadges", "sbb");

  private static final Map<String, String> CLIENT_SECRETS =
      Map.of(
          MockRegistries.GATEWAY_CLIENT_ID, MockRegistries.GATEWAY_CLIENT_SECRET,
          MockRegistries.COACH_CLIENT_ID, MockRegistries.COACH_CLIENT_SECRET,
          MockRegistries.EMPLOYER_CLIENT_ID, MockRegistries.EMPLOYER_CLIENT_SECRET,
          MockRegistries.INTAKE_CLIENT_ID, MockRegistries.INTAKE_CLIENT_SECRET);

  private final SigningKeys keys = new SigningKeys();
  private volatile String issuer;
  private volatile TrustedAssertions gateway;

  /** Who may present its own signed assertions as subject tokens (the gateway), and its key. */
  private record TrustedAssertions(String issuer, JWK key) {}

  void trustGatewayKey(String gatewayIssuer, JWK publicKey) {
    gateway = new TrustedAssertions(gatewayIssuer, publicKey.toPublicJWK());
  }

  void listenAt(String eduidBaseUrl) {
    issuer = eduidBaseUrl + "/oidc";
  }

  String issuer() {
    return issuer;
  }

  boolean authenticates(String clientId, String secret) {
    return secret != null && secret.equals(CLIENT_SECRETS.get(clientId));
  }

  String ownerToken(Persona persona, Duration validity) {
    return sign(
        claims(persona.sub(), validity)
            .claim("eduid", persona.sub())
            .claim("name", persona.displayName())
            .build());
  }

  String clientToken(String clientId) {
    return sign(claims(clientId, CLIENT_TOKEN_VALIDITY).claim("client_id", clientId).build());
  }

  String sign(JWTClaimsSet claims) {
    return keys.sign(claims);
  }

  void rotateKey() {
    keys.rotate();
  }

  String publicJwks() {
    return keys.publicJwks();
  }

  /** The persona whose valid, unexpired token this is, or null when it is not one. */
  Persona verifiedOwner(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      Date expiry = jwt.getJWTClaimsSet().getExpirationTime();
      if (!keys.verify(jwt) || expiry == null || expiry.toInstant().isBefore(Instant.now())) {
        return null;
      }
      return Persona.findBySub(jwt.getJWTClaimsSet().getSubject());
    } catch (ParseException e) {
      return null;
    }
  }

  /**
   * The persona of a valid assertion the gateway signed to read a dossier for someone else (its
   * {@code act}), or null. Only the gateway's own client may present one.
   */
  Persona verifiedAssertion(String token, String clientId) {
    TrustedAssertions trusted = gateway;
    if (trusted == null || !MockRegistries.GATEWAY_CLIENT_ID.equals(clientId)) {
      return null;
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      boolean valid =
          jwt.verify(new ECDSAVerifier(trusted.key().toECKey()))
              && trusted.issuer().equals(claims.getIssuer())
              && claims.getClaim("act") != null
              && claims.getExpirationTime() != null
              && claims.getExpirationTime().toInstant().isAfter(Instant.now());
      return valid ? Persona.findBySub(claims.getSubject()) : null;
    } catch (ParseException | JOSEException | IllegalStateException e) {
      return null;
    }
  }

  private JWTClaimsSet.Builder claims(String subject, Duration validity) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(MockRegistries.AUDIENCE)
        .subject(subject)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(validity)));
  }
}
