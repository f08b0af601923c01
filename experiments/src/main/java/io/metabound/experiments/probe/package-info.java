/**
 * Probes: measurements of the quantities that the registered bounds speak of.
 *
 * <p>A {@link io.metabound.experiments.probe.Probe} measures one quantity id ({@code
 * meta-smoothness}, {@code estimator-bias}, …) on a replayable instance and returns a {@link
 * io.metabound.experiments.probe.Measurement}: exact (closed forms), bracketed (a deterministic
 * enclosure, e.g. an iterative solve to a certified tolerance) or Monte Carlo (a mean with a
 * Student-t confidence interval that can be re-computed at any level, which is how the check suite
 * applies the Holm correction).
 *
 * <p>The probes of stochastic quantities (inner-path deviation, estimator bias and second moment,
 * adaptive step-size moments, the surrogate gap of Fallah2020 Thm 4.11, stationarity of stochastic
 * runs) are obtained by quantity id and estimator name from {@link
 * io.metabound.experiments.probe.MonteCarloProbes}, which also documents the instance parameters
 * each one reads. They measure at the origin with additive Gaussian noise and draw every random
 * number from the instance's seed.
 */
package io.metabound.experiments.probe;
