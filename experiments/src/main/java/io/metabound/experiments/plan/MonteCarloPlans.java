package io.metabound.experiments.plan;

import io.metabound.experiments.check.RegistryChecks.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans for the bounds on stochastic quantities, measured by Monte Carlo with confidence intervals:
 * SGD inner-path deviation (Ji2022 Prop 2), bias and second moment of the stochastic meta-gradient
 * estimators (Ji2022 Props 3, 4, 8; Fallah2020 Lemma 4.10, Thm 4.11), moments of the adaptive
 * meta stepsize (Ji2022 Lemmas 16, 20; Fallah2020 Lemma 4.9) and the stationarity of stochastic
 * runs (Ji2022 Thms 5, 9; Fallah2020 Thms 4.12, 4.15, 4.17).
 */
public final class MonteCarloPlans {

  private MonteCarloPlans() {}

  /** The plans by bound id. */
  public static Map<String, Plan> plans() {
    Map<String, Plan> plans = new LinkedHashMap<>();
    return plans;
  }

  /**
   * Why some bounds of this kind have no plan, by bound id (each reason one sentence: what is
   * missing, or why the quantity has no measurable counterpart on families with known constants).
   */
  public static Map<String, String> reasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    return reasons;
  }
}
