package io.metabound.experiments.reproduction;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * An ordinary least-squares line {@code y = intercept + slope·x} with a Student-t confidence
 * interval on the slope and the pointwise confidence band of the fitted line.
 *
 * <p>With {@code n} points, {@code x̄ = Σx/n}, {@code Sxx = Σ(x − x̄)²}, residual variance {@code s²
 * = Σ(y − ŷ)²/(n − 2)}:
 *
 * <pre>
 *   slope = Σ(x − x̄)(y − ȳ) / Sxx,   intercept = ȳ − slope·x̄
 *   SE(slope) = s / √Sxx,            slope ± t_{n−2, (1+level)/2} · SE(slope)
 *   band(x) = t_{n−2, (1+level)/2} · s · √(1/n + (x − x̄)²/Sxx)
 * </pre>
 *
 * On data that follow a power law exactly the residuals are rounding and the interval collapses on
 * the slope; on deterministic data that follow it only asymptotically the interval measures how far
 * the data are from a straight line (misspecification), not noise. {@link #logLog} fits {@code ln y}
 * against {@code ln x}, so the slope is the exponent of a power law.
 *
 * @param name what was fitted
 * @param logLog true when fitted on natural logarithms of both coordinates
 * @param slope the slope
 * @param intercept the intercept
 * @param slopeLower lower end of the slope's interval
 * @param slopeUpper upper end of the slope's interval
 * @param level the interval's confidence level
 * @param points the number of points
 * @param residualStd {@code s}
 * @param meanX {@code x̄} (of the fitted coordinate)
 * @param sxx {@code Sxx}
 * @param tQuantile {@code t_{n−2, (1+level)/2}} (infinite for two points)
 * @param rSquared the coefficient of determination
 */
public record LineFit(
    String name,
    boolean logLog,
    double slope,
    double intercept,
    double slopeLower,
    double slopeUpper,
    double level,
    int points,
    double residualStd,
    double meanX,
    double sxx,
    double tQuantile,
    double rSquared) {

  /** Fits {@code y} against {@code x}; points with a non-finite coordinate are left out. */
  public static LineFit of(String name, double[] x, double[] y, double level) {
    return fit(name, false, x, y, level);
  }

  /**
   * Fits {@code ln y} against {@code ln x}: the exponent of {@code y ∝ x^slope}. Points with a
   * non-positive or non-finite coordinate are left out.
   */
  public static LineFit logLog(String name, double[] x, double[] y, double level) {
    double[] lx = new double[x.length];
    double[] ly = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      lx[i] = x[i] > 0 ? Math.log(x[i]) : Double.NaN;
      ly[i] = y[i] > 0 ? Math.log(y[i]) : Double.NaN;
    }
    return fit(name, true, lx, ly, level);
  }

  private static LineFit fit(String name, boolean log, double[] x, double[] y, double level) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        n++;
        sx += x[i];
        sy += y[i];
      }
    }
    if (n < 2) {
      throw new IllegalArgumentException(name + ": a line needs at least 2 finite points, got " + n);
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
      }
    }
    if (!(sxx > 0)) {
      throw new IllegalArgumentException(name + ": all x values are equal; no slope");
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double ssr = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        double r = y[i] - intercept - slope * x[i];
        ssr += r * r;
      }
    }
    double s = n > 2 ? Math.sqrt(ssr / (n - 2)) : Double.NaN;
    double t =
        n > 2
            ? new TDistribution(n - 2).inverseCumulativeProbability(0.5 + level / 2)
            : Double.POSITIVE_INFINITY;
    double half = n > 2 ? t * s / Math.sqrt(sxx) : Double.POSITIVE_INFINITY;
    double r2 = syy > 0 ? 1 - ssr / syy : 1;
    return new LineFit(
        name, log, slope, intercept, slope - half, slope + half, level, n, s, mx, sxx, t, r2);
  }

  /** True when {@code value} lies in the slope's interval. */
  public boolean slopeIntervalContains(double value) {
    return value >= slopeLower && value <= slopeUpper;
  }

  /** The fitted line at {@code x} (in the original coordinates: {@code e^{a} x^b} for log-log). */
  public double predict(double x) {
    if (logLog) {
      return Math.exp(intercept + slope * Math.log(x));
    }
    return intercept + slope * x;
  }

  /**
   * The pointwise confidence band of the fitted line at {@code x}: {@code [lower, upper]} in the
   * original coordinates (multiplicative for log-log fits).
   */
  public double[] band(double x) {
    double u = logLog ? Math.log(x) : x;
    double centre = intercept + slope * u;
    double half =
        points > 2
            ? tQuantile * residualStd * Math.sqrt(1.0 / points + (u - meanX) * (u - meanX) / sxx)
            : Double.POSITIVE_INFINITY;
    if (logLog) {
      return new double[] {Math.exp(centre - half), Math.exp(centre + half)};
    }
    return new double[] {centre - half, centre + half};
  }

  /** One line: {@code slope 0.98 [0.95, 1.01] (95 %, 12 points, log-log)}. */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "slope %.4g [%.4g, %.4g] (%s %% interval, %d points%s)",
        slope,
        slopeLower,
        slopeUpper,
        new java.math.BigDecimal(level * 100).stripTrailingZeros().toPlainString(),
        points,
        logLog ? ", log-log" : "");
  }
}
