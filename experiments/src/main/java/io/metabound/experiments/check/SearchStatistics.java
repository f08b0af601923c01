package io.metabound.experiments.check;

/**
 * What the falsifier did for a check.
 *
 * @param domain description of the searched domain
 * @param evaluations instances evaluated
 * @param inScopeEvaluations of which in scope
 * @param restarts CMA-ES restarts
 * @param bestSearchRatio the largest ratio seen during the search (point estimates)
 * @param timeCapHit true when the wall-clock cap stopped the search (output then depends on speed)
 * @param shrinkEvaluations candidates the shrinker evaluated (0 when nothing was shrunk)
 */
public record SearchStatistics(
    String domain,
    int evaluations,
    int inScopeEvaluations,
    int restarts,
    double bestSearchRatio,
    boolean timeCapHit,
    int shrinkEvaluations) {

  SearchStatistics withShrinkEvaluations(int n) {
    return new SearchStatistics(
        domain, evaluations, inScopeEvaluations, restarts, bestSearchRatio, timeCapHit, n);
  }
}
