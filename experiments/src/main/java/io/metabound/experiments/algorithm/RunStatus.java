package io.metabound.experiments.algorithm;

/** How an outer-loop run ended. */
public enum RunStatus {
  /** A convergence test of the run (step norm or observed value below its tolerance) held. */
  CONVERGED,
  /** An iterate became non-finite or left the box {@code |w_j| ≤ cap}. */
  DIVERGED,
  /** The iteration budget ran out with neither of the above. */
  UNDECIDED
}
