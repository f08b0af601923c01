package io.metabound.experiments.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.autodiff.AutoDiffMetaHessian;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.noise.AdditiveGaussianNoise;
import io.metabound.experiments.noise.StochasticOracle;
import io.metabound.experiments.noise.StochasticTaskSet;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class OuterLoopTest {

  static StochasticTaskSet noisyTasks(long seed) {
    List<StochasticOracle> oracles = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      oracles.add(new AdditiveGaussianNoise(RandomTasks.quadratic(3, 0.2, 2, seed + i), 0.5, 0.5));
    }
    return StochasticTaskSet.uniform(oracles);
  }

  static Trajectory stochasticRun(long seed) {
    StochasticTaskSet tasks = noisyTasks(1);
    MamlMetaGradient exact = new MamlMetaGradient(tasks.expectedTaskSet(), 0.1, 2);
    double[] g = new double[3];
    return OuterLoop.builder(
            new OneStepStochasticMaml(
                tasks, 0.1, OneStepStochasticMaml.Variant.MAML, 2, 2, 2, null))
        .iterations(50)
        .taskBatching(TaskBatching.sampled(2))
        .stepSize(
            StepSizeRule.FallahAdaptive.of(2, 0.3, 0.1, 2, 3, OneStepStochasticMaml.Variant.MAML))
        .observer(
            w -> {
              exact.metaGradient(w, g);
              return Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
            })
        .recordIterates(true)
        .build()
        .run(new double[] {1, -1, 0.5}, seed);
  }

  @Test
  void sameSeedSameTrajectory() {
    Trajectory a = stochasticRun(42);
    Trajectory b = stochasticRun(42);
    Trajectory c = stochasticRun(43);
    assertEquals(RunStatus.UNDECIDED, a.status());
    assertEquals(50, a.iterations());
    assertArrayEquals(a.finalIterate(), b.finalIterate(), 0);
    assertArrayEquals(a.iterateNorms(), b.iterateNorms(), 0);
    assertArrayEquals(a.stepSizes(), b.stepSizes(), 0);
    assertArrayEquals(a.observed(), b.observed(), 0);
    for (int k = 0; k <= 50; k++) {
      assertArrayEquals(a.iterates().get(k), b.iterates().get(k), 0);
    }
    assertFalse(java.util.Arrays.equals(a.finalIterate(), c.finalIterate()));
    assertEquals(51, a.observed().length);
    assertEquals(50, a.stepSizes().length);
  }

  @Test
  void nanRunIsDivergedWithoutException() {
    MetaGradientEstimator broken =
        new MetaGradientEstimator() {
          @Override
          public int dimension() {
            return 2;
          }

          @Override
          public int taskCount() {
            return 1;
          }

          @Override
          public double taskProbability(int task) {
            return 1;
          }

          @Override
          public void estimate(int task, double[] w, RandomGenerator random, double[] out) {
            out[0] = Double.NaN;
            out[1] = 1;
          }

          @Override
          public double taskGradientNorm(
              int task, double[] w, int batchSize, RandomGenerator random) {
            return Double.NaN;
          }
        };
    Trajectory t =
        OuterLoop.builder(broken)
            .iterations(10)
            .stepSize(0.1)
            .observer(w -> w[1])
            .build()
            .run(new double[] {0, 0}, 1);
    assertEquals(RunStatus.DIVERGED, t.status());
    assertEquals(1, t.iterations());
    assertTrue(Double.isNaN(t.finalIterate()[0]));
    assertTrue(Double.isNaN(t.lastObserved()));
    // a NaN adaptive step size is also DIVERGED, before any step
    Trajectory u =
        OuterLoop.builder(broken)
            .iterations(10)
            .stepSize(new StepSizeRule.FallahAdaptive(1, 1, 0.1, 1, 0, 12))
            .build()
            .run(new double[] {0, 0}, 1);
    assertEquals(RunStatus.DIVERGED, u.status());
    assertEquals(0, u.iterations());
    // a non-finite start is DIVERGED at once
    Trajectory v =
        OuterLoop.builder(broken)
            .iterations(10)
            .stepSize(0.1)
            .build()
            .run(new double[] {Double.POSITIVE_INFINITY, 0}, 1);
    assertEquals(RunStatus.DIVERGED, v.status());
  }

  @Test
  void deterministicMamlConvergesToTheClosedFormMinimiserOrDiverges() {
    int d = 3;
    TaskSet tasks = RandomTasks.quadraticTasks(d, 3, 0.2, 2, true, 51);
    double alpha = 0.1;
    int n = 2;
    MamlMetaGradient maml = new MamlMetaGradient(tasks, alpha, n);
    // ∇𝓛(w) = A w − b with A the (constant) meta-Hessian, b = −∇𝓛(0)
    double[] a = AutoDiffMetaHessian.metaHessian(tasks, alpha, n, new double[d]);
    double[] b = maml.metaGradient(new double[d]);
    double[][] rows = new double[d][d];
    for (int r = 0; r < d; r++) {
      System.arraycopy(a, r * d, rows[r], 0, d);
      b[r] = -b[r];
    }
    double[] minimiser =
        new LUDecomposition(new Array2DRowRealMatrix(rows))
            .getSolver()
            .solve(new ArrayRealVector(b))
            .toArray();
    double[] g = new double[d];
    Trajectory t =
        OuterLoop.builder(maml)
            .iterations(5000)
            .stepSize(0.5)
            .stepTolerance(1e-13)
            .observer(
                w -> {
                  maml.metaGradient(w, g);
                  return Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
                })
            .build()
            .run(new double[d], 7);
    assertEquals(RunStatus.CONVERGED, t.status());
    assertTrue(RandomTasks.maxAbsDifference(t.finalIterate(), minimiser) < 1e-10);
    assertTrue(t.lastObserved() < 1e-10);
    // β far above 2/λ_max(A) diverges past the cap, classified without exception
    Trajectory big =
        OuterLoop.builder(maml)
            .iterations(5000)
            .stepSize(50)
            .divergenceCap(1e6)
            .build()
            .run(new double[] {1, 1, 1}, 7);
    assertEquals(RunStatus.DIVERGED, big.status());
    assertTrue(big.iterations() < 5000);
    // stopping on the observed value
    Trajectory early =
        OuterLoop.builder(maml)
            .iterations(5000)
            .stepSize(0.5)
            .observedTolerance(1e-3)
            .observer(
                w -> {
                  maml.metaGradient(w, g);
                  return Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
                })
            .build()
            .run(new double[d], 7);
    assertEquals(RunStatus.CONVERGED, early.status());
    assertTrue(early.lastObserved() <= 1e-3 && early.iterations() < t.iterations());
  }

  @Test
  void adaptiveStepSizesReduceToTheirClosedFormsOnQuadratics() {
    // ρ = 0: Fallah's β = 1/(c·4L), Ji's β = 1/(C_β (1+αL)^{2N} L), whatever the gradient norms
    StochasticTaskSet tasks = noisyTasks(61);
    RandomGenerator random = new Well19937c(1);
    MetaGradientEstimator e = new ResamplingMaml(tasks, 0.1, 2, 1, 1, 1);
    double[] w = {1, 2, 3};
    double fallah =
        StepSizeRule.FallahAdaptive.of(2, 0, 0.1, 3, 2, OneStepStochasticMaml.Variant.FIRST_ORDER)
            .stepSize(w, e, random);
    assertEquals(1 / (18 * 4 * 2.0), fallah, 1e-15);
    double ji = StepSizeRule.JiAdaptive.resampling(2, 0, 0.1, 2, 5, 3, 2).stepSize(w, e, random);
    assertEquals(1 / (5 * Math.pow(1.2, 4) * 2), ji, 1e-15);
  }

  @Test
  void adaptiveStepSizeUsesTheTaskGradientNorm() {
    // one task, exact gradients: β = 1/(c (4L + 2ρα‖∇f(w)‖))
    TaskSet tasks = RandomTasks.logisticTasks(2, 1, 0, 71);
    MamlMetaGradient maml = new MamlMetaGradient(tasks, 0.2, 1);
    double[] w = {0.5, -1};
    double[] g = new double[2];
    tasks.get(0).outer().gradient(w, g);
    double beta =
        new StepSizeRule.FallahAdaptive(1.5, 0.7, 0.2, 4, 0, 12)
            .stepSize(w, maml, new Well19937c(2));
    assertEquals(1 / (12 * (4 * 1.5 + 2 * 0.7 * 0.2 * Math.hypot(g[0], g[1]))), beta, 1e-15);
  }

  @Test
  void jiCoefficientsMatchTheUnsimplifiedFormOfEquation13() {
    Well19937c random = new Well19937c(81);
    for (int t = 0; t < 100; t++) {
      double l = 0.1 + 3 * random.nextDouble();
      double rho = 2 * random.nextDouble();
      double alpha = random.nextDouble() / l;
      int n = 1 + random.nextInt(8);
      double a = 1 + alpha * l;
      // (13): C_𝓛 = ((1+αL)^{N−1}αρ + (ρ/L)(1+αL)^N((1+αL)^{N−1} − 1))(1+αL)^N
      double paper =
          (Math.pow(a, n - 1) * alpha * rho + rho / l * Math.pow(a, n) * (Math.pow(a, n - 1) - 1))
              * Math.pow(a, n);
      assertEquals(
          paper,
          StepSizeRule.JiAdaptive.metaGradientCoefficient(l, rho, alpha, n),
          1e-12 * (1 + paper));
      // (21): C_b = (ρ/L)(1+αL)^{N−1}((1+αL)^N − 1)²
      double cb = rho / l * Math.pow(a, n - 1) * Math.pow(Math.pow(a, n) - 1, 2);
      assertEquals(
          cb, StepSizeRule.JiAdaptive.dissimilarityCoefficient(l, rho, alpha, n), 1e-12 * (1 + cb));
    }
    // N = 1: C_𝓛 = αρ(1+αL) (THEOREMS §5 consistency fact 1)
    assertEquals(
        0.1 * 2 * 1.3, StepSizeRule.JiAdaptive.metaGradientCoefficient(3, 2, 0.1, 1), 1e-15);
  }

  @Test
  void taskDrawsFollowTheProbabilities() {
    List<MetaTask> list = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      QuadraticLoss q = RandomTasks.quadratic(1, 0.1, 1, i);
      list.add(new MetaTask(q, q, i + 1));
    }
    MamlMetaGradient e = new MamlMetaGradient(new TaskSet(list), 0.1, 1);
    int[] counts = new int[3];
    RandomGenerator random = new Well19937c(5);
    int draws = 60_000;
    for (int t = 0; t < draws; t++) {
      counts[OuterLoop.drawTask(e, random)]++;
    }
    for (int i = 0; i < 3; i++) {
      double p = (i + 1) / 6.0;
      double se = Math.sqrt(p * (1 - p) / draws);
      assertEquals(p, counts[i] / (double) draws, 5 * se);
    }
  }
}
