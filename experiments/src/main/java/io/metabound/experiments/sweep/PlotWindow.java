package io.metabound.experiments.sweep;

/**
 * The data rectangle a heatmap covers: each cell is drawn centred on its grid point, so the window
 * reaches half a spacing beyond the first and last points. Overlay curves are sampled over it.
 *
 * @param xMin left edge (row coordinate)
 * @param xMax right edge
 * @param yMin bottom edge (column coordinate)
 * @param yMax top edge
 */
public record PlotWindow(double xMin, double xMax, double yMin, double yMax) {

  /** The window of a grid. */
  public static PlotWindow of(SweepGrid grid) {
    double x0 = grid.rowValue(0);
    double x1 = grid.rowValue(grid.rows() - 1);
    double hx = grid.rows() > 1 ? (x1 - x0) / (grid.rows() - 1) : spacing(grid, true);
    double y0 = grid.columnValue(0);
    double y1 = grid.columnValue(grid.columns() - 1);
    double hy = grid.columns() > 1 ? (y1 - y0) / (grid.columns() - 1) : spacing(grid, false);
    return new PlotWindow(x0 - hx / 2, x1 + hx / 2, y0 - hy / 2, y1 + hy / 2);
  }

  private static double spacing(SweepGrid grid, boolean rows) {
    if (grid instanceof SweepGrid.AlphaBeta ab) {
      return rows ? ab.alpha().spacing() : ab.beta().spacing();
    }
    SweepGrid.StepsAlpha sa = (SweepGrid.StepsAlpha) grid;
    return rows ? 1 : sa.alpha().spacing();
  }
}
