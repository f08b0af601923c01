package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.SETTINGS;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static io.metabound.experiments.probe.ProbeFixtures.withVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.algorithm.FirstOrderMaml;
import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.autodiff.AutoDiffMetaHessian;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.task.TaskSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Meta-smoothness (exact, pairwise, local) and the Taylor remainder against finite-difference
 * Jacobians of the algorithms, automatic differentiation and hand-computed d = 1 cases.
 */
class MetaSmoothnessProbesTest {

  static LongStream seeds() {
    return LongStream.range(1, 11);
  }

  private static double measure(Probe p, Instance x) {
    return p.measure(x, SETTINGS).value();
  }

  @Test
  void fallahsTightCaseByHand() {
    // one task H = −L = −2, α = 1/L = 0.5, N = 1: ∇²F = H(1 − αH)² = −2·4 = −8, ‖·‖ = 8 = 4L
    Instance x = instance(ProbeFixtures.scalar(-2, 1), Map.of("alpha", 0.5, "N", 1.0));
    assertEquals(8, measure(MetaSmoothnessProbe.of(Estimator.MAML), x), 1e-14);
    // FO-MAML: A_FO = H(1 − αH) = −2·2 = −4; Taylor remainder: ‖∇²F‖/2 = 4
    assertEquals(4, measure(MetaSmoothnessProbe.of(Estimator.FOMAML), x), 1e-14);
    assertEquals(4, measure(new TaylorRemainderProbe(), x), 1e-14);
  }

