package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.SETTINGS;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.algorithm.InnerGradientDescent;
import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inner-path probes (Ji2022 Lemmas 11–15, Cor 6) against the inner GD path itself, the product
 * of the path's Jacobian factors, the meta-gradient algorithm and hand-computed d = 1 cases.
 */
class InnerPathProbesTest {

  static LongStream seeds() {
    return LongStream.range(1, 13);
  }

  private static double measure(Probe p, Instance x) {
    return p.measure(x, SETTINGS).value();
  }

  @Test
  void handComputedScalarCases() {
    // H = −2, α = 0.25: factor 1 − αλ = 1.5
    Instance x = instance(ProbeFixtures.scalar(-2, 0.3), Map.of("alpha", 0.25, "j", 3.0, "N", 2.0));
    // path sensitivity after j = 3 steps: 1.5³ = 3.375
    assertEquals(3.375, measure(PathSensitivityProbe.atStep(), x), 1e-15);
    assertEquals(3.375, measure(new GradientGrowthProbe(), x), 1e-15);
    // expansion factor at N = 2: 1.5² = 2.25, squared 1.5⁴ = 5.0625
    assertEquals(2.25, measure(PathSensitivityProbe.expansionFactor(), x), 1e-15);
    assertEquals(5.0625, measure(PathSensitivityProbe.expansionFactorSquared(), x), 1e-15);
    // product deviation: 1.5² − 1 = 1.25; Lemma-14 constant: 1.5⁴ − 1 = 4.0625
    assertEquals(1.25, measure(new ProductDeviationProbe(), x), 1e-15);
    assertEquals(4.0625, measure(new MetaGradientDeviationProbe(), x), 1e-15);
    assertEquals(1 - 4.0625, measure(new StabilityMarginProbe(), x), 1e-15);
    // PSD: H = 1, α = 0.5, N = 1: (1 − 0.5)² = 0.25, C_l = |0.25 − 1| = 0.75 = 1 − (1 − αL)^{2N}
    Instance psd = instance(ProbeFixtures.scalar(1, 0), Map.of("alpha", 0.5, "N", 1.0));
    assertEquals(0.75, measure(new MetaGradientDeviationProbe(), psd), 1e-15);
  }

