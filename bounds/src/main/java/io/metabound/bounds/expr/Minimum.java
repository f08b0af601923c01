package io.metabound.bounds.expr;

import java.util.List;
import java.util.Map;

/**
 * The smallest of two or more arguments, {@code min(a, b, ...)}. NaN in any argument gives NaN.
 *
 * @param args the arguments, at least two
 */
public record Minimum(List<Expression> args) implements Expression {

  /** Copies the arguments into an unmodifiable list and requires at least two of them. */
  public Minimum {
    args = VariadicArguments.checked("min", args);
  }

  @Override
  public double evaluate(Bindings bindings) {
    double result = args.get(0).evaluate(bindings);
    for (int i = 1; i < args.size(); i++) {
      result = Math.min(result, args.get(i).evaluate(bindings));
    }
    return result;
  }

  @Override
  public Expression substitute(Map<String, Expression> replacements) {
    return new Minimum(VariadicArguments.substitute(args, replacements));
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
