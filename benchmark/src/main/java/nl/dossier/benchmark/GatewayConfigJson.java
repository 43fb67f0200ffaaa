package nl.dossier.benchmark;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import nl.dossier.mocks.MockRegistries;

/**
 * The gateway configuration for the stubs, in the format of the README's "Configuration" section
 * (as {@code Demo.configJson} builds it for the WireMock mocks), with a fresh H2 store.
 */
final class GatewayConfigJson {
  private GatewayConfigJson() {}

  static JsonObject of(Map<String, Integer> ports, String issuer, int port, String storeUrl) {
    String eduid = Launcher.url(ports, "eduid");
    return new JsonObject()
        .put("http", new JsonObject().put("port", port))
        .put("store", new JsonObject().put("jdbcUrl", storeUrl))
        .put(
            "sharing",
            new JsonObject()
                .put(
                    "parties",
                    new JsonObject()
                        .put(MockRegistries.COACH_CLIENT_ID, party("Loopbaanbureau (coach)"))
                        .put(MockRegistries.EMPLOYER_CLIENT_ID, party("Groothandel (HR)"))
                        .put(MockRegistries.INTAKE_CLIENT_ID, party("Hogeschool C, toelating"))))
        .put(
            "auth",
            new JsonObject()
                .put("issuer", issuer)
                .put("audience", MockRegistries.AUDIENCE)
                .put("jwksUrl", eduid + "/oidc/certs"))
        .put(
            "client",
            new JsonObject()
                .put("tokenUrl", eduid + "/oidc/token")
                .put("clientId", MockRegistries.GATEWAY_CLIENT_ID)
                .put("clientSecret", MockRegistries.GATEWAY_CLIENT_SECRET))
        .put("connectors", connectors(ports));
  }

  /** The stubs speak HTTP/2 without TLS (h2c), as Vert.x servers do. */
  private static JsonObject connectors(Map<String, Integer> ports) {
    return new JsonObject()
        .put("defaults", new JsonObject().put("http2", true))
        .put("eduid", baseUrl(Launcher.url(ports, "eduid")))
        .put("duo", baseUrl(Launcher.url(ports, "duo")))
        .put("edubadges", baseUrl(Launcher.url(ports, "edubadges")))
        .put(
            "rio",
            baseUrl(Launcher.url(ports, "rio") + "/api/rio/v2")
                .put("apiKey", MockRegistries.RIO_API_KEY))
        .put("sbb", baseUrl(Launcher.url(ports, "sbb")).put("apiKey", MockRegistries.SBB_API_KEY));
  }

  private static JsonObject baseUrl(String url) {
    return new JsonObject().put("baseUrl", url);
  }

  private static JsonObject party(String name) {
    return new JsonObject().put("name", name);
  }
}
