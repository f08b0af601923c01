package io.metabound.bounds.expr;

/** Text forms of doubles that parse back to the same double. */
final class NumberText {

  /** Integers below this magnitude are printed digit by digit, larger ones in e-notation. */
  private static final double LARGEST_PLAIN_INTEGER = 1e15;

  private NumberText() {}

  /**
   * The plain form: integers without ".0", otherwise {@link Double#toString(double)} (which
   * round-trips) with "1.0E-5" shortened to "1e-5".
   */
  static String plain(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == Math.rint(value) && Math.abs(value) < LARGEST_PLAIN_INTEGER) {
      // (long) -0.0 is 0: keep the sign of negative zero
      return (isNegative(value) && value == 0.0 ? "-" : "") + Long.toString((long) value);
    }
    String text = Double.toString(value);
    int exponentAt = text.indexOf('E');
    if (exponentAt < 0) {
      return text;
    }
    return stripPointZero(text.substring(0, exponentAt)) + "e" + text.substring(exponentAt + 1);
  }

  /** The LaTeX form: like {@link #plain} but {@code 1.5e-7} becomes {@code 1.5 \cdot 10^{-7}}. */
  static String latex(double value) {
    String plain = plain(value);
    int exponentAt = plain.indexOf('e');
    if (exponentAt < 0) {
      return plain;
    }
    String mantissa = plain.substring(0, exponentAt);
    String power = "10^{" + plain.substring(exponentAt + 1) + "}";
    if (mantissa.equals("1")) {
      return power;
    }
    if (mantissa.equals("-1")) {
      return "-" + power;
    }
    return mantissa + " \\cdot " + power;
  }

  /** True for negative numbers including negative zero (whose text starts with a minus). */
  static boolean isNegative(double value) {
    return Double.compare(value, 0.0) < 0;
  }

  private static String stripPointZero(String mantissa) {
    return mantissa.endsWith(".0") ? mantissa.substring(0, mantissa.length() - 2) : mantissa;
  }
}
