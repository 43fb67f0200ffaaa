package nl.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  @Test
  void takesOnWorkUpToTheBudgetAndAgainWhenItIsDone() {
    var admission = new Admission(100, () -> false);
    assertThat(admission.admit(60)).isTrue();
    assertThat(admission.admit(50)).isFalse();
    assertThat(admission.admit(40)).isTrue();
    admission.done(60);
    assertThat(admission.admit(50)).isTrue();
  }

  @Test
  void refusesEverythingWhileTheHeapIsFullOfWork() {
    var full = new AtomicBoolean(true);
    var admission = new Admission(100, full::get);
    assertThat(admission.admit(1)).isFalse();
    full.set(false);
    assertThat(admission.admit(1)).isTrue();
  }

  @Test
  void watchesTheOldGenerationOfThisJvm() {
    // the build's JVM runs G1 or another collector with an old generation: it is found and,
    // with the test's small heap use, not full
    assertThat(Admission.oldGenerationFull().getAsBoolean()).isFalse();
  }
}
