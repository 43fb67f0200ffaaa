package nl.dossier.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.Test;

class AuthorizationEndpointsTest {
  private static final TokenIssuer ISSUER = new TokenIssuer("http://127.0.0.1:1/oidc");
  private static final AuthorizationEndpoints OIDC = new AuthorizationEndpoints(ISSUER);

  @Test
  void exchangesAnOwnerTokenForARegistryToken() {
    // given
    String form = exchange(ISSUER.ownerToken(Persona.MARISKA), "access_token", "duo");
    // when
    var response = OIDC.answer(token("dossier-gateway:gateway-secret"), Buffer.buffer(form));
    // then
    assertThat(json(response).getString("access_token")).isEqualTo("at.duo.mariska");
  }

  @Test
  void exchangesAStandInOwnersTokenForItsPersonasRegistryToken() {
    // given
    String standIn = ISSUER.ownerToken(Owners.standIn(7), "Stand-in");
    String form = exchange(standIn, "access_token", "edubadges");
    // when
    var response = OIDC.answer(token("dossier-gateway:gateway-secret"), Buffer.buffer(form));
    // then
    assertThat(json(response).getString("access_token"))
        .isEqualTo("at.edubadges." + Owners.persona(7).key());
  }

  @Test
  void takesThePersonaOfAGatewayAssertionFromItsSubject() {
    // given
    String assertion = ISSUER.ownerToken(Persona.LARS);
    String form = exchange(assertion, "jwt", "sbb");
    // when
    var response = OIDC.answer(token("dossier-gateway:gateway-secret"), Buffer.buffer(form));
    // then
    assertThat(json(response).getString("access_token")).isEqualTo("at.sbb.lars");
  }

  @Test
  void refusesAClientWithTheWrongSecret() {
    // given
    String form = exchange(ISSUER.ownerToken(Persona.MARISKA), "access_token", "duo");
    // when
    var response = OIDC.answer(token("dossier-gateway:wrong"), Buffer.buffer(form));
    // then
    assertThat(response.status()).isEqualTo(401);
  }

  private static StubRequest token(String credentials) {
    var headers = MultiMap.caseInsensitiveMultiMap();
    String basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    headers.add("Authorization", "Basic " + basic);
    return new StubRequest(
        "POST", "/oidc/token", "/oidc/token", headers, MultiMap.caseInsensitiveMultiMap());
  }

  private static String exchange(String subjectToken, String type, String audience) {
    return "grant_type="
        + encode(AuthorizationEndpoints.TOKEN_EXCHANGE)
        + "&subject_token="
        + encode(subjectToken)
        + "&subject_token_type="
        + encode("urn:ietf:params:oauth:token-type:" + type)
        + "&audience="
        + audience;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonObject json(StubResponse response) {
    assertThat(response.status()).isEqualTo(200);
    return new JsonObject(response.body().render(token("x:y")).toString(StandardCharsets.UTF_8));
  }
}
