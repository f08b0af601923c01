package io.metabound.reports.report;

import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.CheckSuite;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.plan.RegistryPlans;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks a report runs and how: the suite, the plan of each checked bound (for its profile
 * plot: the profiled parameter and the instance constants) and the settings. Injectable, so tests
 * feed the report a small suite; {@link #registry} is what {@code metabound report} runs.
 *
 * @param suite the checks and the bounds listed as not checkable
 * @param plans the plan of a bound id, if it has one (checks without a plan get no profile plot)
 * @param settings seed, budgets and levels
 * @param description where the suite comes from, for the report's header
 */
public record ReportSuite(
    CheckSuite suite,
    Function<String, Optional<Plan>> plans,
    CheckSettings settings,
    String description) {

  /** The whole registry with every plan ({@link RegistryPlans}) at the default settings. */
  public static ReportSuite registry(long seed) {
    return new ReportSuite(
        RegistryPlans.suite(),
        RegistryPlans::plan,
        RegistryPlans.defaultSettings(seed),
        "RegistryPlans.suite() with RegistryPlans.defaultSettings(" + seed + ")");
  }

  /** A suite with plans given as a map (tests). */
  public static ReportSuite of(
      CheckSuite suite, Map<String, Plan> plans, CheckSettings settings, String description) {
    return new ReportSuite(suite, id -> Optional.ofNullable(plans.get(id)), settings, description);
  }

  /**
   * Quick mode: at most 60 falsifier evaluations, 50 search and 400 confirmation Monte Carlo
   * samples and 60 shrink evaluations per check (seed and levels unchanged, as the per-check
   * tunings require). Verdicts use the same rules with wider intervals.
   */
  public ReportSuite quick() {
    CheckSettings s =
        settings
            .withEvaluationBudget(Math.min(60, settings.evaluationBudget()))
            .withSamples(
                Math.min(50, settings.searchSamples()), Math.min(400, settings.confirmationSamples()))
            .withShrinkBudget(Math.min(60, settings.shrinkBudget()));
    return new ReportSuite(suite, plans, s, description + ", quick mode");
  }

  /** The same suite with another seed. */
  public ReportSuite withSeed(long seed) {
    return new ReportSuite(suite, plans, settings.withSeed(seed), description);
  }

  /** The number of checks. */
  public int checkCount() {
    return suite.checks().size();
  }

  /** The plan of a check, if any. */
  public Optional<Plan> plan(BoundCheck check) {
    return plans.apply(check.boundId());
  }
}
