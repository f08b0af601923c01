package io.metabound.experiments.family;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;

/**
 * The gradient bound {@code sup_{‖w‖≤R} ‖∇f(w)‖ = (Σ_k a_k²)^{1/2}} of a separable loss whose
 * per-coordinate gradient has modulus at most {@code a_k}, with equality on a set of points: EXACT
 * when the ball reaches the nearest such point, a CERTIFIED upper bound (the global supremum)
 * otherwise. Shared by {@link SeparableNonconvexLoss} (unanchored) and {@link SeparableCosineLoss}.
 */
final class SeparableGradientBound {

  private SeparableGradientBound() {}

  /**
   * @param weights the weights {@code a_k}
   * @param nearest the distance from the origin to the nearest point where every {@code |f'_k| =
   *     a_k}
   * @param radius the ball radius {@code R}
   * @param where where the equality holds, for the note (e.g. "|w_k − c_k| = 1")
   */
  static FamilyConstant of(double[] weights, double nearest, double radius, String where) {
    double sq = 0;
    for (double a : weights) {
      sq += a * a;
    }
    boolean attained = nearest <= radius;
    return new FamilyConstant(
        "B_lip",
        Math.sqrt(sq),
        attained ? Exactness.EXACT : Exactness.CERTIFIED_UPPER_BOUND,
        "(Σ a_k²)^{1/2}: |f'| ≤ a with equality at "
            + where
            + (attained ? " (attained in the ball ‖w‖ ≤ " + radius + ")" : " (global sup)"));
  }
}
