package io.metabound.experiments.check;

import io.metabound.experiments.precision.Fields;
import io.metabound.experiments.probe.FieldMeasurement;
import io.metabound.experiments.probe.Probe;
import java.util.Locale;
import java.util.Optional;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;

/**
 * Confirms a comparison at the edge of a bound in extended precision: both sides are re-evaluated
 * through the same closed forms in {@code Dfp} arithmetic at {@value Fields#EXTENDED_DIGITS} and at
 * {@value Fields#CHECK_DIGITS} significant digits, from the same double inputs (the instance's
 * matrices and parameters are exact binary numbers, so both precisions compute the same real
 * numbers).
 *
 * <p>The rule, with {@code Δ_p} the oriented excess at {@code p} digits ({@code measured − bound}
 * for an upper bound, {@code bound − measured} for a lower bound):
 *
 * <pre>
 *   rounding estimate   e = |Δ_50 − Δ_100|         (the 50-digit error; the 100-digit one is far smaller)
 *   floor               f = max(1000 e, 10⁻⁴⁰ · max(|measured|, |bound|))
 *   Δ_100 &gt;  f  → VIOLATED (the violation persists in extended precision)
 *   Δ_100 &lt; −f  → HOLDS
 *   otherwise    → the two sides are equal: HOLDS, tight
 * </pre>
 *
 * The absolute floor {@code 1000 e} is derived from the magnitudes the computation involves: a
 * cancellation such as {@code 1 − α L} at {@code α = 1/L} leaves a residue of the size of the
 * working precision, which changes by fifty orders of magnitude between the two precisions and is
 * therefore never mistaken for a violation; a genuine excess agrees to dozens of digits.
 */
final class ExtendedPrecision {

  /** Multiple of the estimated rounding error that an excess must exceed. */
  static final double ROUNDING_MARGIN = 1000;

  /** Relative floor at 100 digits. */
  static final String RELATIVE_FLOOR = "1e-40";

  private ExtendedPrecision() {}

  /**
   * An extended-precision decision.
   *
   * @param verdict HOLDS or VIOLATED (null when no extended form exists; see {@code reason})
   * @param tight true when the two sides are equal within the floor (or the relative tolerance)
   * @param measured the measured side at 100 digits, as a double
   * @param theoretical the bound at 100 digits, as a double
   * @param ratio the oriented ratio at 100 digits (1 when equal)
   * @param confirmation the record of the comparison
   */
  record Outcome(
      Verdict verdict,
      boolean tight,
      double measured,
      double theoretical,
      double ratio,
      Confirmation confirmation) {

    boolean available() {
      return verdict != null;
    }

    static Outcome unavailable(String reason) {
      return new Outcome(
          null, false, Double.NaN, Double.NaN, Double.NaN, Confirmation.inDouble(reason));
    }
  }

