package io.metabound.experiments.check;

/**
 * Which way a bound points, and the tightness ratio that goes with it.
 *
 * <p>Ratios are oriented so that <b>ratio ≤ 1 means the bound holds, 1 means it is attained and
 * ratio &gt; 1 means it is violated</b>, whatever the direction:
 *
 * <ul>
 *   <li>{@link #AT_MOST} (upper bound, {@code empirical ≤ theoretical}): {@code ratio = empirical /
 *       theoretical};
 *   <li>{@link #AT_LEAST} (lower bound, {@code empirical ≥ theoretical}): {@code ratio =
 *       theoretical / empirical}. A stepsize threshold stated as a sufficient condition ("β below
 *       {@code t} converges") is checked as {@code measured threshold ≥ stated threshold}, so its
 *       ratio is stated / measured.
 * </ul>
 *
 * Ratios are meaningful for positive quantities (norms, moments, thresholds); the verdict never
 * uses the ratio, only the measurement and the theoretical value.
 */
public enum Comparison {
  /** {@code empirical ≤ theoretical}. */
  AT_MOST("<="),
  /** {@code empirical ≥ theoretical}. */
  AT_LEAST(">=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The oriented ratio (≤ 1 holds, &gt; 1 violated); +∞ when the denominator is 0 and it fails. */
  public double ratio(double empirical, double theoretical) {
    double numerator = this == AT_MOST ? empirical : theoretical;
    double denominator = this == AT_MOST ? theoretical : empirical;
    if (Double.isNaN(numerator) || Double.isNaN(denominator)) {
      return Double.NaN;
    }
    if (denominator == 0) {
      if (numerator == 0) {
        return 1.0;
      }
      return numerator > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }
    if (Double.isInfinite(denominator)) {
      return Double.isInfinite(numerator) ? Double.NaN : 0.0;
    }
    return numerator / denominator;
  }

  /**
   * The factor to multiply the theoretical value by so that every ratio is multiplied by {@code
   * strength}: {@code 1/strength} for upper bounds, {@code strength} for lower bounds.
   */
  public double factorScalingRatioBy(double strength) {
    return this == AT_MOST ? 1 / strength : strength;
  }
}
