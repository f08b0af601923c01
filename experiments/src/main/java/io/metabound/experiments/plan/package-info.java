/**
 * Plans: how each registry bound is checked — the probe that measures its quantity, the instance
 * domain restricted to its hypotheses, the exact (or certified) constants of an instance, the
 * parameter it is profiled along in the report, and any expected finding.
 *
 * <p>{@link io.metabound.experiments.plan.ExactPlans} holds the bounds whose quantity has a closed
 * form or a deterministic computation (path quantities, meta-smoothness, stepsize thresholds,
 * implicit-gradient errors, iteration counts); {@link
 * io.metabound.experiments.plan.MonteCarloPlans} the bounds on stochastic quantities (moments of
 * estimators, stepsizes and inner paths, stationarity of stochastic runs), measured with confidence
 * intervals, over the task families of {@code Families} (searched by {@code FamilyDomain}) with the
 * constants of {@code MonteCarloConstants}. {@link io.metabound.experiments.plan.RegistryPlans}
 * joins them, and turns the registry into the suite that {@code mvn verify}, {@code metabound
 * check} and the report run.
 */
package io.metabound.experiments.plan;
