package io.metabound.experiments.sweep;

import io.metabound.experiments.io.SizeLimits;

/**
 * The cells of a sweep: a rectangular grid of {@code rows × columns} cells numbered row-major,
 * {@code cell = row·columns + column}. Two map types:
 *
 * <ul>
 *   <li>{@link AlphaBeta}: rows are inner step sizes α, columns meta step sizes β, N fixed. The
 *       affine update map depends on α only, so it is built once per row.
 *   <li>{@link StepsAlpha}: rows are inner step counts N, columns α, β fixed (Ji2022's α ∝ 1/N
 *       claim). The map depends on (N, α), so it is built per cell.
 * </ul>
 */
public sealed interface SweepGrid {

  /**
   * Largest number of cells one process holds (status byte + rate double ≈ 9 bytes a cell, plus
   * CSV text): about 40 MB of results. Larger sweeps are split with {@code --shard i/n}.
   */
  long MAX_CELLS_PER_PROCESS = 4_000_000L;

  /** Largest number of cells of a (sharded) sweep. */
  long MAX_CELLS = Integer.MAX_VALUE;

  /** Number of rows. */
  int rows();

  /** Number of columns. */
  int columns();

  /** {@code rows·columns}. */
  default long cells() {
    return (long) rows() * columns();
  }

  /** CSV name of the row coordinate ({@code alpha} or {@code steps}). */
  String rowName();

  /** CSV name of the column coordinate ({@code beta} or {@code alpha}). */
  String columnName();

  /** Value of the row coordinate of row {@code r}. */
  double rowValue(int r);

  /** Value of the column coordinate of column {@code c}. */
  double columnValue(int c);

  /** CSV text of the row coordinate: {@link Double#toString} (round-trips), integers for N. */
  default String rowText(int r) {
    return Double.toString(rowValue(r));
  }

  /** CSV text of the column coordinate: {@link Double#toString} (round-trips). */
  default String columnText(int c) {
    return Double.toString(columnValue(c));
  }

  /** Inner step size α of a cell. */
  double alpha(int row, int column);

  /** Meta step size β of a cell. */
  double beta(int row, int column);

  /** Inner steps N of a cell. */
  int steps(int row, int column);

  /** {@code --map} name. */
  String mapName();

  /** Rejects grids whose shard would not fit in memory. */
  default void checkSize(Shard shard) {
    long cells = cells();
    if (cells > MAX_CELLS) {
      throw new SweepInputException(
          "grid of " + rows() + "x" + columns() + " = " + cells + " cells is too large (limit "
              + MAX_CELLS + ")");
    }
    long mine = shard.endCell(cells) - shard.firstCell(cells);
    if (mine > MAX_CELLS_PER_PROCESS) {
      throw new SweepInputException(
          "grid of " + rows() + "x" + columns() + " = " + cells + " cells"
              + (shard.isWhole() ? "" : " (" + mine + " in shard " + shard.spec() + ")")
              + " is too large for one process (limit " + MAX_CELLS_PER_PROCESS
              + " cells); split it with --shard i/n");
    }
    // a status byte and a rate per cell
    SizeLimits.require(SizeLimits.doubles(mine) + mine, "the results of " + mine + " cells");
  }

  /**
   * (α, β) map with N inner steps: row {@code r} is {@code alpha.point(r)}, column {@code c} is
   * {@code beta.point(c)}.
   */
  record AlphaBeta(GridAxis alpha, GridAxis beta, int innerSteps) implements SweepGrid {
    public AlphaBeta {
      if (innerSteps < 1 || innerSteps > StepsRange.MAX_STEPS) {
        throw new SweepInputException(
            "--steps: N must be in 1.." + StepsRange.MAX_STEPS + ", got " + innerSteps);
      }
    }

    @Override
    public int rows() {
      return alpha.count();
    }

    @Override
    public int columns() {
      return beta.count();
    }

    @Override
    public String rowName() {
      return "alpha";
    }

    @Override
    public String columnName() {
      return "beta";
    }

    @Override
    public double rowValue(int r) {
      return alpha.point(r);
    }

    @Override
    public double columnValue(int c) {
      return beta.point(c);
    }

    @Override
    public double alpha(int row, int column) {
      return alpha.point(row);
    }

    @Override
    public double beta(int row, int column) {
      return beta.point(column);
    }

    @Override
    public int steps(int row, int column) {
      return innerSteps;
    }

    @Override
    public String mapName() {
      return "alpha-beta";
    }
  }

  /**
   * (N, α) map with fixed β: row {@code r} is {@code steps.steps(r)}, column {@code c} is
   * {@code alpha.point(c)}.
   */
  record StepsAlpha(StepsRange steps, GridAxis alpha, double fixedBeta) implements SweepGrid {
    public StepsAlpha {
      if (!(fixedBeta > 0) || !Double.isFinite(fixedBeta)) {
        throw new SweepInputException(
            "--beta: an n-alpha map needs one fixed step size > 0, got " + fixedBeta);
      }
    }

    @Override
    public int rows() {
      return steps.count();
    }

    @Override
    public int columns() {
      return alpha.count();
    }

    @Override
    public String rowName() {
      return "steps";
    }

    @Override
    public String columnName() {
      return "alpha";
    }

    @Override
    public double rowValue(int r) {
      return steps.steps(r);
    }

    @Override
    public double columnValue(int c) {
      return alpha.point(c);
    }

    @Override
    public String rowText(int r) {
      return Integer.toString(steps.steps(r));
    }

    @Override
    public double alpha(int row, int column) {
      return alpha.point(column);
    }

    @Override
    public double beta(int row, int column) {
      return fixedBeta;
    }

    @Override
    public int steps(int row, int column) {
      return steps.steps(row);
    }

    @Override
    public String mapName() {
      return "n-alpha";
    }
  }
}
