package io.metabound.bounds.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The largest of two or more arguments, {@code max(a, b, ...)}. NaN in any argument gives NaN.
 *
 * @param args the arguments, at least two
 */
public record Maximum(List<Expression> args) implements Expression {

  /** Copies the arguments into an unmodifiable list and requires at least two of them. */
  public Maximum {
    Objects.requireNonNull(args, "args");
    args = List.copyOf(args);
    if (args.size() < 2) {
      throw new IllegalArgumentException("max needs at least 2 arguments, got " + args.size());
    }
  }

  @Override
  public double evaluate(Bindings bindings) {
    double result = args.get(0).evaluate(bindings);
    for (int i = 1; i < args.size(); i++) {
      result = Math.max(result, args.get(i).evaluate(bindings));
    }
    return result;
  }

  @Override
  public Expression substitute(Map<String, Expression> replacements) {
    List<Expression> substituted = new ArrayList<>(args.size());
    for (Expression argument : args) {
      substituted.add(argument.substitute(replacements));
    }
    return new Maximum(substituted);
  }

  @Override
  public List<Expression> children() {
    return args;
  }

  @Override
  public String toString() {
    return toPlain();
  }
}
