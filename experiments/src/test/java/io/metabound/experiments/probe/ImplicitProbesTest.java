package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.SETTINGS;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static io.metabound.experiments.probe.ProbeFixtures.withVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.algorithm.ImplicitMaml;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * iMAML's implicit Jacobian and implicit-gradient error (Rajeswaran2019 Lemmas 1, 3) against finite
 * differences of the inner solution, sampled admissible (φ, g) pairs, the explicit maximiser, dense
 * solves and hand-computed d = 1 cases.
 */
class ImplicitProbesTest {

  static LongStream seeds() {
    return LongStream.range(1, 11);
  }

  private static double measure(Probe p, Instance x) {
    return p.measure(x, SETTINGS).value();
  }

  @Test
  void scalarCasesByHand() {
    // h = 1, λ = 1: dAlg*/dθ = λ/(λ + h) = 1/2
    Instance x = instance(ProbeFixtures.scalar(1, 3), Map.of("lambda", 1.0));
    assertEquals(0.5, measure(new ImplicitJacobianNormProbe(), x), 1e-15);
    // inner h = 3, outer g = −2, λ = 1: A^{-1}G = λg/(λ + h) = −1/2; E = δ/2 + δ'
    TaskSet tasks = ProbeFixtures.scalarFiniteSum(3, 0, -2, 1);
    Instance e = instance(tasks, Map.of("lambda", 1.0, "delta", 0.1, "delta_prime", 0.01));
    assertEquals(0.5 * 0.1 + 0.01, measure(new ImplicitGradientErrorProbe(), e), 1e-15);
  }

