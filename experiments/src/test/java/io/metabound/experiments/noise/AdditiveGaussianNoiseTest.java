package io.metabound.experiments.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.task.QuadraticLoss;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdditiveGaussianNoiseTest {

  static final double LEVEL = 0.999;

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 10})
  void batchVariancesAreExactlyTheConstantsOverTheBatchSize(int batch) {
    int d = 4;
    QuadraticLoss f = RandomTasks.quadratic(d, 0.1, 2, 5);
    AdditiveGaussianNoise oracle = new AdditiveGaussianNoise(f, 1.5, 0.8);
    double[] w = RandomTasks.randomVector(d, 1, 6);
    double[] g0 = new double[d];
    double[] h0 = new double[d * d];
    f.gradient(w, g0);
    f.hessian(w, h0);
    StreamingStatistics gs = new StreamingStatistics();
    StreamingStatistics hs = new StreamingStatistics();
    Well19937c random = new Well19937c(7 + batch);
    double[] g = new double[d];
    double[] h = new double[d * d];
    for (int t = 0; t < 40_000; t++) {
      oracle.sampleGradient(w, batch, random, g);
      oracle.sampleHessian(w, batch, random, h);
      double sq = 0;
      for (int k = 0; k < d; k++) {
        sq += (g[k] - g0[k]) * (g[k] - g0[k]);
      }
      gs.addValue(sq);
      double fro = 0;
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          // the noise is symmetric, exactly
          assertEquals(h[r * d + k], h[k * d + r], 0);
          double x = h[r * d + k] - h0[r * d + k];
          fro += x * x;
        }
      }
      hs.addValue(fro);
    }
    // E‖ξ‖² = σ_g²/S and E‖Ξ‖_F² = σ_H²/D
    assertTrue(
        MonteCarlo.covers(gs, 2.25 / batch, LEVEL), MonteCarlo.describe(gs, 2.25 / batch, LEVEL));
    assertTrue(
        MonteCarlo.covers(hs, 0.64 / batch, LEVEL), MonteCarlo.describe(hs, 0.64 / batch, LEVEL));
    assertEquals(Exactness.EXACT, oracle.gradientNoise(w, 1).exactness());
    assertEquals(1.5, oracle.gradientNoise(w, Double.POSITIVE_INFINITY).value(), 0);
  }

  @Test
  void gradientPairCarriesTheBatchHessianNoise() {
    // quadratic f: (plus − minus)/(2δ) = Hv + Ξv and (plus + minus)/2 = ∇f(w) + ξ;
    // for GOE noise with off-diagonal variance b² = σ_H²/(S d(d+1)): E‖Ξv‖² = b²(d+1)‖v‖² =
    // σ_H²‖v‖²/(S d)
    int d = 3;
    int batch = 2;
    QuadraticLoss f = RandomTasks.quadratic(d, 0.1, 2, 8);
    AdditiveGaussianNoise oracle = new AdditiveGaussianNoise(f, 0.5, 1.2);
    double[] w = RandomTasks.randomVector(d, 1, 9);
    double[] v = RandomTasks.randomVector(d, 1, 10);
    double vv = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
    double[] hv = new double[d];
    double[] g0 = new double[d];
    f.hessianVector(w, v, hv);
    f.gradient(w, g0);
    double delta = 0.25;
    double[] plus = new double[d];
    double[] minus = new double[d];
    StreamingStatistics hs = new StreamingStatistics();
    StreamingStatistics gs = new StreamingStatistics();
    Well19937c random = new Well19937c(11);
    for (int t = 0; t < 40_000; t++) {
      oracle.sampleGradientPair(w, v, delta, batch, random, plus, minus);
      double sh = 0;
      double sg = 0;
      for (int k = 0; k < d; k++) {
        double e = (plus[k] - minus[k]) / (2 * delta) - hv[k];
        double m = (plus[k] + minus[k]) / 2 - g0[k];
        sh += e * e;
        sg += m * m;
      }
      hs.addValue(sh);
      gs.addValue(sg);
    }
    double hessianExpected = 1.44 * vv / (batch * d);
    assertTrue(
        MonteCarlo.covers(hs, hessianExpected, LEVEL),
        MonteCarlo.describe(hs, hessianExpected, LEVEL));
    assertTrue(
        MonteCarlo.covers(gs, 0.25 / batch, LEVEL), MonteCarlo.describe(gs, 0.25 / batch, LEVEL));
  }

  @Test
  void rejectsBadSettings() {
    QuadraticLoss f = RandomTasks.quadratic(2, 0.1, 2, 8);
    assertThrows(IllegalArgumentException.class, () -> new AdditiveGaussianNoise(f, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new AdditiveGaussianNoise(f, 0, Double.NaN));
    AdditiveGaussianNoise oracle = new AdditiveGaussianNoise(f, 1, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> oracle.sampleGradient(new double[2], 0, new Well19937c(1), new double[2]));
  }
}
