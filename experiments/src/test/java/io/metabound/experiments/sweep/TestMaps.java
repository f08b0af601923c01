package io.metabound.experiments.sweep;

import io.metabound.experiments.oracle.AffineGradientMap;
import java.util.SplittableRandom;

/**
 * Hand-written update maps for single-task quadratic losses {@code f(w) = ½(w − c)ᵀH(w − c)}, used
 * to test the engine independently of the oracle package (docs/THEOREMS.md §6.1):
 *
 * <ul>
 *   <li>exact N-step MAML: {@code A = H(I − αH)^{2N}}, {@code b = A c};
 *   <li>FO-MAML: {@code A = H(I − αH)^N}, {@code b = A c} (the gradient at the adapted point).
 * </ul>
 */
final class TestMaps {

  private TestMaps() {}

  /** Exact N-step MAML on one task. */
  static EstimatorMapSource maml(double[] h, double[] c) {
    return (n, alpha) -> power(h, c, alpha, 2 * n);
  }

  /** FO-MAML on one task. */
  static EstimatorMapSource foMaml(double[] h, double[] c) {
    return (n, alpha) -> power(h, c, alpha, n);
  }

  /** {@code A = H (I − αH)^p}, {@code b = A c}. */
  static AffineGradientMap power(double[] h, double[] c, double alpha, int p) {
    int d = c.length;
    double[] step = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        step[r * d + k] = (r == k ? 1 : 0) - alpha * h[r * d + k];
      }
    }
    double[] a = h.clone();
    for (int i = 0; i < p; i++) {
      a = multiply(a, step, d);
    }
    double[] b = new double[d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        b[r] += a[r * d + k] * c[k];
      }
    }
    return new AffineGradientMap(d, a, b);
  }

  static double[] multiply(double[] x, double[] y, int d) {
    double[] z = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += x[r * d + j] * y[j * d + k];
        }
        z[r * d + k] = s;
      }
    }
    return z;
  }

  /** A random symmetric positive definite matrix with eigenvalues in [lo, hi] (seeded). */
  static double[] randomSpd(int d, double lo, double hi, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] q = randomOrthogonal(d, random);
    double[] h = new double[d * d];
    for (int i = 0; i < d; i++) {
      double lambda = lo + (hi - lo) * random.nextDouble();
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          h[r * d + k] += lambda * q[r * d + i] * q[k * d + i];
        }
      }
    }
    // exact symmetry, so the symmetric eigen-solver is used
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < r; k++) {
        double s = 0.5 * (h[r * d + k] + h[k * d + r]);
        h[r * d + k] = s;
        h[k * d + r] = s;
      }
    }
    return h;
  }

  /** Gram–Schmidt on a Gaussian matrix: columns orthonormal. */
  static double[] randomOrthogonal(int d, SplittableRandom random) {
    double[] q = new double[d * d];
    for (int i = 0; i < d * d; i++) {
      q[i] = gaussian(random);
    }
    for (int col = 0; col < d; col++) {
      for (int prev = 0; prev < col; prev++) {
        double dot = 0;
        for (int r = 0; r < d; r++) {
          dot += q[r * d + col] * q[r * d + prev];
        }
        for (int r = 0; r < d; r++) {
          q[r * d + col] -= dot * q[r * d + prev];
        }
      }
      double norm = 0;
      for (int r = 0; r < d; r++) {
        norm += q[r * d + col] * q[r * d + col];
      }
      norm = Math.sqrt(norm);
      for (int r = 0; r < d; r++) {
        q[r * d + col] /= norm;
      }
    }
    return q;
  }

  static double gaussian(SplittableRandom random) {
    // Box–Muller
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  static double[] randomVector(int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = gaussian(random);
    }
    return x;
  }
}
