package io.metabound.experiments.check;

import java.util.List;

/**
 * What the falsifier did for a check: how much of the search was in scope and what it cost.
 *
 * @param domain description of the searched domain
 * @param budget the evaluation budget the search was given
 * @param evaluations instances evaluated
 * @param inScopeEvaluations of which in scope (the bound's hypotheses held and it was measured)
 * @param restarts CMA-ES restarts
 * @param bestSearchRatio the largest ratio seen during the search (point estimates)
 * @param timeCapHit true when the wall-clock cap stopped the search (output then depends on speed)
 * @param shrinkEvaluations candidates the shrinker evaluated (0 when nothing was shrunk)
 * @param collapsed one line per searched parameter of which a single value was ever in scope
 *     (e.g. {@code only alpha = 0 was in scope (212 of 400 evaluations)}); empty when none
 */
public record SearchStatistics(
    String domain,
    int budget,
    int evaluations,
    int inScopeEvaluations,
    int restarts,
    double bestSearchRatio,
    boolean timeCapHit,
    int shrinkEvaluations,
    List<String> collapsed) {

  /**
   * Fewest in-scope evaluations a HOLDS verdict may rest on (or the budget, when that is smaller):
   * below it the search says too little about the domain and the verdict is INCONCLUSIVE.
   */
  public static final int MINIMUM_IN_SCOPE = 10;

  public SearchStatistics {
    collapsed = List.copyOf(collapsed);
  }

  /** Evaluations whose instance failed the bound's hypotheses (nothing was measured). */
  public int outOfScopeEvaluations() {
    return evaluations - inScopeEvaluations;
  }

  /**
   * Why the in-scope part of the search is too small to support HOLDS, or null when it is not:
   * fewer than {@link #MINIMUM_IN_SCOPE} in-scope evaluations, or a searched parameter with a
   * single in-scope value.
   */
  public String scopeProblem() {
    int minimum = Math.min(MINIMUM_IN_SCOPE, budget);
    if (inScopeEvaluations < minimum) {
      return "only "
          + inScopeEvaluations
          + " of "
          + evaluations
          + " evaluations were in scope (at least "
          + minimum
          + " are needed)";
    }
    return collapsed.isEmpty() ? null : String.join("; ", collapsed);
  }

  SearchStatistics withShrinkEvaluations(int n) {
    return new SearchStatistics(
        domain,
        budget,
        evaluations,
        inScopeEvaluations,
        restarts,
        bestSearchRatio,
        timeCapHit,
        n,
        collapsed);
  }
}
