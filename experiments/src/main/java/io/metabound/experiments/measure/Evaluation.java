package io.metabound.experiments.measure;

import java.util.List;
import org.hipparchus.CalculusFieldElement;

/**
 * The value of a measure with its precision record: the steps that ran in IEEE double only whatever
 * the field (eigenvalues of a non-symmetric matrix, an argmin location, an estimator parameter
 * rounded to double), in the order they first ran. With none, every step ran in the field's
 * arithmetic and the value carries its precision ("extended" for {@code Dfp}).
 *
 * @param value the value
 * @param doubleOnlySteps one line per step that ran in double only (no duplicates)
 * @param <T> the field
 */
public record Evaluation<T extends CalculusFieldElement<T>>(
    MeasureValue<T> value, List<String> doubleOnlySteps) {

  public Evaluation {
    doubleOnlySteps = List.copyOf(doubleOnlySteps);
  }

  /** True when no step ran in double only. */
  public boolean extendedPrecision() {
    return doubleOnlySteps.isEmpty();
  }

  /** {@code "extended"} or {@code "double"}. */
  public String precision() {
    return extendedPrecision() ? "extended" : "double";
  }

  /**
   * The scalar value.
   *
   * @throws IllegalStateException when the measure is a vector or a matrix
   */
  public T scalar() {
    if (value instanceof MeasureValue.Scalar<T> s) {
      return s.value();
    }
    throw new IllegalStateException("the measure is a " + value.type().label() + ", not a scalar");
  }
}
