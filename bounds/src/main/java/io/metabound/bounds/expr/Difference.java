package io.metabound.bounds.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference {@code left - right}.
 *
 * @param left the left operand
 * @param right the right operand
 */
public record Difference(Expression left, Expression right) implements Expression {

  /** Requires both operands. */
  public Difference {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public double evaluate(Bindings bindings) {
    return left.evaluate(bindings) - right.evaluate(bindings);
  }

  @Override
  public Expression substitute(Map<String, Expression> replacements) {
    return new Difference(left.substitute(replacements), right.substitute(replacements));
  }

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public String toString() {
    return toPlain();
  }
}
