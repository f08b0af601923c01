package io.metabound.experiments.oracle.field;

import org.hipparchus.CalculusFieldElement;

/**
 * An estimator's update direction on an instance where it is affine in the meta-parameter:
 * {@code g(w) = A w − b}. {@code A} is the Jacobian of the direction (for MAML the meta-Hessian
 * {@code ∇²F}); {@code w* = A⁻¹ b} is the point where the direction vanishes.
 *
 * @param jacobian {@code A}, {@code d × d}, row-major rows
 * @param offset {@code b}, length {@code d}
 * @param symmetric true when {@code A} is symmetric by construction (then its spectrum is real)
 * @param <T> the field (double through {@code Binary64}, or {@code Dfp})
 */
public record FieldAffineMap<T extends CalculusFieldElement<T>>(
    T[][] jacobian, T[] offset, boolean symmetric) {

  public FieldAffineMap {
    if (jacobian.length != offset.length) {
      throw new IllegalArgumentException(
          "A is " + jacobian.length + " x d but b has length " + offset.length);
    }
    for (T[] row : jacobian) {
      if (row.length != offset.length) {
        throw new IllegalArgumentException("A must be square, got a row of length " + row.length);
      }
    }
  }

  public int dimension() {
    return offset.length;
  }

  /** {@code g(w) = A w − b}. */
  public T[] apply(T[] w) {
    int d = dimension();
    T[] out = offset.clone();
    for (int r = 0; r < d; r++) {
      // (A w − b)_r = Σ_k A_rk w_k − b_r
      T s = offset[r].negate();
      for (int k = 0; k < d; k++) {
        s = s.add(jacobian[r][k].multiply(w[k]));
      }
      out[r] = s;
    }
    return out;
  }
}
