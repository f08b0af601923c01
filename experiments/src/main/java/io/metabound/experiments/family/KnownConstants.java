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

  /**
   * A proven lower bound on {@code f} over all of {@code R^d}, or empty when none is known (the
   * hypothesis "bounded below" of Ji, Yang and Liang 2022, Assumption 1, and Fallah et al. 2020,
   * Assumption 4.2, is then undecided for this loss).
   */
  default java.util.OptionalDouble lowerBound() {
    return java.util.OptionalDouble.empty();
  }
}
