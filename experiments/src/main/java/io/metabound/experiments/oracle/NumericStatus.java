package io.metabound.experiments.oracle;

import java.util.Locale;

/**
 * Why an exact quantity has no value in double precision, in the word the CLI prints instead of a
 * number: {@code overflow} when a result is ±∞ (it, or an intermediate such as {@code (1 − αh)^N},
 * exceeds ±1.8e308), {@code undefined} when it is NaN (no number at all: ∞ − ∞, 0·∞ or 0/0 on the
 * way). Results are never printed as {@code Infinity} or {@code NaN}: JSON has no such numbers, and
 * a reader of the text output would take them for values.
 */
public enum NumericStatus {
  /** A value is ±∞. */
  OVERFLOW,
  /** A value is NaN. */
  UNDEFINED;

  /** The word printed and written to JSON ({@code "overflow"}, {@code "undefined"}). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status of a set of values: {@code null} when every value is finite, {@link #OVERFLOW} when
   * one is infinite, else {@link #UNDEFINED} (some value is NaN).
   */
  public static NumericStatus of(double... values) {
    boolean nan = false;
    for (double x : values) {
      if (Double.isInfinite(x)) {
        return OVERFLOW;
      }
      nan |= Double.isNaN(x);
    }
    return nan ? UNDEFINED : null;
  }

  /** The status of a map's matrix and offset together ({@code null} when both are finite). */
  public static NumericStatus of(AffineGradientMap map) {
    NumericStatus matrix = of(map.matrix());
    NumericStatus offset = of(map.offset());
    if (matrix == OVERFLOW || offset == OVERFLOW) {
      return OVERFLOW;
    }
    return matrix != null ? matrix : offset;
  }

  /** A sentence saying what happened to {@code what} ("the meta-Hessian overflows double ..."). */
  public String describe(String what) {
    return switch (this) {
      case OVERFLOW -> what + " overflows double precision (a value or an intermediate product"
          + " exceeds 1.8e308)";
      case UNDEFINED -> what + " is not a number in double precision (an intermediate result was"
          + " infinite minus infinite, zero times infinite or 0/0)";
    };
  }
}
