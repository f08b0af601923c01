package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.assertCovers;
import static io.metabound.experiments.probe.ProbeFixtures.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The step-size moment quadrature ({@link StepSizeMoments}) against its two Laplace transforms of
 * the noisy norm (closed form and subordination, {@code d = 1}), the noiseless limit, an
 * independent Gaussian integral and the sampled rule in {@code d = 2, 3}.
 */
class StepSizeMomentsTest {

  @Test
  void erfcxIsContinuousAtTheSwitchAndRightAtZero() {
    assertEquals(1, StepSizeMoments.erfcx(0), 1e-15);
    double below = StepSizeMoments.erfcx(Math.nextDown(20.0));
    assertEquals(below, StepSizeMoments.erfcx(20), 1e-13 * below);
  }

  /** {@code d = 1}: the erfc closed form equals the subordination integral used for {@code d > 1}. */
  @Test
  void bothLaplaceTransformsAgreeInOneDimension() {
    for (double u : new double[] {1e-3, 0.1, 1, 7, 50}) {
      for (double mu : new double[] {0, 0.3, 2}) {
        for (double s : new double[] {1e-3, 0.2, 5}) {
          double closed = StepSizeMoments.foldedNormalLaplace(u, mu, s);
          double subordinated = StepSizeMoments.subordinatedLaplace(u, mu, s, 1);
          // relative 1e-12 where it matters; values below 1e-16 weigh nothing next to M(0) = 1
          assertEquals(
              closed, subordinated, 1e-12 * closed + 1e-16, "u=" + u + " mu=" + mu + " s=" + s);
        }
      }
    }
  }

  /** Without noise the step size is deterministic: {@code (D(ℓ + cB'μ))^{−k}} exactly. */
  @Test
  void noiselessLimitIsTheDeterministicStep() {
    double[][] g = {{0.6, -0.8}};
    double expected = Math.pow(1.5 * (2 + 0.3 * 3 * 1.0), -2);
    assertEquals(
        expected,
        StepSizeMoments.inversePowerMoment(2, 1.5, 2, 0.3, 3, new double[] {1}, g, 0),
        1e-13 * expected);
  }

  /** {@code B' = 1}, {@code d = 1}: {@code E[(ℓ + c|μ + sZ|)^{−k}]} as a Gaussian integral. */
  @Test
  void oneDrawEqualsTheGaussianIntegral() {
    double mu = -0.4;
    double s = 1.7;
    for (int k = 1; k <= 2; k++) {
      int power = k;
      double expected =
          ProbeFixtures.gaussianExpectation(
              z -> Math.pow(3 + 0.8 * Math.abs(mu + s * z), -power), -mu / s);
      assertEquals(
          expected,
          StepSizeMoments.inversePowerMoment(power, 1, 3, 0.8, 1, new double[] {1}, new double[][] {{mu}}, s),
          1e-12 * expected);
    }
  }

  /** Several draws from two tasks in {@code d = 2, 3}: the sampled rule covers the quadrature. */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void quadratureMatchesTheSampledRule(int d) {
    SeparableNonconvexLoss a = RandomTasks.separable(d, 70 + d);
    SeparableNonconvexLoss b = RandomTasks.separable(d, 80 + d);
    Instance x =
        Instance.of(
            new TaskSet(List.of(new MetaTask(a, a, 1), new MetaTask(b, b, 2))),
            Map.of(
                "alpha", 0.3, "N", 1.0, "C_beta", 1.0, "B_prime", 3.0, "D_L", 2.0, "D_beta", 2.0,
                "sigma_g", 3.0),
            90 + d,
            "test");
    for (StepSizeSetting setting : List.of(StepSizeSetting.JI_RESAMPLING, StepSizeSetting.FALLAH)) {
      for (int k = 1; k <= 2; k++) {
        Measurement exact =
            k == 1
                ? new StepSizeMeanProbe(setting).measure(x, samples(2))
                : new StepSizeSecondMomentProbe(setting).measure(x, samples(2));
        assertEquals(Measurement.Kind.EXACT, exact.kind());
        assertCovers(setting.monteCarloMoment(x, samples(40_000), k), exact.value());
      }
    }
  }
}
