package io.metabound.experiments.reproduction;

/**
 * One measured or computed curve of a figure, with an optional interval per point.
 *
 * @param name the legend text
 * @param x the abscissae
 * @param y the values (NaN where nothing was measured)
 * @param lower lower ends of the intervals, or null for exact values
 * @param upper upper ends of the intervals, or null for exact values
 * @param kind what the curve is: a measurement, the paper's prediction, or a fitted line
 */
public record Series(
    String name, double[] x, double[] y, double[] lower, double[] upper, Kind kind) {

  /** What a curve is. */
  public enum Kind {
    /** Measured (or computed exactly) by MetaBound. */
    MEASURED,
    /** What the paper's formula predicts. */
    THEORY,
    /** A line fitted to measured points. */
    FIT
  }

  public Series {
    if (x.length != y.length) {
      throw new IllegalArgumentException(name + ": x and y differ in length");
    }
    if ((lower == null) != (upper == null)
        || (lower != null && (lower.length != x.length || upper.length != x.length))) {
      throw new IllegalArgumentException(name + ": interval ends must both be given, one per point");
    }
    x = x.clone();
    y = y.clone();
    lower = lower == null ? null : lower.clone();
    upper = upper == null ? null : upper.clone();
  }

  /** An exact measured curve. */
  public static Series measured(String name, double[] x, double[] y) {
    return new Series(name, x, y, null, null, Kind.MEASURED);
  }

  /** A measured curve with intervals. */
  public static Series measured(String name, double[] x, double[] y, double[] lower, double[] upper) {
    return new Series(name, x, y, lower, upper, Kind.MEASURED);
  }

  /** The paper's prediction. */
  public static Series theory(String name, double[] x, double[] y) {
    return new Series(name, x, y, null, null, Kind.THEORY);
  }

  /** A fitted line drawn at the points {@code xs} (in increasing order), with its confidence band. */
  public static Series fit(LineFit fit, double[] xs) {
    double[] x = java.util.Arrays.stream(xs).filter(Double::isFinite).sorted().distinct().toArray();
    double[] y = new double[x.length];
    double[] lo = new double[x.length];
    double[] hi = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = fit.predict(x[i]);
      double[] band = fit.band(x[i]);
      lo[i] = band[0];
      hi[i] = band[1];
    }
    return new Series(fit.name() + " (fit)", x, y, lo, hi, Kind.FIT);
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public double[] lower() {
    return lower == null ? null : lower.clone();
  }

  @Override
  public double[] upper() {
    return upper == null ? null : upper.clone();
  }

  public int size() {
    return x.length;
  }

  public boolean hasIntervals() {
    return lower != null;
  }
}
