package io.metabound.experiments.check;

/**
 * The outcome of a negative control: the same check with the bound multiplied by a factor that must
 * make it fail.
 *
 * @param status how the control came out
 * @param factor the factor the bound was multiplied by (0.5 for an upper bound and 2 for a lower
 *     bound at the default strength 2)
 * @param verdict the verdict of the scaled check on the instance of largest ratio
 * @param ratio the ratio of the scaled check there
 * @param maxRatio the ratio of the unscaled check there (the largest found)
 * @param adaptiveFactor when the standard factor did not fail: a factor chosen from the measured
 *     ratio so that the scaled ratio is 2 (NaN when not tried)
 * @param adaptiveVerdict the verdict with {@code adaptiveFactor} (null when not tried)
 * @param note one sentence for the report
 */
public record NegativeControlResult(
    Status status,
    double factor,
    Verdict verdict,
    double ratio,
    double maxRatio,
    double adaptiveFactor,
    Verdict adaptiveVerdict,
    String note) {

  /** How a negative control came out. */
  public enum Status {
    /** The scaled bound is VIOLATED: the check can fail, as required. */
    FAILS_AS_REQUIRED,
    /**
     * The bound is looser than the control's factor everywhere searched; a bound scaled by a factor
     * derived from the measured ratio fails (so the check can still fail).
     */
    LOOSE,
    /** Even the adaptive factor did not produce VIOLATED (ratio 0, or Monte Carlo noise). */
    CANNOT_FAIL,
    /** Not run (the check had no in-scope instance). */
    NOT_RUN
  }

  /** True unless the control showed the check unable to fail. */
  public boolean passed() {
    return status == Status.FAILS_AS_REQUIRED || status == Status.LOOSE;
  }
}
