/**
 * The measure language: the measured side of a claim as an expression over exact primitives of an
 * instance, e.g. {@code eigmin(meta_hessian(maml))}, {@code dist(stationary_point(maml),
 * stationary_point(fomaml))}, {@code spectral_radius(identity - beta*meta_hessian(maml))} or {@code
 * argmin(meta_objective(maml, origin), alpha, -1, 1)}.
 *
 * <ul>
 *   <li>{@link io.metabound.experiments.measure.MeasureParser} reads the plain syntax into an
 *       immutable {@link io.metabound.experiments.measure.MeasureExpression} (columns for errors,
 *       {@code toPlain()} round-trips);
 *   <li>{@link io.metabound.experiments.measure.MeasureValidator} finds every static problem
 *       (unknown names, argument kinds, scalar/vector/matrix types, undeclared estimator
 *       parameters) and {@link io.metabound.experiments.measure.MeasureRequirements} what a measure
 *       reads from its claim;
 *   <li>{@link io.metabound.experiments.measure.MeasureEvaluator} evaluates it on an {@link
 *       io.metabound.experiments.oracle.field.ExactModel} in any Hipparchus field (double for the
 *       search, {@code Dfp} to confirm) and returns an {@link
 *       io.metabound.experiments.measure.Evaluation} that records the steps that ran in double
 *       only;
 *   <li>{@link io.metabound.experiments.measure.Vocabulary} is the table of every name with an
 *       example claim, and {@link io.metabound.experiments.measure.InstanceConstants} the constants
 *       L, mu, kappa, rho, d, m, sigma of a quadratic instance in the field.
 * </ul>
 *
 * <p>May import: {@code oracle} (estimators, parameters, {@code BetaThreshold}), {@code
 * oracle.field}, {@code linalg}, {@code task}, Hipparchus core, the JDK. Must not import {@code
 * check}, {@code probe}, {@code plan}, {@code sweep} or the reports module (they build on it).
 */
package io.metabound.experiments.measure;
