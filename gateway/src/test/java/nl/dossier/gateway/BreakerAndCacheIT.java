package nl.dossier.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static nl.dossier.gateway.GatewayFixture.getPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BreakerAndCacheIT {
  static final String DUO_PATH = "/duo/mijn-diplomas/v1/resultaten";
  static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    gateway =
        GatewayFixture.start(
            config -> {
              JsonObject connectors = config.getJsonObject("connectors");
              connectors.put(
                  "defaults",
                  new JsonObject()
                      .put("timeout", "PT0.5S")
                      .put(
                          "retry",
                          new JsonObject().put("maxAttempts", 2).put("initialBackoff", "PT0.01S"))
                      .put(
                          "breaker",
                          new JsonObject()
                              .put("slidingWindowSize", 4)
                              .put("minimumNumberOfCalls", 4)
                              .put("failureRateThreshold", 50)
                              .put("waitInOpenState", "PT1S")
                              .put("permittedCallsInHalfOpenState", 1))
                      .put(
                          "cache",
                          new JsonObject().put("ttl", "PT1H").put("refreshAfter", "PT0.2S")));
            });
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void breakerOpensStopsCallingHalfOpensAndRecovers() throws Exception {
    // given DUO fails; each request makes two attempts, so two requests fill the window
    var fault =
        gateway
            .mocks
            .server(MockRegistry.DUO)
            .stubFor(
                any(urlPathMatching(DUO_PATH))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
    gateway.query(Persona.MARISKA, "{ me { diplomas { code } } }");
    gateway.query(Persona.MARISKA, "{ me { diplomas { code } } }");
    assertThat(registries().getString("duo")).isEqualTo("OPEN");
    gateway.mocks.resetRequests();
    // when the breaker is open
    JsonObject open =
        gateway.query(Persona.MARISKA, "{ me { diplomas { code } badges { title } } }");
    // then DUO is not called, its fields fail fast with a retry hint, the rest is answered
    assertThat(gateway.count(MockRegistry.DUO, getPath(DUO_PATH))).isZero();
    JsonObject error = open.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
    assertThat(error.getString("code")).isEqualTo("SOURCE_UNAVAILABLE");
    assertThat(error.getString("registry")).isEqualTo("DUO");
    assertThat(error.getInteger("retryAfterSeconds")).isEqualTo(1);
    assertThat(open.getJsonObject("data").getJsonObject("me").getJsonArray("badges")).isNotEmpty();
    // when DUO recovers and the open period is over
    gateway.mocks.server(MockRegistry.DUO).removeStub(fault);
    Thread.sleep(1100);
    JsonObject recovered = gateway.query(Persona.MARISKA, "{ me { diplomas { code } } }");
    // then the probe goes through and the breaker closes
    assertThat(recovered.getJsonArray("errors")).isNull();
    assertThat(recovered.getJsonObject("data").getJsonObject("me").getJsonArray("diplomas"))
        .isNotEmpty();
    assertThat(gateway.count(MockRegistry.DUO, getPath(DUO_PATH))).isEqualTo(1);
    assertThat(registries().getString("duo")).isEqualTo("CLOSED");
  }

  @Test
  void fourHundredsDoNotOpenTheBreaker() {
    // given Edubadges refuses (403) every call
    var fault =
        gateway
            .mocks
            .server(MockRegistry.EDUBADGES)
            .stubFor(
                any(urlPathMatching("/mobile/api/badge-instances"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(403)));
    try {
      // when
      for (int i = 0; i < 6; i++) {
        gateway.query(Persona.MARISKA, "{ me { badges { title } } }");
      }
      // then
      assertThat(registries().getString("edubadges")).isEqualTo("CLOSED");
    } finally {
      gateway.mocks.server(MockRegistry.EDUBADGES).removeStub(fault);
    }
  }

  @Test
  void referenceDataIsServedFromTheCacheWhileRioIsDown() throws Exception {
    // given the institution is cached
    String query = "{ me { diplomas { institution { name } qualification { title } } } }";
    JsonObject warm = gateway.query(Persona.MARISKA, query);
    assertThat(warm.getJsonArray("errors")).isNull();
    // when RIO goes down and the entry is due for refresh
    var fault =
        gateway
            .mocks
            .server(MockRegistry.RIO)
            .stubFor(
                any(urlPathMatching("/api/rio/v2/.*"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(500)));
    try {
      Thread.sleep(300);
      gateway.mocks.resetRequests();
      JsonObject cold = gateway.query(Persona.MARISKA, query);
      Thread.sleep(200);
      JsonObject again = gateway.query(Persona.MARISKA, query);
      // then the old value is still served, though the refresh was tried and failed
      for (JsonObject answer : new JsonObject[] {cold, again}) {
        assertThat(answer.getJsonArray("errors")).isNull();
        JsonObject diploma =
            answer
                .getJsonObject("data")
                .getJsonObject("me")
                .getJsonArray("diplomas")
                .getJsonObject(0);
        assertThat(diploma.getJsonObject("institution").getString("name"))
            .isEqualTo("ROC A Vakcollege");
      }
      assertThat(gateway.requests(MockRegistry.RIO)).isNotEmpty();
    } finally {
      gateway.mocks.server(MockRegistry.RIO).removeStub(fault);
    }
  }

  @Test
  void healthAndReadinessAnswer() {
    var health = gateway.send(HttpRequest.newBuilder(gateway.uri("/health")).GET());
    assertThat(health.status()).isEqualTo(200);
    assertThat(registries().fieldNames())
        .contains("eduid", "eduid-token", "duo", "edubadges", "rio", "sbb");
  }

  static JsonObject registries() {
    return gateway
        .send(HttpRequest.newBuilder(gateway.uri("/ready")).GET())
        .json()
        .getJsonObject("registries");
  }
}
