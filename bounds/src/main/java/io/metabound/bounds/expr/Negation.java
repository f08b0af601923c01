package io.metabound.bounds.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The negation {@code -operand}.
 *
 * @param operand the negated expression
 */
public record Negation(Expression operand) implements Expression {

  /** Requires the operand. */
  public Negation {
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public double evaluate(Bindings bindings) {
    return -operand.evaluate(bindings);
  }

  @Override
  public Expression substitute(Map<String, Expression> replacements) {
    return new Negation(operand.substitute(replacements));
  }

  @Override
  public List<Expression> children() {
    return List.of(operand);
  }

  @Override
  public String toString() {
    return toPlain();
  }
}
