package nl.dossier.connectors;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.logging.Logger;
import nl.dossier.domain.Registry;

/**
 * One registry's guards, from resilience4j: a bulkhead (non-blocking: a call over the limit fails
 * at once), a circuit breaker that counts only what says the registry is unhealthy, and retries of
 * idempotent reads with exponential backoff and jitter, or the registry's own {@code Retry-After}.
 * Waits are Vert.x timers, so nothing blocks an event loop.
 *
 * <p>The breaker judges the registry, not the gateway's own queues. A call's time runs from when it
 * has a connection, not from when it began waiting for one in the pool. And it is judged only while
 * its event loop keeps up ({@link EventLoopDelay}): when the loop is behind by more than a tenth of
 * the slow-call duration, the answer was handled late, so the call then counts as a success or a
 * failure but never as slow, and a timeout is not counted at all (the answer may have been waiting
 * in the socket while the loop was busy, as when a cold gateway is flooded with calls). A registry
 * that hangs does not keep the loop busy, so its timeouts still count.
 *
 * <p>Every change of the breaker's state is logged, an opening as a warning with the failure and
 * slow-call rates that caused it and the failures it counted, by reason.
 */
public final class Resilience {
  private static final Logger LOG = Logger.getLogger(Resilience.class.getName());

  private final Vertx vertx;
  private final Registry registry;
  private final ConnectorConfig.RetryConfig retry;
  private final Duration openWait;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final IntervalFunction backoff;
  private final EventLoopDelay delay;
  private final long judgeWhileBehindAtMost;

  /** The failures the breaker counted since its last change of state, by reason (for its log). */
  private final AtomicIntegerArray failures =
      new AtomicIntegerArray(UpstreamException.Reason.values().length);

  public Resilience(
      Vertx vertx, String name, Registry registry, ConnectorConfig config, EventLoopDelay delay) {
    this.vertx = vertx;
    this.delay = delay;
    this.judgeWhileBehindAtMost = config.breaker().slowCallDuration().dividedBy(10).toNanos();
    this.registry = registry;
    this.retry = config.retry();
    this.openWait = config.breaker().waitInOpenState();
    this.breaker = CircuitBreaker.of(name, breakerConfig(config.breaker()));
    breaker.getEventPublisher().onStateTransition(event -> log(event.getStateTransition()));
    this.bulkhead =
        Bulkhead.of(
            name,
            BulkheadConfig.custom()
                .maxConcurrentCalls(config.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            retry.initialBackoff(), retry.multiplier(), retry.jitter());
  }

  private static CircuitBreakerConfig breakerConfig(ConnectorConfig.BreakerConfig config) {
    return CircuitBreakerConfig.custom()
        .failureRateThreshold(config.failureRateThreshold())
        .slowCallRateThreshold(config.slowCallRateThreshold())
        .slowCallDurationThreshold(config.slowCallDuration())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(config.slidingWindowSize())
        .minimumNumberOfCalls(config.minimumNumberOfCalls())
        .waitDurationInOpenState(config.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(config.permittedCallsInHalfOpenState())
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .recordException(e -> e instanceof UpstreamException u && u.countsAsFailure())
        .build();
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  private void log(CircuitBreaker.StateTransition transition) {
    String change =
        registry + " breaker " + transition.getFromState() + " -> " + transition.getToState();
    String counted = countedFailures();
    if (transition.getToState() != CircuitBreaker.State.OPEN) {
      LOG.info(change);
      return;
    }
    CircuitBreaker.Metrics judged = breaker.getMetrics();
    LOG.warning(
        () ->
            String.format(
                "%s: of the last %d calls %.0f %% failed and %.0f %% were slow%s",
                change,
                judged.getNumberOfBufferedCalls(),
                Math.max(0, judged.getFailureRate()),
                Math.max(0, judged.getSlowCallRate()),
                counted.isEmpty() ? "" : "; failures counted since the last change: " + counted));
  }

  /**
   * The failures counted since the last change of state, as "TIMED_OUT 8, UNAVAILABLE 2"; resets.
   */
  private String countedFailures() {
    var counted = new StringJoiner(", ");
    for (UpstreamException.Reason reason : UpstreamException.Reason.values()) {
      int n = failures.getAndSet(reason.ordinal(), 0);
      if (n > 0) {
        counted.add(reason + " " + n);
      }
    }
    return counted.toString();
  }

  /** A call to the registry; it runs {@code connected} once it has a connection to it. */
  @FunctionalInterface
  public interface Call<T> {
    Future<T> send(Runnable connected);
  }

  /** Runs a call under the bulkhead and the breaker; an idempotent one is retried. */
  public <T> Future<T> execute(boolean idempotent, Call<T> call) {
    return attempt(idempotent, call, 1);
  }

  private <T> Future<T> attempt(boolean idempotent, Call<T> call, int attempt) {
    return guarded(call)
        .recover(
            failure -> {
              Duration wait = idempotent ? retryWait(failure, attempt) : null;
              if (wait == null) {
                return Future.failedFuture(failure);
              }
              Promise<T> next = Promise.promise();
              vertx.setTimer(
                  Math.max(1, wait.toMillis()),
                  id -> attempt(idempotent, call, attempt + 1).onComplete(next));
              return next.future();
            });
  }

  private Duration retryWait(Throwable failure, int attempt) {
    if (attempt >= retry.maxAttempts()
        || !(failure instanceof UpstreamException upstream)
        || !upstream.retryable()) {
      return null;
    }
    Duration asked = upstream.retryAfter();
    if (asked != null) {
      return asked.compareTo(retry.maxRetryAfter()) <= 0 ? asked : null;
    }
    return Duration.ofMillis(backoff.apply(attempt));
  }

  private <T> Future<T> guarded(Call<T> call) {
    if (!bulkhead.tryAcquirePermission()) {
      return Future.failedFuture(UpstreamException.busy(registry));
    }
    if (!breaker.tryAcquirePermission()) {
      bulkhead.onComplete();
      return Future.failedFuture(UpstreamException.circuitOpen(registry, openWait));
    }
    var started = new Started(breaker.getCurrentTimestamp());
    Future<T> pending;
    try {
      pending = call.send(() -> started.at = breaker.getCurrentTimestamp());
    } catch (RuntimeException e) {
      pending = Future.failedFuture(e);
    }
    return pending.andThen(
        outcome -> {
          bulkhead.onComplete();
          boolean behind = delay.nanos() > judgeWhileBehindAtMost;
          long took = behind ? 0 : breaker.getCurrentTimestamp() - started.at;
          if (outcome.succeeded()) {
            breaker.onSuccess(took, breaker.getTimestampUnit());
          } else if (behind && timedOut(outcome.cause())) {
            breaker.releasePermission();
          } else {
            if (outcome.cause() instanceof UpstreamException failure && failure.countsAsFailure()) {
              failures.incrementAndGet(failure.reason().ordinal());
            }
            breaker.onError(took, breaker.getTimestampUnit(), outcome.cause());
          }
        });
  }

  private static boolean timedOut(Throwable failure) {
    return failure instanceof UpstreamException upstream
        && upstream.reason() == UpstreamException.Reason.TIMED_OUT;
  }

  /** When a call began, or had its connection: the start of its time. */
  private static final class Started {
    long at;

    Started(long at) {
      this.at = at;
    }
  }
}
