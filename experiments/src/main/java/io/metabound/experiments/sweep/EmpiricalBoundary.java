package io.metabound.experiments.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The empirical boundary of a complete sweep, per row: scanning the columns upwards,
 * {@code lower} is the last column value of the run of converged cells starting at the first
 * column (0 if the first cell is not converged) and {@code upper} the first diverged column value
 * after it (+∞ if none). The true threshold lies in {@code (lower, upper]} at grid resolution;
 * undecided cells (finite T) widen the bracket.
 *
 * <p>For (α, β) maps the exact convergence set of a linear iteration in β is an interval
 * {@code (0, β*)}, so this bracket is exactly where the boundary crosses the row.
 *
 * @param rowValue the row coordinate (α, or N)
 * @param lower largest column value known to converge (from below)
 * @param upper smallest column value known to diverge
 */
public record EmpiricalBoundary(double rowValue, double lower, double upper) {

  /** The bracket of every row of a complete result. */
  public static List<EmpiricalBoundary> of(SweepResult result) {
    if (!result.isComplete()) {
      throw new IllegalArgumentException("the empirical boundary needs the whole grid, not a shard");
    }
    SweepGrid grid = result.grid();
    List<EmpiricalBoundary> rows = new ArrayList<>(grid.rows());
    for (int r = 0; r < grid.rows(); r++) {
      double lower = 0;
      double upper = Double.POSITIVE_INFINITY;
      int c = 0;
      while (c < grid.columns() && result.status(r, c) == CellStatus.CONVERGED.code()) {
        lower = grid.columnValue(c);
        c++;
      }
      while (c < grid.columns()) {
        if (result.status(r, c) == CellStatus.DIVERGED.code()) {
          upper = grid.columnValue(c);
          break;
        }
        c++;
      }
      rows.add(new EmpiricalBoundary(grid.rowValue(r), lower, upper));
    }
    return rows;
  }

  /** True when {@code value} lies in the bracket {@code [lower, upper]}. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /**
   * Signed relative miss of a predicted threshold: 0 inside the bracket, {@code (p − upper)/upper}
   * above it, {@code (p − lower)/lower} below it (−1 for a prediction of 0 under a converging
   * cell).
   */
  public double relativeMiss(double predicted) {
    if (contains(predicted)) {
      return 0;
    }
    return predicted > upper ? (predicted - upper) / upper : (predicted - lower) / lower;
  }
}
