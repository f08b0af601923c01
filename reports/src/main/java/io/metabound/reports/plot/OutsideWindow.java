package io.metabound.reports.plot;

import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.Polyline;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * An overlay whose curve lies wholly outside a heatmap's window: it is not drawn and not in the
 * legend, but listed below the plot ({@link #text()}) with where it lies, so that a bound far from
 * the data (Fallah2020 Thm 4.12 at β = 0.0052 on a map of β up to 4) is still reported.
 *
 * @param id the overlay's id
 * @param label the overlay's legend text
 * @param axis the symbol of the coordinate the curve lies beyond (β, α or N)
 * @param low the smallest value of that coordinate along the curve (NaN: the curve has no finite
 *     point)
 * @param high the largest; equal to {@code low} for a line at a constant value
 */
public record OutsideWindow(String id, String label, String axis, double low, double high) {

  /** Points at which a predicted threshold is sampled over the window to find its value. */
  private static final int SAMPLES = 64;

  /** Where the curve lies: {@code β = 0.0052}, or {@code β = 5.1 to 9.3} for a sloping curve. */
  public String valueText() {
    if (Double.isNaN(low)) {
      return "no finite " + axis + " in the plotted range";
    }
    String from = number(low);
    String to = number(high);
    return from.equals(to) ? axis + " = " + from : axis + " = " + from + " to " + to;
  }

  /** The note printed below the plot: {@code outside the window: <label> at β = 0.0052}. */
  public String text() {
    return "outside the window: " + label + (Double.isNaN(low) ? " (" : " at ") + valueText()
        + (Double.isNaN(low) ? ")" : "");
  }

  /**
   * The overlay as an off-window line, or empty when some piece of it crosses the window.
   *
   * @param overlay the overlay
   * @param window the plotted data rectangle
   * @param xAxis the symbol of the window's x coordinate (α for (α, β) maps, N for (N, α) maps)
   * @param yAxis the symbol of its y coordinate
   */
  public static Optional<OutsideWindow> of(
      BoundaryOverlay overlay, PlotWindow window, String xAxis, String yAxis) {
    Rectangle2D box = new Rectangle2D.Double(window.xMin(), window.yMin(),
        window.xMax() - window.xMin(), window.yMax() - window.yMin());
    if (crosses(overlay, box)) {
      return Optional.empty();
    }
    // the drawn pieces may be clamped near the window, so the value comes from the predicted
    // threshold when the overlay has one
    double[] range = predictedRange(overlay, window);
    if (range != null) {
      return Optional.of(new OutsideWindow(overlay.id(), overlay.label(), yAxis, range[0], range[1]));
    }
    boolean beside = true; // every point left or right of the window
    double xLow = Double.POSITIVE_INFINITY;
    double xHigh = Double.NEGATIVE_INFINITY;
    double yLow = Double.POSITIVE_INFINITY;
    double yHigh = Double.NEGATIVE_INFINITY;
    for (Polyline line : overlay.segments()) {
      for (int i = 0; i < line.size(); i++) {
        double x = line.x(i);
        double y = line.y(i);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
          continue;
        }
        beside &= x < window.xMin() || x > window.xMax();
        xLow = Math.min(xLow, x);
        xHigh = Math.max(xHigh, x);
        yLow = Math.min(yLow, y);
        yHigh = Math.max(yHigh, y);
      }
    }
    if (xLow > xHigh) {
      return Optional.of(new OutsideWindow(overlay.id(), overlay.label(), yAxis, Double.NaN, Double.NaN));
    }
    return Optional.of(beside
        ? new OutsideWindow(overlay.id(), overlay.label(), xAxis, xLow, xHigh)
        : new OutsideWindow(overlay.id(), overlay.label(), yAxis, yLow, yHigh));
  }

  /** True when a point or a piece of the curve lies in the window (edges included). */
  private static boolean crosses(BoundaryOverlay overlay, Rectangle2D box) {
    for (Polyline line : overlay.segments()) {
      for (int i = 0; i < line.size(); i++) {
        if (inside(box, line.x(i), line.y(i))) {
          return true;
        }
        if (i > 0 && new Line2D.Double(line.x(i - 1), line.y(i - 1), line.x(i), line.y(i))
            .intersects(box)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean inside(Rectangle2D box, double x, double y) {
    return x >= box.getMinX() && x <= box.getMaxX() && y >= box.getMinY() && y <= box.getMaxY();
  }

  /** The smallest and largest finite predicted threshold over the window, or null. */
  private static double[] predictedRange(BoundaryOverlay overlay, PlotWindow window) {
    if (overlay.predicted() == null) {
      return null;
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= SAMPLES; i++) {
      double x = window.xMin() + (window.xMax() - window.xMin()) * i / SAMPLES;
      double y = overlay.predicted().applyAsDouble(x);
      if (Double.isFinite(y)) {
        low = Math.min(low, y);
        high = Math.max(high, y);
      }
    }
    return low <= high ? new double[] {low, high} : null;
  }

  /** Four significant digits, no trailing zeros, no exponent below 10^-6. */
  static String number(double value) {
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
    double magnitude = Math.abs(value);
    return magnitude >= 1e-6 && magnitude < 1e9 ? rounded.toPlainString() : rounded.toString();
  }
}
