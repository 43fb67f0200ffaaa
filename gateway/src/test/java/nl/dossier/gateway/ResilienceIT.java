package nl.dossier.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each registry in turn down, slow, rate-limiting or answering garbage: the rest still answers. */
class ResilienceIT {
  static final long DEADLINE_MILLIS = 1500;
  static final String QUERY =
      """
      { me {
          name
          diplomas { code institution { name } qualification { title coreTasks { code } } }
          electives { code elective { title } }
          badges { title }
      } }
      """;

  static GatewayFixture gateway;
  final Map<StubMapping, MockRegistry> faults = new java.util.HashMap<>();

  @BeforeAll
  static void start() {
    gateway = GatewayFixture.start(ResilienceIT::configure);
  }

  /** Short timeouts, two attempts, and breakers that stay closed through these tests. */
  static void configure(JsonObject config) {
    GatewayFixture.withoutReferenceCache(config);
    config.put(
        "limits", new JsonObject().put("requestDeadline", "PT" + DEADLINE_MILLIS / 1000.0 + "S"));
    JsonObject connectors = config.getJsonObject("connectors");
    connectors.put(
        "defaults",
        new JsonObject()
            .put("timeout", "PT0.3S")
            .put("retry", new JsonObject().put("maxAttempts", 2).put("initialBackoff", "PT0.01S"))
            .put(
                "breaker",
                new JsonObject().put("minimumNumberOfCalls", 100).put("slidingWindowSize", 100)));
    // DUO may take long per call: only the request deadline cuts it off
    connectors.getJsonObject("duo").put("timeout", "PT10S");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void reset() {
    gateway.mocks.resetRequests();
  }

  @AfterEach
  void removeFaults() {
    faults.forEach((fault, registry) -> gateway.mocks.server(registry).removeStub(fault));
    faults.clear();
  }

  enum Failure {
    CONNECTION_RESET("SOURCE_UNAVAILABLE", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
    SERVER_ERROR(
        "SOURCE_UNAVAILABLE",
        aResponse().withStatus(500).withBody("{\"detail\":\"internal secret\"}")),
    SLOW("SOURCE_TIMEOUT", aResponse().withStatus(200).withFixedDelay(3000).withBody("[]")),
    RATE_LIMITED("SOURCE_RATE_LIMITED", aResponse().withStatus(429).withHeader("Retry-After", "7")),
    GARBAGE(
        "SOURCE_UNAVAILABLE",
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("<html>oops"));

    final String code;
    final ResponseDefinitionBuilder response;

    Failure(String code, ResponseDefinitionBuilder response) {
      this.code = code;
      this.response = response;
    }
  }

  static Stream<Arguments> everyRegistryAndFailure() {
    var cases = new ArrayList<Arguments>();
    for (MockRegistry registry : MockRegistry.values()) {
      for (Failure failure : Failure.values()) {
        cases.add(Arguments.of(registry, failure));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRegistryAndFailure")
  void aFailingRegistryNullsOnlyItsOwnFields(MockRegistry registry, Failure failure) {
    // given
    breakRegistry(registry, failure);
    // when
    long start = System.nanoTime();
    var answer = gateway.post("Bearer " + gateway.token(Persona.MARISKA), QUERY, Map.of());
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    // then the answer is in time, names the failing registry with a stable code and no internals
    assertThat(answer.status()).isEqualTo(200);
    assertThat(tookMillis).isLessThan(DEADLINE_MILLIS + 1000);
    assertThat(answer.body())
        .doesNotContain("internal secret")
        .doesNotContain("oops")
        .doesNotContain("Exception");
    JsonObject body = answer.json();
    List<JsonObject> errors = errors(body);
    assertThat(errors).isNotEmpty();
    assertThat(errors)
        .allSatisfy(
            error -> {
              assertThat(error.getJsonObject("extensions").getString("registry"))
                  .isEqualTo(registry.name());
              assertThat(error.getJsonObject("extensions").getString("code"))
                  .isEqualTo(failure.code);
              assertThat(error.getJsonObject("extensions").getString("correlationId")).isNotBlank();
            });
    if (failure == Failure.RATE_LIMITED) {
      assertThat(errors.get(0).getJsonObject("extensions").getInteger("retryAfterSeconds"))
          .isEqualTo(7);
    }
    // and everything the other registries hold is there
    JsonObject me = body.getJsonObject("data").getJsonObject("me");
    assertThat(me.getValue("name") != null).isEqualTo(registry != MockRegistry.EDUID);
    assertThat(me.getValue("badges") != null).isEqualTo(registry != MockRegistry.EDUBADGES);
    assertThat(me.getValue("diplomas") != null).isEqualTo(registry != MockRegistry.DUO);
    if (registry != MockRegistry.DUO) {
      JsonObject diploma = me.getJsonArray("diplomas").getJsonObject(0);
      assertThat(diploma.getString("code")).isEqualTo("25627");
      assertThat(diploma.getValue("institution") != null).isEqualTo(registry != MockRegistry.RIO);
      JsonObject qualification = diploma.getJsonObject("qualification");
      assertThat(qualification.getValue("title") != null).isEqualTo(registry != MockRegistry.RIO);
      assertThat(qualification.getValue("coreTasks") != null)
          .isEqualTo(registry != MockRegistry.SBB);
      assertThat(me.getJsonArray("electives").getJsonObject(0).getValue("elective") != null)
          .isEqualTo(registry != MockRegistry.SBB);
    }
  }

  @org.junit.jupiter.api.Test
  void aRateLimitedReadIsRetriedAfterTheRegistrysRetryAfter() {
    // given the first call is refused with Retry-After: 1, the second answers
    var first =
        gateway
            .mocks
            .server(MockRegistry.EDUBADGES)
            .stubFor(
                any(urlPathMatching("/mobile/api/badge-instances"))
                    .atPriority(1)
                    .inScenario("rate")
                    .whenScenarioStateIs("Started")
                    .willSetStateTo("open")
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    faults.put(first, MockRegistry.EDUBADGES);
    // when
    long start = System.nanoTime();
    JsonObject body = gateway.query(Persona.MARISKA, "{ me { badges { title } } }");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    // then
    assertThat(body.getJsonArray("errors")).isNull();
    assertThat(body.getJsonObject("data").getJsonObject("me").getJsonArray("badges")).isNotEmpty();
    assertThat(tookMillis).isGreaterThanOrEqualTo(1000);
    assertThat(
            gateway.count(
                MockRegistry.EDUBADGES, GatewayFixture.getPath("/mobile/api/badge-instances")))
        .isEqualTo(2);
  }

  @org.junit.jupiter.api.Test
  void aRegistryThatFailsManyFieldsIsLoggedOncePerRequest() {
    // given DUO down, and a query with many fields that DUO fills
    breakRegistry(MockRegistry.DUO, Failure.SERVER_ERROR);
    var logged = new ArrayList<LogRecord>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (logged) {
              logged.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      // when
      JsonObject body =
          gateway.query(
              Persona.LARS,
              "{ me { diplomas { code } certificates { code } electives { code } examResults { subject } } }");
      // then four fields failed, but the log has one line for DUO and no registry text
      assertThat(errors(body)).hasSize(4);
      List<String> warnings;
      synchronized (logged) {
        warnings =
            logged.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogRecord::getMessage)
                .filter(message -> message != null && message.contains("DUO"))
                .toList();
      }
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0)).contains("UNAVAILABLE").doesNotContain("internal secret");
    } finally {
      root.removeHandler(capture);
    }
  }

  private void breakRegistry(MockRegistry registry, Failure failure) {
    StubMapping fault =
        gateway
            .mocks
            .server(registry)
            .stubFor(
                any(urlPathMatching(path(registry))).atPriority(1).willReturn(failure.response));
    faults.put(fault, registry);
  }

  static String path(MockRegistry registry) {
    return switch (registry) {
      case EDUID -> "/myconext/api/eduid/links";
      case DUO -> "/duo/mijn-diplomas/v1/resultaten";
      case EDUBADGES -> "/mobile/api/badge-instances";
      case RIO -> "/api/rio/v2/.*";
      case SBB -> "/sbb/v1/.*";
    };
  }

  static List<JsonObject> errors(JsonObject body) {
    JsonArray errors = body.getJsonArray("errors");
    return errors == null ? List.of() : errors.stream().map(JsonObject.class::cast).toList();
  }

  static JsonObject ready() {
    return gateway.send(HttpRequest.newBuilder(gateway.uri("/ready")).GET()).json();
  }
}
