package io.metabound.experiments.measure;

import org.hipparchus.CalculusFieldElement;

/**
 * A typed value of a measure in the field {@code T}.
 *
 * @param <T> the field
 */
public sealed interface MeasureValue<T extends CalculusFieldElement<T>> {

  MeasureType type();

  /** A scalar. */
  record Scalar<T extends CalculusFieldElement<T>>(T value) implements MeasureValue<T> {
    @Override
    public MeasureType type() {
      return MeasureType.SCALAR;
    }
  }

  /** A vector of length d. */
  record Vector<T extends CalculusFieldElement<T>>(T[] entries) implements MeasureValue<T> {
    @Override
    public MeasureType type() {
      return MeasureType.VECTOR;
    }
  }

  /**
   * A d × d matrix, row-major rows.
   *
   * @param symmetric true when symmetric by construction (then its spectrum is real)
   */
  record Matrix<T extends CalculusFieldElement<T>>(T[][] entries, boolean symmetric)
      implements MeasureValue<T> {
    @Override
    public MeasureType type() {
      return MeasureType.MATRIX;
    }
  }
}
