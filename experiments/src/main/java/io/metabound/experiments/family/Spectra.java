package io.metabound.experiments.family;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/** Eigenvalues of small symmetric matrices (Hipparchus), for exact constants. */
final class Spectra {

  private Spectra() {}

  /** Eigenvalues of the symmetric row-major {@code d×d} matrix (order unspecified). */
  static double[] symmetricEigenvalues(double[] a, int d) {
    double[][] rows = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        // symmetrise against rounding in the caller's accumulation
        rows[r][k] = 0.5 * (a[r * d + k] + a[k * d + r]);
      }
    }
    return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(rows, false)).getEigenvalues();
  }

  /** {@code λ_max(XᵀX)} for the row-major {@code n×d} matrix {@code X}. */
  static double largestGramEigenvalue(double[] x, int n, int d) {
    double[] gram = new double[d * d];
    // XᵀX = Σ_j x_j x_jᵀ
    for (int j = 0; j < n; j++) {
      for (int r = 0; r < d; r++) {
        double xr = x[j * d + r];
        for (int k = 0; k < d; k++) {
          gram[r * d + k] += xr * x[j * d + k];
        }
      }
    }
    double[] eig = symmetricEigenvalues(gram, d);
    double max = 0;
    for (double e : eig) {
      max = Math.max(max, e);
    }
    return max;
  }
}
