package io.metabound.experiments.check;

import io.metabound.bounds.registry.Assumption;
import java.util.List;

/**
 * Classifies a finished check into a {@link Strength}, in this order:
 *
 * <ol>
 *   <li>{@link Strength#CONSISTENCY} when the plan says the measured side equals the formula by
 *       derivation on the result's instance ({@link CheckRemarks#at});
 *   <li>{@link Strength#VACUOUS} when the plan gives a {@link Vacuity} ceiling (a ratio above the
 *       ceiling refutes the ceiling, and the check is then classified as if it had none);
 *   <li>for a ratio ≥ {@link CheckStrength#TIGHT_RATIO} that holds, the result's descriptive
 *       hypotheses are decided on the instance attaining it ({@link HypothesisClass}): all hold →
 *       {@link Strength#TIGHT_IN_CLASS}; some broken → {@link Strength#TIGHT_OUT_OF_CLASS}, naming
 *       them; some undecided and none broken → {@link Strength#GENUINE}, saying which could not be
 *       decided (tightness is then not claimed);
 *   <li>otherwise {@link Strength#GENUINE} with the best ratio.
 * </ol>
 */
public final class StrengthRule {

  private StrengthRule() {}

  public static CheckStrength classify(
      CheckResult result, List<Assumption> hypotheses, Vacuity vacuity) {
    double ratio = result.ratio();
    if (result.isConsistencyCheck()) {
      return new CheckStrength(
          Strength.CONSISTENCY, ratio, result.remarks().consistency(), List.of(), Double.NaN);
    }
    if (vacuity != null && !(ratio > vacuity.ceiling())) {
      return new CheckStrength(
          Strength.VACUOUS,
          ratio,
          "ratio ≤ " + SuiteSummary.number(vacuity.ceiling()) + " on the whole class: "
              + vacuity.argument(),
          List.of(),
          vacuity.ceiling());
    }
    String refuted =
        vacuity == null
            ? ""
            : " (the declared vacuity ceiling "
                + SuiteSummary.number(vacuity.ceiling())
                + " is refuted by this ratio)";
    if (result.verdict() == Verdict.HOLDS
        && ratio >= CheckStrength.TIGHT_RATIO
        && result.instance() != null) {
      List<HypothesisClass.Status> decided = HypothesisClass.decide(hypotheses, result.instance());
      List<HypothesisClass.Status> broken =
          HypothesisClass.withVerdict(decided, HypothesisClass.Holds.BROKEN);
      List<HypothesisClass.Status> undecided =
          HypothesisClass.withVerdict(decided, HypothesisClass.Holds.UNDECIDED);
      if (!broken.isEmpty()) {
        return new CheckStrength(
            Strength.TIGHT_OUT_OF_CLASS,
            ratio,
            "attained only outside the hypotheses: "
                + describe(broken)
                + refuted,
            decided,
            Double.NaN);
      }
      if (undecided.isEmpty()) {
        return new CheckStrength(
            Strength.TIGHT_IN_CLASS,
            ratio,
            "attained by an instance that satisfies every hypothesis"
                + (decided.isEmpty() ? "" : " (" + describe(decided) + ")")
                + refuted,
            decided,
            Double.NaN);
      }
      return new CheckStrength(
          Strength.GENUINE,
          ratio,
          "best ratio " + SuiteSummary.number(ratio)
              + "; class membership of the attaining instance undecided: "
              + describe(undecided)
              + refuted,
          decided,
          Double.NaN);
    }
    return new CheckStrength(
        Strength.GENUINE,
        ratio,
        "best ratio " + SuiteSummary.number(ratio) + refuted,
        List.of(),
        Double.NaN);
  }

  private static String describe(List<HypothesisClass.Status> statuses) {
    return String.join("; ", statuses.stream().map(HypothesisClass.Status::describe).toList());
  }
}
