package io.metabound.experiments.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The log-log slope fit on synthetic data of known slope, and the verdict rule. */
class SlopeFitTest {

  private static final double[] X = ScalingChecks.geometric(0.01, 2, 8);

  @Test
  void anExactPowerLawGivesItsSlopeWithAnEmptyInterval() {
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      // y = 3 x^1.5
      y[i] = 3 * Math.pow(X[i], 1.5);
    }
    SlopeFit fit = SlopeFit.exact(X, y, 0.99);
    assertEquals(1.5, fit.slope(), 1e-12);
    assertEquals(Math.log(3), fit.intercept(), 1e-10);
    assertEquals(fit.slope(), fit.lower(), 1e-10);
    assertEquals(fit.slope(), fit.upper(), 1e-10);
  }

  /**
   * 2000 noisy power laws with slope −0.7 and log-normal errors of known relative size 0.1: the
   * weighted fit's 95 % interval covers −0.7 at least at the nominal rate (the Birge floor only
   * widens it), and the unweighted residual fit covers at the nominal rate (exact under Gaussian
   * errors in ln y).
   */
  @Test
  void noisyIntervalsCoverTheTrueSlope() {
    Well19937c random = new Well19937c(11);
    int trials = 2000;
    int weightedCovered = 0;
    int exactCovered = 0;
    double[] y = new double[X.length];
    double[] se = new double[X.length];
    for (int t = 0; t < trials; t++) {
      for (int i = 0; i < X.length; i++) {
        double relative = 0.05 + 0.1 * i / X.length;
        // ln y = ln 2 − 0.7 ln x + relative·Z
        y[i] = 2 * Math.pow(X[i], -0.7) * Math.exp(relative * random.nextGaussian());
        se[i] = relative * y[i];
      }
      SlopeFit w = SlopeFit.weighted(X, y, se, 0.95);
      SlopeFit e = SlopeFit.exact(X, y, 0.95);
      weightedCovered += w.lower() <= -0.7 && -0.7 <= w.upper() ? 1 : 0;
      exactCovered += e.lower() <= -0.7 && -0.7 <= e.upper() ? 1 : 0;
    }
    double weighted = weightedCovered / (double) trials;
    double exact = exactCovered / (double) trials;
    // binomial sd at 0.95 and n = 2000: 0.005
    assertTrue(weighted >= 0.935 && weighted <= 0.995, "weighted coverage " + weighted);
    assertTrue(exact >= 0.935 && exact <= 0.965, "exact-mode coverage " + exact);
  }

  @Test
  void theVerdictReadsTheIntervalInTheBoundsRegime() {
    // x → ∞: a slope below the bound's decays faster (STEEPER), above it grows relative to it
    assertEquals(ScalingVerdict.STEEPER, Regime.TO_INFINITY.judge(-1.1, -0.9, -0.5));
    assertEquals(ScalingVerdict.VIOLATED, Regime.TO_INFINITY.judge(-0.4, -0.3, -0.5));
    assertEquals(ScalingVerdict.CONSISTENT, Regime.TO_INFINITY.judge(-0.6, -0.4, -0.5));
    // x → 0: the reverse
    assertEquals(ScalingVerdict.STEEPER, Regime.TO_ZERO.judge(1.8, 2.1, 1));
    assertEquals(ScalingVerdict.VIOLATED, Regime.TO_ZERO.judge(0.4, 0.6, 1));
    assertEquals(ScalingVerdict.CONSISTENT, Regime.TO_ZERO.judge(0.9, 1.1, 1));
  }

  @Test
  void aSequenceMustBeGeometricAndSpanADecade() {
    TaskSet tasks =
        new TaskSet(List.of(MetaTask.same(new QuadraticLoss(new double[] {1}, new double[] {0}))));
    var probe =
        new io.metabound.experiments.probe.Probe() {
          @Override
          public String quantityId() {
            return "surrogate-gap";
          }

          @Override
          public Measurement measure(
              Instance instance, io.metabound.experiments.probe.MeasurementSettings s) {
            return Measurement.exact(1);
          }
        };
    String id = ScalingChecks.SURROGATE_GAP;
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ScalingCheck(
                id, "D_test", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, Regime.TO_INFINITY,
                x -> Instance.of(tasks, Map.of(), 0, "q"), probe, i -> Map.of(), 2, 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ScalingCheck(
                id, "D_test", ScalingChecks.geometric(1, 1.5, 5), Regime.TO_INFINITY,
                x -> Instance.of(tasks, Map.of(), 0, "q"), probe, i -> Map.of(), 2, 1));
  }
}
