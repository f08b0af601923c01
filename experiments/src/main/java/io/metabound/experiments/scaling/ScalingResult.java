package io.metabound.experiments.scaling;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link ScalingCheck}: the measured log-log slope with its interval next to the
 * bound's slope (fitted to the registry formula at the same points), the verdict, and the constant
 * gap {@code max_i measured_i / bound_i} (the ratio at the point of the sequence closest to the
 * bound).
 *
 * @param boundId the registry id
 * @param variable the scaling variable's name
 * @param regime where the bound's rate is read
 * @param measuredSlope the fitted slope of the measured quantity
 * @param lower the lower end of its interval
 * @param upper the upper end of its interval
 * @param level the interval's two-sided confidence level
 * @param boundSlope the fitted slope of the registry formula at the same points
 * @param verdict {@link Regime#judge} of the interval against {@code boundSlope}
 * @param constantGap the largest ratio measured/bound over the points
 * @param points the points, in the order of the sequence
 * @param seed the master seed of the run
 */
public record ScalingResult(
    String boundId,
    String variable,
    Regime regime,
    double measuredSlope,
    double lower,
    double upper,
    double level,
    double boundSlope,
    ScalingVerdict verdict,
    double constantGap,
    List<ScalingPoint> points,
    long seed) {

  public ScalingResult {
    points = List.copyOf(points);
  }

  /** The rule the verdict applies, in words. */
  public String criterion() {
    return regime.criterion(variable);
  }

  /**
   * One line, e.g. {@code slope in D_test −1.00 [−1.00, −1.00] vs bound −0.531 (D_test → ∞);
   * STEEPER; constant gap 0.086}.
   */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "slope in %s %.2f [%.2f, %.2f] vs bound %.3g (%s %s); %s; constant gap %.2g",
        variable,
        measuredSlope,
        lower,
        upper,
        Math.abs(boundSlope) < 5e-4 ? 0.0 : boundSlope,
        variable,
        regime.arrow(),
        verdict,
        constantGap);
  }
}
