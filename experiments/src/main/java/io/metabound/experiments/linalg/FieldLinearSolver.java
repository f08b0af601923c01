package io.metabound.experiments.linalg;

import java.util.Locale;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * Solves {@code A X = B} over a field by LU decomposition with partial pivoting ({@code P A = L U},
 * the row of largest |entry| brought up in each column).
 *
 * <p>A pivot that is exactly 0 means {@code A} is singular; a pivot with {@code |u_kk| ≤ 16 d ε
 * max|A|} ({@code ε} the field's {@link FieldMatrices#workingPrecision}) means it is singular to
 * working precision: both are a {@link SingularMatrixException} rather than a solution dominated by
 * rounding. The test is on pivots, so it is a cheap proxy for the condition number, not a
 * certificate: a matrix that passes may still be ill-conditioned.
 */
public final class FieldLinearSolver {

  /** Pivot tolerance in units of {@code d ε max|A|}. */
  static final double PIVOT_TOLERANCE = 16;

  private FieldLinearSolver() {}

  /** {@code x = A⁻¹ b}. */
  public static <T extends CalculusFieldElement<T>> T[] solve(T[][] a, T[] b) {
    int d = a.length;
    T[][] column = FieldMatrices.zeros(b[0].getField(), d, 1);
    for (int r = 0; r < d; r++) {
      column[r][0] = b[r];
    }
    T[][] x = solve(a, column);
    T[] out = b.clone();
    for (int r = 0; r < d; r++) {
      out[r] = x[r][0];
    }
    return out;
  }

  /** {@code X = A⁻¹ B} for a square {@code A} and {@code B} with as many rows. */
  public static <T extends CalculusFieldElement<T>> T[][] solve(T[][] a, T[][] b) {
    int d = a.length;
    if (a[0].length != d || b.length != d) {
      throw new IllegalArgumentException(
          "solve: A must be square with as many rows as B, got "
              + a.length
              + "x"
              + a[0].length
              + " and "
              + b.length
              + " rows");
    }
    Field<T> field = a[0][0].getField();
    T[][] lu = FieldMatrices.copy(a);
    T[][] x = FieldMatrices.copy(b);
    int columns = b[0].length;
    double scale = FieldMatrices.largestEntry(a);
    double tolerance = PIVOT_TOLERANCE * d * FieldMatrices.workingPrecision(field) * scale;
    if (scale == 0) {
      throw new SingularMatrixException("the matrix is singular (all entries are 0)");
    }
    for (int k = 0; k < d; k++) {
      // partial pivoting: the row of largest |entry| in column k
      int pivotRow = k;
      double largest = Math.abs(lu[k][k].getReal());
      for (int r = k + 1; r < d; r++) {
        double candidate = Math.abs(lu[r][k].getReal());
        if (candidate > largest) {
          largest = candidate;
          pivotRow = r;
        }
      }
      T pivot = lu[pivotRow][k];
      if (pivot.isZero()) {
        throw new SingularMatrixException(
            "the matrix is singular: no non-zero pivot in column " + (k + 1) + " of " + d);
      }
      if (largest <= tolerance) {
        throw new SingularMatrixException(
            String.format(
                Locale.ROOT,
                "the matrix is singular to working precision: pivot %.3g in column %d of %d"
                    + " against largest entry %.3g (tolerance %.3g)",
                largest,
                k + 1,
                d,
                scale,
                tolerance));
      }
      swap(lu, k, pivotRow);
      swap(x, k, pivotRow);
      for (int r = k + 1; r < d; r++) {
        // l_rk = u_rk / u_kk; row_r ← row_r − l_rk row_k
        T factor = lu[r][k].divide(pivot);
        if (factor.isZero()) {
          continue;
        }
        for (int c = k; c < d; c++) {
          lu[r][c] = lu[r][c].subtract(factor.multiply(lu[k][c]));
        }
        for (int c = 0; c < columns; c++) {
          x[r][c] = x[r][c].subtract(factor.multiply(x[k][c]));
        }
      }
    }
    // back substitution: x_r = (y_r − Σ_{c>r} u_rc x_c) / u_rr
    for (int r = d - 1; r >= 0; r--) {
      for (int j = 0; j < columns; j++) {
        T s = x[r][j];
        for (int c = r + 1; c < d; c++) {
          s = s.subtract(lu[r][c].multiply(x[c][j]));
        }
        x[r][j] = s.divide(lu[r][r]);
      }
    }
    return x;
  }

  /** {@code A⁻¹}. */
  public static <T extends CalculusFieldElement<T>> T[][] inverse(T[][] a) {
    return solve(a, FieldMatrices.identity(a[0][0].getField(), a.length));
  }

  private static <T> void swap(T[][] rows, int i, int j) {
    if (i != j) {
      T[] t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
  }
}
