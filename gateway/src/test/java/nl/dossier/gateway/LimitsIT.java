package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every abuse limit rejects before anything runs, with a 4xx and a stable code. */
class LimitsIT {
  static GatewayFixture gateway;
  static final ExecutorService clients = Executors.newCachedThreadPool();
  static final String SEVEN_FIELDS = "{ me { badges { title description kind ects issuerName } } }";
  static final RequestPatternBuilder BADGE_READS =
      GatewayFixture.getPath("/mobile/api/badge-instances");
  static final RequestPatternBuilder DUO_READS =
      GatewayFixture.getPath("/duo/mijn-diplomas/v1/resultaten");

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
                        .put("maxQueued", 1)
                        .put("maxQueueWait", "PT5S")
                        .put("introspection", false)));
  }

  @AfterAll
  static void stop() {
    clients.shutdownNow();
    gateway.close();
  }

  @BeforeEach
  void reset() {
    gateway.mocks.resetRequests();
  }

  @AfterEach
  void noDelays() {
    for (MockRegistry registry : MockRegistry.values()) {
      gateway.mocks.server(registry).setGlobalFixedDelay(0);
    }
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
  void workBeyondTheFieldsInFlightWaitsAndBeyondTheQueueIsRefusedAtOnce() throws Exception {
    // given a request of 7 fields (of 10 in flight), held up by a slow Edubadges
    var first = heldUpSevenFields();
    // when a second one comes while the first is under way, it waits (the queue holds one)
    var second = postAsync(gateway, bearer(), SEVEN_FIELDS);
    Thread.sleep(200);
    var third = gateway.post(bearer(), SEVEN_FIELDS, Map.of());
    // then a third is refused at once, and no registry is asked for the second yet
    assertThat(third.status()).as(third.body()).isEqualTo(503);
    assertThat(third.headers().get("retry-after")).containsExactly("1");
    assertThat(code(third.json())).isEqualTo("OVERLOADED");
    assertThat(gateway.count(MockRegistry.EDUBADGES, BADGE_READS)).isEqualTo(1);
    // and the first is answered in full, then the second
    assertAnswered(List.of(first, second));
    assertThat(gateway.count(MockRegistry.EDUBADGES, BADGE_READS)).isEqualTo(2);
  }

  @Test
  void aClientThatGoesWhileItsRequestWaitsGivesBackItsPlace() throws Exception {
    // given a request of 7 fields (of 10 in flight), held up by a slow Edubadges
    var first = heldUpSevenFields();
    // when a second one waits (the queue holds one), and its client goes
    try (Socket second = new Socket("localhost", gateway.uri("/").getPort())) {
      byte[] body =
          new JsonObject().put("query", SEVEN_FIELDS).encode().getBytes(StandardCharsets.UTF_8);
      String head =
          "POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
              + bearer()
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n\r\n";
      second.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
      second.getOutputStream().write(body);
      Thread.sleep(200);
    }
    Thread.sleep(200);
    // then a third waits in its place instead of being refused, and is answered after the first;
    // no registry was asked anything for the second
    var third = postAsync(gateway, bearer(), SEVEN_FIELDS);
    assertAnswered(List.of(first, third));
    assertThat(gateway.count(MockRegistry.EDUBADGES, BADGE_READS)).isEqualTo(2);
  }

  @Test
  void aQueryIsWeighedByTheFieldsItsAnswersHad() throws Exception {
    // given a query of 5 fields, two of which fit the 10 in flight, whose answer has 10 (3 grades)
    String query = "query Weighed { me { diplomas { grades { subject finalGrade } } } }";
    gateway.mocks.server(MockRegistry.DUO).setGlobalFixedDelay(1000);
    // when it has not been answered before, two are taken on at once
    var pair = List.of(postAsync(gateway, bearer(), query), postAsync(gateway, bearer(), query));
    awaitCount(MockRegistry.DUO, DUO_READS, 2);
    assertAnswered(pair);
    gateway.mocks.resetRequests();
    // once answered, it weighs what its answers had
    assertTheSecondWaitsForTheFirst(query);
  }

  @Test
  void aQueryIsWeighedByTheFieldsItsAnswersInABatchHad() throws Exception {
    // given a query of 5 fields whose answer has 10, answered once in a batch
    String query = "query WeighedInABatch { me { diplomas { grades { subject finalGrade } } } }";
    var batch = post("[" + new JsonObject().put("query", query).encode() + "]");
    assertThat(batch.status()).as(batch.body()).isEqualTo(200);
    assertThat(new JsonArray(batch.body()).getJsonObject(0).getJsonArray("errors")).isNull();
    gateway.mocks.resetRequests();
    // when two come at once on their own
    assertTheSecondWaitsForTheFirst(query);
  }

  @Test
  void aQueryIsWeighedByTheOwnersItsRequestsRead() throws Exception {
    // given a DUO bulkhead of four calls, and a party's query of three dossier fields over two
    // owners (one share asked twice), which no request has read yet
    try (GatewayFixture small = withDuoBulkhead(4)) {
      String party = MockRegistries.INTAKE_CLIENT_ID;
      String mohamed =
          SharingTestSupport.share(small, Persona.MOHAMED, party, "admission", Set.of("diplomas"));
      String pieter =
          SharingTestSupport.share(small, Persona.PIETER, party, "admission", Set.of("diplomas"));
      String read = ": dossier(shareId: \"%s\", purpose: \"admission\") { diplomas { code } }";
      String query =
          String.format("{ a" + read + " b" + read + " c" + read + " }", mohamed, mohamed, pieter);
      String bearer = "Bearer " + small.mocks.clientToken(party);
      small.mocks.server(MockRegistry.DUO).setGlobalFixedDelay(600);
      small.mocks.resetRequests();
      // when two come at once, each weighed as three owners, the second waits for the first
      // (less than the second it may wait)
      var pair = List.of(postAsync(small, bearer, query), postAsync(small, bearer, query));
      awaitCount(small, MockRegistry.DUO, DUO_READS, 2);
      Thread.sleep(300);
      assertThat(small.count(MockRegistry.DUO, DUO_READS)).isEqualTo(2);
      assertAnswered(pair);
      small.mocks.resetRequests();
      // and once their requests have read two owners each, two are taken on at once: all four
      // calls are under way well before the first answer
      pair = List.of(postAsync(small, bearer, query), postAsync(small, bearer, query));
      Thread.sleep(400);
      assertThat(small.count(MockRegistry.DUO, DUO_READS)).isEqualTo(4);
      assertAnswered(pair);
    }
  }

  @Test
  void noMoreOwnersAreReadAtOnceThanTheSmallestBulkheadAllows() throws Exception {
    // given a DUO bulkhead of two calls, and a party's query that reads two owners' diplomas
    try (GatewayFixture small = withDuoBulkhead(2)) {
      String party = MockRegistries.INTAKE_CLIENT_ID;
      var both = new StringBuilder("{");
      for (Persona owner : List.of(Persona.MOHAMED, Persona.PIETER)) {
        String share =
            SharingTestSupport.share(small, owner, party, "admission", Set.of("diplomas"));
        both.append(
            String.format(
                " %s: dossier(shareId: \"%s\", purpose: \"admission\") { diplomas { code } }",
                owner.name().toLowerCase(Locale.ROOT), share));
      }
      String query = both.append(" }").toString();
      String bearer = "Bearer " + small.mocks.clientToken(party);
      assertThat(small.query(bearer, query, Map.of()).getJsonArray("errors")).isNull();
      small.mocks.server(MockRegistry.DUO).setGlobalFixedDelay(500);
      small.mocks.resetRequests();
      // when two of them come at once
      var answers = List.of(postAsync(small, bearer, query), postAsync(small, bearer, query));
      // then the second waits for the first rather than run into the bulkhead (BUSY)
      assertAnswered(answers);
      assertThat(small.requests(MockRegistry.DUO)).hasSize(4);
    }
  }

  /**
   * Starts a request of 7 fields (of the 10 in flight) that a slow Edubadges holds up for 1.5 s.
   */
  private static CompletableFuture<GatewayFixture.Answer> heldUpSevenFields()
      throws InterruptedException {
    gateway.mocks.server(MockRegistry.EDUBADGES).setGlobalFixedDelay(1500);
    var first = postAsync(gateway, bearer(), SEVEN_FIELDS);
    awaitCount(MockRegistry.EDUBADGES, BADGE_READS, 1);
    return first;
  }

  /** Two requests of the query at once, DUO slow: the second is taken on when the first ends. */
  private static void assertTheSecondWaitsForTheFirst(String query) throws Exception {
    gateway.mocks.server(MockRegistry.DUO).setGlobalFixedDelay(1000);
    var pair = List.of(postAsync(gateway, bearer(), query), postAsync(gateway, bearer(), query));
    awaitCount(MockRegistry.DUO, DUO_READS, 1);
    Thread.sleep(300);
    assertThat(gateway.count(MockRegistry.DUO, DUO_READS)).isEqualTo(1);
    assertAnswered(pair);
    assertThat(gateway.count(MockRegistry.DUO, DUO_READS)).isEqualTo(2);
  }

  /** A gateway of its own whose DUO connector allows this many calls at once. */
  private static GatewayFixture withDuoBulkhead(int calls) {
    return GatewayFixture.start(
        config ->
            config
                .getJsonObject("connectors")
                .getJsonObject("duo")
                .put("maxConcurrentCalls", calls));
  }

  /** Posts on a thread of its own, so that requests are under way together. */
  private static CompletableFuture<GatewayFixture.Answer> postAsync(
      GatewayFixture fixture, String authorization, String query) {
    return CompletableFuture.supplyAsync(
        () -> fixture.post(authorization, query, Map.of()), clients);
  }

  private static void assertAnswered(List<CompletableFuture<GatewayFixture.Answer>> answers)
      throws Exception {
    for (var answered : answers) {
      var answer = answered.get(10, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().getJsonArray("errors")).isNull();
    }
  }

  private static void awaitCount(MockRegistry registry, RequestPatternBuilder pattern, int expected)
      throws InterruptedException {
    awaitCount(gateway, registry, pattern, expected);
  }

  private static void awaitCount(
      GatewayFixture fixture, MockRegistry registry, RequestPatternBuilder pattern, int expected)
      throws InterruptedException {
    for (int i = 0; i < 100 && fixture.count(registry, pattern) < expected; i++) {
      Thread.sleep(10);
    }
    assertThat(fixture.count(registry, pattern)).isEqualTo(expected);
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
