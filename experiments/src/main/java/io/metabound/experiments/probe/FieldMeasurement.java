package io.metabound.experiments.probe;

import java.util.List;
import org.hipparchus.CalculusFieldElement;

/**
 * An exact quantity computed in a field of higher precision (for example {@code Dfp} with 50
 * digits) through the same closed forms as the double measurement.
 *
 * @param value the value
 * @param doubleOnlySteps steps of the computation that ran in double only (for example the
 *     eigenvalues of a non-symmetric matrix); when not empty, the value carries double precision
 *     only and cannot confirm a verdict
 * @param <T> the field
 */
public record FieldMeasurement<T extends CalculusFieldElement<T>>(
    T value, List<String> doubleOnlySteps) {

  public FieldMeasurement {
    doubleOnlySteps = List.copyOf(doubleOnlySteps);
  }

  /** A value computed in the field throughout. */
  public static <T extends CalculusFieldElement<T>> FieldMeasurement<T> of(T value) {
    return new FieldMeasurement<>(value, List.of());
  }

  /** True when every step ran in the field. */
  public boolean isFullPrecision() {
    return doubleOnlySteps.isEmpty();
  }
}
