package io.metabound.experiments.constant;

/** How a family constant is known. */
public enum Exactness {
  /** Computed from a closed form: the true value, up to floating point. */
  EXACT,
  /** A proven upper bound on the true value (never an estimate). */
  CERTIFIED_UPPER_BOUND
}
