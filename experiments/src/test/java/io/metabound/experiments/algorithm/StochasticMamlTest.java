package io.metabound.experiments.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.noise.AdditiveGaussianNoise;
import io.metabound.experiments.noise.LinearRegressionSampling;
import io.metabound.experiments.noise.MonteCarlo;
import io.metabound.experiments.noise.StochasticOracle;
import io.metabound.experiments.noise.StochasticTaskSet;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.junit.jupiter.api.Test;

class StochasticMamlTest {

  static final double LEVEL = 0.999;

  static StochasticTaskSet additive(int d, int m, double sigmaG, double sigmaH, long seed) {
    List<StochasticOracle> oracles = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      oracles.add(
          new AdditiveGaussianNoise(RandomTasks.quadratic(d, 0.1, 2, seed + i), sigmaG, sigmaH));
    }
    return StochasticTaskSet.uniform(oracles);
  }

  static StochasticTaskSet regression(int d, long seed) {
    List<StochasticOracle> oracles = new ArrayList<>();
    oracles.add(
        new LinearRegressionSampling(
            RandomTasks.randomSymmetric(d, 0.2, 1.5, seed),
            RandomTasks.randomVector(d, 1, seed + 1),
            0.5));
    return StochasticTaskSet.uniform(oracles);
  }

  /** Monte Carlo means of {@code samples} estimates of task 0, one statistic per coordinate. */
  static StreamingStatistics[] sample(MetaGradientEstimator e, double[] w, int samples, long seed) {
    int d = w.length;
    StreamingStatistics[] s = new StreamingStatistics[d];
    for (int k = 0; k < d; k++) {
      s[k] = new StreamingStatistics();
    }
    RandomGenerator random = new Well19937c(seed);
    double[] out = new double[d];
    for (int t = 0; t < samples; t++) {
      e.estimate(0, w, random, out);
      for (int k = 0; k < d; k++) {
        s[k].addValue(out[k]);
      }
    }
    return s;
  }

  /** Bonferroni over the coordinates: every coordinate's interval at level 1 − (1 − LEVEL)/d. */
  static boolean covers(StreamingStatistics[] s, double[] target) {
    double level = 1 - (1 - LEVEL) / s.length;
    for (int k = 0; k < s.length; k++) {
      if (!MonteCarlo.covers(s[k], target[k], level)) {
        return false;
      }
    }
    return true;
  }

  static String describe(StreamingStatistics[] s, double[] target) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < s.length; k++) {
      b.append(MonteCarlo.describe(s[k], target[k], 1 - (1 - LEVEL) / s.length)).append("; ");
    }
    return b.toString();
  }

  @Test
  void resamplingEstimatorIsUnbiasedOnQuadraticsWithAdditiveNoise() {
    // linear inner dynamics and independent Hessian factors: E Ĝ_i = ∇𝓛_i exactly (THEOREMS §6.1)
    int d = 3;
    StochasticTaskSet tasks = additive(d, 1, 1.0, 1.0, 3);
    double alpha = 0.15;
    int n = 2;
    double[] w = RandomTasks.randomVector(d, 1, 4);
    double[] exact = new MamlMetaGradient(tasks.expectedTaskSet(), alpha, n).metaGradient(w);
    StreamingStatistics[] s = sample(new ResamplingMaml(tasks, alpha, n, 2, 3, 1), w, 40_000, 5);
    assertTrue(covers(s, exact), describe(s, exact));
    // negative control: the same intervals exclude the FO-MAML direction (they can fail)
    double[] fo = new FirstOrderMaml(tasks.expectedTaskSet(), alpha, n).direction(w);
    assertFalse(covers(s, fo), describe(s, fo));
  }

  @Test
  void resamplingEstimatorIsUnbiasedForSampledLinearRegression() {
    // per-sample gradients are affine in w with batch matrices independent of the path
    int d = 2;
    StochasticTaskSet tasks = regression(d, 13);
    double alpha = 0.2;
    int n = 3;
    double[] w = RandomTasks.randomVector(d, 1, 14);
    double[] exact = new MamlMetaGradient(tasks.expectedTaskSet(), alpha, n).metaGradient(w);
    StreamingStatistics[] s = sample(new ResamplingMaml(tasks, alpha, n, 2, 2, 2), w, 40_000, 15);
    assertTrue(covers(s, exact), describe(s, exact));
  }

  @Test
  void noiselessEstimatorsEqualTheirDeterministicCounterparts() {
    int d = 3;
    StochasticTaskSet tasks = additive(d, 2, 0, 0, 21);
    TaskSet exact = tasks.expectedTaskSet();
    double alpha = 0.2;
    double[] w = RandomTasks.randomVector(d, 1, 22);
    RandomGenerator random = new Well19937c(23);
    double[] out = new double[d];
    double[] expected = new double[d];
    for (int i = 0; i < 2; i++) {
      new ResamplingMaml(tasks, alpha, 4, 1, 1, 1).estimate(i, w, random, out);
      new MamlMetaGradient(exact, alpha, 4).taskGradient(i, w, expected);
      assertArrayEquals(expected, out, 1e-14);
      new OneStepStochasticMaml(tasks, alpha, OneStepStochasticMaml.Variant.MAML, 1, 1, 1, null)
          .estimate(i, w, random, out);
      new MamlMetaGradient(exact, alpha, 1).taskGradient(i, w, expected);
      assertArrayEquals(expected, out, 1e-14);
      new OneStepStochasticMaml(
              tasks, alpha, OneStepStochasticMaml.Variant.FIRST_ORDER, 1, 1, 1, null)
          .estimate(i, w, random, out);
      new FirstOrderMaml(exact, alpha, 1).taskDirection(i, w, expected);
      assertArrayEquals(expected, out, 1e-14);
      FiniteDifferenceStep delta = new FiniteDifferenceStep.Fixed(0.3);
      new OneStepStochasticMaml(
              tasks, alpha, OneStepStochasticMaml.Variant.HESSIAN_FREE, 1, 1, 1, delta)
          .estimate(i, w, random, out);
      new HessianFreeMaml(exact, alpha, 1, delta).taskDirection(i, w, expected);
      assertArrayEquals(expected, out, 1e-13);
    }
  }

  @Test
  void fallahMamlIsUnbiasedOnQuadraticsWhileHfCarriesOnlyHessianNoise() {
    // Fallah Lemma 4.10: e_{i,k} = 0 for quadratics with additive noise; the Hessian batch D_h is
    // independent, so (5) is unbiased; HF-MAML on a quadratic is unbiased too (its difference
    // quotient is Hv + Ξv with E Ξ = 0, Ξ independent of g)
    int d = 3;
    StochasticTaskSet tasks = additive(d, 1, 1.2, 0.9, 31);
    double alpha = 0.25;
    double[] w = RandomTasks.randomVector(d, 1, 32);
    double[] exact = new MamlMetaGradient(tasks.expectedTaskSet(), alpha, 1).metaGradient(w);
    StreamingStatistics[] maml =
        sample(
            new OneStepStochasticMaml(
                tasks, alpha, OneStepStochasticMaml.Variant.MAML, 2, 1, 2, null),
            w,
            40_000,
            33);
    assertTrue(covers(maml, exact), describe(maml, exact));
    StreamingStatistics[] hf =
        sample(
            new OneStepStochasticMaml(
                tasks,
                alpha,
                OneStepStochasticMaml.Variant.HESSIAN_FREE,
                2,
                1,
                2,
                new FiniteDifferenceStep.Fixed(0.1)),
            w,
            40_000,
            34);
    assertTrue(covers(hf, exact), describe(hf, exact));
  }

  @Test
  void finiteSumMamlIsTheExactTaskMetaGradient() {
    LinearRegressionSampling source = (LinearRegressionSampling) regression(2, 41).get(0);
    List<MetaTask> list = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      list.add(source.finiteSumTask(6, 4, 100 + i));
    }
    TaskSet tasks = new TaskSet(list);
    FiniteSumMaml alg2 = new FiniteSumMaml(tasks, 0.1, 3);
    double[] w = {0.2, -0.7};
    assertArrayEquals(new MamlMetaGradient(tasks, 0.1, 3).direction(w), alg2.direction(w), 0);
    double[] fd = RandomTasks.numericalGradient(alg2::metaObjective, w, 1e-5);
    assertTrue(RandomTasks.relativeError(alg2.direction(w), fd) < 1e-8);
    // exact query-loss gradient norms for Ji's (22)
    double[] g = new double[2];
    tasks.get(1).outer().gradient(w, g);
    org.junit.jupiter.api.Assertions.assertEquals(
        Math.hypot(g[0], g[1]), alg2.taskGradientNorm(1, w, 5, null), 0);
  }
}
