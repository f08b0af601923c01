package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static final Instance ONE_TASK =
      Instance.of(
          new TaskSet(
              List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{1}}, new double[] {0})))),
          Map.of("alpha", 0.5),
          7L,
          "quadratic");

  private static final MeasurementSettings SETTINGS = new MeasurementSettings(0.99, 100);

  private static CheckResult check(Comparison c, Measurement m, double bound, boolean inScope) {
    TheoreticalBound theory =
        TheoreticalBound.of(
            Double.toString(bound),
            x -> bound,
            List.of(new ScopeCondition("alpha <= 1/L", x -> inScope)));
    return new BoundCheck("t", c, theory, Fixtures.fixed(m), null)
        .evaluate(ONE_TASK, SETTINGS, 1e-9, 0.01);
  }

  @Test
  void exactEqualityHoldsAndIsTight() {
    CheckResult r = check(Comparison.AT_MOST, Measurement.exact(3.0), 3.0, true);
    assertEquals(Verdict.HOLDS, r.verdict());
    assertTrue(r.tight());
    assertEquals(1.0, r.ratio());
    // equality up to rounding (relative 1e-12 < 1e-9) still holds and is tight
    CheckResult rounded =
        check(Comparison.AT_MOST, Measurement.exact(3.0 * (1 + 1e-12)), 3.0, true);
    assertEquals(Verdict.HOLDS, rounded.verdict());
    assertTrue(rounded.tight());
  }

  @Test
  void exactAboveAnUpperBoundIsViolated() {
    CheckResult r = check(Comparison.AT_MOST, Measurement.exact(3.0 * (1 + 1e-8)), 3.0, true);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertFalse(r.tight());
    assertTrue(r.ratio() > 1);
  }

  @Test
  void exactBelowAnUpperBoundHoldsWithItsRatio() {
    CheckResult r = check(Comparison.AT_MOST, Measurement.exact(1.5), 3.0, true);
    assertEquals(Verdict.HOLDS, r.verdict());
    assertFalse(r.tight());
    assertEquals(0.5, r.ratio());
  }

  @Test
  void lowerBoundsUseTheReciprocalRatio() {
    CheckResult holds = check(Comparison.AT_LEAST, Measurement.exact(4.0), 2.0, true);
    assertEquals(Verdict.HOLDS, holds.verdict());
    assertEquals(0.5, holds.ratio()); // theoretical / empirical = 2 / 4
    CheckResult violated = check(Comparison.AT_LEAST, Measurement.exact(1.0), 2.0, true);
    assertEquals(Verdict.VIOLATED, violated.verdict());
    assertEquals(2.0, violated.ratio());
  }

  @Test
  void monteCarloIntervalStraddlingTheBoundIsInconclusive() {
    // mean 1.0, se 0.1, 100 samples: 99 % interval 1.0 ± t_{99,0.995}·0.1 = 1.0 ± 0.2626
    Measurement m = Measurement.monteCarlo(1.0, 0.1, 100, 0.99);
    assertEquals(1.0 - 0.26264, m.lower(), 1e-4);
    assertEquals(Verdict.INCONCLUSIVE, check(Comparison.AT_MOST, m, 1.05, true).verdict());
    assertEquals(Verdict.INCONCLUSIVE, check(Comparison.AT_LEAST, m, 0.95, true).verdict());
    // whole interval below / above the bound
    assertEquals(Verdict.HOLDS, check(Comparison.AT_MOST, m, 1.3, true).verdict());
    assertEquals(Verdict.VIOLATED, check(Comparison.AT_MOST, m, 0.7, true).verdict());
    assertEquals(Verdict.VIOLATED, check(Comparison.AT_LEAST, m, 1.3, true).verdict());
  }

  @Test
  void unmetAssumptionIsOutOfScopeAndNothingIsMeasured() {
    // the measurement would violate, but the instance is outside the hypotheses
    CheckResult r = check(Comparison.AT_MOST, Measurement.exact(100), 1.0, false);
    assertEquals(Verdict.OUT_OF_SCOPE, r.verdict());
    assertNull(r.measurement());
    assertEquals(List.of("alpha <= 1/L"), r.unmetAssumptions());
    assertTrue(r.note().contains("alpha <= 1/L"));
  }

  @Test
  void notANumberIsInconclusiveNeverAVerdict() {
    assertEquals(
        Verdict.INCONCLUSIVE,
        check(Comparison.AT_MOST, Measurement.exact(Double.NaN), 1, true).verdict());
    assertEquals(
        Verdict.INCONCLUSIVE,
        check(Comparison.AT_MOST, Measurement.exact(1), Double.NaN, true).verdict());
  }

  @Test
  void infiniteBoundsAreVacuous() {
    assertEquals(
        Verdict.HOLDS,
        check(Comparison.AT_MOST, Measurement.exact(1e300), Double.POSITIVE_INFINITY, true)
            .verdict());
    assertEquals(0.0, Comparison.AT_MOST.ratio(1e300, Double.POSITIVE_INFINITY));
  }

  @Test
  void bracketedMeasurementsDecideOnTheirEnclosure() {
    Measurement m = Measurement.bracketed(1.0, 0.9, 1.1);
    assertEquals(Verdict.INCONCLUSIVE, check(Comparison.AT_MOST, m, 1.05, true).verdict());
    assertEquals(Verdict.HOLDS, check(Comparison.AT_MOST, m, 1.1, true).verdict());
    assertEquals(Verdict.VIOLATED, check(Comparison.AT_MOST, m, 0.89, true).verdict());
  }
}
