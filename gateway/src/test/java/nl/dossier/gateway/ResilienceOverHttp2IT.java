package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every failure of {@link ResilienceIT}, with every registry called over HTTP/2 without TLS (h2c
 * with prior knowledge; the mocks speak it), as the benchmark calls its stubs.
 */
class ResilienceOverHttp2IT extends ResilienceIT {

  @BeforeAll
  static void start() {
    gateway =
        GatewayFixture.start(
            config -> {
              configure(config);
              config.getJsonObject("connectors").getJsonObject("defaults").put("http2", true);
            });
  }

  @Test
  void everyRegistryIsCalledOverHttp2() {
    gateway.query(Persona.MARISKA, QUERY);

    for (MockRegistry registry : MockRegistry.values()) {
      assertThat(gateway.mocks.server(registry).getAllServeEvents())
          .as("requests to %s", registry)
          .isNotEmpty()
          .extracting(ServeEvent::getRequest)
          .allSatisfy(request -> assertThat(request.getProtocol()).isEqualTo("HTTP/2.0"));
    }
  }
}
