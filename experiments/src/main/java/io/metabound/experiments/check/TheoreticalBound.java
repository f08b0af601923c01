package io.metabound.experiments.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * The theoretical side of a check: the bound's value on an instance and the hypotheses under which
 * it is claimed. Registry bounds and claims-file expressions are both adapted to this interface.
 */
public interface TheoreticalBound {

  /** The formula as plain text, e.g. {@code (1 + alpha*L)^(2*N) * L}. */
  String formula();

  /** The bound's value on the instance (only called when {@link #unmetAssumptions} is empty). */
  double value(Instance instance);

  /** Descriptions of the hypotheses the instance fails; empty when it is in scope. */
  List<String> unmetAssumptions(Instance instance);

  /**
   * The bound with {@code symbol = 0} substituted into its formula only ({@link Ablation}): its
   * value drops the terms the symbol multiplies, its hypotheses are still decided with the
   * instance's true value. Empty when the bound cannot be ablated (no formula, or the symbol does
   * not occur in it).
   */
  default Optional<TheoreticalBound> ablated(String symbol) {
    return Optional.empty();
  }

  /**
   * The bound's value computed in another field (extended precision), or empty when this bound has
   * no such form. Only called on in-scope instances.
   */
  default <T extends CalculusFieldElement<T>> Optional<T> valueInField(
      Instance instance, Field<T> field) {
    return Optional.empty();
  }

  /**
   * A bound on the absolute rounding error of {@link #value} on the instance (see {@link
   * io.metabound.experiments.precision.RoundingFloor}); 0 when not known. It is the absolute floor
   * of the double-precision comparison.
   */
  default double roundingFloor(Instance instance) {
    return 0;
  }

  /** The bound multiplied by {@code factor} (negative controls). */
  default TheoreticalBound scaled(double factor) {
    TheoreticalBound base = this;
    return new TheoreticalBound() {
      @Override
      public <T extends CalculusFieldElement<T>> Optional<T> valueInField(
          Instance instance, Field<T> field) {
        return base.valueInField(instance, field).map(v -> v.multiply(factor));
      }

      @Override
      public double roundingFloor(Instance instance) {
        double v = base.value(instance);
        // the scaled value's error: |factor| e + u |factor v|
        return Math.abs(factor) * base.roundingFloor(instance)
            + io.metabound.experiments.precision.RoundingFloor.UNIT_ROUNDOFF * Math.abs(factor * v);
      }

      @Override
      public String formula() {
        return factor + " * (" + base.formula() + ")";
      }

      @Override
      public double value(Instance instance) {
        return factor * base.value(instance);
      }

      @Override
      public List<String> unmetAssumptions(Instance instance) {
        return base.unmetAssumptions(instance);
      }

      @Override
      public Optional<TheoreticalBound> ablated(String symbol) {
        return base.ablated(symbol).map(b -> b.scaled(factor));
      }
    };
  }

  /** A bound from a value function and hypotheses given as predicates. */
  static TheoreticalBound of(
      String formula, ToDoubleFunction<Instance> value, List<ScopeCondition> assumptions) {
    List<ScopeCondition> copy = List.copyOf(assumptions);
    return new TheoreticalBound() {
      @Override
      public String formula() {
        return formula;
      }

      @Override
      public double value(Instance instance) {
        return value.applyAsDouble(instance);
      }

      @Override
      public List<String> unmetAssumptions(Instance instance) {
        List<String> unmet = new ArrayList<>();
        for (ScopeCondition c : copy) {
          if (!c.test(instance)) {
            unmet.add(c.description());
          }
        }
        return unmet;
      }
    };
  }
}
