package io.metabound.bounds.expr;

import java.util.List;
import java.util.Map;

/**
 * The largest of two or more arguments, {@code max(a, b, ...)}. NaN in any argument gives NaN.
 *
 * @param args the arguments, at least two
 */
public record Maximum(List<Expression> args) implements Expression {

  /** Copies the arguments into an unmodifiable list and requires at least two of them. */
  public Maximum {
    args = VariadicArguments.checked("max", args);
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
    return new Maximum(VariadicArguments.substitute(args, replacements));
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
