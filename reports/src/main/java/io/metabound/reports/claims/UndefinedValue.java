package io.metabound.reports.claims;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.Function;
import io.metabound.bounds.expr.FunctionKind;
import io.metabound.bounds.expr.Power;
import io.metabound.bounds.expr.Quotient;
import io.metabound.bounds.expr.SymbolRef;
import java.util.Optional;

/**
 * Why an expression has no finite value on some bindings, in words: the expression language
 * evaluates in IEEE arithmetic, so a division by zero, the square root of a negative number, the
 * logarithm of a non-positive one or an overflow gives an infinity or NaN instead of an error
 * ({@link Expression#evaluate}). For a claim's bound such a value is not a bound at all — an
 * infinite upper bound would "hold" everywhere — and this names the first operation, innermost
 * and leftmost, whose operands are finite and whose result is not.
 */
final class UndefinedValue {

  /** Division by zero (also {@code 0^negative}). */
  static final String DIVISION_BY_ZERO = "division by zero";

  /** The square root of a negative number. */
  static final String SQRT_OF_NEGATIVE = "sqrt of a negative";

  /** The logarithm of zero or of a negative number. */
  static final String LOG_OF_NON_POSITIVE = "log of a non-positive";

  /** A result beyond the largest double. */
  static final String OVERFLOW = "overflow";

  /** A negative base with a fractional exponent. */
  static final String NEGATIVE_TO_FRACTIONAL_POWER = "a negative number to a fractional power";

  private UndefinedValue() {}

  /**
   * Why {@code e} is not finite on the bindings, or empty when it is.
   *
   * @param e the expression (its symbols are bound and in their domains: it evaluates)
   * @param bindings the symbols' values
   */
  static Optional<String> why(Expression e, Bindings bindings) {
    return Optional.ofNullable(cause(e, bindings));
  }

  /** The cause in {@code e}, or null when its value is finite. */
  private static String cause(Expression e, Bindings bindings) {
    double value = e.evaluate(bindings);
    if (Double.isFinite(value)) {
      return null;
    }
    for (Expression child : e.children()) {
      String inner = cause(child, bindings);
      if (inner != null) {
        return inner;
      }
    }
    // every operand is finite and the result is not: this operation is the cause
    if (e instanceof SymbolRef symbol) {
      return symbol.name() + " is " + value;
    }
    if (e instanceof Quotient q) {
      return q.right().evaluate(bindings) == 0 ? DIVISION_BY_ZERO : OVERFLOW;
    }
    if (e instanceof Function f) {
      double argument = f.argument().evaluate(bindings);
      if (f.kind() == FunctionKind.SQRT && argument < 0) {
        return SQRT_OF_NEGATIVE;
      }
      if (f.kind() == FunctionKind.LOG && argument <= 0) {
        return LOG_OF_NON_POSITIVE;
      }
      return OVERFLOW;
    }
    if (e instanceof Power p) {
      double base = p.base().evaluate(bindings);
      double exponent = p.exponent().evaluate(bindings);
      if (base == 0 && exponent < 0) {
        return DIVISION_BY_ZERO;
      }
      if (base < 0 && exponent != Math.rint(exponent)) {
        return NEGATIVE_TO_FRACTIONAL_POWER;
      }
      return OVERFLOW;
    }
    return OVERFLOW;
  }
}
