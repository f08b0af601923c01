package io.metabound.experiments.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.task.MetaTask;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearRegressionSamplingTest {

  static final double LEVEL = 0.999;

  static LinearRegressionSampling task(int d, long seed) {
    double[] sigma = RandomTasks.randomSymmetric(d, 0.2, 2.0, seed);
    return new LinearRegressionSampling(sigma, RandomTasks.randomVector(d, 1, seed + 1), 0.7);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void gradientVarianceIsTheIsserlisFormula(int batch) {
    // σ̃²(w) = (vᵀΣv)trΣ + vᵀΣ²v + s²trΣ (derivation in LinearRegressionSampling's javadoc);
    // a batch of size S has σ̃²/S
    int d = 3;
    LinearRegressionSampling task = task(d, 17);
    double[] w = RandomTasks.randomVector(d, 1, 18);
    double[] mean = new double[d];
    task.expectedLoss().gradient(w, mean);
    Well19937c random = new Well19937c(19);
    StreamingStatistics s = new StreamingStatistics();
    double[] g = new double[d];
    for (int t = 0; t < 60_000; t++) {
      task.sampleGradient(w, batch, random, g);
      double sq = 0;
      for (int k = 0; k < d; k++) {
        sq += (g[k] - mean[k]) * (g[k] - mean[k]);
      }
      s.addValue(sq);
    }
    double exact = task.gradientVariance(w) / batch;
    assertTrue(MonteCarlo.covers(s, exact, LEVEL), MonteCarlo.describe(s, exact, LEVEL));
    // the interval is informative: a 10% wrong value lies outside it
    assertTrue(
        !MonteCarlo.covers(s, 1.1 * exact, LEVEL), MonteCarlo.describe(s, 1.1 * exact, LEVEL));
  }

  @Test
  void hessianVarianceIsTheFrobeniusFormula() {
    // σ_H² = E‖xxᵀ − Σ‖_F² = (trΣ)² + tr(Σ²)
    int d = 3;
    LinearRegressionSampling task = task(d, 23);
    double[] sigma = task.covariance();
    Well19937c random = new Well19937c(24);
    StreamingStatistics s = new StreamingStatistics();
    double[] h = new double[d * d];
    for (int t = 0; t < 60_000; t++) {
      task.sampleHessian(null, 1, random, h);
      double sq = 0;
      for (int k = 0; k < d * d; k++) {
        sq += (h[k] - sigma[k]) * (h[k] - sigma[k]);
      }
      s.addValue(sq);
    }
    double exact = task.hessianVariance(null);
    double tr = sigma[0] + sigma[4] + sigma[8];
    double tr2 = 0;
    for (double x : sigma) {
      tr2 += x * x;
    }
    assertEquals(tr * tr + tr2, exact, 1e-12 * exact);
    assertTrue(MonteCarlo.covers(s, exact, LEVEL), MonteCarlo.describe(s, exact, LEVEL));
    assertEquals(Math.sqrt(exact), task.hessianNoise(new double[d], 1).value(), 1e-12);
  }

  @Test
  void sampledDerivativesAreUnbiased() {
    int d = 3;
    LinearRegressionSampling task = task(d, 31);
    double[] w = RandomTasks.randomVector(d, 1, 32);
    double[] exactG = new double[d];
    double[] exactH = new double[d * d];
    task.expectedLoss().gradient(w, exactG);
    task.expectedLoss().hessian(w, exactH);
    StreamingStatistics[] g = new StreamingStatistics[d];
    StreamingStatistics[] h = new StreamingStatistics[d * d];
    for (int k = 0; k < d; k++) {
      g[k] = new StreamingStatistics();
    }
    for (int k = 0; k < d * d; k++) {
      h[k] = new StreamingStatistics();
    }
    Well19937c random = new Well19937c(33);
    double[] gs = new double[d];
    double[] hs = new double[d * d];
    for (int t = 0; t < 20_000; t++) {
      task.sampleGradient(w, 3, random, gs);
      task.sampleHessian(w, 2, random, hs);
      for (int k = 0; k < d; k++) {
        g[k].addValue(gs[k]);
      }
      for (int k = 0; k < d * d; k++) {
        h[k].addValue(hs[k]);
      }
    }
    // Bonferroni over the d + d² coordinates at overall level 99.9%
    double level = 1 - (1 - LEVEL) / (d + d * d);
    for (int k = 0; k < d; k++) {
      assertTrue(
          MonteCarlo.covers(g[k], exactG[k], level), MonteCarlo.describe(g[k], exactG[k], level));
    }
    for (int k = 0; k < d * d; k++) {
      assertTrue(
          MonteCarlo.covers(h[k], exactH[k], level), MonteCarlo.describe(h[k], exactH[k], level));
    }
  }

  @Test
  void supremumOverABallCentredAtTheTruthIsAttained() {
    int d = 3;
    LinearRegressionSampling task = task(d, 41);
    double radius = 2;
    FamilyConstant sup = task.gradientNoise(task.truth(), radius);
    assertEquals(Exactness.EXACT, sup.exactness());
    // attained at w* + R·q with q the top eigenvector of Σ (the top eigenvector of trΣ·Σ + Σ²)
    double[] sigma = task.covariance();
    double[][] rows = {
      {sigma[0], sigma[1], sigma[2]}, {sigma[3], sigma[4], sigma[5]}, {sigma[6], sigma[7], sigma[8]}
    };
    EigenDecompositionSymmetric eig =
        new EigenDecompositionSymmetric(new Array2DRowRealMatrix(rows));
    int top = 0;
    for (int k = 1; k < d; k++) {
      if (eig.getEigenvalue(k) > eig.getEigenvalue(top)) {
        top = k;
      }
    }
    double[] w = task.truth();
    for (int k = 0; k < d; k++) {
      w[k] += radius * eig.getEigenvector(top).getEntry(k);
    }
    assertEquals(sup.value(), Math.sqrt(task.gradientVariance(w)), 1e-12 * sup.value());
    // off-centre balls give a certified bound that dominates the variance inside
    double[] centre = RandomTasks.randomVector(d, 1, 142);
    FamilyConstant bound = task.gradientNoise(centre, radius);
    assertEquals(Exactness.CERTIFIED_UPPER_BOUND, bound.exactness());
    for (int t = 0; t < 500; t++) {
      double[] u = RandomTasks.randomVector(d, 1, 1000 + t);
      double n = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
      for (int k = 0; k < d; k++) {
        u[k] = centre[k] + radius * u[k] / n;
      }
      assertTrue(Math.sqrt(task.gradientVariance(u)) <= bound.value());
    }
  }

  @Test
  void gradientPairUsesOneBatch() {
    int d = 3;
    LinearRegressionSampling task = task(d, 51);
    double[] w = RandomTasks.randomVector(d, 1, 52);
    double[] v = RandomTasks.randomVector(d, 1, 53);
    double delta = 0.3;
    double[] plus = new double[d];
    double[] minus = new double[d];
    task.sampleGradientPair(w, v, delta, 5, new Well19937c(54), plus, minus);
    // per-sample loss is quadratic, so the difference quotient is exactly the batch Hessian times
    // v; the same seed reproduces the same batch
    double[] h = new double[d * d];
    task.sampleHessian(w, 5, new Well19937c(54), h);
    for (int r = 0; r < d; r++) {
      double hv = h[r * d] * v[0] + h[r * d + 1] * v[1] + h[r * d + 2] * v[2];
      assertEquals(hv, (plus[r] - minus[r]) / (2 * delta), 1e-12 * (1 + Math.abs(hv)));
    }
  }

  @Test
  void finiteSumTaskIsReproducibleAndConsistent() {
    LinearRegressionSampling task = task(2, 61);
    MetaTask a = task.finiteSumTask(8, 5, 3);
    MetaTask b = task.finiteSumTask(8, 5, 3);
    double[] w = {0.4, -0.3};
    assertEquals(a.inner().value(w), b.inner().value(w), 0);
    assertEquals(a.outer().value(w), b.outer().value(w), 0);
    assertEquals(8, ((LeastSquaresLoss) a.inner()).sampleCount());
    assertEquals(5, ((LeastSquaresLoss) a.outer()).sampleCount());
    // a huge sample set approaches the population loss (law of large numbers, loose check)
    LeastSquaresLoss big = task.drawSampleSet(200_000, new Well19937c(62));
    assertEquals(task.expectedLoss().value(w), big.value(w), 0.02);
    // expected loss = quadratic part + s²/2
    assertEquals(
        task.expectedQuadratic().value(w) + 0.5 * 0.49, task.expectedLoss().value(w), 1e-14);
    double[] g1 = new double[2];
    double[] g2 = new double[2];
    task.expectedLoss().gradient(w, g1);
    task.expectedQuadratic().gradient(w, g2);
    assertArrayEquals(g2, g1, 0);
  }
}
