package nl.dossier.mocks;

import static nl.dossier.mocks.Http.array;
import static nl.dossier.mocks.Http.get;
import static nl.dossier.mocks.Http.object;
import static nl.dossier.mocks.RegistryClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MockRegistriesTest {
  static MockRegistries mocks;
  static RegistryClient registries;

  @BeforeAll
  static void start() {
    mocks = MockRegistries.start();
    registries = new RegistryClient(mocks);
  }

  @AfterAll
  static void stop() {
    mocks.close();
  }

  @Test
  void eduidAnswersMariskasLinkedAccounts() {
    // when
    var response = registries.links(Persona.MARISKA);
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(array(response)).hasSize(2);
    assertThat(object(array(response).get(0)))
        .containsEntry("eppn", "m.jansen@roc-a.example.nl")
        .containsEntry("preferred", true)
        .containsEntry("validated_name", "Mariska Jansen");
  }

  @Test
  void eduidRejectsAMissingBearerWithASpringError() {
    var response = get(registries.url(MockRegistry.EDUID, "/myconext/api/eduid/links"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(object(response)).containsEntry("error", "Unauthorized").containsKey("timestamp");
  }

  @Test
  void duoAnswersMariskasDiplomaKeuzedeelAndBpv() {
    // when
    var response = registries.results(Persona.MARISKA);
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    List<Object> results = array(object(response).get("resultaten"));
    assertThat(results).hasSize(2);
    assertThat(object(results.get(0)))
        .containsEntry("soort", "DIPLOMA")
        .containsEntry("opleidingcode", "25627")
        .containsEntry("niveau", "MBO-4")
        .containsEntry("onderwijsaanbiedercode", "123A456")
        .containsEntry("datumResultaat", "2026-07-03");
    assertThat(array(object(results.get(0)).get("generiekeExamenonderdelen"))).hasSize(3);
    assertThat(object(results.get(1)))
        .containsEntry("codeKeuzedeel", "K1234")
        .containsEntry("resultaat", "BEHAALD")
        .containsEntry("onderwijsaanbiedercode", "234A567");
    assertThat(object(array(object(response).get("bpv")).get(0)))
        .containsEntry("leerbedrijfId", "100123456");
  }

  @Test
  void duoRejectsAMissingOrForeignBearerWithAProblem() {
    String path = "/duo/mijn-diplomas/v1/resultaten";
    var missing = get(registries.url(MockRegistry.DUO, path));
    var foreign = get(registries.url(MockRegistry.DUO, path), bearer("sbb", Persona.MARISKA));
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(object(missing)).containsEntry("title", "Niet geautoriseerd");
    assertThat(foreign.statusCode()).isEqualTo(401);
  }

  @Test
  void edubadgesAnswersMariskasMicrocredentialToTheMobileApp() {
    // when
    var response = registries.badgeInstances(Persona.MARISKA);
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> badge = object(array(response).get(0));
    assertThat(badge).containsEntry("entity_id", "Qe3k2mPpR9yq1xW0aZb7cQ");
    assertThat(object(badge.get("badgeclass")))
        .containsEntry("name", "Keuzedeel Fietsreparatie")
        .containsEntry("badge_class_type", "micro_credential");
  }

  @Test
  void edubadgesAnswers401WithoutBearerAnd403WithoutTheMobileHeader() {
    String url = registries.url(MockRegistry.EDUBADGES, "/mobile/api/badge-instances");
    var withoutBearer = get(url, "X-Requested-With", "mobile");
    var withoutMobile = get(url, bearer("edubadges", Persona.MARISKA));
    assertThat(withoutBearer.statusCode()).isEqualTo(401);
    assertThat(object(withoutBearer))
        .containsEntry("detail", "Authentication credentials were not provided.");
    assertThat(withoutMobile.statusCode()).isEqualTo(403);
    assertThat(object(withoutMobile))
        .containsEntry("detail", "You do not have permission to perform this action.");
  }

  @Test
  void edubadgesServesPublicAssertionsUnderTheirOwnUrl() {
    String id = "Qe3k2mPpR9yq1xW0aZb7cQ";
    var response = registries.assertion(id);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(object(response))
        .containsEntry("type", "Assertion")
        .containsEntry("id", registries.url(MockRegistry.EDUBADGES, "/public/assertions/" + id));
    assertThat(registries.assertion("unknown").statusCode()).isEqualTo(404);
  }

  @Test
  void rioAnswersInstitutionProgrammesAndQualification() {
    var institution = registries.rio("/onderwijsaanbieders/123A456");
    var qualification = registries.rio("/mbo-kwalificaties/25627");
    assertThat(object(institution)).containsEntry("naam", "ROC A Vakcollege");
    assertThat(registries.programmes("123A456", 0)).isNotEmpty();
    assertThat(registries.programmes("123A456", 1)).isEmpty();
    assertThat(object(qualification))
        .containsEntry("naam", "Leidinggevende leisure & hospitality")
        .containsEntry("kwalificatiedossierCode", "23187");
  }

  @Test
  void rioAnswers404ForUnknownCodesAnd401WithoutKey() {
    var withoutKey =
        get(registries.url(MockRegistry.RIO, "/api/rio/v2/onderwijsaanbieders/123A456"));
    assertThat(registries.rio("/onderwijsaanbieders/999A999").statusCode()).isEqualTo(404);
    assertThat(withoutKey.statusCode()).isEqualTo(401);
  }

  @Test
  void sbbAnswersQualificationFileKeuzedeelAndPietersPraktijkverklaring() {
    var file = registries.sbb("/sbb/v1/kwalificatiedossiers?crebocode=25627");
    var keuzedeel = registries.sbb("/sbb/v1/keuzedelen/K1234");
    var statements = registries.statements(Persona.PIETER, List.of("p.devries@roc-a.example.nl"));
    assertThat(array(object(file).get("kerntaken"))).hasSizeBetween(2, 3);
    assertThat(object(keuzedeel)).containsEntry("titel", "Fietsreparatie");
    assertThat(object(array(object(statements).get("praktijkverklaringen")).get(0)))
        .containsEntry("leerbedrijfId", "100077736");
  }

  @Test
  void sbbRejectsAMissingKeyAndAMissingBearer() {
    var withoutKey = get(registries.url(MockRegistry.SBB, "/sbb/v1/keuzedelen/K1234"));
    var withoutBearer =
        get(
            registries.url(
                MockRegistry.SBB, "/sbb/v1/praktijkverklaringen?eppn=p.devries@roc-a.example.nl"),
            "x-api-key",
            MockRegistries.SBB_API_KEY);
    assertThat(withoutKey.statusCode()).isEqualTo(401);
    assertThat(object(withoutKey)).containsEntry("type", "about:blank");
    assertThat(withoutBearer.statusCode()).isEqualTo(401);
  }

  @Test
  void tokenExchangeTurnsAnOwnerTokenIntoARegistryToken() {
    var response =
        registries.exchange(
            MockRegistries.GATEWAY_CLIENT_SECRET, mocks.ownerToken(Persona.MARISKA), "duo");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(object(response))
        .containsEntry("access_token", "at.duo.mariska")
        .containsEntry("token_type", "Bearer")
        .containsEntry("issued_token_type", TokenEndpoint.ACCESS_TOKEN_TYPE);
  }

  @Test
  void tokenExchangeRejectsATokenSignedByAnotherKey() throws Exception {
    // given
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    var header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID("stranger")
            .type(JOSEObjectType.JWT)
            .build();
    var jwt = new SignedJWT(header, ownerClaims(Instant.now().plusSeconds(600)));
    jwt.sign(new RSASSASigner(stranger));
    // when
    var response =
        registries.exchange(MockRegistries.GATEWAY_CLIENT_SECRET, jwt.serialize(), "duo");
    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(object(response)).containsEntry("error", "invalid_grant");
  }

  @Test
  void tokenExchangeRejectsAnExpiredToken() {
    String expired = mocks.signedToken(ownerClaims(Instant.now().minusSeconds(60)));
    var response = registries.exchange(MockRegistries.GATEWAY_CLIENT_SECRET, expired, "duo");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(object(response)).containsEntry("error", "invalid_grant");
  }

  @Test
  void tokenEndpointRejectsAWrongClientSecret() {
    var response = registries.exchange("not-the-secret", mocks.ownerToken(Persona.MARISKA), "duo");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(object(response)).containsEntry("error", "invalid_client");
  }

  @Test
  void tokenEndpointRejectsAnUnknownAudienceAndGrantType() {
    String owner = mocks.ownerToken(Persona.MARISKA);
    var audience = registries.exchange(MockRegistries.GATEWAY_CLIENT_SECRET, owner, "rio");
    var grant =
        registries.token(
            MockRegistries.GATEWAY_CLIENT_ID,
            MockRegistries.GATEWAY_CLIENT_SECRET,
            Map.of("grant_type", "password"));
    assertThat(audience.statusCode()).isEqualTo(400);
    assertThat(object(audience)).containsEntry("error", "invalid_target");
    assertThat(grant.statusCode()).isEqualTo(400);
    assertThat(object(grant)).containsEntry("error", "unsupported_grant_type");
  }

  @Test
  void clientCredentialsGiveAJwtThatVerifiesAgainstTheServedKeys() throws Exception {
    // when
    var response =
        registries.token(
            MockRegistries.COACH_CLIENT_ID,
            MockRegistries.COACH_CLIENT_SECRET,
            Map.of("grant_type", "client_credentials"));
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    SignedJWT jwt = SignedJWT.parse((String) object(response).get("access_token"));
    RSAKey key = registries.servedKeys().getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(mocks.issuer());
    assertThat(claims.getSubject()).isEqualTo(MockRegistries.COACH_CLIENT_ID);
    assertThat(claims.getAudience()).containsExactly(MockRegistries.AUDIENCE);
    assertThat(claims.getExpirationTime()).isAfter(Date.from(Instant.now().plusSeconds(3000)));
  }

  @Test
  void discoveryPointsAtTheServedEndpoints() {
    var response =
        get(registries.url(MockRegistry.EDUID, "/oidc/.well-known/openid-configuration"));
    assertThat(object(response))
        .containsEntry("issuer", mocks.issuer())
        .containsEntry("jwks_uri", mocks.issuer() + "/certs")
        .containsEntry("token_endpoint", registries.tokenUrl());
  }

  @Test
  void rotatedKeySignsNewTokensWhileTheOldKeyStaysPublished() throws Exception {
    // given
    String before = mocks.ownerToken(Persona.PIETER, Duration.ofMinutes(5));
    String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
    // when
    mocks.rotateKey();
    String after = mocks.ownerToken(Persona.PIETER);
    // then
    String newKid = SignedJWT.parse(after).getHeader().getKeyID();
    assertThat(newKid).isNotEqualTo(oldKid);
    JWKSet keys = registries.servedKeys();
    assertThat(keys.getKeyByKeyId(oldKid)).isNotNull();
    assertThat(keys.getKeyByKeyId(newKid)).isNotNull();
    assertThat(keys.getKeys()).noneMatch(key -> key.isPrivate());
    assertThat(object(registries.exchange(MockRegistries.GATEWAY_CLIENT_SECRET, before, "sbb")))
        .containsEntry("access_token", "at.sbb.pieter");
  }

  @Test
  void largeDossierHoldsTenDiplomasAndCertificatesAndFiftyBadges() {
    List<Object> results = array(object(registries.results(Persona.LARS)).get("resultaten"));
    var awards = results.stream().filter(r -> !"KEUZEDEEL".equals(object(r).get("soort")));
    var keuzedelen = results.stream().filter(r -> "KEUZEDEEL".equals(object(r).get("soort")));
    assertThat(awards).hasSize(10);
    assertThat(keuzedelen).hasSize(8);
    assertThat(array(object(registries.results(Persona.LARS)).get("bpv"))).hasSize(5);
    assertThat(array(registries.badgeInstances(Persona.LARS))).hasSize(50);
    assertThat(array(registries.links(Persona.LARS))).hasSize(1);
  }

  @Test
  void emptyDossierHasOneLinkAndNothingElse() {
    var duo = object(registries.results(Persona.EVA));
    assertThat(array(registries.links(Persona.EVA))).hasSize(1);
    assertThat(array(duo.get("resultaten"))).isEmpty();
    assertThat(array(duo.get("bpv"))).isEmpty();
    assertThat(array(registries.badgeInstances(Persona.EVA))).isEmpty();
    assertThat(registries.statementsForAllLinks(Persona.EVA)).isEmpty();
  }

  @Test
  void resetRequestsEmptiesTheJournalsButKeepsTheStubs() {
    // given
    registries.links(Persona.MARISKA);
    // when
    mocks.resetRequests();
    // then
    for (MockRegistry registry : MockRegistry.values()) {
      assertThat(mocks.server(registry).getAllServeEvents())
          .as("journal of %s", registry)
          .isEmpty();
    }
    assertThat(registries.links(Persona.MARISKA).statusCode()).isEqualTo(200);
  }

  @Test
  void everyCodeInAnyPersonasDossierResolvesInRioAndSbb() {
    for (Persona persona : Persona.values()) {
      new ReferenceCheck(registries, persona).run();
    }
  }

  private static JWTClaimsSet ownerClaims(Instant expiry) {
    return new JWTClaimsSet.Builder()
        .issuer(mocks.issuer())
        .audience(MockRegistries.AUDIENCE)
        .subject(Persona.MARISKA.sub())
        .claim("eduid", Persona.MARISKA.sub())
        .issueTime(Date.from(expiry.minusSeconds(3600)))
        .expirationTime(Date.from(expiry))
        .build();
  }
}
