package io.metabound.experiments.oracle;

import java.util.Arrays;

/**
 * The expected update direction of a deterministic estimator on quadratic tasks, which is affine
 * in the meta-parameter: {@code g(w) = A w − b}.
 *
 * <p>Every deterministic MAML-family estimator on quadratic tasks has this form (exact N-step MAML:
 * {@code A = Σ p_i (I−αH_i)^N G_i (I−αH_i)^N}; FO-MAML: {@code A = Σ p_i G_i (I−αH_i)^N}; iMAML:
 * {@code A = Σ p_i λ²(λI+H_i)^{-1} G_i (λI+H_i)^{-1}}), so the outer iteration
 * {@code w ← w − β (A w − b)} is linear and its convergence is decided by the spectrum of
 * {@code A}. Sweeps precompute this map once per α and iterate it in O(d²) per step.
 *
 * @param dimension {@code d}
 * @param matrix {@code A}, row-major, {@code d*d} entries (not necessarily symmetric)
 * @param offset {@code b}
 */
public record AffineGradientMap(int dimension, double[] matrix, double[] offset) {

  public AffineGradientMap {
    if (matrix.length != dimension * dimension || offset.length != dimension) {
      throw new IllegalArgumentException("AffineGradientMap needs a " + dimension + "x" + dimension
          + " matrix and a length-" + dimension + " offset");
    }
    matrix = matrix.clone();
    offset = offset.clone();
  }

  /** {@code out = A w − b}; allocation-free. */
  public void apply(double[] w, double[] out) {
    int d = dimension;
    for (int r = 0; r < d; r++) {
      double s = -offset[r];
      for (int k = 0; k < d; k++) {
        s += matrix[r * d + k] * w[k];
      }
      out[r] = s;
    }
  }

  @Override
  public double[] matrix() {
    return matrix.clone();
  }

  @Override
  public double[] offset() {
    return offset.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AffineGradientMap m
        && m.dimension == dimension
        && Arrays.equals(matrix, m.matrix)
        && Arrays.equals(offset, m.offset);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(matrix) + Arrays.hashCode(offset);
  }
}
