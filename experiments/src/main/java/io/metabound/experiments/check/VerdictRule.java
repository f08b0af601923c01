package io.metabound.experiments.check;

import io.metabound.experiments.probe.Measurement;

/**
 * Decides a verdict from a measurement and a theoretical value.
 *
 * <p>With tolerance {@code τ = relativeTolerance · max(|theoretical|, |value|)} (τ = 0 when the
 * theoretical value is infinite) and the measurement's interval {@code [lo, hi]} ({@code lo = hi =
 * value} for exact measurements):
 *
 * <ul>
 *   <li>upper bound: {@code hi ≤ T + τ} → HOLDS; {@code lo > T + τ} → VIOLATED; else INCONCLUSIVE;
 *   <li>lower bound: {@code lo ≥ T − τ} → HOLDS; {@code hi < T − τ} → VIOLATED; else INCONCLUSIVE;
 *   <li>a NaN anywhere → INCONCLUSIVE with a note.
 * </ul>
 *
 * An exact measurement therefore never comes out INCONCLUSIVE, and equality within τ holds. The
 * result is <em>tight</em> when {@code |value − T| ≤ τ}.
 */
public final class VerdictRule {

  /** The default relative tolerance 1e-9 for exact comparisons. */
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-9;

  private VerdictRule() {}

  /** A verdict with its tightness flag and, when something was odd, a note. */
  public record Decision(Verdict verdict, boolean tight, String note) {}

  public static Decision decide(
      Comparison comparison,
      Measurement measurement,
      double theoretical,
      double relativeTolerance) {
    double value = measurement.value();
    double lo = measurement.lower();
    double hi = measurement.upper();
    if (Double.isNaN(theoretical)) {
      return new Decision(Verdict.INCONCLUSIVE, false, "the bound evaluates to NaN");
    }
    if (Double.isNaN(value) || Double.isNaN(lo) || Double.isNaN(hi)) {
      return new Decision(Verdict.INCONCLUSIVE, false, "the measurement is NaN");
    }
    double tolerance =
        Double.isInfinite(theoretical) || Double.isInfinite(value)
            ? 0
            : relativeTolerance * Math.max(Math.abs(theoretical), Math.abs(value));
    boolean tight = !Double.isInfinite(theoretical) && Math.abs(value - theoretical) <= tolerance;
    Verdict verdict;
    if (comparison == Comparison.AT_MOST) {
      if (hi <= theoretical + tolerance) {
        verdict = Verdict.HOLDS;
      } else if (lo > theoretical + tolerance) {
        verdict = Verdict.VIOLATED;
      } else {
        verdict = Verdict.INCONCLUSIVE;
      }
    } else {
      if (lo >= theoretical - tolerance) {
        verdict = Verdict.HOLDS;
      } else if (hi < theoretical - tolerance) {
        verdict = Verdict.VIOLATED;
      } else {
        verdict = Verdict.INCONCLUSIVE;
      }
    }
    return new Decision(verdict, tight, "");
  }
}
