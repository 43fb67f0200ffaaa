package nl.dossier.benchmark;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;

/**
 * Starts the benchmark's upstream stubs (the five registries, each on its own port, answering after
 * a fixed latency) and writes into the work directory what the rest of the benchmark needs: {@code
 * gateway.json}, {@code tokens/<persona or party>.jwt} and {@code stubs.env}; then waits.
 *
 * <p>Usage: {@code java -jar dossier-benchmark.jar <work dir>}. Environment: {@code
 * STUB_LATENCY_MS} (20), {@code STUB_EVENT_LOOPS} (the number of cores), {@code GATEWAY_PORT} (a
 * free port), {@code STAND_IN_OWNERS} (100: tokens {@code owner-<n>.jwt} of distinct owners, see
 * {@link Owners}), {@code GATEWAY_CONFIG_EXTRA} (JSON merged into the gateway configuration).
 */
public final class Launcher {
  static final List<String> PARTIES =
      List.of(
          MockRegistries.COACH_CLIENT_ID,
          MockRegistries.EMPLOYER_CLIENT_ID,
          MockRegistries.INTAKE_CLIENT_ID);
  private static final String LOOPBACK = "http://127.0.0.1:";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: Launcher <work dir>");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    long latency = Long.parseLong(env("STUB_LATENCY_MS", "20"));
    int loops = Integer.parseInt(env("STUB_EVENT_LOOPS", cores()));
    var ports = new LinkedHashMap<String, Integer>();
    for (MockRegistry registry : MockRegistry.values()) {
      ports.put(registry.key(), freePort());
    }
    int gatewayPort = Integer.parseInt(env("GATEWAY_PORT", Integer.toString(freePort())));
    var issuer = new TokenIssuer(url(ports, "eduid") + "/oidc");
    var stubs =
        new StubSet(
            ports,
            mappings(ports),
            freePort(),
            latency,
            new CallCounter(),
            new AuthorizationEndpoints(issuer));
    Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
    vertx
        .deployVerticle(() -> new StubVerticle(stubs), new DeploymentOptions().setInstances(loops))
        .await(30, TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(new Thread(vertx::close));
    write(dir, stubs, issuer, gatewayPort);
    System.out.printf(
        "stubs ready: %s, latency %d ms, %d event loops%s, control %s%n",
        ports,
        latency,
        loops,
        vertx.isNativeTransportEnabled() ? " (native transport)" : " (NIO)",
        LOOPBACK + stubs.controlPort());
    new CountDownLatch(1).await();
  }

  private static Map<String, List<Mapping>> mappings(Map<String, Integer> ports) {
    var large = LargePersona.capture(url(ports, "edubadges"));
    var mappings = new LinkedHashMap<String, List<Mapping>>();
    for (String registry : ports.keySet()) {
      var all = new ArrayList<>(MappingLoader.load(registry, url(ports, registry)));
      all.addAll(large.getOrDefault(registry, List.of()));
      mappings.put(registry, List.copyOf(all));
    }
    return mappings;
  }

  private static void write(Path dir, StubSet stubs, TokenIssuer issuer, int gatewayPort)
      throws IOException {
    Path tokens = Files.createDirectories(dir.resolve("tokens"));
    for (Persona persona : Persona.values()) {
      Files.writeString(tokens.resolve(persona.key() + ".jwt"), issuer.ownerToken(persona));
    }
    for (int n = 0; n < standIns(); n++) {
      String name = Owners.persona(n).displayName() + " (" + n + ")";
      Files.writeString(
          tokens.resolve("owner-" + n + ".jwt"), issuer.ownerToken(Owners.standIn(n), name));
    }
    for (String party : PARTIES) {
      Files.writeString(tokens.resolve(party + ".jwt"), issuer.clientToken(party));
    }
    // the gateway's default store settings (GatewayConfig.DEFAULT_STORE_URL), in the work directory
    String storeUrl =
        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("h2/dossier") + ";CACHE_SIZE=2048";
    JsonObject config = GatewayConfigJson.of(stubs.ports(), issuer.issuer(), gatewayPort, storeUrl);
    String extra = System.getenv("GATEWAY_CONFIG_EXTRA");
    if (extra != null && !extra.isBlank()) {
      config.mergeIn(new JsonObject(extra), true);
    }
    Files.writeString(dir.resolve("gateway.json"), config.encodePrettily());
    var env = new StringBuilder();
    env.append("GATEWAY_URL=").append(LOOPBACK).append(gatewayPort).append('\n');
    env.append("STUB_CONTROL_URL=").append(LOOPBACK).append(stubs.controlPort()).append('\n');
    env.append("STUB_LATENCY_MS=").append(stubs.latencyMillis()).append('\n');
    for (String registry : stubs.ports().keySet()) {
      env.append(registry.toUpperCase(java.util.Locale.ROOT)).append("_URL=");
      env.append(url(stubs.ports(), registry)).append('\n');
    }
    Files.writeString(dir.resolve("stubs.env"), env);
  }

  static String url(Map<String, Integer> ports, String registry) {
    return LOOPBACK + ports.get(registry);
  }

  private static int standIns() {
    return Integer.parseInt(env("STAND_IN_OWNERS", "100"));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  private static String cores() {
    return Integer.toString(Runtime.getRuntime().availableProcessors());
  }
}
