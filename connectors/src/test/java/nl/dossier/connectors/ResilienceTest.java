package nl.dossier.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import nl.dossier.domain.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker's judgement on a real event loop, busy or not, and its log. */
class ResilienceTest {
  static final long SLOW_MS = 200;

  final Vertx vertx = Vertx.vertx();
  final EventLoopDelay delay = new EventLoopDelay();
  final Resilience resilience =
      new Resilience(
          vertx,
          "test",
          Registry.DUO,
          new ConnectorConfig(
              "http://127.0.0.1:1",
              null,
              null,
              16,
              1024,
              false,
              null,
              new ConnectorConfig.BreakerConfig(
                  50, 50, Duration.ofMillis(SLOW_MS), 10, 10, Duration.ofSeconds(10), 1),
              null),
          delay);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aCallTheRegistryAnswersSlowlyIsSlow() throws Exception {
    // when the registry takes twice the slow-call duration and the event loop is idle
    call(2 * SLOW_MS, 0);
    // then
    assertThat(metrics().getNumberOfSlowCalls()).isEqualTo(1);
    assertThat(metrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
  }

  @Test
  void aCallSeenLateOnlyBecauseItsEventLoopIsBusyIsNotSlow() throws Exception {
    // when the registry answers in 10 ms, but the event loop is busy for twice the slow-call
    // duration and handles the answer only then
    call(10, 2 * SLOW_MS);
    // then the gateway's own delay is not held against the registry
    assertThat(metrics().getNumberOfSlowCalls()).isZero();
    assertThat(metrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
  }

  @Test
  void aTimeoutWhileTheEventLoopKeepsUpIsAFailure() throws Exception {
    // when a call times out and the event loop is idle
    failedCall(UpstreamException.timedOut(Registry.DUO), 0);
    // then
    assertThat(metrics().getNumberOfFailedCalls()).isEqualTo(1);
  }

  @Test
  void aTimeoutSeenWhileItsEventLoopIsBehindIsNotHeldAgainstTheRegistry() throws Exception {
    // when a call times out while the event loop is busy for twice the slow-call duration (a
    // cold gateway flooded with calls: the answer may be waiting, unread, in the socket)
    failedCall(UpstreamException.timedOut(Registry.DUO), 2 * SLOW_MS);
    // then it is not judged at all
    assertThat(metrics().getNumberOfBufferedCalls()).isZero();
  }

  @Test
  void aRegistryErrorWhileTheEventLoopIsBehindIsStillAFailure() throws Exception {
    // when the registry answers 503 while the event loop is busy
    failedCall(UpstreamException.ofStatus(Registry.DUO, 503, null), 2 * SLOW_MS);
    // then that is the registry's own verdict, whenever it is read
    assertThat(metrics().getNumberOfFailedCalls()).isEqualTo(1);
  }

  @Test
  void anOpeningIsLoggedWithTheRatesThatCausedIt() throws Exception {
    // when the registry answers ten calls (the window) slowly
    var logged = logged(() -> calls(10, 2 * SLOW_MS, 0));
    // then the breaker opens, and says why
    assertThat(resilience.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(logged)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getMessage())
                  .isEqualTo(
                      "DUO breaker CLOSED -> OPEN: of the last 10 calls 0 % failed and 100 % were"
                          + " slow");
            });
  }

  @Test
  void anOpeningByFailuresNamesThem() throws Exception {
    // when the registry answers 503 four times and times out six times
    var logged =
        logged(
            () -> {
              for (int i = 0; i < 10; i++) {
                failedCall(
                    i < 4
                        ? UpstreamException.ofStatus(Registry.DUO, 503, null)
                        : UpstreamException.timedOut(Registry.DUO),
                    0);
              }
            });
    // then
    assertThat(logged)
        .singleElement()
        .extracting(LogRecord::getMessage)
        .isEqualTo(
            "DUO breaker CLOSED -> OPEN: of the last 10 calls 100 % failed and 0 % were slow;"
                + " failures counted since the last change: UNAVAILABLE 4, TIMED_OUT 6");
  }

  private interface Work {
    void run() throws Exception;
  }

  /** What {@link Resilience} logs while {@code work} runs. */
  private static List<LogRecord> logged(Work work) throws Exception {
    var logged = new ArrayList<LogRecord>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(Resilience.class.getName());
    logger.addHandler(capture);
    try {
      work.run();
    } finally {
      logger.removeHandler(capture);
    }
    return logged;
  }

  private void call(long answerMs, long busyMs) throws Exception {
    calls(1, answerMs, busyMs);
  }

  /**
   * On one event loop ({@link #onEventLoop}): makes {@code n} calls at once, each answered after
   * answerMs, then stays busy for busyMs.
   */
  private void calls(int n, long answerMs, long busyMs) throws Exception {
    var done = new CompletableFuture<List<String>>();
    onEventLoop(
        busyMs,
        () -> {
          var answers = new ArrayList<Future<String>>();
          for (int i = 0; i < n; i++) {
            answers.add(resilience.execute(true, connected -> answerAfter(answerMs)));
          }
          Future.all(answers)
              .onSuccess(all -> done.complete(all.list()))
              .onFailure(done::completeExceptionally);
          busy(busyMs);
        });
    assertThat(done.get(5, TimeUnit.SECONDS)).hasSize(n).containsOnly("answer");
  }

  /**
   * On one event loop ({@link #onEventLoop}): makes one call (not retried) that fails with {@code
   * failure} after 10 ms, then stays busy for busyMs.
   */
  private void failedCall(UpstreamException failure, long busyMs) throws Exception {
    var done = new CompletableFuture<Throwable>();
    onEventLoop(
        busyMs,
        () -> {
          resilience
              .<String>execute(
                  false,
                  connected -> {
                    connected.run();
                    Promise<String> answer = Promise.promise();
                    vertx.setTimer(10, id -> answer.fail(failure));
                    return answer.future();
                  })
              .onComplete(outcome -> done.complete(outcome.cause()));
          busy(busyMs);
        });
    assertThat(done.get(5, TimeUnit.SECONDS)).isSameAs(failure);
  }

  /**
   * Runs {@code work} on one event loop. A loop that the work will keep busy is watched first, and
   * its probe fires a few times before the work starts. A loop that should keep up is not watched,
   * so it is never judged behind: whether a watched, idle loop stays within 20 ms depends on how
   * loaded the machine is (a CI run once saw a timeout go unjudged), and a test must not.
   */
  private void onEventLoop(long busyMs, Runnable work) {
    if (busyMs == 0) {
      vertx.runOnContext(start -> work.run());
      return;
    }
    vertx.runOnContext(
        start -> {
          delay.watch(vertx);
          vertx.setTimer(3 * EventLoopDelay.PERIOD_MS, probed -> work.run());
        });
  }

  private Future<String> answerAfter(long ms) {
    Promise<String> answer = Promise.promise();
    vertx.setTimer(ms, id -> answer.complete("answer"));
    return answer.future();
  }

  private static void busy(long ms) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private CircuitBreaker.Metrics metrics() {
    return resilience.breaker().getMetrics();
  }
}
