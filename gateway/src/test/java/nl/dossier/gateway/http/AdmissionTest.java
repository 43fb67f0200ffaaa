package nl.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  static final Duration MAX_DELAY = Duration.ofMillis(500);

  long delayNanos;

  @Test
  void takesOnWorkUpToTheBudgetAndAgainWhenItIsDone() {
    var admission = admission(100);
    assertThat(admission.admit(60)).isTrue();
    assertThat(admission.admit(50)).isFalse();
    assertThat(admission.admit(40)).isTrue();
    admission.done(60);
    assertThat(admission.admit(50)).isTrue();
  }

  @Test
  void takesOnWorkLargerThanTheBudgetOnlyWhenNothingElseIsUnderWay() {
    var admission = admission(100);
    assertThat(admission.admit(150)).isTrue();
    assertThat(admission.admit(1)).isFalse();
    admission.done(150);
    assertThat(admission.admit(1)).isTrue();
    assertThat(admission.admit(150)).isFalse();
  }

  @Test
  void takesOnNoWorkWhileTheEventLoopIsTooFarBehindUnlessNothingIsUnderWay() {
    var admission = admission(100);
    assertThat(admission.admit(10)).isTrue();
    // when the event loop falls behind by more than allowed
    delayNanos = TimeUnit.MILLISECONDS.toNanos(501);
    // then small work is refused too, and nothing is held for it
    assertThat(admission.admit(1)).isFalse();
    admission.done(10);
    // but work is taken on when nothing else is under way
    assertThat(admission.admit(1)).isTrue();
    assertThat(admission.admit(1)).isFalse();
    // and again by the budget alone once the event loop has caught up
    delayNanos = TimeUnit.MILLISECONDS.toNanos(500);
    assertThat(admission.admit(99)).isTrue();
    assertThat(admission.admit(1)).isFalse();
  }

  private Admission admission(long maxFields) {
    return new Admission(maxFields, () -> delayNanos, MAX_DELAY);
  }
}
