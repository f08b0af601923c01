package io.metabound.experiments.check;

/**
 * Derives independent seeds from a master seed (SplitMix64 finaliser), so that each stream (search,
 * confirmation, each CMA-ES restart) has its own seed and the whole run is a function of one
 * number.
 */
public final class Seeds {

  private Seeds() {}

  /** A seed for stream {@code stream} of master seed {@code seed}. */
  public static long derive(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
    // SplitMix64 finaliser
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
