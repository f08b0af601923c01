package io.metabound.experiments.plan;

import io.metabound.experiments.check.RegistryChecks.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans for the bounds whose quantity is computed exactly or deterministically: inner-path
 * quantities (Ji2022 Lemmas 11–14, 17, 18), meta-smoothness (Ji2022 Props 1, 7; Fallah2020 Lemma
 * 4.8), task-gradient norms (Lemmas 15, 19), stepsize thresholds (Takagi2019; the α conditions),
 * and iMAML's Jacobian, gradient error and iteration counts (Rajeswaran2019).
 *
 * <p>One class per paper holds the plans ({@code Ji2022Plans}, {@code Fallah2020Plans}, {@code
 * Takagi2019Plans}, {@code Rajeswaran2019Plans}); each plan's javadoc-level rationale (which
 * quantity is measured, why the domain reaches the worst case, which constants are exact or
 * certified, where an assumption is restricted to a region) is in those classes and in the plans'
 * {@link io.metabound.experiments.check.CheckRemarks} (notes on constants and regions; the label of
 * a consistency check of the encoding), which the summaries and reports print. Hypotheses that can
 * fail are {@link io.metabound.experiments.check.ScopeCondition}s. Bounds with ρ-terms carry an
 * {@link io.metabound.experiments.check.Ablation} control, and their domains include the anchored
 * separable family ({@code PlanSupport.anchored}) on which those terms decide.
 */
public final class ExactPlans {

  private ExactPlans() {}

  /** The plans by bound id. */
  public static Map<String, Plan> plans() {
    Map<String, Plan> plans = new LinkedHashMap<>();
    Ji2022Plans.addTo(plans);
    Fallah2020Plans.addTo(plans);
    Takagi2019Plans.addTo(plans);
    Rajeswaran2019Plans.addTo(plans);
    return plans;
  }

  /**
   * Why some bounds of this kind have no plan, by bound id (each reason one sentence: what is
   * missing, or why the quantity has no measurable counterpart on families with known constants).
   */
  public static Map<String, String> reasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    Ji2022Plans.addReasonsTo(reasons);
    Rajeswaran2019Plans.addReasonsTo(reasons);
    return reasons;
  }
}
