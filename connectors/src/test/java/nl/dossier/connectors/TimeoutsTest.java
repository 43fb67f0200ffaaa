package nl.dossier.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Timeouts} on a real Vert.x event loop, as a registry call's timeout runs. */
class TimeoutsTest {
  static final Duration LENGTH = Duration.ofMillis(300);

  final Vertx vertx = Vertx.vertx();
  final Timeouts timeouts = new Timeouts(vertx, LENGTH);
  final Context loop = vertx.getOrCreateContext();

  /** Each ended timeout's name, in the order they ended. */
  final List<String> ended = new CopyOnWriteArrayList<>();

  /** The context each ended timeout's action ran on. */
  final Map<String, Context> contexts = new ConcurrentHashMap<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aTimeoutEndsOnItsOwnContextOnceItsLengthHasPassed() throws Exception {
    // given a request's context on an event loop (Vert.x gives each request a duplicate of its
    // event loop's context)
    var request = ((ContextInternal) loop).duplicate();
    long started = System.nanoTime();
    // when a timeout starts there
    onLoop(request, () -> timeouts.start(ending("call")));
    // then it ends on that context, no sooner than its length and not much later
    awaitEnded(1);
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(took).isBetween(LENGTH.toMillis(), LENGTH.toMillis() + 500);
    assertThat(ended).containsExactly("call");
    assertThat(contexts.get("call")).isSameAs(request);
  }

  @Test
  void aStoppedTimeoutDoesNotEndAndHoldsUpNoneAfterIt() throws Exception {
    // given three timeouts started one after another on an event loop
    var started = startThree();
    // when the first and second are stopped: the first on the event loop, the second from
    // another thread
    onLoop(loop, () -> stop(started.get(0)));
    started.get(1).stop();
    // then only the third ends (the others would have ended before it)
    awaitEnded(1);
    assertThat(ended).containsExactly("third");
  }

  @Test
  void aTimeoutStoppedBehindOneStillRunningDoesNotEnd() throws Exception {
    // given three timeouts, of which the one in the middle is stopped
    onLoop(
        loop,
        () -> {
          timeouts.start(ending("first"));
          timeouts.start(ending("second")).stop();
          return timeouts.start(ending("third"));
        });
    // then the others end, in the order they started (the second would have ended before the third)
    awaitEnded(2);
    assertThat(ended).containsExactly("first", "third");
  }

  @Test
  void timeoutsStartedOverTimeEachEndInTurn() throws Exception {
    // given a timeout started on an event loop every 10 ms, of which every other one is stopped
    for (int i = 0; i < 20; i++) {
      String name = "call " + i;
      boolean stopped = i % 2 == 1;
      onLoop(
          loop,
          () -> {
            var timeout = timeouts.start(ending(name));
            if (stopped) {
              timeout.stop();
            }
            return timeout;
          });
      Thread.sleep(10);
    }
    // then each one not stopped ends, in the order they started
    awaitEnded(10);
    Thread.sleep(LENGTH.toMillis());
    assertThat(ended)
        .containsExactlyElementsOf(
            IntStream.range(0, 20).filter(i -> i % 2 == 0).mapToObj(i -> "call " + i).toList());
  }

  @Test
  void aStoppedTimeoutLeavesTheQueueOnceThoseBeforeItHave() throws Exception {
    // given three timeouts started on an event loop
    var started = startThree();
    assertThat(onLoop(loop, timeouts::waiting)).isEqualTo(3);
    // when the second is stopped, it waits behind the first
    onLoop(loop, () -> stop(started.get(1)));
    assertThat(onLoop(loop, timeouts::waiting)).isEqualTo(3);
    // when the first is stopped too, both leave
    onLoop(loop, () -> stop(started.get(0)));
    assertThat(onLoop(loop, timeouts::waiting)).isEqualTo(1);
    // and once the third has ended, the queue is empty
    awaitEnded(1);
    assertThat(onLoop(loop, timeouts::waiting)).isZero();
    assertThat(ended).containsExactly("third");
  }

  @Test
  void aTimeoutStartedOffAnEventLoopEndsToo() throws Exception {
    // when a timeout starts on a thread that is no event loop, and another is stopped there
    timeouts.start(ending("off the loop"));
    timeouts.start(ending("stopped")).stop();
    // then the first ends, the second does not
    awaitEnded(1);
    Thread.sleep(LENGTH.toMillis());
    assertThat(ended).containsExactly("off the loop");
  }

  /** Starts timeouts named first, second and third, one after another on the event loop. */
  private List<Timeouts.Timeout> startThree() throws Exception {
    return onLoop(
        loop,
        () ->
            List.of(
                timeouts.start(ending("first")),
                timeouts.start(ending("second")),
                timeouts.start(ending("third"))));
  }

  private Runnable ending(String name) {
    return () -> {
      contexts.put(name, Vertx.currentContext());
      ended.add(name);
    };
  }

  private static Timeouts.Timeout stop(Timeouts.Timeout timeout) {
    timeout.stop();
    return timeout;
  }

  private static <T> T onLoop(Context context, Supplier<T> work) throws Exception {
    var result = new CompletableFuture<T>();
    context.runOnContext(ignored -> result.complete(work.get()));
    return result.get(5, TimeUnit.SECONDS);
  }

  private void awaitEnded(int count) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ended.size() < count && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(ended).hasSize(count);
  }
}
