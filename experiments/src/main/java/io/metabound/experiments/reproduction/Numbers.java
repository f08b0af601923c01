package io.metabound.experiments.reproduction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the findings' sentences (reports format their own tables). */
final class Numbers {

  private Numbers() {}

  /** Four significant digits; scientific notation for very small or large magnitudes. */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    double a = Math.abs(v);
    if (v == 0 || (a >= 1e-3 && a < 1e6)) {
      return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /** {@code n} values evenly spaced on a log scale from {@code low} to {@code high}. */
  static double[] logSpaced(double low, double high, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = n == 1 ? low : low * Math.pow(high / low, i / (double) (n - 1));
    }
    return x;
  }
}
