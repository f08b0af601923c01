package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.assertCovers;
import static io.metabound.experiments.probe.ProbeFixtures.assertDeterministic;
import static io.metabound.experiments.probe.ProbeFixtures.assertExcludes;
import static io.metabound.experiments.probe.ProbeFixtures.gaussianExpectation;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static io.metabound.experiments.probe.ProbeFixtures.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The bias probe: exact zeros on quadratic tasks (docs/THEOREMS.md §6.1), one-dimensional Gaussian
 * integrals on a separable task, where the bias is non-zero.
 *
 * <p>Derivation for one separable coordinate {@code f(x) = a log(1 + (x − c)²)} at {@code w = 0}
 * with {@code σ_H = 0}: Algorithm 1 with N = 1 is {@code Ĝ = (1 − αf''(0)) (f'(w_1) + ζ)}, {@code
 * w_1 = −α(f'(0) + ξ)}, with independent zero-mean {@code ξ ~ N(0, σ_g²/S)} and outer noise {@code
 * ζ}; its target is {@code (1 − αf''(0)) f'(u)}, {@code u = −αf'(0)}. So the bias is {@code |1 −
 * αf''(0)| · |E f'(u − sZ) − f'(u)|} with {@code s = ασ_g/√S} and Z standard normal. Fallah2020's
 * {@code ∇̃f(w − α∇̃f(w, D_in), D_o)} has the bias {@code |E f'(u − sZ) − f'(u)|} with {@code s =
 * ασ_g/√D_in}.
 */
class EstimatorBiasProbeTest {

  private static final EstimatorBiasProbe JI =
      new EstimatorBiasProbe(StochasticEstimator.JI_RESAMPLING);
  private static final EstimatorBiasProbe FALLAH =
      new EstimatorBiasProbe(StochasticEstimator.FALLAH_ADAPTED_GRADIENT);

  static Map<String, Double> ji(double alpha, int n, double sigmaG, double sigmaH) {
    return Map.of(
        "alpha",
        alpha,
        "N",
        (double) n,
        "S",
        2.0,
        "D",
        3.0,
        "T",
        1e6,
        "sigma_g",
        sigmaG,
        "sigma_H",
        sigmaH);
  }

  static Map<String, Double> fallah(double alpha, double sigmaG, int inner) {
    return Map.of("alpha", alpha, "sigma_g", sigmaG, "D_in", (double) inner, "D_o", 1e6);
  }

  @Test
  void bothEstimatorsAreUnbiasedOnQuadraticsWithAdditiveNoise() {
    // linear dynamics, constant Hessians, independent zero-mean batches: E Ĝ = target exactly
    TaskSet tasks = RandomTasks.quadraticTasks(2, 2, -0.8, 1, false, 3);
    Instance x = Instance.of(tasks, ji(0.2, 2, 1.5, 0.8), 7, "test");
    Measurement m = JI.measure(x, samples(20_000));
    assertTrue(m.lower() <= 0, "bias interval " + m.lower() + ".." + m.upper() + " excludes 0");
    Instance y = Instance.of(tasks, fallah(0.3, 1.5, 1), 8, "test");
    Measurement f = FALLAH.measure(y, samples(20_000));
    assertTrue(f.lower() <= 0, "bias interval " + f.lower() + ".." + f.upper() + " excludes 0");
  }

  @Test
  void resamplingBiasMatchesTheGaussianIntegralOnASeparableTask() {
    double a = 0.8;
    double c = 1.1;
    SeparableNonconvexLoss f = new SeparableNonconvexLoss(new double[] {a}, new double[] {c});
    double alpha = 0.15;
    double sigmaG = 6;
    Measurement m = JI.measure(instance(f, ji(alpha, 1, sigmaG, 0), 21), samples(40_000));
    double g0 = derivative(a, c, 0);
    double u = -alpha * g0;
    double s = alpha * sigmaG / Math.sqrt(2);
    double mean = gaussianExpectation(z -> derivative(a, c, u - s * z));
    double expected =
        Math.abs(1 - alpha * curvature(a, c, 0)) * Math.abs(mean - derivative(a, c, u));
    assertCovers(m, expected);
    assertExcludes(m, 0);
  }

  @Test
  void adaptedGradientBiasMatchesTheGaussianIntegralOnASeparableTask() {
    double a = 0.6;
    double c = -0.9;
    SeparableNonconvexLoss f = new SeparableNonconvexLoss(new double[] {a}, new double[] {c});
    double alpha = 0.7;
    double sigmaG = 2.5;
    Measurement m = FALLAH.measure(instance(f, fallah(alpha, sigmaG, 2), 22), samples(40_000));
    double u = -alpha * derivative(a, c, 0);
    double s = alpha * sigmaG / Math.sqrt(2);
    double expected =
        Math.abs(gaussianExpectation(z -> derivative(a, c, u - s * z)) - derivative(a, c, u));
    assertCovers(m, expected);
    assertExcludes(m, 0);
  }

  @Test
  void finiteSumEstimatorIsExactlyUnbiased() {
    TaskSet tasks = RandomTasks.quadraticTasks(2, 3, -1, 1, true, 5);
    Measurement m =
        new EstimatorBiasProbe(StochasticEstimator.JI_FINITE_SUM)
            .measure(Instance.of(tasks, Map.of("alpha", 0.2, "N", 2.0), 1, "test"), samples(10));
    assertEquals(Measurement.Kind.EXACT, m.kind());
    assertEquals(0, m.value(), 1e-15);
  }

  @Test
  void normOfMeanIntervalCoversAtLeastItsLevel() {
    // correlated 3-d Gaussian samples, ‖μ‖ = 0.3: the interval of VectorMean is conservative
    double[] mu = {0.1, -0.2, 0.2};
    double[][] mix = {{1, 0, 0}, {0.8, 0.6, 0}, {0.3, -0.4, 0.9}};
    RandomGenerator random = new Well19937c(99);
    int covered = 0;
    int replicates = 400;
    double[] z = new double[3];
    double[] x = new double[3];
    for (int r = 0; r < replicates; r++) {
      VectorMean mean = new VectorMean(3);
      for (int s = 0; s < 60; s++) {
        for (int k = 0; k < 3; k++) {
          z[k] = random.nextGaussian();
        }
        for (int k = 0; k < 3; k++) {
          x[k] = mu[k] + mix[k][0] * z[0] + mix[k][1] * z[1] + mix[k][2] * z[2];
        }
        mean.add(x);
      }
      Measurement m = mean.normOfMean(0.95);
      if (m.lower() <= 0.3 && 0.3 <= m.upper()) {
        covered++;
      }
    }
    assertTrue(covered >= 0.93 * replicates, covered + " of " + replicates + " covered");
  }

  @Test
  void sameSeedSameBits() {
    SeparableNonconvexLoss f = RandomTasks.separable(2, 4);
    TaskSet tasks = new TaskSet(List.of(MetaTask.same(f)));
    assertDeterministic(JI, Instance.of(tasks, ji(0.1, 2, 3, 0.5), 3, "test"), samples(300));
    assertDeterministic(FALLAH, Instance.of(tasks, fallah(0.5, 3, 1), 3, "test"), samples(300));
  }

  /** {@code f'(x) = 2a(x − c)/(1 + (x − c)²)}. */
  static double derivative(double a, double c, double x) {
    double v = x - c;
    return 2 * a * v / (1 + v * v);
  }

  /** {@code f''(x) = 2a(1 − (x − c)²)/(1 + (x − c)²)²}. */
  static double curvature(double a, double c, double x) {
    double v = x - c;
    double q = 1 + v * v;
    return 2 * a * (1 - v * v) / (q * q);
  }
}
