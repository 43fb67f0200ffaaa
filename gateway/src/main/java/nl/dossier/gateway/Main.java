package nl.dossier.gateway;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.logging.Logger;
import nl.dossier.gateway.config.ConfigLoader;
import nl.dossier.gateway.config.GatewayConfig;

/**
 * Starts the gateway. With {@code --config <file>} (or {@code DOSSIER_CONFIG}) it runs against the
 * configured registries; without, it runs the embedded demo: mock registries in-process and printed
 * tokens for the personas.
 */
public final class Main {
  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    String file =
        args.length == 2 && args[0].equals("--config") ? args[1] : System.getenv("DOSSIER_CONFIG");
    if (file == null) {
      Demo.main(args);
      return;
    }
    GatewayConfig config;
    try {
      config = ConfigLoader.load(Path.of(file));
    } catch (RuntimeException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Gateway.vertx();
    new Gateway(vertx, config)
        .start()
        .onSuccess(
            server ->
                LOG.info(
                    "dossier gateway listening on port "
                        + server.actualPort()
                        + (vertx.isNativeTransportEnabled() ? " (native transport)" : " (NIO)")))
        .onFailure(
            failure -> {
              LOG.severe("dossier gateway failed to start: " + failure.getMessage());
              vertx.close();
              System.exit(1);
            });
  }
}
