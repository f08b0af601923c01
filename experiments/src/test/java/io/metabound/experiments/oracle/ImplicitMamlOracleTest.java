package io.metabound.experiments.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * iMAML (Rajeswaran2019) closed forms: {@code Alg*} against a direct linear solve of the proximal
 * stationarity condition, the implicit Jacobian of Lemma 1 against finite differences of {@code
 * Alg*}, and the meta-gradient / meta-Hessian against finite differences of the meta-objective.
 */
class ImplicitMamlOracleTest {

  static Stream<Arguments> instances() {
    List<Arguments> list = new ArrayList<>();
    long seed = 5000;
    for (int d : new int[] {1, 2, 5}) {
      for (int m : new int[] {1, 3}) {
        for (boolean finiteSum : new boolean[] {false, true}) {
          for (boolean indefinite : new boolean[] {false, true}) {
            list.add(Arguments.of(seed++, d, m, finiteSum, indefinite));
          }
        }
      }
    }
    return list.stream();
  }

  /** λ ∈ [1.2, 3]: above the most negative eigenvalue (−1) of the indefinite fixtures. */
  private static double lambda(long seed) {
    return 1.2 + 1.8 * new SplittableRandom(seed * 17 + 3).nextDouble();
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} finiteSum={3} indefinite={4}")
  @MethodSource("instances")
  void innerSolutionSolvesTheProximalProblemAndItsJacobianIsLemma1(
      long seed, int d, int m, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    double lambda = lambda(seed);
    QuadraticMetaOracle oracle = QuadraticMetaOracle.imaml(tasks, lambda);
    double[] theta = QuadraticFixtures.gaussian(new SplittableRandom(seed), d);
    for (int i = 0; i < m; i++) {
      QuadraticLoss inner = (QuadraticLoss) tasks.get(i).inner();
      RealMatrix h = MatrixUtils.createRealMatrix(rows(inner.hessian(), d));
      RealMatrix shifted = h.add(MatrixUtils.createRealIdentityMatrix(d).scalarMultiply(lambda));
      // Alg*(θ) = (H + λI)^{-1}(Hc + λθ), solved directly by LU
      RealVector rhs =
          h.operate(new ArrayRealVector(inner.centre()))
              .add(new ArrayRealVector(theta).mapMultiply(lambda));
      double[] direct = new LUDecomposition(shifted).getSolver().solve(rhs).toArray();
      double[] closedForm = oracle.adaptedPoint(i, theta);
      assertTrue(FiniteDifferences.relativeError(closedForm, direct) < 1e-12);

      // stationarity of G(φ, θ) = l(φ) + λ/2‖φ − θ‖²: ∇l(φ) + λ(φ − θ) = 0
      double[] g = new double[d];
      inner.gradient(closedForm, g);
      for (int k = 0; k < d; k++) {
        assertEquals(
            0,
            g[k] + lambda * (closedForm[k] - theta[k]),
            1e-12 * (1 + QuadraticFixtures.norm(theta)));
      }

      // Lemma 1: dAlg*/dθ = (I + H/λ)^{-1}, against FD of Alg*
      int task = i;
      double[] fd = FiniteDifferences.jacobian(x -> oracle.adaptedPoint(task, x), theta, 1e-3);
      double[] lemma1 =
          flatten(
              new LUDecomposition(
                      MatrixUtils.createRealIdentityMatrix(d).add(h.scalarMultiply(1 / lambda)))
                  .getSolver()
                  .getInverse(),
              d);
      assertTrue(FiniteDifferences.relativeError(fd, lemma1) < 1e-9);
      assertTrue(FiniteDifferences.relativeError(oracle.adaptationJacobian(i), lemma1) < 1e-12);
    }
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} finiteSum={3} indefinite={4}")
  @MethodSource("instances")
  void implicitMetaGradientAndHessianMatchFiniteDifferences(
      long seed, int d, int m, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    QuadraticMetaOracle oracle = QuadraticMetaOracle.imaml(tasks, lambda(seed));
    double[] theta = QuadraticFixtures.gaussian(new SplittableRandom(seed + 2), d);

    double[] fdGradient = FiniteDifferences.gradient(oracle::metaObjective, theta, 1e-4);
    double[] fdHessian =
        FiniteDifferences.jacobian(x -> oracle.metaGradient(x).value(), theta, 1e-3);

    assertTrue(
        FiniteDifferences.relativeError(fdGradient, oracle.metaGradient(theta).value()) < 1e-6);
    assertTrue(FiniteDifferences.relativeError(fdHessian, oracle.metaHessian().matrix()) < 1e-6);
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} finiteSum={3} indefinite={4}")
  @MethodSource("instances")
  void metaGradientIsRajeswaranEq5WithExplicitInverses(
      long seed, int d, int m, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    double lambda = lambda(seed);
    QuadraticMetaOracle oracle = QuadraticMetaOracle.imaml(tasks, lambda);
    double[] theta = QuadraticFixtures.gaussian(new SplittableRandom(seed + 3), d);
    // Σ p_i (I + H_i/λ)^{-1} ∇L_i(Alg*_i(θ)), with ∇L_i the outer (test) gradient
    RealVector expected = new ArrayRealVector(d);
    for (int i = 0; i < m; i++) {
      MetaTask t = tasks.get(i);
      RealMatrix h = MatrixUtils.createRealMatrix(rows(((QuadraticLoss) t.inner()).hessian(), d));
      RealMatrix jacobian =
          new LUDecomposition(
                  MatrixUtils.createRealIdentityMatrix(d).add(h.scalarMultiply(1 / lambda)))
              .getSolver()
              .getInverse();
      double[] outerGradient = new double[d];
      t.outer().gradient(oracle.adaptedPoint(i, theta), outerGradient);
      expected =
          expected.add(
              jacobian
                  .operate(new ArrayRealVector(outerGradient))
                  .mapMultiply(tasks.probability(i)));
    }
    assertTrue(
        FiniteDifferences.relativeError(oracle.metaGradient(theta).value(), expected.toArray())
            < 1e-11);
  }

