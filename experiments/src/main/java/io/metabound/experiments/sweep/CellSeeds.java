package io.metabound.experiments.sweep;

/**
 * One seed per sweep cell, derived from the sweep seed and the cell index alone (SplitMix64
 * finaliser of {@code seed + φ·(cell + 1)}, φ = 0x9E3779B97F4A7C15), so any cell can be replayed
 * on its own, independently of threads and shards.
 */
public final class CellSeeds {

  private CellSeeds() {}

  /** The seed of cell {@code cell} of a sweep with seed {@code seed}. */
  public static long of(long seed, long cell) {
    long z = seed + 0x9E3779B97F4A7C15L * (cell + 1);
    // SplitMix64 finaliser (Steele, Lea, Flood 2014)
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
