/**
 * The Gaussian linear-regression family of the claims files ({@code family: {type:
 * linear-regression, …}}): task {@code i} has a parameter {@code θ_i = θ̄ + (ν/√d) z_i}, inputs
 * {@code x ~ N(0, Σ)} with diagonal {@code Σ}, targets {@code y = xᵀθ_i + ε}, {@code ε ~ N(0, σ²)},
 * and every task has {@code n_t} train and {@code n_v} validation samples with least-squares losses
 * {@code (1/(2n))‖Xw − y‖²}.
 *
 * <p>Two readings of an instance ({@link io.metabound.experiments.family.regression.DataReading}):
 *
 * <ul>
 *   <li><b>sampled</b>: one data set per task; its train and validation losses are written exactly
 *       as quadratics ({@link io.metabound.experiments.family.regression.LeastSquaresQuadratic}),
 *       so the instance is an ordinary quadratic task set with separate outer losses;
 *   <li><b>expected</b>: the expectation over the data, as the exact model {@link
 *       io.metabound.experiments.family.regression.ExpectedRegressionModel} (Wishart moments, one
 *       inner step or none), with {@link
 *       io.metabound.experiments.family.regression.RegressionMonteCarlo} for what has no closed
 *       form.
 * </ul>
 *
 * <p>{@link io.metabound.experiments.family.regression.LinearRegressionSetting} is the instance's
 * family data in one value (covariance spectrum, task parameters, sample sizes, noise, prior); the
 * search domain that decodes instances is {@code check.LinearRegressionDomain}.
 *
 * <p>May import: {@code oracle} and {@code oracle.field} (estimators and the exact-model contract),
 * {@code task}, {@code family} (least squares), {@code probe.Measurement} (Monte Carlo results),
 * {@code check.Instance} and {@code check.VectorParameter} (to rebuild a model from a replayed
 * instance), Hipparchus. Must not import the rest of {@code check}, nor {@code measure}.
 */
package io.metabound.experiments.family.regression;
