package io.metabound.experiments.family;

import io.metabound.experiments.constant.FamilyConstant;

/**
 * A loss whose regularity constants are known in closed form (exact) or bounded by a proof
 * (certified upper bound), never estimated.
 */
public interface KnownConstants {

  /** {@code L = sup_w ‖∇²f(w)‖₂}: the gradient-Lipschitz constant (symbol {@code L}). */
  FamilyConstant smoothness();

  /**
   * {@code ρ}: a Lipschitz constant of {@code w ↦ ∇²f(w)} in the spectral norm (symbol {@code
   * rho}).
   */
  FamilyConstant hessianLipschitz();

  /**
   * {@code sup_{‖w‖ ≤ R} ‖∇f(w)‖} (symbol {@code B_lip}, iMAML's {@code B}); {@code R} may be
   * {@code +∞} when the gradient is globally bounded.
   */
  FamilyConstant gradientBound(double radius);
}
