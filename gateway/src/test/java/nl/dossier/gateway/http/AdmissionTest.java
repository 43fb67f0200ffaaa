package nl.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdmissionTest {
  @Test
  void takesOnWorkUpToTheBudgetAndAgainWhenItIsDone() {
    var admission = new Admission(100);
    assertThat(admission.admit(60)).isTrue();
    assertThat(admission.admit(50)).isFalse();
    assertThat(admission.admit(40)).isTrue();
    admission.done(60);
    assertThat(admission.admit(50)).isTrue();
  }

  @Test
  void takesOnWorkLargerThanTheBudgetOnlyWhenNothingElseIsUnderWay() {
    var admission = new Admission(100);
    assertThat(admission.admit(150)).isTrue();
    assertThat(admission.admit(1)).isFalse();
    admission.done(150);
    assertThat(admission.admit(1)).isTrue();
    assertThat(admission.admit(150)).isFalse();
  }
}
