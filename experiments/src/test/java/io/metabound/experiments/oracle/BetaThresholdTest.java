package io.metabound.experiments.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact β threshold on hand-computed cases (the d = 1 numbers, Takagi2019). */
class BetaThresholdTest {

  private static TaskSet oneTask(double lambda) {
    return new TaskSet(
        List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{lambda}}, new double[] {0}))));
  }

  @Test
  void exactMamlOnOneTaskWithCurvatureFour() {
    // λ = 4, α = 0.2, N = 1: A = λ(1 − αλ)² = 4·0.2² = 0.16, β* = 2/(4·(1 − 0.8)²) = 12.5
    BetaThreshold t =
        EstimatorMaps.of(oneTask(4))
            .betaThreshold(Estimator.MAML, EstimatorParameters.maml(0.2, 1));
    assertEquals(12.5, t.value(), 1e-12);
    assertTrue(t.exists());
    assertTrue(t.converges(12.4));
    assertFalse(t.converges(12.6));
  }

  @Test
  void foMamlOnOneTaskWithCurvatureFourIsTakagiCondBeta() {
    // λ = 4, α = 0.2: A = λ(1 − αλ) = 0.8, β* = 2/(4·(1 − 0.8)) = 2.5
    // Takagi2019 Cond-β: β < 2/(λ − αλ²) = 2/(4 − 0.2·16) = 2/0.8 = 2.5 — the same number
    BetaThreshold t =
        EstimatorMaps.of(oneTask(4))
            .betaThreshold(Estimator.FOMAML, EstimatorParameters.maml(0.2, 1));
    assertEquals(2.5, t.value(), 1e-12);
    assertEquals(2 / (4 - 0.2 * 16), t.value(), 1e-12);
  }

  @Test
  void takagiThresholdEqualsTheFoMamlThresholdForEveryEigenvalueOfOneTask() {
    // one task H = diag(λ_k), α < 1/λ_max: min_k 2/(λ_k − αλ_k²) (Takagi) = β*(FO-MAML)
    double[] lambdas = {0.5, 1.7, 3.0};
    double alpha = 0.21;
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(
                    QuadraticLoss.of(
                        new double[][] {{0.5, 0, 0}, {0, 1.7, 0}, {0, 0, 3.0}},
                        new double[] {1, 2, 3}))));
    double takagi = Double.POSITIVE_INFINITY;
    for (double l : lambdas) {
      takagi = Math.min(takagi, 2 / (l - alpha * l * l));
    }
    BetaThreshold fo =
        EstimatorMaps.of(tasks).betaThreshold(Estimator.FOMAML, EstimatorParameters.maml(alpha, 1));
    assertEquals(takagi, fo.value(), 1e-12 * takagi);
    // exact MAML: min_k 2/(λ_k(1 − αλ_k)²), larger by the factor 1/(1 − αλ_k) eigenvalue-wise
    double exact = Double.POSITIVE_INFINITY;
    for (double l : lambdas) {
      exact = Math.min(exact, 2 / (l * (1 - alpha * l) * (1 - alpha * l)));
    }
    assertEquals(
        exact,
        EstimatorMaps.of(tasks)
            .betaThreshold(Estimator.MAML, EstimatorParameters.maml(alpha, 1))
            .value(),
        1e-12 * exact);
  }

  @Test
  void complexEigenvaluesUseTheirRealPartAndModulus() {
    // A = [[1, −1], [1, 1]]: eigenvalues 1 ± i, β* = 2·1/|1 + i|² = 1
    AffineGradientMap map =
        new AffineGradientMap(2, new double[] {1, -1, 1, 1}, new double[] {0, 0});
    BetaThreshold t = BetaThreshold.of(map);
    assertEquals(1, t.value(), 1e-12);
    // |1 − β(1 ± i)|² = (1 − β)² + β² is < 1 iff β < 1: check by iterating
    assertTrue(iterate(map, 0.99 * t.value(), 4000) < 1e-6);
    assertTrue(iterate(map, 1.01 * t.value(), 4000) > 1e6);
  }

  @Test
  void noConvergentStepSizeWhenARealPartIsNotPositive() {
    // A = diag(1, −0.5): the second direction grows for every β > 0
    BetaThreshold t =
        BetaThreshold.of(
            new AffineGradientMap(2, new double[] {1, 0, 0, -0.5}, new double[] {0, 0}));
    assertEquals(0, t.value());
    assertFalse(t.exists());
    assertFalse(t.converges(1e-9));
    assertTrue(t.reason().contains("-0.5"), t.reason());
    // a zero eigenvalue: no step size contracts that direction
    assertFalse(
        BetaThreshold.of(new AffineGradientMap(2, new double[] {1, 0, 0, 0}, new double[] {0, 0}))
            .exists());
  }

  /** ‖w_T‖ after T steps of {@code w ← w − β(Aw − b)} from (1, 1) with b = 0. */
  private static double iterate(AffineGradientMap map, double beta, int steps) {
    double[] w = {1, 1};
    double[] g = new double[2];
    for (int s = 0; s < steps; s++) {
      map.apply(w, g);
      w[0] -= beta * g[0];
      w[1] -= beta * g[1];
    }
    return QuadraticFixtures.norm(w);
  }
}
