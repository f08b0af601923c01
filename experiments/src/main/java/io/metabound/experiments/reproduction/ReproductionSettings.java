package io.metabound.experiments.reproduction;

/**
 * How a reproduction runs.
 *
 * @param seed the master seed: every random draw (task data, rotations, Monte Carlo runs) derives
 *     from it, so the same seed gives the same result
 * @param quick smaller grids and fewer Monte Carlo runs (tests, previews); the verdicts use the same
 *     criteria, with wider intervals
 */
public record ReproductionSettings(long seed, boolean quick) {

  /** Full size with the given seed. */
  public static ReproductionSettings of(long seed) {
    return new ReproductionSettings(seed, false);
  }
}
