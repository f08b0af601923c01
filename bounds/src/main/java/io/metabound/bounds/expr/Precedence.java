package io.metabound.bounds.expr;

/** Binding strength of each node type, shared by the plain and LaTeX printers. */
final class Precedence {

  /** Sums and differences. */
  static final int ADDITIVE = 1;

  /** Products and quotients. */
  static final int MULTIPLICATIVE = 2;

  /** Negations and negative constants (which print with a leading minus). */
  static final int UNARY = 3;

  /** Powers. */
  static final int POWER = 4;

  /** Non-negative constants, symbols, function calls, min and max. */
  static final int ATOM = 5;

  private Precedence() {}

  static int of(Expression expression) {
    if (expression instanceof Sum || expression instanceof Difference) {
      return ADDITIVE;
    }
    if (expression instanceof Product || expression instanceof Quotient) {
      return MULTIPLICATIVE;
    }
    if (expression instanceof Negation) {
      return UNARY;
    }
    if (expression instanceof Constant constant) {
      return NumberText.isNegative(constant.value()) ? UNARY : ATOM;
    }
    if (expression instanceof Power) {
      return POWER;
    }
    return ATOM;
  }
}