  /**
   * @param relativeTolerance the tolerance within which a HOLDS is reported as tight
   */
  static Outcome confirm(
      Comparison comparison,
      TheoreticalBound bound,
      Probe probe,
      Instance instance,
      double relativeTolerance) {
    Optional<Sides> low = sides(bound, probe, instance, Fields.extended());
    if (low.isEmpty()) {
      return Outcome.unavailable(
          "no extended-precision form of "
              + (bound.valueInField(instance, Fields.extended()).isEmpty()
                  ? "the bound " + bound.formula()
                  : "the probe of " + probe.quantityId())
              + ": decided in double with the rounding floor");
    }
    if (!low.get().doubleOnly().isEmpty()) {
      return Outcome.unavailable(
          "the extended evaluation ran in double for: "
              + low.get().doubleOnly()
              + "; decided in double with the rounding floor");
    }
    Sides high = sides(bound, probe, instance, Fields.check()).orElseThrow();
    DfpField field = Fields.check();
    Dfp excessLow = lift(field, low.get().excess(comparison));
    Dfp excessHigh = high.excess(comparison);
    if (excessHigh.isNaN() || excessLow.isNaN()) {
      return Outcome.unavailable("the extended evaluation is not a number");
    }
    Dfp error = excessLow.subtract(excessHigh).abs();
    Dfp magnitude = Fields.max(high.measured().abs(), high.bound().abs());
    Dfp floor =
        Fields.max(error.multiply(ROUNDING_MARGIN), magnitude.multiply(field.newDfp(RELATIVE_FLOOR)));
    double measured = high.measured().getReal();
    double theoretical = high.bound().getReal();
    String digits = Fields.EXTENDED_DIGITS + " and " + Fields.CHECK_DIGITS + " digits";
    if (Fields.less(floor, excessHigh)) {
      Dfp ratio = orientedRatio(comparison, high);
      return new Outcome(
          Verdict.VIOLATED,
          false,
          measured,
          theoretical,
          ratio.getReal(),
          new Confirmation(
              Confirmation.Precision.EXTENDED,
              excessHigh.getReal(),
              floor.getReal(),
              String.format(
                  Locale.ROOT,
                  "violation confirmed at %s: excess %s (%s relative) against a rounding floor %s",
                  digits,
                  text(excessHigh),
                  text(magnitude.isZero() ? magnitude : excessHigh.divide(magnitude)),
                  text(floor))));
    }
    boolean equal = !Fields.less(excessHigh, floor.negate());
    Dfp ratio = equal ? field.getOne() : orientedRatio(comparison, high);
    boolean tight =
        equal
            || !Fields.less(
                magnitude.multiply(relativeTolerance), excessHigh.abs());
    String note =
        equal
            ? String.format(
                Locale.ROOT,
                "equal at %s: the sides differ by %s, within the rounding floor %s"
                    + " (a double-precision excess was a rounding residue)",
                digits,
                text(excessHigh.abs()),
                text(floor))
            : String.format(
                Locale.ROOT, "holds at %s: margin %s", digits, text(excessHigh.negate()));
    return new Outcome(
        Verdict.HOLDS,
        tight,
        measured,
        theoretical,
        ratio.getReal(),
        new Confirmation(
            Confirmation.Precision.EXTENDED, excessHigh.getReal(), floor.getReal(), note));
  }

  /** The two sides in one field, with the steps that ran in double only. */
  private record Sides(Dfp measured, Dfp bound, java.util.List<String> doubleOnly) {
    Dfp excess(Comparison comparison) {
      return comparison == Comparison.AT_MOST ? measured.subtract(bound) : bound.subtract(measured);
    }
  }

  private static Optional<Sides> sides(
      TheoreticalBound bound, Probe probe, Instance instance, DfpField field) {
    Optional<Dfp> t = bound.valueInField(instance, field);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Optional<FieldMeasurement<Dfp>> m = probe.measureInField(instance, field);
    return m.map(v -> new Sides(v.value(), t.get(), v.doubleOnlySteps()));
  }

  private static Dfp orientedRatio(Comparison comparison, Sides s) {
    Dfp numerator = comparison == Comparison.AT_MOST ? s.measured() : s.bound();
    Dfp denominator = comparison == Comparison.AT_MOST ? s.bound() : s.measured();
    if (denominator.isZero()) {
      return numerator.isZero()
          ? numerator.getField().getOne()
          : numerator.negativeOrNull()
              ? numerator.getField().getZero()
              : numerator.getField().newDfp(Double.POSITIVE_INFINITY);
    }
    return numerator.divide(denominator);
  }

  /** A 50-digit value in the 100-digit field (exact: the digits are kept). */
  private static Dfp lift(DfpField field, Dfp x) {
    return field.newDfp(x.toString());
  }

  private static String text(Dfp x) {
    double v = x.getReal();
    if (v != 0 || x.isZero()) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    // below the double range: Dfp's own scientific text, shortened
    String s = x.toString();
    int e = s.indexOf('e');
    return e > 0 && e > 6 ? s.substring(0, 6) + s.substring(e) : s;
  }
}
