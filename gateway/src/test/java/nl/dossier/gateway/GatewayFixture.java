package nl.dossier.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.dossier.gateway.config.ConfigLoader;
import nl.dossier.gateway.config.GatewayConfig.SharingConfig;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;

/** A real gateway on a free port in front of the WireMock registries, and an HTTP client for it. */
final class GatewayFixture implements AutoCloseable {
  final MockRegistries mocks;
  private final Vertx vertx;
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  final Gateway gateway;
  final String storeUrl;

  private GatewayFixture(
      MockRegistries mocks, Vertx vertx, Gateway gateway, String storeUrl, int port) {
    this.mocks = mocks;
    this.vertx = vertx;
    this.gateway = gateway;
    this.storeUrl = storeUrl;
    this.port = port;
  }

  static GatewayFixture start() {
    return start(config -> {});
  }

  /** Starts with the demo configuration, changed by {@code tweak} (e.g. shorter timeouts). */
  static GatewayFixture start(Consumer<JsonObject> tweak) {
    return start(
        MockRegistries.start(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", tweak);
  }

  /** Starts a gateway on the given mocks and store, e.g. a second one on the same store file. */
  static GatewayFixture start(MockRegistries mocks, String storeUrl, Consumer<JsonObject> tweak) {
    JsonObject config = Demo.configJson(mocks, 0);
    config.getJsonObject("auth").put("jwksMinRefreshInterval", "PT0S");
    config.put("store", new JsonObject().put("jdbcUrl", storeUrl));
    tweak.accept(config);
    Vertx vertx = Gateway.vertx();
    try {
      Gateway gateway = new Gateway(vertx, ConfigLoader.parse(config));
      var server =
          gateway.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      mocks.trustGatewayKey(SharingConfig.DEFAULT_ISSUER, gateway.publicKey());
      mocks.resetRequests();
      return new GatewayFixture(mocks, vertx, gateway, storeUrl, server.actualPort());
    } catch (Exception e) {
      mocks.close();
      vertx.close();
      throw new IllegalStateException("gateway did not start", e);
    }
  }

  /** Turns the RIO and SBB caches off, so that every request's reference lookups are seen. */
  static void withoutReferenceCache(JsonObject config) {
    JsonObject connectors = config.getJsonObject("connectors");
    for (String registry : List.of("rio", "sbb")) {
      connectors.getJsonObject(registry).put("cache", new JsonObject().put("maxSize", 0));
    }
  }

  String token(Persona persona) {
    return mocks.ownerToken(persona);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + port + pathAndQuery);
  }

  /** POSTs a query as the given persona and returns the parsed answer; fails on a non-200. */
  JsonObject query(Persona persona, String query) {
    return query("Bearer " + token(persona), query, Map.of());
  }

  /** POSTs a query with the given credentials; fails on a non-200. */
  JsonObject query(String authorization, String query, Map<String, Object> variables) {
    Answer answer = post(authorization, query, variables);
    if (answer.status() != 200) {
      throw new AssertionError("expected 200 but was " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  Answer post(String authorization, String query, Map<String, Object> variables) {
    String body = new JsonObject().put("query", query).put("variables", variables).encode();
    var request =
        HttpRequest.newBuilder(uri("/graphql"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  Answer get(String authorization, String query) {
    String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(uri("/graphql?query=" + q))
            .header("Authorization", authorization)
            .GET());
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every request a registry received since the last reset. */
  List<LoggedRequest> requests(MockRegistry registry) {
    return mocks.server(registry).findAll(anyRequestedFor(anyUrl()));
  }

  int count(MockRegistry registry, RequestPatternBuilder pattern) {
    return mocks.server(registry).countRequestsMatching(pattern.build()).getCount();
  }

  static RequestPatternBuilder getPath(String path) {
    return WireMock.getRequestedFor(WireMock.urlPathEqualTo(path));
  }

  /** Stops the gateway but leaves the mocks running. */
  void stopGateway() {
    try {
      gateway.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Override
  public void close() {
    stopGateway();
    mocks.close();
  }

  record Answer(int status, Map<String, List<String>> headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }
}
