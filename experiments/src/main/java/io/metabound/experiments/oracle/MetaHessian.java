package io.metabound.experiments.oracle;

import java.util.Arrays;

/**
 * The Hessian of a meta-objective (constant on quadratic tasks), labelled with what it is.
 *
 * @param estimator what was computed, e.g. {@code "MAML (N=2, alpha=0.1) meta-Hessian"}
 * @param dimension {@code d}
 * @param matrix row-major {@code d×d}, symmetric
 * @param exact true when computed from a closed form (exact up to floating point)
 */
public record MetaHessian(String estimator, int dimension, double[] matrix, boolean exact) {

  public MetaHessian {
    if (matrix.length != dimension * dimension) {
      throw new IllegalArgumentException(
          "a "
              + dimension
              + "x"
              + dimension
              + " meta-Hessian needs "
              + dimension * dimension
              + " entries, got "
              + matrix.length);
    }
    matrix = matrix.clone();
  }

  @Override
  public double[] matrix() {
    return matrix.clone();
  }

  /** Entry (r, k). */
  public double get(int r, int k) {
    return matrix[r * dimension + k];
  }

  /** Eigenvalues, ascending. */
  public double[] eigenvalues() {
    return Dense.symmetricEigenvalues(matrix, dimension);
  }

  /**
   * {@code ‖∇²F‖₂ = max_k |λ_k|}: on quadratic tasks the meta-gradient is affine, so this is the
   * exact (smallest) Lipschitz constant of {@code ∇F}, i.e. the meta-smoothness.
   */
  public double spectralNorm() {
    double[] eig = eigenvalues();
    return Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1]));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetaHessian h
        && h.dimension == dimension
        && h.exact == exact
        && h.estimator.equals(estimator)
        && Arrays.equals(h.matrix, matrix);
  }

  @Override
  public int hashCode() {
    return 31 * estimator.hashCode() + Arrays.hashCode(matrix) + (exact ? 1 : 0);
  }
}
