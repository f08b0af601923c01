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
 *
 * <p>The exact probes read their hyper-parameters from the instance's parameters ({@code alpha},
 * {@code N}, {@code j}, {@code lambda}, {@code delta}, …) and points from vector parameters ({@code
 * w0 … w(d−1)}, see {@link io.metabound.experiments.check.VectorParameter}). Each states in its
 * class comment the closed form (or the algorithm it runs) and the derivation; the unit tests check
 * it against a second derivation. By family:
 *
 * <ul>
 *   <li>inner GD path (Ji2022 Lemmas 11–15, Cor 6): {@link
 *       io.metabound.experiments.probe.PathSensitivityProbe}, {@link
 *       io.metabound.experiments.probe.GradientGrowthProbe}, {@link
 *       io.metabound.experiments.probe.ProductDeviationProbe}, {@link
 *       io.metabound.experiments.probe.MetaGradientDeviationProbe}, {@link
 *       io.metabound.experiments.probe.StabilityMarginProbe}, {@link
 *       io.metabound.experiments.probe.DeviationAlphaThresholdProbe}, {@link
 *       io.metabound.experiments.probe.PointMetaGradientDeviationProbe}, {@link
 *       io.metabound.experiments.probe.TaskGradientNormProbe};
 *   <li>smoothness: {@link io.metabound.experiments.probe.MetaSmoothnessProbe}, {@link
 *       io.metabound.experiments.probe.LocalMetaSmoothnessProbe}, {@link
 *       io.metabound.experiments.probe.TaylorRemainderProbe}, {@link
 *       io.metabound.experiments.probe.FiniteDifferenceErrorProbe};
 *   <li>stepsize thresholds: {@link io.metabound.experiments.probe.BetaThresholdProbe}, {@link
 *       io.metabound.experiments.probe.SurrogateAlphaThresholdProbe}, {@link
 *       io.metabound.experiments.probe.ConvergenceAlphaThresholdProbe};
 *   <li>iMAML: {@link io.metabound.experiments.probe.ImplicitJacobianNormProbe}, {@link
 *       io.metabound.experiments.probe.ImplicitGradientErrorProbe}, {@link
 *       io.metabound.experiments.probe.AgdIterationsProbe}, {@link
 *       io.metabound.experiments.probe.CgIterationsProbe}, {@link
 *       io.metabound.experiments.probe.ImplicitGradientCostProbe}, {@link
 *       io.metabound.experiments.probe.MetaGradientCallsProbe}, {@link
 *       io.metabound.experiments.probe.MemoryProbe}.
 * </ul>
 *
 * {@link io.metabound.experiments.probe.ExactProbes} finds the exact probe of a quantity id for an
 * estimator name (for claims files); {@link io.metabound.experiments.probe.QuadraticOrProbe}
 * measures one quantity two ways on quadratic and other instances.
 */
package io.metabound.experiments.probe;
