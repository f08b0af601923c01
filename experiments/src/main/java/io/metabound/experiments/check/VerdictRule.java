package io.metabound.experiments.check;

import io.metabound.experiments.probe.Measurement;

/**
 * Decides a verdict from a measurement and a theoretical value in double precision.
 *
 * <p>With tolerance {@code τ = max(relativeTolerance · max(|theoretical|, |value|), floor)} (τ = 0
 * when a side is infinite), where {@code floor} is the absolute rounding floor of the bound's
 * evaluation (see {@link io.metabound.experiments.precision.RoundingFloor}: derived from the
 * magnitudes of its intermediate values, so two rounding residues of size 1e-159 are equal), and
 * the measurement's interval {@code [lo, hi]} ({@code lo = hi = value} for exact measurements):
 *
 * <ul>
 *   <li>upper bound: {@code hi ≤ T + τ} → HOLDS; {@code lo > T + τ} → VIOLATED; else INCONCLUSIVE;
 *   <li>lower bound: {@code lo ≥ T − τ} → HOLDS; {@code hi < T − τ} → VIOLATED; else INCONCLUSIVE;
 *   <li>a NaN anywhere → INCONCLUSIVE with a note.
 * </ul>
 *
 * An exact measurement therefore never comes out INCONCLUSIVE, and equality within τ holds. The
 * result is <em>tight</em> when {@code |value − T|} is within the relative tolerance, or when the
 * value exceeds the bound by no more than the rounding floor: the floor absorbs a would-be violation
 * that rounding alone can explain (the sides are then equal as far as double precision can tell),
 * never a value inside the bound, which keeps its own ratio.
 */
public final class VerdictRule {

  /** The default relative tolerance 1e-9 for exact comparisons. */
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-9;

  /**
   * An exact measurement that exceeds its bound by more than this relative amount (or the rounding
   * floor) in double is re-decided in extended precision when the check has a field form ({@link
   * ExtendedPrecision}); so a violation of relative size 1e-9 is found although it is within the
   * double tolerance.
   */
  public static final double SCREEN_RELATIVE_TOLERANCE = 1e-12;

  private VerdictRule() {}

  /**
   * A verdict with its tightness flag and, when something was odd, a note.
   *
   * @param roundingFloorDecided true when the sides differ by more than the relative tolerance but
   *     by no more than the rounding floor: they are equal as far as double precision can tell, and
   *     their ratio (of two rounding residues) means nothing
   */
  public record Decision(
      Verdict verdict, boolean tight, String note, boolean roundingFloorDecided) {
    Decision(Verdict verdict, boolean tight, String note) {
      this(verdict, tight, note, false);
    }
  }

  public static Decision decide(
      Comparison comparison,
      Measurement measurement,
      double theoretical,
      double relativeTolerance) {
    return decide(comparison, measurement, theoretical, relativeTolerance, 0);
  }

  /**
   * True when the exact value exceeds the bound by more than the screen tolerance {@link
   * #SCREEN_RELATIVE_TOLERANCE} (relative): the comparison is then worth re-deciding in extended
   * precision. The rounding floor is left out on purpose: a real violation may hide inside it, and
   * only the extended evaluation can tell.
   */
  public static boolean beyondScreen(Comparison comparison, double value, double theoretical) {
    if (Double.isNaN(value) || Double.isNaN(theoretical)) {
      return false;
    }
    double excess = excess(comparison, value, theoretical);
    double tolerance =
        Double.isInfinite(theoretical) || Double.isInfinite(value)
            ? 0
            : SCREEN_RELATIVE_TOLERANCE * Math.max(Math.abs(theoretical), Math.abs(value));
    return excess > tolerance;
  }

  /**
   * True when the two sides differ by more than the relative tolerance but by no more than the
   * bound's rounding floor: double precision cannot tell them apart.
   */
  public static boolean withinRoundingFloor(
      double value, double theoretical, double relativeTolerance, double floor) {
    double difference = Math.abs(value - theoretical);
    return difference <= floor
        && difference > relativeTolerance * Math.max(Math.abs(theoretical), Math.abs(value));
  }

  /**
   * @param floor the absolute rounding floor of the bound's value (0 when unknown)
   */
  public static Decision decide(
      Comparison comparison,
      Measurement measurement,
      double theoretical,
      double relativeTolerance,
      double floor) {
    double value = measurement.value();
    double lo = measurement.lower();
    double hi = measurement.upper();
    if (Double.isNaN(theoretical)) {
      return new Decision(Verdict.INCONCLUSIVE, false, "the bound evaluates to NaN");
    }
    if (Double.isNaN(value) || Double.isNaN(lo) || Double.isNaN(hi)) {
      return new Decision(Verdict.INCONCLUSIVE, false, "the measurement is NaN");
    }
    boolean infinite = Double.isInfinite(theoretical) || Double.isInfinite(value);
    double relative =
        infinite ? 0 : relativeTolerance * Math.max(Math.abs(theoretical), Math.abs(value));
    double tolerance = infinite ? 0 : Math.max(relative, floor);
    double excess = excess(comparison, value, theoretical);
    // the floor only absorbs a would-be violation: a value inside the bound keeps its own ratio
    boolean floorDecided =
        !infinite && excess > 0 && withinRoundingFloor(value, theoretical, relativeTolerance, floor);
    boolean tight = !infinite && (Math.abs(value - theoretical) <= relative || floorDecided);
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
    return new Decision(
        verdict,
        tight,
        floorDecided
            ? "equal within the rounding floor "
                + SuiteSummary.number(floor)
                + " of the bound (the sides are rounding residues of size "
                + SuiteSummary.number(Math.max(Math.abs(value), Math.abs(theoretical)))
                + ")"
            : "",
        floorDecided);
  }

  /** The oriented excess of the value over the bound: positive on the violating side. */
  private static double excess(Comparison comparison, double value, double theoretical) {
    return comparison == Comparison.AT_MOST ? value - theoretical : theoretical - value;
  }
}
