package io.metabound.experiments.autodiff;

import io.metabound.experiments.task.SmoothLoss;
import org.hipparchus.CalculusFieldElement;

/**
 * A smooth loss that can also be evaluated over any {@link CalculusFieldElement}, so that
 * forward-mode automatic differentiation (Hipparchus {@code Gradient}, {@code DerivativeStructure})
 * can be pushed through computations built from it.
 *
 * <p>The field methods compute the same closed forms as the {@code double} methods of {@link
 * SmoothLoss} (value, gradient, Hessian-vector product), written once more over the field type.
 * Passing inputs whose first derivatives are taken with respect to the meta-parameter {@code w}
 * through the N-step MAML meta-gradient (which uses gradients and Hessian-vector products of the
 * losses) yields the meta-Hessian {@code ∇²𝓛(w)} exactly: see {@link AutoDiffMetaHessian}.
 *
 * <p>The field methods allocate (field elements are immutable objects); they serve exact oracles,
 * not hot loops.
 */
public interface FieldLoss extends SmoothLoss {

  /** {@code f(w)} over the field. */
  <T extends CalculusFieldElement<T>> T value(T[] w);

  /** {@code out = ∇f(w)} over the field; {@code out} may not alias {@code w}. */
  <T extends CalculusFieldElement<T>> void gradient(T[] w, T[] out);

  /**
   * {@code out = ∇²f(w) v} over the field; {@code out} may alias neither {@code w} nor {@code v}.
   */
  <T extends CalculusFieldElement<T>> void hessianVector(T[] w, T[] v, T[] out);
}
