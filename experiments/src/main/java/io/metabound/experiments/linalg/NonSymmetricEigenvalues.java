package io.metabound.experiments.linalg;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;

/**
 * Eigenvalues of a general real square matrix, computed in IEEE double whatever the field of the
 * entries (Hipparchus' Hessenberg–Schur {@link EigenDecompositionNonSymmetric}). A caller that
 * works in extended precision must record that this step ran in double only: the entries are
 * rounded to double first, and the eigenvalues of a non-normal matrix can move by far more than
 * that rounding.
 */
public final class NonSymmetricEigenvalues {

  private NonSymmetricEigenvalues() {}

  /** The (possibly complex) eigenvalues of {@code A}, in Hipparchus' order. */
  public static Complex[] of(double[][] a) {
    return new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(a, true)).getEigenvalues();
  }

  /** The eigenvalues of the double image of {@code A}. */
  public static <T extends CalculusFieldElement<T>> Complex[] of(T[][] a) {
    return of(FieldMatrices.toDouble(a));
  }

  /** The spectral radius {@code max_k |μ_k|}, in double. */
  public static double spectralRadius(double[][] a) {
    double radius = 0;
    for (Complex mu : of(a)) {
      radius = Math.max(radius, mu.norm());
    }
    return radius;
  }
}
