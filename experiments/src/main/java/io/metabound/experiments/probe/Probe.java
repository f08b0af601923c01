package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import java.util.Optional;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * Measures one quantity on an instance: the empirical side of a bound.
 *
 * <p>Contract: a probe is a pure function of the instance (its tasks, parameters <em>and seed</em>)
 * and the settings, so the same instance measured twice gives bit-identical measurements. Monte
 * Carlo probes draw every random number from a generator seeded with {@link Instance#seed()}; using
 * the same seed across instances (common random numbers) keeps the falsifier's objective smooth in
 * the instance.
 */
public interface Probe {

  /**
   * The quantity id this probe measures: one of {@link io.metabound.bounds.registry.Quantity#id()}
   * (public contract: {@code meta-smoothness}, {@code beta-threshold}, …).
   */
  String quantityId();

  /**
   * Measures the quantity.
   *
   * @param instance the instance; its seed drives all randomness
   * @param settings the confidence level of the returned interval and the Monte Carlo sample count
   *     (exact probes ignore both)
   * @return the measurement; {@link Measurement#exact(double)} for closed forms
   */
  Measurement measure(Instance instance, MeasurementSettings settings);

  /**
   * The exact quantity computed in another field through the same closed forms: what confirms a
   * verdict at the edge of the bound in extended precision ({@code Dfp} with 50 and 100 digits).
   * Probes with no such form (Monte Carlo, iterative solvers, non-quadratic families) return
   * empty, and their verdicts are decided in double with the rounding floor.
   *
   * @param instance the instance
   * @param field the field
   * @return the value, or empty when this probe has no field form on this instance
   */
  default <T extends CalculusFieldElement<T>> Optional<FieldMeasurement<T>> measureInField(
      Instance instance, Field<T> field) {
    return Optional.empty();
  }
}
