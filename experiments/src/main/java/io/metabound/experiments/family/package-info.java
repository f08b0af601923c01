/**
 * Non-quadratic task families with their constants, each labelled EXACT or CERTIFIED_UPPER_BOUND:
 * logistic regression (docs/THEOREMS.md §6.2), separable non-convex losses {@code Σ a_k log(1 +
 * (w_k − c_k)²)} with closed-form L and ρ, least squares over fixed sample sets, and seeded
 * generators of task sets.
 */
package io.metabound.experiments.family;
