package nl.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  static final Duration MAX_DELAY = Duration.ofMillis(500);
  static final Duration LONG_WAIT = Duration.ofSeconds(30);
  static final int MAX_OWNERS = 10;
  static Vertx vertx;

  volatile long delayNanos;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void takesOnWorkUpToTheBudgetAndWhatWaitsInOrderOfArrivalWhenWorkIsDone() throws Exception {
    var admission = admission(100, 10, LONG_WAIT);
    assertThat(admitted(admission.admit(fields(60)))).isTrue();
    Future<Void> fifty = admission.admit(fields(50));
    // fits the budget, but waits behind the fifty that came first
    Future<Void> forty = admission.admit(fields(40));
    assertThat(fifty.isComplete()).isFalse();
    assertThat(forty.isComplete()).isFalse();

    admission.done(fields(60));

    assertThat(admitted(fifty)).isTrue();
    assertThat(admitted(forty)).isTrue();
    assertThat(admission.admit(fields(11)).isComplete()).isFalse();
  }

  @Test
  void refusesWorkThatWaitedTooLongAndTakesOnWhatWaitedBehindIt() throws Exception {
    var admission = admission(100, 10, Duration.ofMillis(200));
    assertThat(admitted(admission.admit(fields(60)))).isTrue();
    Future<Void> large = admission.admit(fields(100));
    Future<Void> small = admission.admit(fields(30));

    assertThat(admitted(large)).isFalse();
    assertThat(admitted(small)).isTrue();
    // the refused work holds nothing: 60 and 30 are under way
    assertThat(admitted(admission.admit(fields(10)))).isTrue();
    assertThat(admission.admit(fields(1)).isComplete()).isFalse();
  }

  @Test
  void refusesWithdrawnWorkAndTakesOnWhatWaitedBehindIt() throws Exception {
    var admission = admission(100, 2, LONG_WAIT);
    Future<Void> sixty = admission.admit(fields(60));
    Future<Void> fifty = admission.admit(fields(50));
    Future<Void> thirty = admission.admit(fields(30));
    // withdrawing work under way changes nothing
    admission.withdraw(sixty);

    admission.withdraw(fifty);

    assertThat(admitted(fifty)).isFalse();
    assertThat(admitted(thirty)).isTrue();
    // the withdrawn work holds nothing: 60 and 30 are under way
    Future<Void> ten = admission.admit(fields(10));
    Future<Void> one = admission.admit(fields(1));
    assertThat(admitted(ten)).isTrue();
    assertThat(one.isComplete()).isFalse();
  }

  @Test
  void refusesAtOnceWhenTheMostRequestsAlreadyWait() throws Exception {
    var admission = admission(100, 2, LONG_WAIT);
    assertThat(admitted(admission.admit(fields(100)))).isTrue();
    Future<Void> first = admission.admit(fields(1));
    Future<Void> second = admission.admit(fields(1));

    Future<Void> third = admission.admit(fields(1));

    assertThat(third.failed()).isTrue();
    assertThat(third.cause()).isInstanceOf(Admission.Refused.class);
    admission.done(fields(100));
    assertThat(admitted(first)).isTrue();
    assertThat(admitted(second)).isTrue();
  }

  @Test
  void takesOnWorkLargerThanTheBudgetOnlyWhenNothingElseIsUnderWay() throws Exception {
    var admission = admission(100, 10, LONG_WAIT);
    assertThat(admitted(admission.admit(fields(150)))).isTrue();
    Future<Void> one = admission.admit(fields(1));
    assertThat(one.isComplete()).isFalse();
    admission.done(fields(150));
    assertThat(admitted(one)).isTrue();

    Future<Void> large = admission.admit(fields(150));
    assertThat(large.isComplete()).isFalse();
    admission.done(fields(1));
    assertThat(admitted(large)).isTrue();
  }

  @Test
  void takesOnNoWorkWhileTheEventLoopIsTooFarBehindUnlessNothingIsUnderWay() throws Exception {
    var admission = admission(100, 10, LONG_WAIT);
    assertThat(admitted(admission.admit(fields(10)))).isTrue();
    // when the event loop falls behind by more than allowed
    delayNanos = TimeUnit.MILLISECONDS.toNanos(501);
    // then small work waits too
    Future<Void> one = admission.admit(fields(1));
    assertThat(one.isComplete()).isFalse();
    // but is taken on when nothing else is under way
    admission.done(fields(10));
    assertThat(admitted(one)).isTrue();
    Future<Void> two = admission.admit(fields(2));
    Future<Void> three = admission.admit(fields(3));
    assertThat(two.isComplete()).isFalse();
    // and by the budget alone once the event loop has caught up
    delayNanos = TimeUnit.MILLISECONDS.toNanos(500);
    admission.done(fields(1));
    assertThat(admitted(two)).isTrue();
    assertThat(admitted(three)).isTrue();
  }

  @Test
  void takesOnNoMoreOwnersThanTheBudgetAllows() throws Exception {
    var admission = admission(100, 10, LONG_WAIT);
    assertThat(admitted(admission.admit(new Admission.Weight(1, 8)))).isTrue();
    Future<Void> more = admission.admit(new Admission.Weight(1, 5));
    assertThat(more.isComplete()).isFalse();

    admission.done(new Admission.Weight(1, 8));

    assertThat(admitted(more)).isTrue();
    assertThat(admitted(admission.admit(new Admission.Weight(1, 5)))).isTrue();
  }

  private Admission admission(long maxFields, int maxQueued, Duration maxQueueWait) {
    return new Admission(
        vertx, maxFields, MAX_OWNERS, maxQueued, maxQueueWait, () -> delayNanos, MAX_DELAY);
  }

  private static Admission.Weight fields(long fields) {
    return new Admission.Weight(fields, 0);
  }

  /** Waits for the decision: true if the work was taken on, false if it was refused. */
  private static boolean admitted(Future<Void> admission) throws Exception {
    try {
      admission.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(Admission.Refused.class);
      return false;
    }
  }
}
