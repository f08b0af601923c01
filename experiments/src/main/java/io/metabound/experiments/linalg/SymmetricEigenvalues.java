package io.metabound.experiments.linalg;

import java.util.Arrays;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * Eigenvalues of a real symmetric matrix over a field by the cyclic Jacobi method, so that they are
 * as accurate as the field's arithmetic: each rotation {@code A ← JᵀAJ} zeroes one off-diagonal
 * pair, sweeps run over all pairs {@code p < q} in order, and the sum of squares of the
 * off-diagonal entries shrinks quadratically once it is small. The iteration stops when
 *
 * <pre>{@code ‖offdiag(A)‖_F ≤ ε ‖A‖_F}</pre>
 *
 * with {@code ε} the field's {@link FieldMatrices#workingPrecision}, after which every eigenvalue
 * carries an absolute error of a few {@code ε ‖A‖_F} (Weyl). Symmetric Jacobi is backward stable
 * and needs no shifts, deflation or Householder reduction, which is why it is used here instead of
 * QR: the code is short and its accuracy follows the precision of {@code T} (about 50 digits in
 * {@code Dfp(50)}).
 *
 * <p>Each rotation uses the stable formulas of Golub and Van Loan (Alg. 8.5.2): {@code θ = (a_qq −
 * a_pp)/(2a_pq)}, {@code t = sign(θ)/(|θ| + √(θ² + 1))}, {@code c = 1/√(t² + 1)}, {@code s = t c}.
 */
public final class SymmetricEigenvalues {

  /** More sweeps than any matrix needs (quadratic convergence sets in after a few). */
  static final int MAX_SWEEPS = 100;

  private SymmetricEigenvalues() {}

  /**
   * The eigenvalues of the symmetric part {@code (A + Aᵀ)/2} of {@code A}, ascending.
   *
   * @throws ArithmeticException if the sweeps do not converge (only for non-finite entries)
   */
  public static <T extends CalculusFieldElement<T>> T[] of(T[][] matrix) {
    int d = matrix.length;
    Field<T> field = matrix[0][0].getField();
    T[][] a = FieldMatrices.symmetrise(matrix);
    double epsilon = FieldMatrices.workingPrecision(field);
    // norms in units of the largest entry, so that no square under- or overflows in double
    double scale = FieldMatrices.largestEntry(a);
    if (scale == 0) {
      return sortedDiagonal(a);
    }
    double frobenius = Math.sqrt(sumOfSquares(a, true, scale));
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = Math.sqrt(sumOfSquares(a, false, scale));
      if (off == 0 || off <= epsilon * frobenius) {
        return sortedDiagonal(a);
      }
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          rotate(a, p, q, epsilon * epsilon * frobenius * scale);
        }
      }
    }
    throw new ArithmeticException(
        "Jacobi eigenvalues did not converge in " + MAX_SWEEPS + " sweeps (non-finite entries?)");
  }

  /** Largest eigenvalue of the symmetric part. */
  public static <T extends CalculusFieldElement<T>> T largest(T[][] matrix) {
    T[] values = of(matrix);
    return values[values.length - 1];
  }

  /** Smallest eigenvalue of the symmetric part. */
  public static <T extends CalculusFieldElement<T>> T smallest(T[][] matrix) {
    return of(matrix)[0];
  }

  /** The spectral norm {@code ‖A‖₂ = √λ_max(AᵀA)} of any square matrix. */
  public static <T extends CalculusFieldElement<T>> T spectralNorm(T[][] matrix) {
    T[][] gram = FieldMatrices.multiply(FieldMatrices.transpose(matrix), matrix);
    T top = largest(gram);
    // λ_max(AᵀA) ≥ 0; a rounding-level negative value of the zero matrix is clamped
    return io.metabound.experiments.precision.Fields.signum(top) > 0
        ? top.sqrt()
        : top.getField().getZero();
  }

  /** One Jacobi rotation in the plane (p, q): zeroes {@code a_pq} and {@code a_qp}. */
  private static <T extends CalculusFieldElement<T>> void rotate(
      T[][] a, int p, int q, double negligible) {
    T apq = a[p][q];
    if (Math.abs(apq.getReal()) <= negligible) {
      if (!apq.isZero()) {
        // far below the final accuracy: dropping it changes no eigenvalue beyond ε²‖A‖
        T zero = apq.getField().getZero();
        a[p][q] = zero;
        a[q][p] = zero;
      }
      return;
    }
    // θ = (a_qq − a_pp) / (2 a_pq)
    T theta = a[q][q].subtract(a[p][p]).divide(apq.multiply(2));
    T t;
    double thetaValue = theta.getReal();
    if (Math.abs(thetaValue) > 1e150) {
      // t ≈ 1/(2θ) where θ² would overflow in double
      t = theta.multiply(2).reciprocal();
    } else {
      // t = sign(θ) / (|θ| + √(θ² + 1)), the smaller root of t² + 2θt − 1 = 0
      T root = theta.abs().add(theta.multiply(theta).add(1).sqrt());
      t = thetaValue >= 0 ? root.reciprocal() : root.reciprocal().negate();
    }
    // c = 1/√(t² + 1), s = t c
    T c = t.multiply(t).add(1).sqrt().reciprocal();
    T s = t.multiply(c);
    int d = a.length;
    for (int k = 0; k < d; k++) {
      if (k == p || k == q) {
        continue;
      }
      // a_kp ← c a_kp − s a_kq,  a_kq ← s a_kp + c a_kq (and their mirrors)
      T akp = a[k][p];
      T akq = a[k][q];
      T newKp = c.multiply(akp).subtract(s.multiply(akq));
      T newKq = s.multiply(akp).add(c.multiply(akq));
      a[k][p] = newKp;
      a[p][k] = newKp;
      a[k][q] = newKq;
      a[q][k] = newKq;
    }
    // a_pp ← a_pp − t a_pq,  a_qq ← a_qq + t a_pq,  a_pq ← 0
    a[p][p] = a[p][p].subtract(t.multiply(apq));
    a[q][q] = a[q][q].add(t.multiply(apq));
    T zero = apq.getField().getZero();
    a[p][q] = zero;
    a[q][p] = zero;
  }

  /** {@code Σ (a_rk / scale)²} over all entries or the off-diagonal ones. */
  private static <T extends CalculusFieldElement<T>> double sumOfSquares(
      T[][] a, boolean withDiagonal, double scale) {
    double s = 0;
    for (int r = 0; r < a.length; r++) {
      for (int k = 0; k < a.length; k++) {
        if (withDiagonal || r != k) {
          double x = a[r][k].getReal() / scale;
          s += x * x;
        }
      }
    }
    return s;
  }

  private static <T extends CalculusFieldElement<T>> T[] sortedDiagonal(T[][] a) {
    T[] values = FieldMatrices.zeroVector(a[0][0].getField(), a.length);
    for (int k = 0; k < a.length; k++) {
      values[k] = a[k][k];
    }
    // exact comparison through the sign of the difference (doubles of close Dfp values may tie)
    Arrays.sort(values, (x, y) -> Double.compare(x.subtract(y).getReal(), 0));
    return values;
  }
}
