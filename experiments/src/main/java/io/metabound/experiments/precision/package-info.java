/**
 * Extended precision and rounding: the tools a verdict uses to tell a real violation from a
 * rounding residue.
 *
 * <ul>
 *   <li>{@link io.metabound.experiments.precision.FieldExpressions}: a bound's symbolic expression
 *       evaluated in any Hipparchus field ({@code Dfp} at 50 or 100 digits, {@code Binary64});
 *   <li>{@link io.metabound.experiments.precision.RoundingFloor}: a first-order bound on the
 *       absolute rounding error of evaluating an expression in double, from the magnitudes of its
 *       intermediate values — the absolute floor of double-precision comparisons;
 *   <li>{@link io.metabound.experiments.precision.Fields}: ordering and conversion helpers that work
 *       for every field element type.
 * </ul>
 *
 * <p>May import: {@code bounds.expr}, Hipparchus core. Used by {@code check} and {@code probe}.
 */
package io.metabound.experiments.precision;
