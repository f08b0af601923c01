package io.metabound.experiments.check;

import java.util.List;
import java.util.Objects;

/**
 * The strength of one check's verdict ({@link Strength}) with what supports it.
 *
 * @param kind the kind
 * @param ratio the best ratio the search found (NaN when nothing was in scope)
 * @param detail why: the consistency reason, the vacuity ceiling and its argument, the hypotheses
 *     the tight instance breaks, or the best ratio
 * @param hypotheses the descriptive hypotheses of the result as checked on the best instance
 *     (empty when not checked)
 * @param ceiling the ceiling on the ratio of a vacuous check (NaN otherwise)
 */
public record CheckStrength(
    Strength kind,
    double ratio,
    String detail,
    List<HypothesisClass.Status> hypotheses,
    double ceiling) {

  /** A ratio at least this large counts as attaining the bound. */
  public static final double TIGHT_RATIO = 0.99;

  /**
   * A ceiling on the ratio at or below this level makes a check vacuous: the negative control
   * (the bound halved) then cannot fail on any instance of the class.
   */
  public static final double VACUOUS_LEVEL = 0.5;

  public CheckStrength {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    hypotheses = List.copyOf(hypotheses);
  }

  /** The hypotheses the best instance breaks. */
  public List<HypothesisClass.Status> broken() {
    return HypothesisClass.withVerdict(hypotheses, HypothesisClass.Holds.BROKEN);
  }

  /** The hypotheses that could not be decided on the best instance. */
  public List<HypothesisClass.Status> undecided() {
    return HypothesisClass.withVerdict(hypotheses, HypothesisClass.Holds.UNDECIDED);
  }

  /** The same strength with a further remark appended to its detail. */
  public CheckStrength withNote(String note) {
    return new CheckStrength(kind, ratio, detail + "; " + note, hypotheses, ceiling);
  }

  /** {@code tight-in-class}, {@code genuine (best ratio 0.41)}, … for one table cell. */
  public String cell() {
    return switch (kind) {
      case GENUINE -> kind.label() + " (best " + SuiteSummary.number(ratio) + ")";
      case VACUOUS -> kind.label() + " (ceiling " + SuiteSummary.number(ceiling) + ")";
      default -> kind.label();
    };
  }
}
