package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NegativeControlTest {

  @Test
  void halvingAHoldingTightBoundMakesItFail() {
    CheckResult r =
        Fixtures.trueSmoothness().run(CheckSettings.defaults(5).withEvaluationBudget(200));
    assertEquals(Verdict.HOLDS, r.verdict());
    NegativeControlResult control = r.negativeControl();
    assertEquals(NegativeControlResult.Status.FAILS_AS_REQUIRED, control.status());
    assertEquals(0.5, control.factor());
    assertEquals(Verdict.VIOLATED, control.verdict());
    // the scaled ratio is twice the largest ratio
    assertEquals(2 * control.maxRatio(), control.ratio(), 1e-12);
    assertTrue(control.passed());
  }

  @Test
  void aVeryLooseBoundIsReportedLooseWithItsRatio() {
    CheckResult r =
        Fixtures.looseSmoothness().run(CheckSettings.defaults(5).withEvaluationBudget(200));
    assertEquals(Verdict.HOLDS, r.verdict());
    NegativeControlResult control = r.negativeControl();
    assertEquals(NegativeControlResult.Status.LOOSE, control.status());
    // the true bound is attained, so the 100× bound has largest ratio 0.01
    assertEquals(0.01, control.maxRatio(), 1e-9);
    assertEquals(Verdict.HOLDS, control.verdict());
    // the adaptive factor brings the ratio to 2: 0.01 / 2 = 0.005
    assertEquals(0.005, control.adaptiveFactor(), 1e-9);
    assertEquals(Verdict.VIOLATED, control.adaptiveVerdict());
    assertTrue(control.note().startsWith("LOOSE: max ratio 0.01"), control.note());
  }

  @Test
  void lowerBoundsAreDoubled() {
    assertEquals(2.0, Comparison.AT_LEAST.factorScalingRatioBy(2));
    assertEquals(0.5, Comparison.AT_MOST.factorScalingRatioBy(2));
  }
}
