package io.metabound.experiments.sweep;

/**
 * The cells of one sweep (or one shard of it): the contiguous cell block
 * {@code [firstCell, firstCell + size())} of {@code grid}, with each cell's status code and
 * empirical rate. Arrays are owned by the result; accessors read single cells.
 *
 * @param grid the full grid
 * @param shard the shard computed
 * @param firstCell index of the first cell held
 * @param elapsedNanos wall time of the computation (not of writing)
 * @param threads worker parallelism used
 */
public record SweepResult(
    SweepGrid grid, Shard shard, long firstCell, byte[] statusCodes, double[] rates,
    long elapsedNanos, int threads) {

  public SweepResult {
    if (statusCodes.length != rates.length) {
      throw new IllegalArgumentException("status and rate arrays differ in length");
    }
  }

  /** Number of cells held. */
  public int size() {
    return statusCodes.length;
  }

  /** Global index of the i-th held cell. */
  public long cell(int i) {
    return firstCell + i;
  }

  /** Row of the i-th held cell. */
  public int row(int i) {
    return (int) ((firstCell + i) / grid.columns());
  }

  /** Column of the i-th held cell. */
  public int column(int i) {
    return (int) ((firstCell + i) % grid.columns());
  }

  /** Status code of the i-th held cell. */
  public int status(int i) {
    return statusCodes[i];
  }

  /** Rate of the i-th held cell. */
  public double rate(int i) {
    return rates[i];
  }

  /** True when this result holds every cell of the grid. */
  public boolean isComplete() {
    return firstCell == 0 && size() == grid.cells();
  }

  /** Number of held cells with the given status. */
  public int count(CellStatus status) {
    int n = 0;
    for (byte s : statusCodes) {
      if (s == status.code()) {
        n++;
      }
    }
    return n;
  }

  /** Cells per second of the computation. */
  public double cellsPerSecond() {
    return elapsedNanos == 0 ? Double.POSITIVE_INFINITY : size() / (elapsedNanos * 1e-9);
  }

  /**
   * Status code of cell ({@code row}, {@code column}); requires a complete result.
   *
   * @throws IllegalStateException if the cell is not held
   */
  public int status(int row, int column) {
    long i = (long) row * grid.columns() + column - firstCell;
    if (i < 0 || i >= size()) {
      throw new IllegalStateException("cell (" + row + ", " + column + ") is not in this shard");
    }
    return statusCodes[(int) i];
  }

  /** Rate of cell ({@code row}, {@code column}). */
  public double rate(int row, int column) {
    long i = (long) row * grid.columns() + column - firstCell;
    if (i < 0 || i >= size()) {
      throw new IllegalStateException("cell (" + row + ", " + column + ") is not in this shard");
    }
    return rates[(int) i];
  }
}
