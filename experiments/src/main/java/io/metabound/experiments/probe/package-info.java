/**
 * Probes: measurements of the quantities that the registered bounds speak of.
 *
 * <p>A {@link io.metabound.experiments.probe.Probe} measures one quantity id ({@code
 * meta-smoothness}, {@code estimator-bias}, …) on a replayable instance and returns a {@link
 * io.metabound.experiments.probe.Measurement}: exact (closed forms), bracketed (a deterministic
 * enclosure, e.g. an iterative solve to a certified tolerance) or Monte Carlo (a mean with a
 * Student-t confidence interval that can be re-computed at any level, which is how the check suite
 * applies the Holm correction).
 */
package io.metabound.experiments.probe;
