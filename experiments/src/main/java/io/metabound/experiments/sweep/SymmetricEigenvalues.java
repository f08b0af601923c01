package io.metabound.experiments.sweep;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigenvalues of small symmetric matrices (EJML, values only), for overlays and constants. */
public final class SymmetricEigenvalues {

  private SymmetricEigenvalues() {}

  /** The eigenvalues of a symmetric row-major {@code d×d} matrix (not modified), ascending. */
  public static double[] of(double[] matrix, int dimension) {
    DMatrixRMaj a = new DMatrixRMaj(dimension, dimension);
    System.arraycopy(matrix, 0, a.data, 0, dimension * dimension);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dimension, false, true);
    if (!eig.decompose(a)) {
      throw new ArithmeticException("symmetric eigen-decomposition failed");
    }
    double[] values = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      values[i] = eig.getEigenvalue(i).real;
    }
    Arrays.sort(values);
    return values;
  }
}
