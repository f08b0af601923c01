package io.metabound.experiments.oracle;

import java.util.Arrays;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Small dense kernels on row-major {@code d×d} arrays for the oracles. Loops are ordered i-k-j so
 * the inner loop streams rows; the {@code …Into} variants write caller-owned arrays and allocate
 * nothing.
 */
final class Dense {

  private Dense() {}

  /**
   * {@code out = a b} (EJML's row-major kernel); {@code out} must not alias {@code a} or {@code b}.
   */
  static void multiplyInto(double[] a, double[] b, double[] out, int d) {
    CommonOps_DDRM.mult(
        DMatrixRMaj.wrap(d, d, a), DMatrixRMaj.wrap(d, d, b), DMatrixRMaj.wrap(d, d, out));
  }

  static double[] multiply(double[] a, double[] b, int d) {
    double[] out = new double[d * d];
    multiplyInto(a, b, out, d);
    return out;
  }

  /** {@code aᵀ b}. */
  static double[] transposeTimes(double[] a, double[] b, int d) {
    double[] out = new double[d * d];
    for (int j = 0; j < d; j++) {
      int row = j * d;
      for (int r = 0; r < d; r++) {
        double ajr = a[row + r];
        int outRow = r * d;
        for (int k = 0; k < d; k++) {
          out[outRow + k] += ajr * b[row + k];
        }
      }
    }
    return out;
  }

  /** {@code out = a v}. */
  static void applyInto(double[] a, double[] v, double[] out, int d) {
    for (int r = 0; r < d; r++) {
      double s = 0;
      int row = r * d;
      for (int k = 0; k < d; k++) {
        s += a[row + k] * v[k];
      }
      out[r] = s;
    }
  }

  static double[] apply(double[] a, double[] v, int d) {
    double[] out = new double[d];
    applyInto(a, v, out, d);
    return out;
  }

  /** {@code out = aᵀ v}. */
  static void transposeApplyInto(double[] a, double[] v, double[] out, int d) {
    Arrays.fill(out, 0, d, 0.0);
    for (int r = 0; r < d; r++) {
      double vr = v[r];
      int row = r * d;
      for (int k = 0; k < d; k++) {
        out[k] += a[row + k] * vr;
      }
    }
  }

  static double[] transposeApply(double[] a, double[] v, int d) {
    double[] out = new double[d];
    transposeApplyInto(a, v, out, d);
    return out;
  }

  /** {@code (a + aᵀ)/2} as a new array; bit-identical to {@code a} when {@code a} is symmetric. */
  static double[] symmetrise(double[] a, int d) {
    double[] s = a.clone();
    for (int r = 0; r < d; r++) {
      for (int k = r + 1; k < d; k++) {
        double x = a[r * d + k];
        double y = a[k * d + r];
        if (x != y) {
          double mean = 0.5 * (x + y);
          s[r * d + k] = mean;
          s[k * d + r] = mean;
        }
      }
    }
    return s;
  }

  /**
   * {@code out += weight · Q diag(y) Qᵀ} (symmetric result; only O(d³/2) work as the lower triangle
   * is mirrored).
   */
  static void addSpectral(double[] q, double[] y, double weight, double[] out, int d) {
    for (int r = 0; r < d; r++) {
      int rowR = r * d;
      for (int c = r; c < d; c++) {
        int rowC = c * d;
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += q[rowR + k] * y[k] * q[rowC + k];
        }
        s *= weight;
        out[rowR + c] += s;
        if (c != r) {
          out[rowC + r] += s;
        }
      }
    }
  }

  /**
   * {@code out += weight · L Rᵀ} for row-major {@code L} and {@code R}: entry (r, c) is the dot
   * product of row r of L and row c of R.
   */
  static void addTimesTranspose(double[] left, double[] right, double weight, double[] out, int d) {
    for (int r = 0; r < d; r++) {
      int rowR = r * d;
      for (int c = 0; c < d; c++) {
        int rowC = c * d;
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += left[rowR + k] * right[rowC + k];
        }
        out[rowR + c] += weight * s;
      }
    }
  }

  /**
   * {@code out += weight · L Rᵀ} when the product is known to be symmetric (e.g. {@code L = Q Y},
   * {@code R = Q}, Y symmetric): the upper triangle is computed and mirrored, half the work.
   */
  static void addSymmetricTimesTranspose(
      double[] left, double[] right, double weight, double[] out, int d) {
    for (int r = 0; r < d; r++) {
      int rowR = r * d;
      for (int c = r; c < d; c++) {
        int rowC = c * d;
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += left[rowR + k] * right[rowC + k];
        }
        s *= weight;
        out[rowR + c] += s;
        if (c != r) {
          out[rowC + r] += s;
        }
      }
    }
  }

  /** Eigenvalues of a symmetric matrix (symmetrised first), ascending. */
  static double[] symmetricEigenvalues(double[] a, int d) {
    DMatrixRMaj m = DMatrixRMaj.wrap(d, d, symmetrise(a, d));
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
    if (!eig.decompose(m)) {
      throw new ArithmeticException("symmetric eigen-decomposition failed");
    }
    double[] values = new double[d];
    for (int k = 0; k < d; k++) {
      values[k] = eig.getEigenvalue(k).real;
    }
    Arrays.sort(values);
    return values;
  }

  /** Eigenvalues of a general real matrix (complex pairs included), in EJML order. */
  static Complex_F64[] eigenvalues(double[] a, int d) {
    DMatrixRMaj m = DMatrixRMaj.wrap(d, d, a.clone());
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false);
    if (!eig.decompose(m)) {
      throw new ArithmeticException("eigen-decomposition failed");
    }
    Complex_F64[] values = new Complex_F64[d];
    for (int k = 0; k < d; k++) {
      values[k] = new Complex_F64(eig.getEigenvalue(k).real, eig.getEigenvalue(k).imaginary);
    }
    return values;
  }

  /**
   * Largest {@code |a_rk − a_kr|} relative to the largest {@code |a_rk|} (0 for the zero matrix).
   */
  static double relativeAsymmetry(double[] a, int d) {
    double scale = 0;
    double asymmetry = 0;
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        scale = Math.max(scale, Math.abs(a[r * d + k]));
        asymmetry = Math.max(asymmetry, Math.abs(a[r * d + k] - a[k * d + r]));
      }
    }
    return scale == 0 ? 0 : asymmetry / scale;
  }
}
