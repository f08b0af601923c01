package io.metabound.bounds.registry;

import java.util.Optional;

/** The comparison of a checkable {@link Assumption}: {@code lhs <op> rhs}. */
public enum Comparison {
  /** {@code lhs < rhs}. */
  LESS("<", "<"),
  /** {@code lhs <= rhs}. */
  LESS_OR_EQUAL("<=", "\\le"),
  /** {@code lhs > rhs}. */
  GREATER(">", ">"),
  /** {@code lhs >= rhs}. */
  GREATER_OR_EQUAL(">=", "\\ge"),
  /**
   * {@code lhs = rhs} up to a relative rounding tolerance of {@value #RELATIVE_TOLERANCE}, so that
   * a choice such as {@code alpha = 1/(8*N*L)} holds for an {@code alpha} computed in floating
   * point.
   */
  EQUAL("=", "=");

  /** Relative tolerance of {@link #EQUAL}. */
  public static final double RELATIVE_TOLERANCE = 1e-12;

  private final String symbol;
  private final String latex;

  Comparison(String symbol, String latex) {
    this.symbol = symbol;
    this.latex = latex;
  }

  /**
   * @return the plain operator, e.g. {@code <=}
   */
  public String symbol() {
    return symbol;
  }

  /**
   * @return the LaTeX operator, e.g. {@code \le}
   */
  public String latex() {
    return latex;
  }

  /**
   * Compares two values. NaN on either side compares false for every operator.
   *
   * @param left the left-hand side value
   * @param right the right-hand side value
   * @return whether {@code left <op> right}
   */
  public boolean test(double left, double right) {
    switch (this) {
      case LESS:
        return left < right;
      case LESS_OR_EQUAL:
        return left <= right;
      case GREATER:
        return left > right;
      case GREATER_OR_EQUAL:
        return left >= right;
      case EQUAL:
        // |l - r| <= tol * max(|l|, |r|); exact equality also covers equal infinities
        return left == right
            || Math.abs(left - right)
                <= RELATIVE_TOLERANCE * Math.max(Math.abs(left), Math.abs(right));
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * @param symbol a plain operator
   * @return the comparison written that way, if any
   */
  public static Optional<Comparison> bySymbol(String symbol) {
    for (Comparison comparison : values()) {
      if (comparison.symbol.equals(symbol)) {
        return Optional.of(comparison);
      }
    }
    return Optional.empty();
  }
}
