package nl.dossier.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import nl.dossier.domain.Registry;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void http2IsNegotiatedOverTlsByDefaultAndAskedForOverPlainHttp() {
    JsonObject json = minimal();
    JsonObject connectors = json.getJsonObject("connectors");
    connectors.getJsonObject("sbb").put("http2", true);
    connectors.getJsonObject("edubadges").put("http2", false);

    GatewayConfig config = ConfigLoader.parse(json);

    assertThat(config.connector(Registry.DUO).http2()).isTrue();
    assertThat(config.connector(Registry.RIO).http2()).isFalse();
    assertThat(config.connector(Registry.SBB).http2()).isTrue();
    assertThat(config.connector(Registry.EDUBADGES).http2()).isFalse();
  }

  @Test
  void admissionWaitsASecondForAtMostAThousandRequestsUnlessConfigured() {
    assertThat(ConfigLoader.parse(minimal()).limits())
        .returns(1_000, LimitsConfig::maxQueued)
        .returns(Duration.ofSeconds(1), LimitsConfig::maxQueueWait);

    var limits = new JsonObject().put("maxQueued", 5).put("maxQueueWait", "PT0.25S");
    assertThat(ConfigLoader.parse(minimal().put("limits", limits)).limits())
        .returns(5, LimitsConfig::maxQueued)
        .returns(Duration.ofMillis(250), LimitsConfig::maxQueueWait);
  }

  /** DUO and Edubadges over TLS, the others over plain HTTP. */
  private static JsonObject minimal() {
    return new JsonObject()
        .put(
            "auth",
            new JsonObject()
                .put("issuer", "https://login.example.nl")
                .put("audience", "dossier-gateway")
                .put("jwksUrl", "https://login.example.nl/oidc/certs"))
        .put(
            "client",
            new JsonObject()
                .put("tokenUrl", "https://login.example.nl/oidc/token")
                .put("clientId", "gateway")
                .put("clientSecret", "secret"))
        .put(
            "connectors",
            new JsonObject()
                .put("eduid", new JsonObject().put("baseUrl", "http://eduid.internal"))
                .put("duo", new JsonObject().put("baseUrl", "https://duo.example.nl"))
                .put("edubadges", new JsonObject().put("baseUrl", "https://edubadges.example.nl"))
                .put("rio", new JsonObject().put("baseUrl", "http://rio.internal"))
                .put("sbb", new JsonObject().put("baseUrl", "http://sbb.internal")));
  }
}
