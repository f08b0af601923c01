package io.metabound.bounds.expr;

import java.util.List;
import java.util.Map;

/**
 * A finite number. Negative zero is kept (it prints as {@code -0}, and {@code 1 / -0} is {@code
 * -Infinity} as IEEE says), so {@code Constant(0.0)} and {@code Constant(-0.0)} differ, as records
 * comparing doubles by {@link Double#compare} do.
 *
 * @param value the number, finite
 */
public record Constant(double value) implements Expression {

  /** Rejects NaN and the infinities, which have no literal in the plain syntax. */
  public Constant {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a constant must be finite, got " + value);
    }
  }

  @Override
  public double evaluate(Bindings bindings) {
    return value;
  }

  @Override
  public Expression substitute(Map<String, Expression> replacements) {
    return this;
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public String toString() {
    return toPlain();
  }
}
