package io.metabound.experiments.check;

import java.util.Map;
import java.util.Optional;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * The constants of an instance ({@code L}, {@code mu}, …) computed in a field of higher precision,
 * for the extended-precision evaluation of a bound. Empty when the family has no such computation.
 */
public interface FieldConstants {

  /** No extended-precision constants: bounds using them are confirmed in double only. */
  FieldConstants NONE =
      new FieldConstants() {
        @Override
        public <T extends CalculusFieldElement<T>> Optional<Map<String, T>> of(
            Instance instance, Field<T> field) {
          return Optional.empty();
        }
      };

  /**
   * @param instance the instance
   * @param field the field
   * @return the constants by name, or empty when they cannot be computed in the field
   */
  <T extends CalculusFieldElement<T>> Optional<Map<String, T>> of(
      Instance instance, Field<T> field);
}
