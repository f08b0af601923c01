package io.metabound.experiments.family.regression;

import io.metabound.experiments.family.LeastSquaresLoss;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/** Seeded random settings and data sets built from given standard normals, for the tests. */
final class RegressionFixtures {

  private RegressionFixtures() {}

  /**
   * A setting with {@code s_k ∈ [0.3, 2]}, {@code θ_i ~ N(0, I)}, weights in [0.5, 1.5], {@code σ ∈
   * [0.1, 0.8]}, {@code ν ∈ [0.3, 1.5]}, {@code θ̄ ∈ [−1, 1]^d}.
   */
  static LinearRegressionSetting randomSetting(int d, int m, int nT, int nV, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[] s = new double[d];
    double[] priorMean = new double[d];
    for (int k = 0; k < d; k++) {
      s[k] = 0.3 + 1.7 * random.nextDouble();
      priorMean[k] = 2 * random.nextDouble() - 1;
    }
    double[][] thetas = new double[m][d];
    double[] weights = new double[m];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < d; k++) {
        thetas[i][k] = random.nextGaussian();
      }
      weights[i] = 0.5 + random.nextDouble();
    }
    double noise = 0.1 + 0.7 * random.nextDouble();
    double prior = 0.3 + 1.2 * random.nextDouble();
    return new LinearRegressionSetting(s, thetas, weights, nT, nV, noise, prior, priorMean);
  }

  /** A point with coordinates {@code N(0, 1)}. */
  static double[] randomPoint(int d, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[] w = new double[d];
    for (int k = 0; k < d; k++) {
      w[k] = random.nextGaussian();
    }
    return w;
  }

  /**
   * The least-squares loss of {@code n} samples built from the standard normals {@code g[at …]}:
   * per sample {@code d} feature variates then one noise variate, {@code x_k = √s_k g}, {@code y =
   * xᵀθ + σ g}.
   */
  static LeastSquaresLoss dataSet(
      double[] g, int at, int n, double[] s, double[] theta, double noise) {
    int d = s.length;
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      int base = at + j * (d + 1);
      for (int k = 0; k < d; k++) {
        x[j][k] = Math.sqrt(s[k]) * g[base + k];
        y[j] += x[j][k] * theta[k];
      }
      y[j] += noise * g[base + d];
    }
    return new LeastSquaresLoss(x, y);
  }

  /** {@code N} gradient steps of size α on {@code loss} from {@code w}. */
  static double[] gradientSteps(LeastSquaresLoss loss, double[] w, double alpha, int steps) {
    double[] u = w.clone();
    double[] g = new double[u.length];
    for (int t = 0; t < steps; t++) {
      loss.gradient(u, g);
      for (int k = 0; k < u.length; k++) {
        u[k] -= alpha * g[k];
      }
    }
    return u;
  }
}
