package io.metabound.experiments.plan;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.CheckSuite;
import io.metabound.experiments.check.ClassSearch;
import io.metabound.experiments.check.Vacuity;
import io.metabound.experiments.check.RegistryChecks;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.check.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every plan, by bound id: the union of {@link ExactPlans} and {@link MonteCarloPlans}, validated
 * once (each id names a registry bound, no id is planned twice).
 *
 * <p>The suite built here is what {@code mvn verify} ({@code RegistrySuiteIT}), {@code metabound
 * check} and {@code metabound report} run: every registry bound is either checked with its plan
 * or listed as not checkable with the reason.
 */
public final class RegistryPlans {

  /** The seed of the build's suite and of the CLI's default run; printed with every summary. */
  public static final long DEFAULT_SEED = 20261201L;

  private static final Map<String, Plan> ALL = collect();

  private static final Map<String, String> REASONS = collectReasons();

  /** Ceilings on the ratio over the hypothesis class, by bound id (the vacuous checks). */
  private static final Map<String, Vacuity> VACUITIES = Vacuities.all();

  /** Second searches inside the results' hypotheses, by bound id. */
  private static final Map<String, ClassSearch> CLASS_SEARCHES = ClassSearches.all();

  private RegistryPlans() {}

  /** Every plan by bound id, in registry order; unmodifiable. */
  public static Map<String, Plan> all() {
    return ALL;
  }

  /** The plan of one bound, if it has one. */
  public static Optional<Plan> plan(String boundId) {
    return Optional.ofNullable(ALL.get(boundId));
  }

  /** The check of one bound, if it has a plan (what {@code --replay} and {@code --bound} use). */
  public static Optional<BoundCheck> check(String boundId) {
    Plan plan = ALL.get(boundId);
    if (plan == null) {
      return Optional.empty();
    }
    return BoundRegistry.find(boundId)
        .map(b -> RegistryChecks.check(b, plan, VACUITIES.get(boundId), CLASS_SEARCHES.get(boundId)));
  }

  /** The suite over some registry bounds (each checked, or listed with the reason it is not). */
  public static CheckSuite suite(List<Bound> bounds) {
    return RegistryChecks.suite(bounds, ALL, REASONS, VACUITIES, CLASS_SEARCHES);
  }

  /**
   * Why checkable bounds have no plan, by bound id: each reason says what is missing or why the
   * quantity has no measurable counterpart. Unmodifiable.
   */
  public static Map<String, String> reasons() {
    return REASONS;
  }

  /**
   * The INCONCLUSIVE results whose plan does not declare an INCONCLUSIVE verdict ({@link
   * Plan#inconclusiveReason()}): what the build's gate fails on, since a real violation by a few
   * per cent would also come out INCONCLUSIVE when the interval is too wide to decide.
   */
  public static List<CheckResult> undeclaredInconclusive(SuiteSummary summary) {
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult r : summary.results()) {
      Plan plan = ALL.get(r.boundId());
      if (r.verdict() == Verdict.INCONCLUSIVE
          && (plan == null || plan.inconclusiveReason() == null)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The suite over the whole registry. */
  public static CheckSuite suite() {
    return suite(BoundRegistry.all());
  }

  /**
   * The settings the build and the CLI use by default: {@link CheckSettings#defaults} with the
   * given seed. Individual plans adapt budgets and sample counts through their tuning.
   */
  public static CheckSettings defaultSettings(long seed) {
    return CheckSettings.defaults(seed);
  }

  private static Map<String, Plan> collect() {
    Map<String, Plan> merged = new LinkedHashMap<>();
    addAll(merged, ExactPlans.plans(), "ExactPlans");
    addAll(merged, MonteCarloPlans.plans(), "MonteCarloPlans");
    merged = AlgebraicChecks.labelled(merged);
    // registry order, so suites list bounds as the registry does
    Map<String, Plan> ordered = new LinkedHashMap<>();
    for (Bound bound : BoundRegistry.all()) {
      Plan plan = merged.get(bound.id());
      if (plan != null) {
        ordered.put(bound.id(), plan);
      }
    }
    return Collections.unmodifiableMap(ordered);
  }

  private static Map<String, String> collectReasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (Map<String, String> part : List.of(ExactPlans.reasons(), MonteCarloPlans.reasons())) {
      for (Map.Entry<String, String> e : part.entrySet()) {
        if (BoundRegistry.find(e.getKey()).isEmpty()) {
          throw new IllegalStateException("a reason is given for unknown bound " + e.getKey());
        }
        if (ALL.containsKey(e.getKey()) || reasons.put(e.getKey(), e.getValue()) != null) {
          throw new IllegalStateException(
              "bound " + e.getKey() + " is planned and excused, or excused twice");
        }
      }
    }
    return Collections.unmodifiableMap(reasons);
  }

  private static void addAll(Map<String, Plan> merged, Map<String, Plan> plans, String source) {
    for (Map.Entry<String, Plan> e : plans.entrySet()) {
      Bound bound =
          BoundRegistry.find(e.getKey())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          source + " plans unknown bound '" + e.getKey() + "'"));
      if (!e.getValue().probe().quantityId().equals(bound.quantity())) {
        throw new IllegalStateException(
            source
                + ": the probe for "
                + bound.id()
                + " measures '"
                + e.getValue().probe().quantityId()
                + "', the bound speaks of '"
                + bound.quantity()
                + "'");
      }
      if (merged.put(e.getKey(), e.getValue()) != null) {
        throw new IllegalStateException("bound " + e.getKey() + " is planned twice");
      }
    }
  }
}
