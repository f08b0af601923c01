package io.metabound.experiments.sweep;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * The sweep engine: evaluates every cell of a shard of a {@link SweepGrid} with a
 * {@link CellModel}, in parallel on all cores.
 *
 * <p>Work is split into blocks of at most {@value #BLOCK} cells of one row; blocks run on the
 * common fork-join pool, each with its own {@link CellModel.RowEvaluator} (so the per-row map is
 * built once per block and scratch is thread-confined). Every cell writes only its own slot of the
 * result arrays and receives the seed {@link CellSeeds#of}(seed, cell index), so the output is the
 * same for any number of threads, any shard split, and a cell replayed alone
 * ({@link #evaluateCell}).
 */
public final class HeatmapSweep {

  /** Largest number of cells of one row evaluated as one work unit. */
  public static final int BLOCK = 2048;

  private final SweepGrid grid;
  private final CellModel model;
  private final long seed;

  /**
   * @param grid the cells
   * @param model what each cell computes
   * @param seed the sweep seed, from which each cell's seed is derived
   */
  public HeatmapSweep(SweepGrid grid, CellModel model, long seed) {
    this.grid = grid;
    this.model = model;
    this.seed = seed;
  }

  /** Runs the whole grid. */
  public SweepResult run() {
    return run(Shard.WHOLE, done -> {});
  }

  /**
   * Runs the cells of {@code shard}.
   *
   * @param progress called (from any worker thread, possibly concurrently) with the number of
   *     cells finished so far
   */
  public SweepResult run(Shard shard, LongConsumer progress) {
    grid.checkSize(shard);
    long cells = grid.cells();
    long first = shard.firstCell(cells);
    long end = shard.endCell(cells);
    int size = (int) (end - first);
    byte[] status = new byte[size];
    double[] rates = new double[size];
    int columns = grid.columns();
    // work units: (row, [c0, c1)) blocks covering [first, end) in order
    int firstRow = (int) (first / columns);
    int lastRow = size == 0 ? firstRow - 1 : (int) ((end - 1) / columns);
    int blocksPerRow = (columns + BLOCK - 1) / BLOCK;
    long units = (long) (lastRow - firstRow + 1) * blocksPerRow;
    AtomicLong done = new AtomicLong();
    long started = System.nanoTime();
    IntStream.range(0, (int) Math.max(0, units))
        .parallel()
        .forEach(
            unit -> {
              int row = firstRow + unit / blocksPerRow;
              int blockStart = (unit % blocksPerRow) * BLOCK;
              long rowStartCell = (long) row * columns;
              int c0 = (int) Math.max(blockStart, first - rowStartCell);
              int c1 = (int) Math.min(Math.min(blockStart + BLOCK, columns), end - rowStartCell);
              if (c0 >= c1) {
                return;
              }
              CellModel.RowEvaluator evaluator = model.row(grid, row);
              for (int c = c0; c < c1; c++) {
                long cell = rowStartCell + c;
                int slot = (int) (cell - first);
                status[slot] = (byte) evaluator.evaluate(c, CellSeeds.of(seed, cell));
                rates[slot] = evaluator.rate();
              }
              progress.accept(done.addAndGet(c1 - c0));
            });
    long elapsed = System.nanoTime() - started;
    return new SweepResult(
        grid, shard, first, status, rates, elapsed, parallelism());
  }

  /** Threads a parallel stream started here uses: its pool's parallelism (+1 for the caller). */
  private static int parallelism() {
    return ForkJoinTask.inForkJoinPool()
        ? ForkJoinTask.getPool().getParallelism()
        : ForkJoinPool.getCommonPoolParallelism() + 1;
  }

  /**
   * Replays one cell on its own: the same status and rate as in any sweep of this grid, model and
   * seed.
   *
   * @return {@code {status code, rate}}
   */
  public double[] evaluateCell(int row, int column) {
    if (row < 0 || row >= grid.rows() || column < 0 || column >= grid.columns()) {
      throw new SweepInputException("cell (" + row + ", " + column + ") is outside the "
          + grid.rows() + "x" + grid.columns() + " grid");
    }
    CellModel.RowEvaluator evaluator = model.row(grid, row);
    long cell = (long) row * grid.columns() + column;
    int status = evaluator.evaluate(column, CellSeeds.of(seed, cell));
    return new double[] {status, evaluator.rate()};
  }

  /** The grid. */
  public SweepGrid grid() {
    return grid;
  }

  /** The sweep seed. */
  public long seed() {
    return seed;
  }
}