  @Test
  void oneDimensionalHandCase() {
    // H = 3, c = 2, λ = 1.5: Jacobian 1/(1 + H/λ) = 1/(1 + 2) = 1/3
    // Alg*(5) = (Hc + λθ)/(H + λ) = (6 + 7.5)/4.5 = 3
    // meta-gradient (e = c = 2): (1/3)·3·(3 − 2) = 1; meta-Hessian (1/3)·3·(1/3) = 1/3
    TaskSet tasks =
        new TaskSet(
            List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{3}}, new double[] {2}))));
    QuadraticMetaOracle oracle = QuadraticMetaOracle.imaml(tasks, 1.5);
    assertEquals(1.0 / 3, oracle.adaptationJacobian(0)[0], 1e-15);
    assertEquals(3, oracle.adaptedPoint(0, new double[] {5})[0], 1e-15);
    assertEquals(1, oracle.metaGradient(new double[] {5}).get(0), 1e-15);
    assertEquals(1.0 / 3, oracle.metaHessian().get(0, 0), 1e-15);
  }

  @Test
  void rejectsALambdaThatLeavesTheProximalProblemNonConvex() {
    // H = −2: λ + λ_min(H) = 1.5 − 2 < 0, Alg* = argmin does not exist
    TaskSet tasks =
        new TaskSet(
            List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{-2}}, new double[] {0}))));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> QuadraticMetaOracle.imaml(tasks, 1.5));
    assertTrue(e.getMessage().contains("not strongly convex"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> QuadraticMetaOracle.imaml(tasks, 0));
  }

  static double[][] rows(double[] flat, int d) {
    double[][] r = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(flat, i * d, r[i], 0, d);
    }
    return r;
  }

  static double[] flatten(RealMatrix m, int d) {
    double[] f = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        f[r * d + k] = m.getEntry(r, k);
      }
    }
    return f;
  }
}
