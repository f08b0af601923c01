package io.metabound.experiments.check;

import io.metabound.bounds.registry.Assumption;
import java.util.List;

/**
 * What a check's strength is decided from besides its result: the result's hypotheses (to decide
 * whether a tight instance is in the paper's class), a vacuity ceiling when the plan proves or
 * measures one, and the check's second search on a family inside the hypotheses.
 *
 * @param hypotheses the bound's assumptions (the descriptive ones are decided per instance)
 * @param vacuity the ceiling on the ratio over the class, or null
 * @param classSearch the second search's description, or null
 * @param classCheck the second search as a check of the same bound, or null
 */
public record StrengthEvidence(
    List<Assumption> hypotheses, Vacuity vacuity, ClassSearch classSearch, BoundCheck classCheck) {

  /** No hypotheses, ceiling or class search. */
  public static final StrengthEvidence NONE = new StrengthEvidence(List.of(), null, null, null);

  public StrengthEvidence {
    hypotheses = List.copyOf(hypotheses);
    if ((classSearch == null) != (classCheck == null)) {
      throw new IllegalArgumentException("a class search needs both its description and its check");
    }
  }

  public StrengthEvidence withHypotheses(List<Assumption> newHypotheses) {
    return new StrengthEvidence(newHypotheses, vacuity, classSearch, classCheck);
  }

  public StrengthEvidence withVacuity(Vacuity newVacuity) {
    return new StrengthEvidence(hypotheses, newVacuity, classSearch, classCheck);
  }

  public StrengthEvidence withClassSearch(ClassSearch search, BoundCheck check) {
    return new StrengthEvidence(hypotheses, vacuity, search, check);
  }

  /** The same evidence without the class search (negative controls do not repeat it). */
  public StrengthEvidence withoutClassSearch() {
    return new StrengthEvidence(hypotheses, vacuity, null, null);
  }
}
