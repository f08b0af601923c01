package io.metabound.experiments.precision;

import io.metabound.experiments.linalg.FieldMatrices;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;

/**
 * Helpers for field elements of any precision: comparisons that do not go through {@code double}
 * (a Dfp difference of 1e-400 is not 0), exact conversion of doubles, and the two precisions a
 * verdict is confirmed at.
 */
public final class Fields {

  /** Significant decimal digits of the first extended evaluation. */
  public static final int EXTENDED_DIGITS = 50;

  /** Significant decimal digits of the second, which estimates the first one's rounding error. */
  public static final int CHECK_DIGITS = 100;

  private static final DfpField EXTENDED = new DfpField(EXTENDED_DIGITS);
  private static final DfpField CHECK = new DfpField(CHECK_DIGITS);

  private Fields() {}

  /** Dfp with {@value #EXTENDED_DIGITS} significant digits (shared, immutable). */
  public static DfpField extended() {
    return EXTENDED;
  }

  /** Dfp with {@value #CHECK_DIGITS} significant digits (shared, immutable). */
  public static DfpField check() {
    return CHECK;
  }

  /**
   * {@code x} as an element of the field, through its exact decimal expansion (rounded once to the
   * field's precision; Hipparchus' own double conversion loses about 1e-33 in Dfp(50)), the same
   * conversion the measure engine uses ({@link FieldMatrices#constant}), so both sides of a
   * comparison see the same numbers.
   */
  public static <T extends CalculusFieldElement<T>> T of(Field<T> field, double x) {
    return FieldMatrices.constant(field, x);
  }

  /** The sign of {@code x}: −1, 0 or 1, decided in the field itself. */
  public static <T extends CalculusFieldElement<T>> int signum(T x) {
    if (x instanceof Dfp dfp) {
      return dfp.isZero() ? 0 : dfp.negativeOrNull() ? -1 : 1;
    }
    double r = x.getReal();
    return r > 0 ? 1 : r < 0 ? -1 : 0;
  }

  /** {@code a < b}, decided in the field. */
  public static <T extends CalculusFieldElement<T>> boolean less(T a, T b) {
    return signum(a.subtract(b)) < 0;
  }

  /** The larger of two elements. */
  public static <T extends CalculusFieldElement<T>> T max(T a, T b) {
    return less(a, b) ? b : a;
  }

  /** The smaller of two elements. */
  public static <T extends CalculusFieldElement<T>> T min(T a, T b) {
    return less(b, a) ? b : a;
  }

  /** True when {@code x} is a finite number (not NaN, not infinite). */
  public static <T extends CalculusFieldElement<T>> boolean isFinite(T x) {
    if (x instanceof Dfp dfp) {
      return !dfp.isNaN() && !dfp.isInfinite();
    }
    return Double.isFinite(x.getReal());
  }
}
