package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Map;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphQLOverHttpIT {
  static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    gateway = GatewayFixture.start(config -> config.getJsonObject("http").put("bodyLimit", 4096));
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
  void postAnswersWithGraphQLResponseMediaType() {
    var answer = gateway.post(bearer(), "{ me { name } }", Map.of());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/graphql-response+json");
    assertThat(answer.json().getJsonObject("data").getJsonObject("me").getString("name"))
        .isEqualTo("Mariska Jansen");
    assertThat(answer.header("X-Correlation-Id")).isNotBlank();
  }

  @Test
  void getRunsQueries() {
    var answer = gateway.get(bearer(), "{ me { name } }");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getJsonObject("data").getJsonObject("me").getString("name"))
        .isEqualTo("Mariska Jansen");
  }

  @Test
  void variablesAndOperationNameAreHonoured() {
    String query =
        "query A { institution(code: \"000A000\") { name } } query B($code: ID!) { institution(code: $code) { name } }";
    String body =
        new JsonObject()
            .put("query", query)
            .put("operationName", "B")
            .put("variables", new JsonObject().put("code", "123A456"))
            .encode();
    var answer = send(post(body));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getJsonObject("data").getJsonObject("institution").getString("name"))
        .isEqualTo("ROC A Vakcollege");
  }

  @Test
  void getWithMutationIsRefusedWith405() {
    var answer = gateway.get(bearer(), "mutation { revokeEverything }");
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("Allow")).isEqualTo("POST");
    assertNoRegistryCalled();
  }

  @Test
  void otherMethodsAreRefusedWith405() {
    var answer =
        send(
            request()
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("Allow")).isEqualTo("GET, POST");
  }

  @Test
  void postWithoutJsonContentTypeIsRefusedWith415() {
    var answer =
        send(
            request()
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{ me { name } }")));
    assertThat(answer.status()).isEqualTo(415);
  }

  @Test
  void malformedJsonIs400() {
    assertBadRequest(send(post("{\"query\": ")));
  }

  @Test
  void emptyAndBlankBodiesAre400() {
    assertBadRequest(send(post("")));
    assertBadRequest(send(post(" \n ")));
  }

  @Test
  void bodyThatIsNotUtf8Is400() {
    byte[] latin1 =
        "{\"query\": \"{ me { name } }\", \"operationName\": \"caf\u00e9\"}"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertBadRequest(
        send(
            request()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1))));
  }

  @Test
  void anArrayAfterLeadingSpaceIsABatchAndAnsweredAsOne() {
    var query = new JsonObject().put("query", "{ me { name } }").encode();
    var answer = send(post(" \n\t[" + query + "]"));
    assertThat(answer.status()).isEqualTo(200);
    var results = new io.vertx.core.json.JsonArray(answer.body());
    assertThat(results.size()).isEqualTo(1);
    assertThat(results.getJsonObject(0).getJsonObject("data").getJsonObject("me").getString("name"))
        .isEqualTo("Mariska Jansen");
    var single = send(post(" " + query));
    assertThat(single.body()).startsWith("{");
    assertThat(single.json().getJsonObject("data").getJsonObject("me").getString("name"))
        .isEqualTo("Mariska Jansen");
  }

  @Test
  void bodyThatIsNotAnObjectIs400() {
    assertBadRequest(send(post("\"{ me { name } }\"")));
  }

  @Test
  void missingQueryIs400() {
    assertBadRequest(send(post("{\"variables\": {}}")));
  }

  @Test
  void queryThatIsNotAStringIs400() {
    assertBadRequest(send(post("{\"query\": 42}")));
  }

  @Test
  void variablesThatAreNotAnObjectAre400() {
    assertBadRequest(send(post("{\"query\": \"{ me { name } }\", \"variables\": [1]}")));
  }

  @Test
  void syntaxErrorIs400WithGraphQLError() {
    var answer = gateway.post(bearer(), "{ me { name ", Map.of());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getJsonArray("errors")).isNotEmpty();
    assertThat(answer.json().containsKey("data")).isFalse();
    assertNoRegistryCalled();
  }

  @Test
  void validationErrorIs400() {
    var answer = gateway.post(bearer(), "{ me { shoeSize } }", Map.of());
    assertThat(answer.status()).isEqualTo(400);
    assertNoRegistryCalled();
  }

  @Test
  void validationErrorIs200ForLegacyJsonClients() {
    var answer =
        send(
            post(new JsonObject().put("query", "{ me { shoeSize } }").encode())
                .header("Accept", "application/json"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.json().getJsonArray("errors")).isNotEmpty();
  }

  @Test
  void unacceptableMediaTypeIs406() {
    var answer =
        send(
            post(new JsonObject().put("query", "{ me { name } }").encode())
                .header("Accept", "text/html"));
    assertThat(answer.status()).isEqualTo(406);
  }

  @Test
  void oversizedBodyIs413() {
    String query = "{ me { name } }" + " ".repeat(5000);
    var answer = send(post(new JsonObject().put("query", query).encode()));
    assertThat(answer.status()).isEqualTo(413);
    assertNoRegistryCalled();
  }

  @Test
  void healthAnswersUp() {
    var answer = send(HttpRequest.newBuilder(gateway.uri("/health")).GET());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getString("status")).isEqualTo("UP");
  }

  @Test
  void graphiqlIsServed() {
    var answer = send(HttpRequest.newBuilder(gateway.uri("/graphiql/")).GET());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).containsIgnoringCase("graphiql");
  }

  private static String bearer() {
    return "Bearer " + gateway.token(Persona.MARISKA);
  }

  private static HttpRequest.Builder request() {
    return HttpRequest.newBuilder(gateway.uri("/graphql")).header("Authorization", bearer());
  }

  private static HttpRequest.Builder post(String body) {
    return request()
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static GatewayFixture.Answer send(HttpRequest.Builder request) {
    return gateway.send(request);
  }

  private static void assertBadRequest(GatewayFixture.Answer answer) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(
            answer
                .json()
                .getJsonArray("errors")
                .getJsonObject(0)
                .getJsonObject("extensions")
                .getString("code"))
        .isEqualTo("BAD_REQUEST");
    assertNoRegistryCalled();
  }

  private static void assertNoRegistryCalled() {
    for (MockRegistry registry : MockRegistry.values()) {
      assertThat(gateway.requests(registry)).as("requests to %s", registry).isEmpty();
    }
  }
}
