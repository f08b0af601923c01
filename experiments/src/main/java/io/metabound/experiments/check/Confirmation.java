package io.metabound.experiments.check;

/**
 * How a verdict near or past the bound was confirmed: the precision in which the decisive
 * comparison was made, and what it found.
 *
 * <p>An exact measurement whose double-precision excess over the bound is larger than the screen
 * tolerance ({@link VerdictRule#SCREEN_RELATIVE_TOLERANCE}) is re-evaluated through the same closed
 * forms in {@code Dfp} arithmetic at 50 and 100 significant digits ({@link ExtendedPrecision}); the
 * verdict is then the extended one. A check without an extended-precision form keeps its double
 * verdict, and says so.
 *
 * @param precision where the decisive comparison was made
 * @param excess the oriented excess {@code measured − bound} (upper bound) or {@code bound −
 *     measured} (lower bound) at the decisive precision, as a double (NaN when not computed)
 * @param floor the tolerance the excess was compared with at that precision (NaN when not computed)
 * @param note one line: what was compared and why the verdict is what it is
 */
public record Confirmation(Precision precision, double excess, double floor, String note) {

  /** Where a comparison was decided. */
  public enum Precision {
    /** IEEE double only: the check has no extended-precision form (or none was needed). */
    DOUBLE,
    /** Dfp at 50 and 100 significant digits through the same closed forms. */
    EXTENDED;

    /** Lower-case text for tables and JSON ({@code double}, {@code extended}). */
    public String label() {
      return this == DOUBLE ? "double" : "extended (50 and 100 digits)";
    }
  }

  public Confirmation {
    note = note == null ? "" : note;
  }

  /** A double-precision decision, with the reason no extended form was used. */
  public static Confirmation inDouble(String why) {
    return new Confirmation(Precision.DOUBLE, Double.NaN, Double.NaN, why);
  }
}
