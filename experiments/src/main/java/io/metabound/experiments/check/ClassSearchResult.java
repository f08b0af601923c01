package io.metabound.experiments.check;

import java.util.Objects;

/**
 * The outcome of a check's {@link ClassSearch}: the same bound searched on a family inside the
 * result's hypotheses, reported beside the main search.
 *
 * @param family the family's name
 * @param why why the family is in the result's class and what it exercises
 * @param result the search's result (verdict, ratio, instance, strength, negative control)
 */
public record ClassSearchResult(String family, String why, CheckResult result) {

  public ClassSearchResult {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(result, "result");
  }

  /** {@code separable cosine: HOLDS, ratio 1, tight-in-class}. */
  public String summary() {
    return family
        + ": "
        + result.verdict().name()
        + ", ratio "
        + SuiteSummary.number(result.ratio())
        + (result.strength() == null ? "" : ", " + result.strength().cell())
        + " on "
        + result.instanceDescription();
  }
}
