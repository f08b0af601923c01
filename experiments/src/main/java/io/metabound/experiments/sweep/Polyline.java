package io.metabound.experiments.sweep;

/**
 * A piece of a curve in data coordinates (x = the map's row coordinate, y = its column
 * coordinate: α and β for (α, β) maps, N and α for (N, α) maps).
 *
 * @param x abscissae
 * @param y ordinates, same length
 */
public record Polyline(double[] x, double[] y) {

  public Polyline {
    if (x.length != y.length) {
      throw new IllegalArgumentException("polyline has " + x.length + " x and " + y.length + " y");
    }
    x = x.clone();
    y = y.clone();
  }

  /** A vertical segment {@code x = at}, from {@code y0} to {@code y1}. */
  public static Polyline vertical(double at, double y0, double y1) {
    return new Polyline(new double[] {at, at}, new double[] {y0, y1});
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  /** Number of points. */
  public int size() {
    return x.length;
  }

  /** The i-th abscissa. */
  public double x(int i) {
    return x[i];
  }

  /** The i-th ordinate. */
  public double y(int i) {
    return y[i];
  }
}
