package io.metabound.experiments.scaling;

/**
 * The verdict of a scaling check: the measured log-log slope, with its interval, against the
 * bound's slope in the same variable, read in the regime the bound speaks of ({@link Regime}).
 */
public enum ScalingVerdict {
  /** The interval reaches the bound's slope: the measured quantity scales as the bound says. */
  CONSISTENT,
  /**
   * The whole interval lies on the favourable side: the ratio measured/bound vanishes in the
   * bound's regime, so the bound's rate is loose (a finding, not a failure).
   */
  STEEPER,
  /**
   * The whole interval lies on the unfavourable side: the ratio measured/bound grows without limit
   * in the bound's regime, so the bound fails there whatever its constant.
   */
  VIOLATED
}