  @Test
  void gradientGrowthIgnoresDirectionsWithoutGradient() {
    // H = diag(0, 0.5), α = 1, j = 2: λ = 0 carries no gradient (factor 1 would dominate);
    // λ = 0.5 gives (1 − 0.5)² = 0.25
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(
                    QuadraticLoss.of(new double[][] {{0, 0}, {0, 0.5}}, new double[] {0, 0}))));
    Instance x = instance(tasks, Map.of("alpha", 1.0, "j", 2.0));
    assertEquals(0.25, measure(new GradientGrowthProbe(), x), 1e-15);
    assertEquals(1.0, measure(PathSensitivityProbe.atStep(), x), 1e-15);
    // along e_1: ∇l(w̃_2) = ¼ ∇l(w), along e_0 the gradient is 0 at every point
    double[] w = {3, 2};
    double[][] path = InnerGradientDescent.path(tasks.get(0).inner(), 1.0, 2, w);
    double[] g0 = new double[2];
    double[] g2 = new double[2];
    tasks.get(0).inner().gradient(w, g0);
    tasks.get(0).inner().gradient(path[2], g2);
    assertEquals(0.25, ProbeFixtures.norm(g2) / ProbeFixtures.norm(g0), 1e-15);
  }

  /**
   * Second derivation of Lemmas 11–12: run the inner GD path from random pairs (never above the
   * probe) and from a pair along the eigenvector of the extreme factor (equal).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pathQuantitiesMatchTheInnerPath(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.random(seed, d, 1, -2, 2);
    QuadraticLoss loss = (QuadraticLoss) tasks.get(0).inner();
    double alpha = 1.5 * r.nextDouble() / ProbeFixtures.lipschitz(tasks);
    int j = 1 + r.nextInt(4);
    Instance x = instance(tasks, Map.of("alpha", alpha, "j", (double) j));
    double sensitivity = measure(PathSensitivityProbe.atStep(), x);
    double growth = measure(new GradientGrowthProbe(), x);
    for (int trial = 0; trial < 20; trial++) {
      double[] w = ProbeFixtures.gaussian(r, d);
      double[] u = ProbeFixtures.gaussian(r, d);
      double[] pw = InnerGradientDescent.endPoint(loss, alpha, j, w);
      double[] pu = InnerGradientDescent.endPoint(loss, alpha, j, u);
      double ratio = ProbeFixtures.distance(pw, pu) / ProbeFixtures.distance(w, u);
      assertTrue(ratio <= sensitivity * (1 + 1e-9) + 1e-13, ratio + " > " + sensitivity);
      double[] g = new double[d];
      double[] gj = new double[d];
      loss.gradient(w, g);
      loss.gradient(pw, gj);
      assertTrue(ProbeFixtures.norm(gj) / ProbeFixtures.norm(g) <= growth * (1 + 1e-9) + 1e-13);
    }
    // (I − αH)^j is symmetric, its top eigenvector attains the supremum
    RealMatrix step =
        MatrixUtils.createRealIdentityMatrix(d)
            .subtract(ProbeFixtures.matrix(loss.hessian(), d).scalarMultiply(alpha));
    RealMatrix power = step.power(j);
    double[] top = ProbeFixtures.topEigenvector(flat(power, d), d);
    double[] w = new double[d];
    double[] u = top.clone();
    double[] pw = InnerGradientDescent.endPoint(loss, alpha, j, w);
    double[] pu = InnerGradientDescent.endPoint(loss, alpha, j, u);
    assertEquals(ProbeFixtures.norm2(power), sensitivity, 1e-12 * sensitivity);
    assertEquals(sensitivity, ProbeFixtures.distance(pw, pu), 1e-10 * Math.max(1, sensitivity));
  }

  /** Lemma 13: the product of the Jacobian factors along the actual path, multiplied out. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void productDeviationIsTheNormOfTheMultipliedOutProduct(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    int m = 1 + (int) (seed % 2);
    TaskSet tasks = ProbeFixtures.random(seed, d, m, -2, 2);
    double alpha = 2 * r.nextDouble() / ProbeFixtures.lipschitz(tasks);
    int n = 1 + r.nextInt(5);
    double expected = 0;
    for (MetaTask t : tasks.tasks()) {
      double[] w = ProbeFixtures.gaussian(r, d);
      double[][] path = InnerGradientDescent.path(t.inner(), alpha, n, w);
      RealMatrix product = MatrixUtils.createRealIdentityMatrix(d);
      double[] h = new double[d * d];
      for (int step = 0; step < n; step++) {
        // ∏_j (I − α∇²l(w̃_j)), j = 0 leftmost
        t.inner().hessian(path[step], h);
        product =
            product.multiply(
                MatrixUtils.createRealIdentityMatrix(d)
                    .subtract(ProbeFixtures.matrix(h, d).scalarMultiply(alpha)));
      }
      expected =
          Math.max(
              expected,
              ProbeFixtures.norm2(product.subtract(MatrixUtils.createRealIdentityMatrix(d))));
    }
    Instance x = instance(tasks, Map.of("alpha", alpha, "N", (double) n));
    assertEquals(expected, measure(new ProductDeviationProbe(), x), 1e-11 * Math.max(1, expected));
  }

  /**
   * Lemma 14: the algorithm's meta-gradient ∇L_i(w) against ∇l_i(w) at random points (never above
   * the probe), and along the eigenvector of the extreme factor (equal).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lemma14ConstantBoundsAndIsAttainedByTheAlgorithm(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.random(seed, d, 1, -2, 2);
    QuadraticLoss loss = (QuadraticLoss) tasks.get(0).inner();
    double alpha = r.nextDouble() / ProbeFixtures.lipschitz(tasks);
    int n = 1 + r.nextInt(3);
    Instance x = instance(tasks, Map.of("alpha", alpha, "N", (double) n));
    double constant = measure(new MetaGradientDeviationProbe(), x);
    MamlMetaGradient maml = new MamlMetaGradient(tasks, alpha, n);
    for (int trial = 0; trial < 20; trial++) {
      double[] w = ProbeFixtures.gaussian(r, d);
      double[] meta = new double[d];
      maml.taskGradient(0, w, meta);
      double[] g = new double[d];
      loss.gradient(w, g);
      assertTrue(
          ProbeFixtures.distance(meta, g) / ProbeFixtures.norm(g) <= constant * (1 + 1e-9) + 1e-13);
    }
    // (I − αH)^{2N} − I, applied to the gradient H(w − c), is attained along its top eigenvector
    RealMatrix step =
        MatrixUtils.createRealIdentityMatrix(d)
            .subtract(ProbeFixtures.matrix(loss.hessian(), d).scalarMultiply(alpha));
    RealMatrix deviation = step.power(2 * n).subtract(MatrixUtils.createRealIdentityMatrix(d));
    double[] v = ProbeFixtures.topEigenvector(flat(deviation, d), d);
    double[] w = loss.centre();
    for (int k = 0; k < d; k++) {
      // w − c = H^{-1} v makes ∇l(w) = v (H is invertible for these random spectra)
      w[k] += MatrixUtils.inverse(ProbeFixtures.matrix(loss.hessian(), d)).operate(v)[k];
    }
    double[] meta = new double[d];
    maml.taskGradient(0, w, meta);
    assertEquals(constant, ProbeFixtures.distance(meta, v), 1e-9 * Math.max(1, constant));
    assertEquals(
        1 - constant, measure(new StabilityMarginProbe(), x), 1e-15 * Math.max(1, constant));
  }

  /**
   * Lemma 15's α threshold against a scan of the exact Lemma-14 constant: it is the first α where
   * the constant reaches 1.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void alphaThresholdIsWhereTheExactConstantFirstReachesOne(long seed) {
    int d = 1 + (int) (seed % 3);
    int n = 1 + (int) (seed % 4);
    TaskSet tasks = ProbeFixtures.random(seed, d, 1 + (int) (seed % 2), -2, 2);
    double threshold =
        measure(new DeviationAlphaThresholdProbe(), instance(tasks, Map.of("N", (double) n)));
    MetaGradientDeviationProbe constant = new MetaGradientDeviationProbe();
    // up to 0.98 α*: closer, (1 − αλ)^{2N} underflows against 1 and C_l rounds to 1
    double step = 0.98 * threshold / 2000;
    for (int k = 0; k <= 2000; k++) {
      Instance x = instance(tasks, Map.of("alpha", k * step, "N", (double) n));
      assertTrue(measure(constant, x) < 1, "C_l >= 1 below the threshold at alpha = " + k * step);
    }
    Instance at = instance(tasks, Map.of("alpha", threshold, "N", (double) n));
    assertEquals(1.0, measure(constant, at), 1e-9);
  }

  @Test
  void lemma15ThresholdByHand() {
    // eigenvalues −2 and 4, N = 1: λ < 0 gives (√2 − 1)/2 = 0.2071…, λ > 0 gives 1/4
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(
                    QuadraticLoss.of(new double[][] {{-2, 0}, {0, 4}}, new double[] {0, 0}))));
    assertEquals(
        (Math.sqrt(2) - 1) / 2,
        measure(new DeviationAlphaThresholdProbe(), instance(tasks, Map.of("N", 1.0))),
        1e-15);
    // N = 3: (2^{1/6} − 1)/2 = 0.0612… < 1/4
    assertEquals(
        (Math.pow(2, 1.0 / 6) - 1) / 2,
        measure(new DeviationAlphaThresholdProbe(), instance(tasks, Map.of("N", 3.0))),
        1e-15);
  }

  @Test
  void theResamplingConstantRefusesSeparateOuterLosses() {
    Instance x =
        instance(ProbeFixtures.randomFiniteSum(3, 2, -1, 1), Map.of("alpha", 0.1, "N", 1.0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> measure(new MetaGradientDeviationProbe(), x));
    assertTrue(e.getMessage().contains("resampling"), e.getMessage());
  }

  private static double[] flat(RealMatrix a, int d) {
    double[] out = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        out[r * d + k] = a.getEntry(r, k);
      }
    }
    return out;
  }
}
