package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every abuse limit rejects before anything runs, with a 4xx and a stable code. */
class LimitsIT {
  static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    gateway =
        GatewayFixture.start(
            config ->
                config.put(
                    "limits",
                    new JsonObject()
                        .put("maxDepth", 4)
                        .put("maxAliases", 3)
                        .put("maxTokens", 150)
                        .put("maxDirectives", 2)
                        .put("maxComplexity", 500)
                        .put("maxBatch", 2)
                        .put("maxFieldsInFlight", 10)
                        .put("introspection", false)));
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
  void tooDeepIsRejected() {
    assertRejected(
        "{ me { diplomas { qualification { coreTasks { code } } } } }", "QUERY_TOO_DEEP");
  }

  @Test
  void tooManyAliasesAreRejected() {
    assertRejected(
        "{ a: me { name } b: me { name } c: me { name } d: me { name } }", "TOO_MANY_ALIASES");
  }

  @Test
  void tooManyTokensAreRejected() {
    assertRejected("{ me { " + "name ".repeat(200) + "} }", "DOCUMENT_TOO_LARGE");
  }

  @Test
  void tooManyDirectivesAreRejected() {
    assertRejected(
        "{ me { name @include(if: true) badges @include(if: true) { title @skip(if: false) } } }",
        "TOO_MANY_DIRECTIVES");
  }

  @Test
  void tooCostlyIsRejectedCountingListSizes() {
    assertRejected(
        "{ me { badges { title description kind ects alignments { framework } } } }",
        "QUERY_TOO_COMPLEX");
  }

  @Test
  void introspectionCanBeTurnedOff() {
    assertRejected("{ __schema { types { name } } }", "INTROSPECTION_DISABLED");
    assertRejected("{ __type(name: \"Person\") { fields { name } } }", "INTROSPECTION_DISABLED");
  }

  @Test
  void unknownFieldsGetNoSuggestions() {
    var answer = gateway.post(bearer(), "{ me { nam } }", Map.of());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).doesNotContainIgnoringCase("did you mean");
    assertThat(code(answer.json())).isEqualTo("GRAPHQL_VALIDATION_FAILED");
  }

  @Test
  void batchesAreLimited() {
    String one = new JsonObject().put("query", "{ me { name } }").encode();
    var three = post("[" + one + "," + one + "," + one + "]");
    assertThat(three.status()).isEqualTo(400);
    assertThat(code(three.json())).isEqualTo("BATCH_TOO_LARGE");
    var two = post("[" + one + "," + one + "]");
    assertThat(two.status()).isEqualTo(200);
    JsonArray results = new JsonArray(two.body());
    assertThat(results).hasSize(2);
    assertThat(results.getJsonObject(1).getJsonObject("data").getJsonObject("me").getString("name"))
        .isEqualTo("Mariska Jansen");
  }

  @Test
  void queriesWithinTheLimitsRun() {
    JsonObject answer =
        gateway.query(Persona.MARISKA, "{ me { name __typename badges { title } } }");
    assertThat(answer.getJsonArray("errors")).isNull();
  }

  @Test
  void workBeyondTheFieldsInFlightIsRefusedAtOnceAndAdmittedAgainWhenDone() throws Exception {
    // given a request of 7 fields (of 10 in flight), held up by a slow Edubadges
    String query = "{ me { badges { title description kind ects issuerName } } }";
    var badges = gateway.mocks.server(MockRegistry.EDUBADGES);
    var badgeReads = GatewayFixture.getPath("/mobile/api/badge-instances");
    badges.setGlobalFixedDelay(1500);
    try {
      var first = CompletableFuture.supplyAsync(() -> gateway.post(bearer(), query, Map.of()));
      for (int i = 0; i < 100 && gateway.count(MockRegistry.EDUBADGES, badgeReads) == 0; i++) {
        Thread.sleep(20);
      }
      // when a second one comes while the first is under way
      var second = gateway.post(bearer(), query, Map.of());
      // then it is refused at once, asks no registry, and the first is answered in full
      assertThat(second.status()).as(second.body()).isEqualTo(503);
      assertThat(second.headers().get("retry-after")).containsExactly("1");
      assertThat(code(second.json())).isEqualTo("OVERLOADED");
      var answered = first.get(10, TimeUnit.SECONDS);
      assertThat(answered.status()).isEqualTo(200);
      assertThat(answered.json().getJsonArray("errors")).isNull();
      assertThat(gateway.count(MockRegistry.EDUBADGES, badgeReads)).isEqualTo(1);
    } finally {
      badges.setGlobalFixedDelay(0);
    }
    // and once the first is done, its fields are free again
    assertThat(gateway.post(bearer(), query, Map.of()).status()).isEqualTo(200);
  }

  private static void assertRejected(String query, String expectedCode) {
    var answer = gateway.post(bearer(), query, Map.of());
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(code(answer.json())).isEqualTo(expectedCode);
    assertThat(
            answer
                .json()
                .getJsonArray("errors")
                .getJsonObject(0)
                .getJsonObject("extensions")
                .getString("correlationId"))
        .isNotBlank();
    for (MockRegistry registry : MockRegistry.values()) {
      assertThat(gateway.requests(registry)).as("requests to %s", registry).isEmpty();
    }
  }

  private static GatewayFixture.Answer post(String body) {
    return gateway.send(
        HttpRequest.newBuilder(gateway.uri("/graphql"))
            .header("Authorization", bearer())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String bearer() {
    return "Bearer " + gateway.token(Persona.MARISKA);
  }

  private static String code(JsonObject answer) {
    return answer
        .getJsonArray("errors")
        .getJsonObject(0)
        .getJsonObject("extensions")
        .getString("code");
  }
}
