package io.metabound.reports.plot;

/** What the cells' colour shows. */
public enum HeatmapColouring {
  /** Converged / undecided / diverged, three colours. */
  STATUS,
  /**
   * The empirical linear rate on a 0 … 1.1 scale: contraction factors below 1 from dark blue to
   * white, rates ≥ 1 and diverged cells red at the top of the scale.
   */
  RATE
}
