package io.metabound.experiments.reproduction;

import io.metabound.experiments.task.QuadraticFamily;
import io.metabound.experiments.task.QuadraticLoss;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Finite-sample linear regression as a quadratic loss: for data {@code X ∈ R^{n×d}} and labels
 * {@code y = Xw + ε},
 *
 * <pre>{@code (1/2n)‖Xφ − y‖² = ½(φ − c)ᵀA(φ − c) + const,   A = XᵀX/n,   c = A⁻¹Xᵀy/n}</pre>
 *
 * (expand the square; the constant is the least-squares residual and moves no gradient), so the
 * quadratic oracles are exact on it.
 */
final class RegressionData {

  private RegressionData() {}

  /**
   * Draws {@code n} rows {@code x ~ N(0, Σ)} with {@code Σ = Q diag(spectrum) Qᵀ} given as its
   * square root and labels {@code y = xᵀw + noise·N(0, 1)}, and returns the loss.
   *
   * @param root {@code Σ^{1/2}}, row-major
   * @param truth {@code w}
   * @param n samples, at least {@code d} (so that {@code A} is invertible almost surely)
   */
  static QuadraticLoss sample(
      double[] root, double[] truth, int n, double noise, SplittableRandom random) {
    int d = truth.length;
    if (n < d) {
      throw new IllegalArgumentException("need at least d = " + d + " samples, got " + n);
    }
    double[] a = new double[d * d];
    double[] xty = new double[d];
    double[] z = new double[d];
    double[] x = new double[d];
    for (int s = 0; s < n; s++) {
      for (int k = 0; k < d; k++) {
        z[k] = random.nextGaussian();
      }
      // x = Σ^{1/2} z,  y = xᵀw + ε
      double y = 0;
      for (int r = 0; r < d; r++) {
        double v = 0;
        for (int k = 0; k < d; k++) {
          v += root[r * d + k] * z[k];
        }
        x[r] = v;
        y += v * truth[r];
      }
      y += noise * random.nextGaussian();
      // A += x xᵀ / n,  Xᵀy += x y / n
      for (int r = 0; r < d; r++) {
        xty[r] += x[r] * y / n;
        for (int k = r; k < d; k++) {
          a[r * d + k] += x[r] * x[k] / n;
        }
      }
    }
    double[][] rows = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int k = r; k < d; k++) {
        a[k * d + r] = a[r * d + k];
        rows[r][k] = a[r * d + k];
        rows[k][r] = a[r * d + k];
      }
    }
    // c = A⁻¹ Xᵀy/n
    RealVector c =
        new CholeskyDecomposition(new Array2DRowRealMatrix(rows, false), 1e-12, 1e-14)
            .getSolver()
            .solve(new ArrayRealVector(xty, false));
    return new QuadraticLoss(a, c.toArray());
  }

  /** {@code Σ^{1/2} = Q diag(√spectrum) Qᵀ} with a Haar-random Q. */
  static double[] covarianceRoot(double[] spectrum, SplittableRandom random) {
    double[] roots = new double[spectrum.length];
    for (int k = 0; k < roots.length; k++) {
      roots[k] = Math.sqrt(spectrum[k]);
    }
    return QuadraticFamily.rotated(roots, random);
  }
}
