package io.metabound.experiments.sweep;

/**
 * What a sweep computes in each cell. The engine asks for one {@link RowEvaluator} per block of a
 * row, on the worker thread that evaluates that block, so an evaluator may keep mutable scratch
 * (and a precomputed per-row map) without synchronisation. Implementations themselves must be
 * thread-safe.
 */
public interface CellModel {

  /** An evaluator for cells of row {@code row}; used by one thread only. */
  RowEvaluator row(SweepGrid grid, int row);

  /** Name recorded in the sidecar, e.g. {@code affine-map (exact iterates)}. */
  String description();

  /** Evaluates the cells of one row. */
  interface RowEvaluator {

    /**
     * Classifies cell ({@code row}, {@code column}) and returns the status code (1 converged, −1
     * diverged, 0 undecided, −2 degenerate); {@code cellSeed} drives any sampling.
     */
    int evaluate(int column, long cellSeed);

    /** The empirical linear rate of the last evaluated cell (NaN when diverged). */
    double rate();
  }
}
