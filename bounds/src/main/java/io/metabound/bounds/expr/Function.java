package io.metabound.bounds.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A unary function application such as {@code sqrt(x)}.
 *
 * @param kind which function
 * @param argument the argument
 */
public record Function(FunctionKind kind, Expression argument) implements Expression {

  /** Requires the kind and the argument. */
  public Function {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(argument, "argument");
  }

  @Override
  public double evaluate(Bindings bindings) {
    return kind.apply(argument.evaluate(bindings));
  }

  @Override
  public Expression substitute(Map<String, Expression> replacements) {
    return new Function(kind, argument.substitute(replacements));
  }

  @Override
  public List<Expression> children() {
    return List.of(argument);
  }

  @Override
  public String toString() {
    return toPlain();
  }
}
