package io.metabound.bounds.symbol;

/**
 * The set of values a symbol may take. Evaluation checks a bound value against the domain of the
 * catalogued symbol so that a theorem is never evaluated outside its hypotheses by accident (for
 * example a fractional or negative number of inner steps {@code N}).
 */
public enum Domain {
  /** Every real number, including the infinities; only NaN is excluded. */
  REAL("a real number"),
  /** {@code [0, +inf]}. */
  NONNEGATIVE("a non-negative real number"),
  /** {@code (0, +inf]}. */
  POSITIVE("a positive real number"),
  /** {@code {0, 1, 2, ...}}. */
  NONNEGATIVE_INTEGER("a non-negative integer"),
  /** {@code {1, 2, 3, ...}}. */
  POSITIVE_INTEGER("a positive integer");

  private final String description;

  Domain(String description) {
    this.description = description;
  }

  /**
   * Whether {@code value} lies in this domain. NaN lies in no domain; the infinities lie in the
   * real domains that are unbounded on their side, never in the integer domains.
   *
   * @param value the candidate value
   * @return true when the value belongs to the domain
   */
  public boolean contains(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    switch (this) {
      case REAL:
        return true;
      case NONNEGATIVE:
        return value >= 0.0;
      case POSITIVE:
        return value > 0.0;
      case NONNEGATIVE_INTEGER:
        return isInteger(value) && value >= 0.0;
      case POSITIVE_INTEGER:
        return isInteger(value) && value >= 1.0;
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * A human description used in error messages, e.g. "a positive integer".
   *
   * @return the description, starting with an article
   */
  public String description() {
    return description;
  }

  private static boolean isInteger(double value) {
    return !Double.isInfinite(value) && value == Math.rint(value);
  }
}
