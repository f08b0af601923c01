/**
 * Exact oracles written once over a Hipparchus field, so that the same closed forms run in IEEE
 * double ({@link org.hipparchus.util.Binary64}) during a search and in extended precision ({@link
 * org.hipparchus.dfp.Dfp}, 50 and 100 significant digits) when a verdict is confirmed.
 *
 * <p>An {@link io.metabound.experiments.oracle.field.ExactModel} is one instance seen through the
 * estimators of {@link io.metabound.experiments.oracle.Estimator}: each estimator's update
 * direction as an affine map {@code g(w) = A w − b} ({@link
 * io.metabound.experiments.oracle.field.FieldAffineMap}, {@code A} the meta-Hessian or Jacobian of
 * the direction), its meta-objective as a quadratic ({@link
 * io.metabound.experiments.oracle.field.FieldQuadraticObjective}) where one exists, and the
 * instance's task data. Quadratic task sets ({@link
 * io.metabound.experiments.oracle.field.QuadraticExactModel}) and the expected (data-averaged)
 * reading of Gaussian linear regression are the two models.
 *
 * <p>May import: {@code oracle}, {@code task}, {@code linalg}, Hipparchus core. Must not import
 * {@code check}, {@code probe} or {@code measure} (they build on this package).
 */
package io.metabound.experiments.oracle.field;