  /** Exact σ_max(A) against the finite-difference Jacobian of the algorithms' directions. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void exactValueIsTheNormOfTheAlgorithmsJacobian(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    TaskSet tasks =
        seed % 2 == 0
            ? ProbeFixtures.random(seed, d, 2, -2, 2)
            : ProbeFixtures.randomFiniteSum(seed, d, -2, 2);
    double alpha = r.nextDouble() / ProbeFixtures.lipschitz(tasks);
    int n = 1 + r.nextInt(3);
    Instance x = instance(tasks, Map.of("alpha", alpha, "N", (double) n));
    double[] w = ProbeFixtures.gaussian(r, d);
    MamlMetaGradient maml = new MamlMetaGradient(tasks, alpha, n);
    double[] jacobian = ProbeFixtures.jacobian(maml::metaGradient, w, 1e-5);
    double expected = ProbeFixtures.norm2(ProbeFixtures.matrix(jacobian, d));
    assertEquals(
        expected, measure(MetaSmoothnessProbe.of(Estimator.MAML), x), 1e-6 * Math.max(1, expected));
    FirstOrderMaml fo = new FirstOrderMaml(tasks, alpha, n);
    double[] foJacobian = ProbeFixtures.jacobian(fo::direction, w, 1e-5);
    double foExpected = ProbeFixtures.norm2(ProbeFixtures.matrix(foJacobian, d));
    assertEquals(
        foExpected,
        measure(MetaSmoothnessProbe.of(Estimator.FOMAML), x),
        1e-6 * Math.max(1, foExpected));
    // the local AD value equals the exact one at every point of a quadratic instance
    Instance at = instance(tasks, withVector(Map.of("alpha", alpha, "N", (double) n), "w", w));
    assertEquals(
        expected, measure(new LocalMetaSmoothnessProbe(), at), 1e-6 * Math.max(1, expected));
  }

  /**
   * On separable non-convex tasks: the pairwise ratio for nearby points along the top eigenvector
   * of the AD meta-Hessian approaches the local value, and no pair exceeds the largest local value
   * on the segment between them (mean-value inequality) — checked against a fine sampling.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pairwiseAndLocalValuesAgreeOnSeparableTasks(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 2);
    TaskSet tasks = ProbeFixtures.separable(seed, d, 1 + (int) (seed % 2), seed % 3 == 0);
    double alpha = 0.3;
    int n = 1 + (int) (seed % 3);
    double[] w = ProbeFixtures.gaussian(r, d);
    Map<String, Double> p = Map.of("alpha", alpha, "N", (double) n);
    double local = measure(new LocalMetaSmoothnessProbe(), instance(tasks, withVector(p, "w", w)));
    double[] hessian = AutoDiffMetaHessian.metaHessian(tasks, alpha, n, w);
    double[] top = ProbeFixtures.topEigenvector(symmetrised(hessian, d), d);
    double[] u = w.clone();
    for (int k = 0; k < d; k++) {
      u[k] += 1e-5 * top[k];
    }
    double pairwise =
        measure(
            MetaSmoothnessProbe.of(Estimator.MAML),
            instance(tasks, withVector(withVector(p, "w", w), "u", u)));
    assertEquals(local, pairwise, 1e-4 * Math.max(1, local));
    // a distant pair: the ratio is at most the largest local value along the segment
    double[] far = ProbeFixtures.gaussian(r, d);
    double ratio =
        measure(
            MetaSmoothnessProbe.of(Estimator.MAML),
            instance(tasks, withVector(withVector(p, "w", w), "u", far)));
    double largest = 0;
    for (int s = 0; s <= 400; s++) {
      double[] z = new double[d];
      for (int k = 0; k < d; k++) {
        z[k] = w[k] + (far[k] - w[k]) * s / 400.0;
      }
      largest =
          Math.max(
              largest,
              measure(new LocalMetaSmoothnessProbe(), instance(tasks, withVector(p, "w", z))));
    }
    assertTrue(ratio <= largest * (1 + 1e-3), ratio + " > " + largest);
  }

  /**
   * The Taylor remainder: on quadratics the supremum ‖A‖/2 is attained along the top eigenvector of
   * A (computed with the algorithm's objective and gradient); on separable tasks the value for a
   * short step along v is ½ vᵀ∇²F v/‖v‖² (AD Hessian) up to O(‖v‖).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void taylorRemainderAgainstTheObjective(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    TaskSet quadratic = ProbeFixtures.random(seed, d, 2, -2, 2);
    double alpha = r.nextDouble() / ProbeFixtures.lipschitz(quadratic);
    Map<String, Double> p = Map.of("alpha", alpha, "N", 2.0);
    double sup = measure(new TaylorRemainderProbe(), instance(quadratic, p));
    MamlMetaGradient maml = new MamlMetaGradient(quadratic, alpha, 2);
    double[] w = ProbeFixtures.gaussian(r, d);
    double[] top =
        ProbeFixtures.topEigenvector(AutoDiffMetaHessian.metaHessian(quadratic, alpha, 2, w), d);
    double[] u = w.clone();
    for (int k = 0; k < d; k++) {
      u[k] += 0.7 * top[k];
    }
    double[] g = maml.metaGradient(w);
    double linear = 0;
    for (int k = 0; k < d; k++) {
      linear += g[k] * (u[k] - w[k]);
    }
    double remainder = Math.abs(maml.metaObjective(u) - maml.metaObjective(w) - linear) / 0.49;
    assertEquals(sup, remainder, 1e-9 * Math.max(1, sup));

    TaskSet separable = ProbeFixtures.separable(seed, 2, 2, false);
    double[] z = ProbeFixtures.gaussian(r, 2);
    double[] v = ProbeFixtures.gaussian(r, 2);
    double h = 1e-3;
    double[] zu = {z[0] + h * v[0], z[1] + h * v[1]};
    double value =
        measure(
            new TaylorRemainderProbe(),
            instance(separable, withVector(withVector(Map.of("alpha", 0.2), "w", z), "u", zu)));
    double[] hess = AutoDiffMetaHessian.metaHessian(separable, 0.2, 1, z);
    double quadraticForm = 0;
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        quadraticForm += v[a] * hess[a * 2 + b] * v[b];
      }
    }
    double expected = Math.abs(quadraticForm) / (2 * (v[0] * v[0] + v[1] * v[1]));
    assertEquals(expected, value, 1e-2 * Math.max(1e-2, expected));
  }

  /**
   * Lemma 18's per-task deviation against the closed-form oracle: for one task the oracle's
   * meta-gradient is the task's, ∇L_i(w) = (I − αH)^N G((I − αH)^N(w − c) + c − e), and the query
   * gradient is G(w − e).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pointDeviationMatchesTheOracle(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.randomFiniteSum(seed, d, -2, 2);
    double alpha = r.nextDouble() / ProbeFixtures.lipschitz(tasks);
    int n = 1 + r.nextInt(4);
    double[] w = ProbeFixtures.gaussian(r, d);
    double[] meta =
        io.metabound.experiments.oracle.QuadraticMetaOracle.maml(tasks, alpha, n)
            .metaGradient(w)
            .value();
    double[] query = new double[d];
    tasks.get(0).outer().gradient(w, query);
    Instance x = instance(tasks, withVector(Map.of("alpha", alpha, "N", (double) n), "w", w));
    double expected = ProbeFixtures.distance(meta, query);
    assertEquals(
        expected, measure(new PointMetaGradientDeviationProbe(), x), 1e-12 * Math.max(1, expected));
  }

  @Test
  void quadraticOrProbeDispatchesOnTheTasks() {
    QuadraticOrProbe probe =
        new QuadraticOrProbe(
            MetaSmoothnessProbe.of(Estimator.MAML), new LocalMetaSmoothnessProbe());
    Map<String, Double> p = withVector(Map.of("alpha", 0.5, "N", 1.0), "w", new double[] {0.3});
    // quadratic: the exact value 8 (= 4L at α = 1/L, H = −2) without needing the point
    assertEquals(
        8,
        measure(probe, instance(ProbeFixtures.scalar(-2, 0), Map.of("alpha", 0.5, "N", 1.0))),
        1e-14);
    TaskSet separable = ProbeFixtures.separable(2, 1, 1, false);
    assertEquals(
        measure(new LocalMetaSmoothnessProbe(), instance(separable, p)),
        measure(probe, instance(separable, p)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new QuadraticOrProbe(
                MetaSmoothnessProbe.of(Estimator.MAML), new TaylorRemainderProbe()));
  }

  @Test
  void pairwiseValuesNeedAnAlgorithm() {
    TaskSet tasks = ProbeFixtures.separable(1, 1, 1, false);
    Instance x =
        instance(
            tasks,
            withVector(
                withVector(Map.of("lambda", 1.0), "w", new double[] {0}), "u", new double[] {1}));
    assertThrows(
        IllegalArgumentException.class, () -> measure(MetaSmoothnessProbe.of(Estimator.IMAML), x));
  }

  private static double[] symmetrised(double[] a, int d) {
    double[] s = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        s[r * d + k] = 0.5 * (a[r * d + k] + a[k * d + r]);
      }
    }
    return s;
  }
}
