package nl.dossier.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.dossier.domain.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Upstream} against a WireMock registry over a real socket, with one pooled connection. */
class UpstreamTest {
  static final long SLOW_MS = 300;
  static final int MAX_BYTES = 64 * 1024;
  static final long TIMEOUT_MS = 1000;

  final Vertx vertx = Vertx.vertx();
  final WireMockServer registry = new WireMockServer(wireMockConfig().dynamicPort());
  Upstream upstream;
  Resilience resilience;

  @BeforeEach
  void start() {
    registry.start();
    var config =
        new ConnectorConfig(
            registry.baseUrl(),
            null,
            Duration.ofMillis(TIMEOUT_MS),
            16,
            MAX_BYTES,
            false,
            new ConnectorConfig.RetryConfig(1, Duration.ofMillis(10), 1, 0, Duration.ofMillis(10)),
            new ConnectorConfig.BreakerConfig(
                50, 50, Duration.ofMillis(SLOW_MS), 10, 10, Duration.ofSeconds(10), 1),
            null);
    resilience = new Resilience(vertx, "test", Registry.DUO, config, new EventLoopDelay());
    HttpClient client =
        vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(1));
    upstream =
        new Upstream(vertx, Registry.DUO, () -> client, config, resilience, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    registry.stop();
  }

  @Test
  void aCallThatWaitsForAConnectionIsNotSlow() throws Exception {
    // given a registry that answers every call in 100 ms, reached over a single connection
    answerAfter(100);
    // when six calls start at once, so that the last waits about 500 ms for the connection
    List<String> answers = callAtOnce(6);
    // then every call is answered, and none is held to be slow: each took 100 ms once connected
    assertThat(answers).containsOnly("answered").hasSize(6);
    assertThat(metrics().getNumberOfSuccessfulCalls()).isEqualTo(6);
    assertThat(metrics().getNumberOfSlowCalls()).isZero();
    registry.verify(6, getRequestedFor(urlPathEqualTo("/item")));
  }

  @Test
  void aRegistryThatAnswersSlowlyIsStillSlow() throws Exception {
    // given a registry that takes longer than the slow-call duration
    answerAfter(SLOW_MS + 100);
    // when two calls share the connection
    List<String> answers = callAtOnce(2);
    // then both are slow: the wait for the connection is not what made them slow
    assertThat(answers).containsOnly("answered").hasSize(2);
    assertThat(metrics().getNumberOfSlowCalls()).isEqualTo(2);
  }

  @Test
  void anIdentifierStaysInsideItsPathSegment() throws Exception {
    // given a registry that has something below the path and something above it
    registry.stubFor(get(urlPathMatching("/items/.*")).willReturn(aResponse().withStatus(404)));
    // when a caller's identifier tries to climb out of its segment
    var found =
        onEventLoop(
                () ->
                    upstream.find(
                        upstream.get("/items/" + RegistryRequest.segment("../admin x")),
                        json -> "found"))
            .get(5, TimeUnit.SECONDS);
    // then the registry saw one segment, with the dots, slash and space encoded
    assertThat(found).isEmpty();
    assertThat(registry.findAll(anyRequestedFor(anyUrl())))
        .singleElement()
        .satisfies(request -> assertThat(request.getUrl()).isEqualTo("/items/%2E%2E%2Fadmin%20x"));
  }

  @Test
  void anAnswerLongerThanTheLimitIsABadResponse() throws Exception {
    // given a registry that announces an answer over the limit
    registry.stubFor(
        get(urlPathEqualTo("/item")).willReturn(aResponse().withBody(jsonOfLength(2 * MAX_BYTES))));
    // then the call fails as a bad response, which the breaker counts against the registry
    assertThat(failureOfOneCall().reason()).isEqualTo(UpstreamException.Reason.BAD_RESPONSE);
    assertThat(metrics().getNumberOfFailedCalls()).isEqualTo(1);
  }

