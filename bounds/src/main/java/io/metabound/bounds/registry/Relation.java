package io.metabound.bounds.registry;

/**
 * How a bound's formula relates to the quantity it speaks of.
 *
 * <p>Only {@link #UPPER_BOUND} and {@link #LOWER_BOUND} are guarantees that a measurement can
 * violate. {@link #STEPSIZE_THRESHOLD} and {@link #SIZE_REQUIREMENT} are hypotheses of a theorem (a
 * parameter must lie on one side of the formula); {@link #DEFINITION} fixes a constant or a
 * parameter choice; {@link #ORDER} records an {@code O(.)} or {@code Õ(.)} statement whose
 * constants the paper leaves unspecified, so it can be checked in slope or scaling only, never as
 * an inequality.
 */
public enum Relation {
  /** {@code quantity <= formula}. */
  UPPER_BOUND("<=", "the quantity is at most the formula"),
  /** {@code quantity >= formula}. */
  LOWER_BOUND(">=", "the quantity is at least the formula"),
  /**
   * {@code stepsize < formula}: the stepsize must lie below the formula. Whether the boundary
   * itself is admitted (as in {@code alpha <= 1/L}) is stated in the bound's note and in its
   * assumptions.
   */
  STEPSIZE_THRESHOLD("<", "the stepsize must lie below the formula"),
  /** {@code size >= formula}: a batch size (or count) must be at least the formula. */
  SIZE_REQUIREMENT(">=", "the batch size must be at least the formula"),
  /** {@code quantity = formula}: a definition, a parameter choice or an exact identity. */
  DEFINITION("=", "the quantity is defined as (or chosen equal to) the formula"),
  /**
   * {@code quantity = O(formula)}: order only, constants unspecified; checkable in scaling only.
   */
  ORDER("= O", "the quantity is of the order of the formula; the constants are unspecified");

  private final String symbol;
  private final String description;

  Relation(String symbol, String description) {
    this.symbol = symbol;
    this.description = description;
  }

  /**
   * The relation as written between the quantity and the formula, e.g. {@code <=}.
   *
   * @return the relation symbol
   */
  public String symbol() {
    return symbol;
  }

  /**
   * @return a one-line explanation of the relation
   */
  public String description() {
    return description;
  }

  /**
   * Whether a measured value can be compared with the formula's value by {@link #admits}: true for
   * every relation except {@link #DEFINITION} and {@link #ORDER}.
   *
   * @return true when {@link #admits} is defined
   */
  public boolean isComparable() {
    return this != DEFINITION && this != ORDER;
  }

  /**
   * Whether a theorem requires this relation of one of its parameters rather than guaranteeing it
   * of a measured quantity.
   *
   * @return true for {@link #STEPSIZE_THRESHOLD} and {@link #SIZE_REQUIREMENT}
   */
  public boolean isRequirement() {
    return this == STEPSIZE_THRESHOLD || this == SIZE_REQUIREMENT;
  }

  /**
   * Whether a measured (or chosen) value stands in this relation to the formula's value. NaN on
   * either side never satisfies a relation.
   *
   * @param value the measured quantity, stepsize or batch size
   * @param formulaValue the bound's formula evaluated at the instance
   * @return true when {@code value symbol() formulaValue}
   * @throws UnsupportedOperationException for {@link #DEFINITION} and {@link #ORDER}, which have no
   *     pointwise check
   */
  public boolean admits(double value, double formulaValue) {
    switch (this) {
      case UPPER_BOUND:
        return value <= formulaValue;
      case LOWER_BOUND:
      case SIZE_REQUIREMENT:
        return value >= formulaValue;
      case STEPSIZE_THRESHOLD:
        return value < formulaValue;
      default:
        throw new UnsupportedOperationException(
            "relation " + name() + " (" + symbol + ") has no pointwise check: " + description);
    }
  }
}
