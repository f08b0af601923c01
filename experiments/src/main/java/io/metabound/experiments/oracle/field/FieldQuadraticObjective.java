package io.metabound.experiments.oracle.field;

import org.hipparchus.CalculusFieldElement;

/**
 * A meta-objective that is a quadratic function of the meta-parameter: {@code F(w) = ½ wᵀ A w −
 * bᵀ w + c}. Its gradient is {@code A w − b}, its Hessian {@code A}.
 *
 * @param hessian {@code A}, symmetric, {@code d × d}
 * @param linear {@code b}
 * @param constant {@code c}
 * @param <T> the field
 */
public record FieldQuadraticObjective<T extends CalculusFieldElement<T>>(
    T[][] hessian, T[] linear, T constant) {

  public int dimension() {
    return linear.length;
  }

  /** {@code F(w) = ½ wᵀ A w − bᵀ w + c}. */
  public T value(T[] w) {
    int d = dimension();
    T quadratic = constant.getField().getZero();
    T lin = quadratic;
    for (int r = 0; r < d; r++) {
      T row = quadratic.getField().getZero();
      for (int k = 0; k < d; k++) {
        row = row.add(hessian[r][k].multiply(w[k]));
      }
      quadratic = quadratic.add(w[r].multiply(row));
      lin = lin.add(linear[r].multiply(w[r]));
    }
    return quadratic.multiply(0.5).subtract(lin).add(constant);
  }
}
