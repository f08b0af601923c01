package io.metabound.bounds.expr;

import java.util.Locale;
import java.util.Optional;

/** The unary functions of the expression language; each is written {@code name(argument)}. */
public enum FunctionKind {
  /** Square root; NaN for negative arguments. */
  SQRT,
  /** Natural exponential. */
  EXP,
  /** Natural logarithm; -Infinity at 0, NaN for negative arguments. */
  LOG,
  /** Absolute value. */
  ABS,
  /** Ceiling (smallest integer not below the argument). */
  CEIL,
  /** Floor (largest integer not above the argument). */
  FLOOR;

  /**
   * @return the name used in the plain syntax, e.g. {@code sqrt}
   */
  public String functionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Applies the function in IEEE double arithmetic.
   *
   * @param argument the argument value
   * @return the function value
   */
  public double apply(double argument) {
    switch (this) {
      case SQRT:
        return Math.sqrt(argument);
      case EXP:
        return Math.exp(argument);
      case LOG:
        return Math.log(argument);
      case ABS:
        return Math.abs(argument);
      case CEIL:
        return Math.ceil(argument);
      case FLOOR:
        return Math.floor(argument);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * @param functionName a plain-syntax name such as {@code sqrt}
   * @return the function of that name, if any
   */
  public static Optional<FunctionKind> byFunctionName(String functionName) {
    for (FunctionKind kind : values()) {
      if (kind.functionName().equals(functionName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