  @Test
  void aChunkedAnswerIsCutOffAtTheLimitAndTheConnectionReplaced() throws Exception {
    // given a registry that streams an answer over the limit without announcing its length
    registry.stubFor(
        get(urlPathEqualTo("/item"))
            .willReturn(
                aResponse()
                    .withBody(jsonOfLength(4 * MAX_BYTES))
                    .withChunkedDribbleDelay(16, 200)));
    // then the call fails as a bad response
    assertThat(failureOfOneCall().reason()).isEqualTo(UpstreamException.Reason.BAD_RESPONSE);
    // and the pool's one connection is usable again for the next call
    answerAfter(0);
    assertThat(callAtOnce(1)).containsExactly("answered");
  }

  @Test
  void anAnswerInManyChunksIsReadWhole() throws Exception {
    // given a registry that streams an answer under the limit in sixteen parts, without a length
    String padding = "0123456789".repeat(MAX_BYTES / 20);
    registry.stubFor(
        get(urlPathEqualTo("/item"))
            .willReturn(
                aResponse()
                    .withBody("{\"state\":\"answered\",\"padding\":\"" + padding + "\"}")
                    .withChunkedDribbleDelay(16, 100)));
    // then every part is in what is read
    var call =
        onEventLoop(
            () ->
                upstream.object(
                    upstream.get("/item"),
                    json -> json.getString("state") + " " + json.getString("padding").length()));
    assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("answered " + padding.length());
  }

  /** A well-formed JSON object of about this many bytes: only its size is wrong. */
  private static String jsonOfLength(int bytes) {
    return "{\"state\":\"answered\",\"padding\":\"" + "x".repeat(bytes) + "\"}";
  }

  @Test
  void aRegistryThatDribblesItsAnswerTimesOut() throws Exception {
    // given a registry that sends its answer in five parts, half a second apart: each part comes
    // well within the timeout, the whole answer does not
    registry.stubFor(
        get(urlPathEqualTo("/item"))
            .willReturn(
                aResponse()
                    .withBody("{\"state\":\"answered\"}")
                    .withChunkedDribbleDelay(5, (int) (5 * TIMEOUT_MS / 2))));
    long start = System.nanoTime();
    // then the call times out at the timeout, as a failure of the registry
    assertThat(failureOfOneCall().reason()).isEqualTo(UpstreamException.Reason.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
    assertThat(metrics().getNumberOfFailedCalls()).isEqualTo(1);
  }

  private UpstreamException failureOfOneCall() throws Exception {
    var call = onEventLoop(() -> upstream.object(upstream.get("/item"), json -> "read"));
    var failure = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ExecutionException.class);
    return (UpstreamException) failure.getCause();
  }

  private void answerAfter(long ms) {
    registry.stubFor(
        get(urlPathEqualTo("/item"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"state\":\"answered\"}")
                    .withFixedDelay((int) ms)));
  }

  /** Starts n calls on one event loop at once; the answers, in the order of the calls. */
  private List<String> callAtOnce(int n) throws Exception {
    return onEventLoop(
            () -> {
              var calls = new ArrayList<Future<String>>();
              for (int i = 0; i < n; i++) {
                calls.add(upstream.object(upstream.get("/item"), json -> json.getString("state")));
              }
              return Future.all(calls).map(all -> all.<String>list());
            })
        .get(10, TimeUnit.SECONDS);
  }

  private <T> CompletableFuture<T> onEventLoop(Supplier<Future<T>> work) {
    var done = new CompletableFuture<T>();
    vertx.runOnContext(
        start ->
            work.get()
                .onComplete(
                    outcome -> {
                      if (outcome.succeeded()) {
                        done.complete(outcome.result());
                      } else {
                        done.completeExceptionally(outcome.cause());
                      }
                    }));
    return done;
  }

  private CircuitBreaker.Metrics metrics() {
    return resilience.breaker().getMetrics();
  }
}
