package nl.dossier.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryStubTest {
  private static final String BASE_URL = "http://127.0.0.1:1234";

  @Test
  void servesThePersonasResultsForTheirToken() {
    // given
    var duo = stub("duo");
    // when
    var response = duo.find(get("/duo/mijn-diplomas/v1/resultaten", "Bearer at.duo.mariska"));
    // then
    assertThat(response.status()).isEqualTo(200);
    assertThat(body(response, "/")).contains("\"opleidingcode\": \"25627\"");
  }

  @Test
  void answers401ForAnUnknownPersona() {
    // given
    var duo = stub("duo");
    // when
    var response = duo.find(get("/duo/mijn-diplomas/v1/resultaten", "Bearer at.duo.nobody"));
    // then
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void matchesOneOfRepeatedQueryParameters() {
    // given
    var sbb = stub("sbb");
    var request = get("/sbb/v1/praktijkverklaringen", "Bearer at.sbb.pieter");
    request.headers().add("x-api-key", "sbb-demo-key");
    request
        .query()
        .add("eppn", "someone@else.example.nl")
        .add("eppn", "p.devries@roc-a.example.nl");
    // when
    var response = sbb.find(request);
    // then
    assertThat(body(response, "/")).contains("pv-3f9a2c71");
  }

  @Test
  void rendersTheTemplatesOfTheMocks() {
    // given
    var rio = stub("rio");
    var request = get("/api/rio/v2/aangeboden-mbo-opleidingen", null);
    request.headers().add("x-api-key", "rio-demo-key");
    request.query().add("onderwijsaanbieder", "123A456").add("page", "2");
    // when
    var response = rio.find(request);
    // then
    assertThat(body(response, request)).contains("\"number\": 2").doesNotContain("{{");
  }

  @Test
  void fillsInItsOwnBaseUrlInBadgeAssertions() {
    // given
    var edubadges = stub("edubadges");
    // when
    var response = edubadges.find(get("/public/assertions/Qe3k2mPpR9yq1xW0aZb7cQ.json", null));
    // then
    assertThat(body(response, "/"))
        .contains(BASE_URL + "/public/assertions/Qe3k2mPpR9yq1xW0aZb7cQ");
  }

  private static RegistryStub stub(String registry) {
    return new RegistryStub(
        null, registry, MappingLoader.load(registry, BASE_URL), 0, new CallCounter(), null);
  }

  private static StubRequest get(String path, String authorization) {
    var headers = MultiMap.caseInsensitiveMultiMap();
    if (authorization != null) {
      headers.add("Authorization", authorization);
    }
    return new StubRequest("GET", path, path, headers, MultiMap.caseInsensitiveMultiMap());
  }

  private static String body(StubResponse response, String path) {
    return body(response, get(path, null));
  }

  private static String body(StubResponse response, StubRequest request) {
    return response.body().render(request).toString(StandardCharsets.UTF_8);
  }
}
