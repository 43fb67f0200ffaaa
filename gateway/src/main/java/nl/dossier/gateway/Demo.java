package nl.dossier.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import nl.dossier.gateway.config.ConfigLoader;
import nl.dossier.gateway.config.GatewayConfig;
import nl.dossier.gateway.config.GatewayConfig.SharingConfig;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;

/**
 * The embedded default: starts the mock registries in this process, points the gateway at them and
 * prints the GraphiQL address and a token per persona. For trying the gateway, never for production
 * (the mocks hold made-up personas and sign with a throw-away key).
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    MockRegistries mocks = MockRegistries.start();
    int port = Integer.parseInt(System.getenv().getOrDefault("DOSSIER_PORT", "8080"));
    Vertx vertx = Gateway.vertx();
    Gateway gateway = new Gateway(vertx, config(mocks, port));
    gateway
        .start()
        .onSuccess(
            server -> {
              mocks.trustGatewayKey(SharingConfig.DEFAULT_ISSUER, gateway.publicKey());
              print(mocks, server.actualPort());
            })
        .onFailure(
            failure -> {
              System.err.println("demo gateway failed to start: " + failure.getMessage());
              mocks.close();
              vertx.close();
              System.exit(1);
            });
  }

  /** The configuration of a gateway in front of the given mocks. */
  public static GatewayConfig config(MockRegistries mocks, int port) {
    return ConfigLoader.parse(configJson(mocks, port));
  }

  public static JsonObject configJson(MockRegistries mocks, int port) {
    String eduid = mocks.baseUrl(MockRegistry.EDUID);
    return new JsonObject()
        .put("http", new JsonObject().put("port", port))
        .put(
            "sharing",
            new JsonObject()
                .put(
                    "parties",
                    new JsonObject()
                        .put(
                            MockRegistries.COACH_CLIENT_ID,
                            party("Loopbaanbureau De Wegwijzer (coach)"))
                        .put(
                            MockRegistries.EMPLOYER_CLIENT_ID,
                            party("Technische Groothandel Van Dijk B.V. (HR)"))
                        .put(MockRegistries.INTAKE_CLIENT_ID, party("Hogeschool C, toelating"))))
        .put(
            "auth",
            new JsonObject()
                .put("issuer", mocks.issuer())
                .put("audience", MockRegistries.AUDIENCE)
                .put("jwksUrl", eduid + "/oidc/certs"))
        .put(
            "client",
            new JsonObject()
                .put("tokenUrl", eduid + "/oidc/token")
                .put("clientId", MockRegistries.GATEWAY_CLIENT_ID)
                .put("clientSecret", MockRegistries.GATEWAY_CLIENT_SECRET))
        .put(
            "connectors",
            new JsonObject()
                .put("eduid", new JsonObject().put("baseUrl", eduid))
                .put("duo", new JsonObject().put("baseUrl", mocks.baseUrl(MockRegistry.DUO)))
                .put(
                    "edubadges",
                    new JsonObject().put("baseUrl", mocks.baseUrl(MockRegistry.EDUBADGES)))
                .put(
                    "rio",
                    new JsonObject()
                        .put("baseUrl", mocks.baseUrl(MockRegistry.RIO) + "/api/rio/v2")
                        .put("apiKey", MockRegistries.RIO_API_KEY))
                .put(
                    "sbb",
                    new JsonObject()
                        .put("baseUrl", mocks.baseUrl(MockRegistry.SBB))
                        .put("apiKey", MockRegistries.SBB_API_KEY)));
  }

  private static JsonObject party(String name) {
    return new JsonObject().put("name", name);
  }

  private static void print(MockRegistries mocks, int port) {
    var out = new StringBuilder();
    out.append("\nDossier gateway (demo: mock registries, made-up personas)\n");
    out.append("  GraphQL:  http://localhost:").append(port).append("/graphql\n");
    out.append("  GraphiQL: http://localhost:").append(port).append("/graphiql/\n\n");
    out.append("Owner tokens (valid 12 hours; send as 'Authorization: Bearer <token>'):\n");
    for (Persona persona : Persona.values()) {
      out.append("  ")
          .append(persona.key())
          .append(": ")
          .append(mocks.ownerToken(persona, java.time.Duration.ofHours(12)))
          .append('\n');
    }
    out.append("\nParty tokens (client credentials at the mock eduID server):\n");
    for (String party :
        new String[] {
          MockRegistries.COACH_CLIENT_ID,
          MockRegistries.EMPLOYER_CLIENT_ID,
          MockRegistries.INTAKE_CLIENT_ID
        }) {
      out.append("  ").append(party).append(": ").append(mocks.clientToken(party)).append('\n');
    }
    out.append(
        "\nGrants and the disclosure log are kept in ./data (H2); delete it to start afresh.\n");
    System.out.println(out);
  }
}