  /** Lemma 1: the probe against the finite-difference Jacobian of Alg*(θ). */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void jacobianNormIsTheNormOfTheInnerSolutionsJacobian(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    TaskSet quadratic = ProbeFixtures.random(seed, d, 1, -1, 2);
    double lambda = 1.2 + r.nextDouble();
    QuadraticMetaOracle oracle = QuadraticMetaOracle.imaml(quadratic, lambda);
    double[] theta = ProbeFixtures.gaussian(r, d);
    double[] fd = ProbeFixtures.jacobian(t -> oracle.adaptedPoint(0, t), theta, 1e-5);
    assertEquals(
        ProbeFixtures.norm2(ProbeFixtures.matrix(fd, d)),
        measure(new ImplicitJacobianNormProbe(), instance(quadratic, Map.of("lambda", lambda))),
        1e-8);
    // separable: the finite-difference Jacobian of the proximal point (diagonal)
    TaskSet separable = ProbeFixtures.separable(seed, d, 1, false);
    SeparableNonconvexLoss inner = (SeparableNonconvexLoss) separable.get(0).inner();
    double[] js = ProbeFixtures.jacobian(t -> inner.proximalPoint(t, lambda), theta, 1e-5);
    assertEquals(
        ProbeFixtures.norm2(ProbeFixtures.matrix(js, d)),
        measure(
            new ImplicitJacobianNormProbe(),
            instance(separable, withVector(Map.of("lambda", lambda), "theta", theta))),
        1e-7);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void proximalPointSolvesTheStationarityCondition(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    SeparableNonconvexLoss loss =
        (SeparableNonconvexLoss) ProbeFixtures.separable(seed, 3, 1, false).get(0).inner();
    double lambda = 0.26 + 2 * r.nextDouble();
    double[] theta = ProbeFixtures.gaussian(r, 3);
    double[] phi = loss.proximalPoint(theta, lambda);
    double[] g = new double[3];
    loss.gradient(phi, g);
    for (int k = 0; k < 3; k++) {
      // ∇f(φ) + λ(φ − θ) = 0
      assertEquals(0, g[k] + lambda * (phi[k] - theta[k]), 1e-13);
    }
  }

  /**
   * Lemma 3, quadratic: no admissible (φ, g) exceeds E(δ, δ'), and φ* + δ·(top right singular
   * vector of A^{-1}G) with g pushed by δ' along the remaining error attains it.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void quadraticErrorIsTheSupremumOverAdmissiblePairs(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.randomFiniteSum(seed, d, -1, 2);
    double lambda = 1.1 + r.nextDouble();
    double delta = 0.3 * r.nextDouble();
    double deltaPrime = 0.1 * r.nextDouble();
    double sup =
        measure(
            new ImplicitGradientErrorProbe(),
            instance(tasks, Map.of("lambda", lambda, "delta", delta, "delta_prime", deltaPrime)));
    MetaTask task = tasks.get(0);
    double[] optimum =
        QuadraticMetaOracle.imaml(QuadraticTasks.of(tasks), lambda).adaptedPoint(0, new double[d]);
    double[] exact = ImplicitGradientErrorProbe.implicitGradient(task, optimum, lambda);
    for (int trial = 0; trial < 30; trial++) {
      double[] phi = offset(optimum, ProbeFixtures.gaussian(r, d), delta * r.nextDouble());
      double[] g =
          offset(
              ImplicitGradientErrorProbe.implicitGradient(task, phi, lambda),
              ProbeFixtures.gaussian(r, d),
              deltaPrime * r.nextDouble());
      assertTrue(ProbeFixtures.distance(g, exact) <= sup * (1 + 1e-12));
    }
    RealMatrix a =
        MatrixUtils.createRealIdentityMatrix(d)
            .add(
                ProbeFixtures.matrix(((QuadraticLoss) task.inner()).hessian(), d)
                    .scalarMultiply(1 / lambda));
    RealMatrix m =
        MatrixUtils.inverse(a)
            .multiply(ProbeFixtures.matrix(((QuadraticLoss) task.outer()).hessian(), d));
    double[] right = new SingularValueDecomposition(m).getV().getColumn(0);
    double[] phi = offset(optimum, right, delta);
    double[] y = ImplicitGradientErrorProbe.implicitGradient(task, phi, lambda);
    double[] push = new double[d];
    for (int k = 0; k < d; k++) {
      push[k] = y[k] - exact[k];
    }
    double[] g = offset(y, push, deltaPrime);
    assertEquals(sup, ProbeFixtures.distance(g, exact), 1e-10 * Math.max(1, sup));
  }

  /** Lemma 3, separable: the probe's value is the direct computation at φ* + δ dir/‖dir‖. */
  @Test
  void separableErrorAtTheGivenDirection() {
    TaskSet tasks = ProbeFixtures.separable(4, 2, 1, true);
    MetaTask task = tasks.get(0);
    SeparableNonconvexLoss inner = (SeparableNonconvexLoss) task.inner();
    double lambda = 1.5;
    double[] theta = {0.3, -0.8};
    double[] dir = {3, -4};
    Map<String, Double> p =
        withVector(
            withVector(Map.of("lambda", lambda, "delta", 0.2, "delta_prime", 0.05), "theta", theta),
            "dir",
            dir);
    double[] optimum = inner.proximalPoint(theta, lambda);
    double[] phi = {optimum[0] + 0.2 * 0.6, optimum[1] - 0.2 * 0.8};
    double[] v = new double[2];
    double[] expected = new double[2];
    double[] exact = new double[2];
    task.outer().gradient(phi, v);
    ImplicitMaml.exactSolve(inner, phi, v, lambda, expected);
    task.outer().gradient(optimum, v);
    ImplicitMaml.exactSolve(inner, optimum, v, lambda, exact);
    assertEquals(
        ProbeFixtures.distance(expected, exact) + 0.05,
        measure(new ImplicitGradientErrorProbe(), instance(tasks, p)),
        1e-14);
  }

  /** {@code x + s·v/‖v‖}. */
  private static double[] offset(double[] x, double[] v, double s) {
    double n = ProbeFixtures.norm(v);
    double[] out = x.clone();
    for (int k = 0; k < x.length; k++) {
      out[k] += n > 0 ? s * v[k] / n : 0;
    }
    return out;
  }
}
