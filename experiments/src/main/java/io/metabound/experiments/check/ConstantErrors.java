package io.metabound.experiments.check;

import java.util.Map;

/**
 * The absolute errors of an instance's computed constants (an eigenvalue's backward error, …),
 * given the constants already computed: the inputs of a bound's rounding floor ({@link
 * io.metabound.experiments.precision.RoundingFloor}). A constant without an entry is exact.
 */
@FunctionalInterface
public interface ConstantErrors {

  /** No computed constant carries an error. */
  ConstantErrors NONE = (instance, constants) -> Map.of();

  /**
   * @param instance the instance
   * @param constants its constants, as the bound's constants function computed them
   * @return the absolute error of each computed constant, by name
   */
  Map<String, Double> of(Instance instance, Map<String, Double> constants);
}
