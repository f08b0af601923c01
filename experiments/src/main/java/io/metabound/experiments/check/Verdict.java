package io.metabound.experiments.check;

/**
 * The outcome of checking a bound or a claim.
 *
 * <p>Registry checks and universal claims ("for every instance, measured RELATION bound") end in
 * HOLDS, VIOLATED, INCONCLUSIVE or OUT_OF_SCOPE; existential claims ("there is an instance where
 * …") in WITNESSED or NOT_FOUND; a claim that cannot be measured in ERROR.
 */
public enum Verdict {
  /** The measured quantity respects the bound (for Monte Carlo: the whole interval does). */
  HOLDS,
  /** The measured quantity breaks the bound (for Monte Carlo: the whole interval does). */
  VIOLATED,
  /**
   * The confidence interval straddles the bound, a value is not a number, or too little of the
   * domain was in scope to support HOLDS (see {@link SearchStatistics#scopeProblem()}).
   */
  INCONCLUSIVE,
  /** The instance does not satisfy the bound's assumptions: never a violation. */
  OUT_OF_SCOPE,
  /** An existential claim: an instance satisfying the relation was found (the witness). */
  WITNESSED,
  /** An existential claim: no instance satisfying the relation was found within the budget. */
  NOT_FOUND,
  /** The claim could not be measured (bad input, or its probe failed); the message says why. */
  ERROR
}
