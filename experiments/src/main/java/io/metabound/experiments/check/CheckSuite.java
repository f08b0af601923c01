package io.metabound.experiments.check;

import io.metabound.experiments.probe.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Runs many checks with one seed and corrects Monte Carlo verdicts for multiplicity.
 *
 * <p>Each check runs exactly as it would alone (same seed, confidence level {@code 1 − α}), so a
 * suite's per-check search is reproducible with {@code --bound ID}. Then the verdicts of the checks
 * whose final measurement is Monte Carlo are re-decided by Holm's step-down at family-wise level α
 * ({@link HolmBonferroni}): each gets the interval level of its rank. Exact and bracketed
 * measurements are not random and are not part of the family. Shrinking and negative controls use
 * the single-check level.
 */
public final class CheckSuite {

  private final List<BoundCheck> checks = new ArrayList<>();
  private final List<NotCheckable> notCheckable = new ArrayList<>();

  public CheckSuite add(BoundCheck check) {
    for (BoundCheck c : checks) {
      if (c.boundId().equals(check.boundId())) {
        throw new IllegalArgumentException("bound " + check.boundId() + " added twice");
      }
    }
    checks.add(check);
    return this;
  }

  public CheckSuite addNotCheckable(String boundId, String reason) {
    notCheckable.add(new NotCheckable(boundId, reason));
    return this;
  }

  public List<BoundCheck> checks() {
    return List.copyOf(checks);
  }

  public List<NotCheckable> notCheckable() {
    return List.copyOf(notCheckable);
  }

  /** Runs every check in insertion order, then applies Holm's correction. */
  public SuiteSummary run(CheckSettings settings) {
    return run(settings, (index, check) -> {}, result -> result);
  }

  /**
   * Runs every check in insertion order, then applies Holm's correction.
   *
   * @param starting called with the number of checks done and the check about to run (progress)
   * @param finished applied to each result before the correction (e.g. to rewrite the path of its
   *     counterexample file); must not change the verdict or the measurement
   */
  public SuiteSummary run(
      CheckSettings settings,
      BiConsumer<Integer, BoundCheck> starting,
      UnaryOperator<CheckResult> finished) {
    List<CheckResult> results = new ArrayList<>();
    for (BoundCheck check : checks) {
      starting.accept(results.size(), check);
      results.add(finished.apply(check.run(settings)));
    }
    return summarise(results, notCheckable, settings);
  }

  /** Applies Holm's correction to results obtained elsewhere and builds the summary. */
  public static SuiteSummary summarise(
      List<CheckResult> results, List<NotCheckable> notCheckable, CheckSettings settings) {
    List<Integer> family = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      CheckResult r = results.get(i);
      // NaN values are INCONCLUSIVE already and have no p-value: they stay out of the family
      if (r.measurement() != null
          && r.measurement().isStochastic()
          && r.verdict() != Verdict.OUT_OF_SCOPE
          && !Double.isNaN(r.measurement().twoSidedPValue(r.theoretical()))) {
        family.add(i);
      }
    }
    List<CheckResult> adjusted = new ArrayList<>(results);
    double alpha = settings.familyWiseLevel();
    if (!family.isEmpty()) {
      double[] p = new double[family.size()];
      for (int k = 0; k < p.length; k++) {
        CheckResult r = results.get(family.get(k));
        p[k] = r.measurement().twoSidedPValue(r.theoretical());
      }
      HolmBonferroni.Decision holm = HolmBonferroni.apply(p, alpha);
      for (int k = 0; k < p.length; k++) {
        CheckResult r = results.get(family.get(k));
        Measurement m = r.measurement().atLevel(holm.levels()[k]);
        VerdictRule.Decision d =
            VerdictRule.decide(r.comparison(), m, r.theoretical(), settings.relativeTolerance());
        // retained hypotheses are INCONCLUSIVE by construction of the step-down
        Verdict v = holm.rejected()[k] ? d.verdict() : Verdict.INCONCLUSIVE;
        adjusted.set(
            family.get(k), r.withMeasurement(m).withVerdict(v, d.tight(), holm.levels()[k], alpha));
      }
    }
    return new SuiteSummary(
        adjusted, notCheckable, settings.seed(), alpha, family.size(), settings.evaluationBudget());
  }
}
