/**
 * Forward-mode automatic differentiation (Hipparchus {@code Gradient}) through the exact N-step
 * MAML meta-gradient: {@link io.metabound.experiments.autodiff.FieldLoss} evaluates losses over any
 * {@code CalculusFieldElement}, and {@link io.metabound.experiments.autodiff.AutoDiffMetaHessian}
 * returns the meta-Hessian of non-quadratic task sets without truncation error.
 */
package io.metabound.experiments.autodiff;
