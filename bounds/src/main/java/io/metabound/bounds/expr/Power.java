package io.metabound.bounds.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The power {@code base ^ exponent}, evaluated by {@link Math#pow(double, double)} (so a negative
 * base with a non-integer exponent gives NaN).
 *
 * @param base the base
 * @param exponent the exponent
 */
public record Power(Expression base, Expression exponent) implements Expression {

  /** Requires both operands. */
  public Power {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(exponent, "exponent");
  }

  @Override
  public double evaluate(Bindings bindings) {
    return Math.pow(base.evaluate(bindings), exponent.evaluate(bindings));
  }

  @Override
  public Expression substitute(Map<String, Expression> replacements) {
    return new Power(base.substitute(replacements), exponent.substitute(replacements));
  }

  @Override
  public List<Expression> children() {
    return List.of(base, exponent);
  }

  @Override
  public String toString() {
    return toPlain();
  }
}
