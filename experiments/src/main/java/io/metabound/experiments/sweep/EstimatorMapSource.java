package io.metabound.experiments.sweep;

import io.metabound.experiments.oracle.AffineGradientMap;

/**
 * The exact update direction {@code g(w) = A w − b} of a deterministic estimator on a fixed set of
 * quadratic tasks, as a function of the inner steps N and the inner step size α. A sweep calls it
 * once per α row (once per cell for (N, α) maps), possibly from several threads at once, so
 * implementations must be thread-safe (stateless ones are).
 */
@FunctionalInterface
public interface EstimatorMapSource {

  /** The map {@code g(w) = A(N, α) w − b(N, α)}. */
  AffineGradientMap map(int innerSteps, double alpha);

  /**
   * True when the map at {@code (N, α)} underflowed in double precision: a factor of its exact
   * value (e.g. {@code (1 − αh)^{2N}} for a non-zero {@code 1 − αh}) is below the normal range, so
   * a zero map does not mean a zero direction. A sweep then calls a cell whose start gradient is
   * exactly zero {@link CellStatus#DEGENERATE} instead of converged. Default: never.
   */
  default boolean underflows(int innerSteps, double alpha) {
    return false;
  }
}
