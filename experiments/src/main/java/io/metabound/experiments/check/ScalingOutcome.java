package io.metabound.experiments.check;

import java.util.Objects;

/**
 * A scaling check's outcome as the verdict table reports it: the shape of a bound (its log-log
 * slope in the variable it scales with) tested where its constant cannot be (a vacuous check), with
 * the negative control that must fail.
 *
 * @param boundId the bound
 * @param variable the variable the slope is taken in
 * @param summary one line: measured slope [interval] vs the bound's, verdict, constant gap
 * @param verdict {@code CONSISTENT}, {@code STEEPER} (the bound's rate is loose: a finding) or
 *     {@code VIOLATED}
 * @param constantGap the largest ratio measured/bound over the points
 * @param controlVerdict the verdict of the same check against a wrong exponent (must be {@code
 *     VIOLATED})
 */
public record ScalingOutcome(
    String boundId,
    String variable,
    String summary,
    String verdict,
    double constantGap,
    String controlVerdict) {

  public ScalingOutcome {
    Objects.requireNonNull(boundId, "boundId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(controlVerdict, "controlVerdict");
  }

  /** True when the shape contradicts the bound. */
  public boolean violated() {
    return "VIOLATED".equals(verdict);
  }

  /** True when the wrong-exponent control came out VIOLATED, as it must. */
  public boolean controlFails() {
    return "VIOLATED".equals(controlVerdict);
  }
}
