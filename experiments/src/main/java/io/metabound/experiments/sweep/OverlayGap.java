package io.metabound.experiments.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far an overlay's predicted threshold is from the empirical boundary, row by row
 * ({@link EmpiricalBoundary}): the number of rows whose bracket contains the prediction (the
 * overlay "sits on" the boundary at grid resolution), the largest signed relative miss, and the
 * median ratio prediction/bracket-midpoint over rows where both are finite.
 *
 * @param overlayId the overlay
 * @param rowsCompared rows with a finite prediction
 * @param rowsOnBoundary rows whose bracket contains the prediction
 * @param maxAbsRelativeMiss largest |relative miss| (0 when the overlay sits on the boundary in
 *     every row)
 * @param worstRowValue row coordinate of that largest miss (NaN if none)
 * @param worstRelativeMiss signed relative miss there (positive: the overlay predicts convergence
 *     beyond the first diverging cell; negative: it predicts divergence of converging cells)
 * @param medianRatio median of prediction / bracket midpoint (NaN if no row has a finite bracket)
 * @param rows the per-row comparison
 */
public record OverlayGap(
    String overlayId,
    int rowsCompared,
    int rowsOnBoundary,
    double maxAbsRelativeMiss,
    double worstRowValue,
    double worstRelativeMiss,
    double medianRatio,
    List<Row> rows) {

  /**
   * One row of the comparison.
   *
   * @param rowValue the row coordinate
   * @param lower the bracket's lower end
   * @param upper the bracket's upper end
   * @param predicted the overlay's threshold
   * @param relativeMiss signed relative miss (0 inside the bracket)
   */
  public record Row(double rowValue, double lower, double upper, double predicted, double relativeMiss) {}

  /** Compares an overlay with the empirical boundary of a complete result. */
  public static OverlayGap of(BoundaryOverlay overlay, List<EmpiricalBoundary> boundary) {
    List<Row> rows = new ArrayList<>();
    int compared = 0;
    int on = 0;
    double worst = 0;
    double worstSigned = 0;
    double worstRow = Double.NaN;
    List<Double> ratios = new ArrayList<>();
    for (EmpiricalBoundary b : boundary) {
      double p = overlay.predicted().applyAsDouble(b.rowValue());
      if (Double.isNaN(p)) {
        continue;
      }
      double miss = b.relativeMiss(p);
      rows.add(new Row(b.rowValue(), b.lower(), b.upper(), p, miss));
      compared++;
      if (miss == 0) {
        on++;
      }
      if (Math.abs(miss) > worst) {
        worst = Math.abs(miss);
        worstSigned = miss;
        worstRow = b.rowValue();
      }
      if (Double.isFinite(p) && Double.isFinite(b.upper()) && b.lower() > 0) {
        ratios.add(p / (0.5 * (b.lower() + b.upper())));
      }
    }
    double median = Double.NaN;
    if (!ratios.isEmpty()) {
      double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(r);
      median = r.length % 2 == 1 ? r[r.length / 2] : 0.5 * (r[r.length / 2 - 1] + r[r.length / 2]);
    }
    return new OverlayGap(overlay.id(), compared, on, worst, worstRow, worstSigned, median, rows);
  }

  /** One line for the terminal. */
  public String summary(String rowName) {
    StringBuilder s = new StringBuilder(overlayId).append(": on the empirical boundary in ")
        .append(rowsOnBoundary).append('/').append(rowsCompared).append(' ').append(rowName)
        .append(" rows");
    if (rowsOnBoundary < rowsCompared) {
      s.append("; max relative miss ").append(format(worstRelativeMiss));
      if (!Double.isNaN(worstRowValue)) {
        s.append(" at ").append(rowName).append(" = ").append(format(worstRowValue));
      }
    }
    if (!Double.isNaN(medianRatio)) {
      s.append("; median overlay/empirical ").append(format(medianRatio));
    }
    return s.toString();
  }

  private static String format(double x) {
    return String.format(java.util.Locale.ROOT, "%.4g", x);
  }
}
