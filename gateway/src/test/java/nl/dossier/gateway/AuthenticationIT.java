package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationIT {
  static final String QUERY = "{ me { name diplomas { code } badges { title } } }";
  static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    gateway = GatewayFixture.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void reset() {
    gateway.mocks.resetRequests();
  }

  @Test
  void validTokenIsAccepted() {
    assertThat(gateway.post("Bearer " + gateway.token(Persona.MARISKA), QUERY, Map.of()).status())
        .isEqualTo(200);
  }

  @Test
  void missingTokenGets401AndNoRegistryIsCalled() {
    var answer = gateway.post(null, QUERY, Map.of());
    assertRejected(answer);
  }

  @Test
  void tokenWithoutBearerSchemeGets401() {
    assertRejected(gateway.post("Basic " + gateway.token(Persona.MARISKA), QUERY, Map.of()));
  }

  @Test
  void garbageTokenGets401() {
    assertRejected(gateway.post("Bearer not-a-jwt", QUERY, Map.of()));
  }

  @Test
  void expiredTokenGets401() {
    var claims = claims().expirationTime(Date.from(Instant.now().minusSeconds(120))).build();
    assertRejected(bearer(gateway.mocks.signedToken(claims)));
  }

  @Test
  void tokenNotYetValidGets401() {
    var claims = claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build();
    assertRejected(bearer(gateway.mocks.signedToken(claims)));
  }

  @Test
  void tokenForAnotherAudienceGets401() {
    assertRejected(
        bearer(gateway.mocks.signedToken(claims().audience("some-other-client").build())));
  }

  @Test
  void tokenFromAnotherIssuerGets401() {
    assertRejected(
        bearer(gateway.mocks.signedToken(claims().issuer("https://evil.example/oidc").build())));
  }

  @Test
  void tokenSignedWithAnotherKeyUnderAKnownKidGets401() throws Exception {
    // given a key the issuer never published, under the kid the issuer does use
    String knownKid = SignedJWT.parse(gateway.token(Persona.MARISKA)).getHeader().getKeyID();
    RSAKey forged = new RSAKeyGenerator(2048).keyID(knownKid).generate();
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(knownKid)
                .type(JOSEObjectType.JWT)
                .build(),
            claims().build());
    jwt.sign(new RSASSASigner(forged));
    // then
    assertRejected(bearer(jwt.serialize()));
  }

  @Test
  void unsignedTokenGets401() {
    assertRejected(bearer(new PlainJWT(claims().build()).serialize()));
  }

  @Test
  void symmetricallySignedTokenGets401() throws Exception {
    var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    jwt.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!!"));
    assertRejected(bearer(jwt.serialize()));
  }

  @Test
  void tokenSignedWithARotatedKeyIsAcceptedAfterJwksRefresh() {
    // given the issuer rotates to a new key the gateway has not fetched yet
    gateway.mocks.rotateKey();
    String token = gateway.token(Persona.MARISKA);
    // when
    var answer = gateway.post("Bearer " + token, QUERY, Map.of());
    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(gateway.count(MockRegistry.EDUID, GatewayFixture.getPath("/oidc/certs")))
        .isEqualTo(1);
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(gateway.mocks.issuer())
        .audience(MockRegistries.AUDIENCE)
        .subject(Persona.MARISKA.sub())
        .claim("eduid", Persona.MARISKA.sub())
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(600)));
  }

  private static GatewayFixture.Answer bearer(String token) {
    return gateway.post("Bearer " + token, QUERY, Map.of());
  }

  private static void assertRejected(GatewayFixture.Answer answer) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(
            answer
                .json()
                .getJsonArray("errors")
                .getJsonObject(0)
                .getJsonObject("extensions")
                .getString("code"))
        .isEqualTo("UNAUTHENTICATED");
    assertThat(answer.json().getValue("data")).isNull();
    for (MockRegistry registry : MockRegistry.values()) {
      assertThat(gateway.requests(registry))
          .as("requests to %s", registry)
          .allMatch(r -> r.getUrl().startsWith("/oidc/certs"));
    }
  }
}
