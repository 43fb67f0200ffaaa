package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.Test;

/**
 * A call that the bulkhead lets through never waits for a pooled connection: a call that timed out
 * in that queue would count against a healthy registry for the gateway's own congestion.
 */
class ConnectionPoolIT {
  static final int CALLS = 16;

  @Test
  void asManyCallsAsTheBulkheadAllowsRunAtOnceOnOneEventLoop() throws Exception {
    // given a DUO that answers in 300 ms, a 500 ms timeout, and a bulkhead of sixteen calls
    // (on port 0 the gateway serves from one event loop, so all calls share its pool)
    try (GatewayFixture gateway =
        GatewayFixture.start(
            config ->
                config
                    .getJsonObject("connectors")
                    .getJsonObject("duo")
                    .put("timeout", "PT0.5S")
                    .put("maxConcurrentCalls", CALLS)
                    .put("retry", new JsonObject().put("maxAttempts", 1)))) {
      gateway.query(Persona.MARISKA, "{ me { diplomas { code } } }");
      gateway.mocks.server(MockRegistry.DUO).setGlobalFixedDelay(300);
      gateway.mocks.resetRequests();
      // when sixteen dossiers are read at once
      ExecutorService callers = Executors.newFixedThreadPool(CALLS);
      var answers = new ArrayList<CompletableFuture<JsonObject>>();
      try {
        for (int i = 0; i < CALLS; i++) {
          answers.add(
              CompletableFuture.supplyAsync(
                  () -> gateway.query(Persona.MARISKA, "{ me { diplomas { code } } }"), callers));
        }
        // then each has its diplomas: no call waited for a connection and timed out
        for (CompletableFuture<JsonObject> answer : answers) {
          JsonObject json = answer.get();
          assertThat(json.getJsonArray("errors")).as(json.encode()).isNull();
          assertThat(json.getJsonObject("data").getJsonObject("me").getJsonArray("diplomas"))
              .isNotEmpty();
        }
      } finally {
        callers.shutdownNow();
      }
      assertThat(gateway.requests(MockRegistry.DUO)).hasSize(CALLS);
    }
  }
}
