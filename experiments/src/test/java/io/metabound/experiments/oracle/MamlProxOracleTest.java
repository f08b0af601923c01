package io.metabound.experiments.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MAML-prox: back-propagation through K GD steps on iMAML's proximal problem, checked against the
 * simulated GD path with a forward-mode Jacobian recursion, finite differences, and its K → ∞ limit
 * (iMAML).
 */
class MamlProxOracleTest {

  static Stream<Arguments> instances() {
    List<Arguments> list = new ArrayList<>();
    long seed = 9000;
    for (int d : new int[] {1, 2, 5}) {
      for (int m : new int[] {1, 3}) {
        for (int k : new int[] {1, 3, 10}) {
          for (boolean finiteSum : new boolean[] {false, true}) {
            list.add(Arguments.of(seed++, d, m, k, finiteSum, seed % 2 == 0));
          }
        }
      }
    }
    return list.stream();
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} K={3} finiteSum={4} indefinite={5}")
  @MethodSource("instances")
  void matchesTheSimulatedProximalPathAndItsForwardModeJacobian(
      long seed, int d, int m, int k, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    double lambda = 1.5;
    double eta = 0.2; // η(λ_max + λ) ≤ 0.2·3.5 < 2: a stable inner GD
    QuadraticMetaOracle oracle = QuadraticMetaOracle.mamlProx(tasks, lambda, k, eta);
    double[] theta = QuadraticFixtures.gaussian(new SplittableRandom(seed), d);

    double[] expected = new double[d];
    for (int i = 0; i < m; i++) {
      MetaTask task = tasks.get(i);
      // φ_{j+1} = φ_j − η(∇l(φ_j) + λ(φ_j − θ)),  M_{j+1} = M_j − η(∇²l(φ_j) M_j + λ(M_j − I))
      double[] phi = theta.clone();
      double[] jac = identity(d);
      double[] g = new double[d];
      double[] h = new double[d * d];
      for (int j = 0; j < k; j++) {
        task.inner().gradient(phi, g);
        task.inner().hessian(phi, h);
        double[] hm = multiply(h, jac, d);
        double[] nextJac = new double[d * d];
        for (int r = 0; r < d; r++) {
          for (int c = 0; c < d; c++) {
            nextJac[r * d + c] =
                jac[r * d + c]
                    - eta * (hm[r * d + c] + lambda * (jac[r * d + c] - (r == c ? 1 : 0)));
          }
        }
        double[] next = new double[d];
        for (int r = 0; r < d; r++) {
          next[r] = phi[r] - eta * (g[r] + lambda * (phi[r] - theta[r]));
        }
        phi = next;
        jac = nextJac;
      }
      assertTrue(FiniteDifferences.relativeError(oracle.adaptedPoint(i, theta), phi) < 1e-12);
      assertTrue(FiniteDifferences.relativeError(oracle.adaptationJacobian(i), jac) < 1e-12);
      // meta-gradient contribution M_Kᵀ ∇L(φ_K)
      double[] outer = new double[d];
      task.outer().gradient(phi, outer);
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          expected[r] += tasks.probability(i) * jac[c * d + r] * outer[c];
        }
      }
    }
    assertTrue(
        FiniteDifferences.relativeError(oracle.metaGradient(theta).value(), expected) < 1e-11);

    double[] fdGradient = FiniteDifferences.gradient(oracle::metaObjective, theta, 1e-4);
    double[] fdHessian =
        FiniteDifferences.jacobian(x -> oracle.metaGradient(x).value(), theta, 1e-3);
    assertTrue(FiniteDifferences.relativeError(fdGradient, expected) < 1e-6);
    assertTrue(FiniteDifferences.relativeError(fdHessian, oracle.metaHessian().matrix()) < 1e-6);
  }

  @Test
  void manyStableStepsConvergeToIMaml() {
    // η(μ + λ) ∈ [0.14, 0.4] so the GD error contracts by ≤ 0.86 per step: 400 steps leave < 1e-25
    TaskSet tasks = QuadraticFixtures.random(3, 4, 3, true, false);
    AffineGradientMap prox = QuadraticMetaOracle.mamlProx(tasks, 0.5, 400, 0.16).gradientMap();
    AffineGradientMap imaml = QuadraticMetaOracle.imaml(tasks, 0.5).gradientMap();
    assertTrue(FiniteDifferences.relativeError(prox.matrix(), imaml.matrix()) < 1e-12);
    assertTrue(FiniteDifferences.relativeError(prox.offset(), imaml.offset()) < 1e-12);
  }

  @Test
  void withoutRegularisationItIsPlainNStepMaml() {
    // λ = 0: φ_{k+1} = φ_k − η∇l(φ_k) from φ_0 = θ is MAML's inner GD with α = η, N = K
    TaskSet tasks = QuadraticFixtures.random(4, 3, 2, true, true);
    assertTrue(
        FiniteDifferences.relativeError(
                QuadraticMetaOracle.mamlProx(tasks, 0, 4, 0.3).gradientMap().matrix(),
                QuadraticMetaOracle.maml(tasks, 0.3, 4).gradientMap().matrix())
            < 1e-12);
  }

  @Test
  void oneDimensionalHandCase() {
    // H = 2, c = 0, λ = 1, η = 0.25, K = 2, θ = 1:
    // φ_1 = 1 − 0.25(2·1 + 1·0) = 0.5;  φ_2 = 0.5 − 0.25(2·0.5 + 1·(0.5 − 1)) = 0.375
    // M: contraction 1 − 0.25·3 = 0.25; M_1 = 0.25 + 0.25 = 0.5; M_2 = 0.25·0.5 + 0.25 = 0.375
    // meta-gradient (e = c = 0): M_2·H·φ_2 = 0.375·2·0.375 = 0.28125
    TaskSet tasks =
        new TaskSet(
            List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{2}}, new double[] {0}))));
    QuadraticMetaOracle oracle = QuadraticMetaOracle.mamlProx(tasks, 1, 2, 0.25);
    assertEquals(0.375, oracle.adaptedPoint(0, new double[] {1})[0], 1e-15);
    assertEquals(0.375, oracle.adaptationJacobian(0)[0], 1e-15);
    assertEquals(0.28125, oracle.metaGradient(new double[] {1}).get(0), 1e-15);
  }

  private static double[] identity(int d) {
    double[] a = new double[d * d];
    for (int r = 0; r < d; r++) {
      a[r * d + r] = 1;
    }
    return a;
  }

  private static double[] multiply(double[] a, double[] b, int d) {
    double[] c = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          c[r * d + k] += a[r * d + j] * b[j * d + k];
        }
      }
    }
    return c;
  }
}
