package io.metabound.experiments.check;

/** The outcome of checking a bound. */
public enum Verdict {
  /** The measured quantity respects the bound (for Monte Carlo: the whole interval does). */
  HOLDS,
  /** The measured quantity breaks the bound (for Monte Carlo: the whole interval does). */
  VIOLATED,
  /** The confidence interval straddles the bound, or a value is not a number. */
  INCONCLUSIVE,
  /** The instance does not satisfy the bound's assumptions: never a violation. */
  OUT_OF_SCOPE
}
