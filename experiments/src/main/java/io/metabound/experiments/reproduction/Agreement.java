package io.metabound.experiments.reproduction;

import java.util.List;

/** Whether a measurement agrees with what a paper says. */
public enum Agreement {
  /** The measurement agrees with the claim. */
  AGREES,
  /** Some parts of the claim agree, others do not. */
  PARTLY_AGREES,
  /** The measurement contradicts the claim. */
  DISAGREES,
  /** The measurement cannot decide (an interval straddles the criterion, or it was not measured). */
  INCONCLUSIVE;

  /**
   * The verdict of a whole reproduction from its findings: AGREES when every finding agrees,
   * DISAGREES when none does and at least one disagrees, INCONCLUSIVE when the decided findings all
   * agree but some are undecided (or there are no findings), PARTLY_AGREES otherwise.
   */
  public static Agreement combine(List<Finding> findings) {
    int agree = 0;
    int disagree = 0;
    int undecided = 0;
    for (Finding f : findings) {
      switch (f.agreement()) {
        case AGREES -> agree++;
        case DISAGREES -> disagree++;
        case INCONCLUSIVE -> undecided++;
        case PARTLY_AGREES -> {
          agree++;
          disagree++;
        }
      }
    }
    if (disagree == 0) {
      return undecided == 0 && agree > 0 ? AGREES : INCONCLUSIVE;
    }
    return agree == 0 ? DISAGREES : PARTLY_AGREES;
  }

  /** {@code AGREES} when the condition holds, {@code DISAGREES} otherwise. */
  public static Agreement of(boolean agrees) {
    return agrees ? AGREES : DISAGREES;
  }

  /** Lower-case words for reports: {@code agrees}, {@code partly agrees}, … */
  public String words() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
