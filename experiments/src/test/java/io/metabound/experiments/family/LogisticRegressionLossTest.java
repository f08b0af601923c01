package io.metabound.experiments.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogisticRegressionLossTest {

  static double spectralNorm(double[] h, int d) {
    double[][] rows = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        rows[r][k] = h[r * d + k];
      }
    }
    double m = 0;
    for (double e :
        new EigenDecompositionSymmetric(new Array2DRowRealMatrix(rows)).getEigenvalues()) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void smoothnessIsAttainedAtZeroAndNeverExceeded(long seed) {
    int d = 4;
    LogisticRegressionLoss loss = RandomTasks.logistic(d, 25, 0.1, seed);
    FamilyConstant l = loss.smoothness();
    assertEquals(Exactness.EXACT, l.exactness());
    double[] h = new double[d * d];
    loss.hessian(new double[d], h);
    // at w = 0 every s(1−s) = 1/4: ‖∇²f(0)‖ = λ_max(XᵀX)/(4n) + r exactly
    assertEquals(l.value(), spectralNorm(h, d), 1e-12 * l.value());
    Well19937c random = new Well19937c(seed);
    for (int t = 0; t < 200; t++) {
      double[] w = RandomTasks.randomVector(d, 3 * random.nextDouble(), seed * 1000 + t);
      loss.hessian(w, h);
      assertTrue(spectralNorm(h, d) <= l.value() * (1 + 1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5, 6})
  void hessianLipschitzBoundHoldsOnRandomPairs(long seed) {
    int d = 3;
    LogisticRegressionLoss loss = RandomTasks.logistic(d, 10, 0, seed);
    FamilyConstant rho = loss.hessianLipschitz();
    assertEquals(Exactness.CERTIFIED_UPPER_BOUND, rho.exactness());
    double[] hw = new double[d * d];
    double[] hu = new double[d * d];
    double worst = 0;
    for (int t = 0; t < 300; t++) {
      double[] w = RandomTasks.randomVector(d, 2, seed * 977 + t);
      double[] u = w.clone();
      double[] step = RandomTasks.randomVector(d, 0.05, seed * 991 + t);
      double dist = 0;
      for (int k = 0; k < d; k++) {
        u[k] += step[k];
        dist += step[k] * step[k];
      }
      loss.hessian(w, hw);
      loss.hessian(u, hu);
      for (int k = 0; k < d * d; k++) {
        hw[k] -= hu[k];
      }
      worst = Math.max(worst, spectralNorm(hw, d) / Math.sqrt(dist));
    }
    assertTrue(worst <= rho.value(), worst + " > " + rho.value());
    // the bound is not vacuous: within a factor 20 of what random pairs see
    assertTrue(worst > rho.value() / 20, worst + " vs " + rho.value());
  }

  @Test
  void maxThirdDerivativeConstant() {
    // max_s |s(1−s)(1−2s)| on a fine grid equals 1/(6√3)
    double best = 0;
    for (int i = 0; i <= 1_000_000; i++) {
      double s = i / 1e6;
      best = Math.max(best, Math.abs(s * (1 - s) * (1 - 2 * s)));
    }
    assertEquals(LogisticRegressionLoss.MAX_THIRD_DERIVATIVE, best, 1e-10);
  }

  @Test
  void gradientBoundHolds() {
    int d = 3;
    LogisticRegressionLoss loss = RandomTasks.logistic(d, 20, 0.2, 9);
    double radius = 4;
    double bound = loss.gradientBound(radius).value();
    double[] g = new double[d];
    for (int t = 0; t < 300; t++) {
      double[] w = RandomTasks.randomVector(d, 1, 5000 + t);
      double n = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
      for (int k = 0; k < d; k++) {
        w[k] *= radius / n * ((t % 10) / 9.0);
      }
      loss.gradient(w, g);
      assertTrue(Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]) <= bound);
    }
  }

  @Test
  void stableAtHugeMargins() {
    double[][] x = {{1, 0}, {0, 1}};
    double[] y = {1, -1};
    LogisticRegressionLoss loss = new LogisticRegressionLoss(x, y, 0);
    // w = (1e4, 1e4): margins +1e4 and −1e4; f = ½(log(1+e^{−1e4}) + log(1+e^{1e4})) ≈ ½·1e4
    double[] w = {1e4, 1e4};
    assertEquals(5000, loss.value(w), 1e-9);
    double[] g = new double[2];
    loss.gradient(w, g);
    // ∇f = −½[y_1(1−s_1)x_1 + y_2(1−s_2)x_2] = −½[≈0, −1·1·(0,1)] = (0, ½)
    assertEquals(0, g[0], 1e-300);
    assertEquals(0.5, g[1], 1e-15);
    double[] h = new double[4];
    loss.hessian(w, h);
    for (double e : h) {
      assertTrue(Double.isFinite(e) && Math.abs(e) < 1e-300);
    }
  }

  @Test
  void rejectsBadInput() {
    double[][] x = {{1, 0}};
    assertThrows(
        IllegalArgumentException.class, () -> new LogisticRegressionLoss(x, new double[] {0}, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new LogisticRegressionLoss(x, new double[] {1}, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LogisticRegressionLoss(x, new double[] {1, 1}, 0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogisticRegressionLoss(new double[][] {{1, 0}, {1}}, new double[] {1, -1}, 0));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
  }
}
