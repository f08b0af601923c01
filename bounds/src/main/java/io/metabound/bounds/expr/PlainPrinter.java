package io.metabound.bounds.expr;

/**
 * Prints the plain syntax with as few parentheses as structural round-tripping allows, plus
 * parentheses around any right operand or exponent that would start with a minus sign ({@code x +
 * (-y)}, {@code x * (-2 * y)}, {@code 2^(-1)}) for legibility.
 */
final class PlainPrinter {

  private PlainPrinter() {}

  static String print(Expression expression) {
    if (expression instanceof Constant constant) {
      return NumberText.plain(constant.value());
    }
    if (expression instanceof SymbolRef symbol) {
      return symbol.name();
    }
    if (expression instanceof Sum sum) {
      return binary(sum.left(), " + ", sum.right(), Precedence.ADDITIVE);
    }
    if (expression instanceof Difference difference) {
      return binary(difference.left(), " - ", difference.right(), Precedence.ADDITIVE);
    }
    if (expression instanceof Product product) {
      return binary(product.left(), " * ", product.right(), Precedence.MULTIPLICATIVE);
    }
    if (expression instanceof Quotient quotient) {
      return binary(quotient.left(), " / ", quotient.right(), Precedence.MULTIPLICATIVE);
    }
    if (expression instanceof Power power) {
      // the base must be an atom; the exponent may be another power (right-associative)
      String base = print(power.base());
      String exponent = print(power.exponent());
      return parenthesised(base, Precedence.of(power.base()) < Precedence.ATOM)
          + "^"
          + parenthesised(
              exponent,
              Precedence.of(power.exponent()) < Precedence.POWER || exponent.startsWith("-"));
    }
    if (expression instanceof Negation negation) {
      Expression operand = negation.operand();
      String text = print(operand);
      // a bare number after '-' would be read back as a negative literal, hence "-(2)"
      return "-"
          + parenthesised(
              text,
              Precedence.of(operand) < Precedence.POWER
                  || operand instanceof Constant
                  || text.startsWith("-"));
    }
    if (expression instanceof Function function) {
      return function.kind().functionName() + "(" + print(function.argument()) + ")";
    }
    if (expression instanceof Minimum minimum) {
      return call("min", minimum);
    }
    if (expression instanceof Maximum maximum) {
      return call("max", maximum);
    }
    throw new AssertionError(expression);
  }

  /** Left-associative binary operator of the given precedence. */
  private static String binary(Expression left, String operator, Expression right, int precedence) {
    String rightText = print(right);
    return parenthesised(print(left), Precedence.of(left) < precedence)
        + operator
        + parenthesised(rightText, Precedence.of(right) <= precedence || rightText.startsWith("-"));
  }

  private static String call(String name, Expression call) {
    StringBuilder out = new StringBuilder(name).append('(');
    boolean first = true;
    for (Expression argument : call.children()) {
      if (!first) {
        out.append(", ");
      }
      out.append(print(argument));
      first = false;
    }
    return out.append(')').toString();
  }

  private static String parenthesised(String text, boolean parenthesise) {
    return parenthesise ? "(" + text + ")" : text;
  }
}
