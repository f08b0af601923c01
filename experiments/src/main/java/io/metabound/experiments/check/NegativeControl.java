package io.metabound.experiments.check;

/**
 * Negative control: a check must be able to fail. The bound is multiplied by the factor that
 * multiplies every ratio by the control strength {@code s} (default 2: an upper bound halved, a
 * lower bound doubled) and re-checked on the instance of largest ratio; it must come out VIOLATED.
 *
 * <p>When it does not, the bound is looser than {@code 1/s} everywhere searched: the control says
 * so ({@link NegativeControlResult.Status#LOOSE}, with the measured ratio) and, to still show that
 * the check can fail, re-runs with the factor that brings that instance's ratio to 2. A measured
 * ratio of 0 (or Monte Carlo noise) leaves {@link NegativeControlResult.Status#CANNOT_FAIL}.
 */
public final class NegativeControl {

  private NegativeControl() {}

  /**
   * @param check the check
   * @param largestRatio the check's result on the instance of largest ratio
   * @param settings the settings (strength, samples, tolerance)
   */
  public static NegativeControlResult run(
      BoundCheck check, CheckResult largestRatio, CheckSettings settings) {
    if (largestRatio.instance() == null || largestRatio.verdict() == Verdict.OUT_OF_SCOPE) {
      return new NegativeControlResult(
          NegativeControlResult.Status.NOT_RUN,
          Double.NaN,
          null,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          null,
          "no in-scope instance to run the control on");
    }
    double strength = settings.negativeControlStrength();
    Comparison comparison = check.comparison();
    double factor = comparison.factorScalingRatioBy(strength);
    CheckResult scaled = check.scaled(factor).evaluate(largestRatio.instance(), settings);
    double maxRatio = largestRatio.ratio();
    if (scaled.verdict() == Verdict.VIOLATED) {
      return new NegativeControlResult(
          NegativeControlResult.Status.FAILS_AS_REQUIRED,
          factor,
          scaled.verdict(),
          scaled.ratio(),
          maxRatio,
          Double.NaN,
          null,
          "bound ×"
              + Instance.format(factor)
              + " is VIOLATED (ratio "
              + SuiteSummary.number(scaled.ratio())
              + ")");
    }
    if (!(maxRatio > 0) || Double.isInfinite(maxRatio)) {
      return new NegativeControlResult(
          NegativeControlResult.Status.CANNOT_FAIL,
          factor,
          scaled.verdict(),
          scaled.ratio(),
          maxRatio,
          Double.NaN,
          null,
          "largest ratio is "
              + SuiteSummary.number(maxRatio)
              + ": no positive factor makes the bound fail");
    }
    double adaptiveStrength = 2 / maxRatio;
    if (adaptiveStrength <= strength) {
      return new NegativeControlResult(
          NegativeControlResult.Status.CANNOT_FAIL,
          factor,
          scaled.verdict(),
          scaled.ratio(),
          maxRatio,
          Double.NaN,
          null,
          "bound ×"
              + Instance.format(factor)
              + " is "
              + scaled.verdict()
              + " although its ratio is "
              + SuiteSummary.number(scaled.ratio())
              + ": the interval is too wide (more samples needed)");
    }
    double adaptiveFactor = comparison.factorScalingRatioBy(adaptiveStrength);
    CheckResult adaptive = check.scaled(adaptiveFactor).evaluate(largestRatio.instance(), settings);
    boolean fails = adaptive.verdict() == Verdict.VIOLATED;
    String note =
        "LOOSE: max ratio "
            + SuiteSummary.number(maxRatio)
            + "; bound ×"
            + Instance.format(factor)
            + " still holds"
            + (fails
                ? ", bound ×" + SuiteSummary.number(adaptiveFactor) + " is VIOLATED"
                : ", and bound ×"
                    + SuiteSummary.number(adaptiveFactor)
                    + " is "
                    + adaptive.verdict());
    return new NegativeControlResult(
        fails ? NegativeControlResult.Status.LOOSE : NegativeControlResult.Status.CANNOT_FAIL,
        factor,
        scaled.verdict(),
        scaled.ratio(),
        maxRatio,
        adaptiveFactor,
        adaptive.verdict(),
        note);
  }
}
