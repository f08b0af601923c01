package io.metabound.experiments.family;

import io.metabound.experiments.task.SmoothLoss;

/**
 * A separable loss {@code f(w) = Σ_k a_k φ(w_k − c_k)} (plus, for {@link SeparableNonconvexLoss},
 * an optional convex quadratic anchor) with weights {@code a_k ≥ 0} and centre {@code c}: its
 * Hessian is diagonal, {@code ∇²f(w) = diag(f''_k(w_k))}, so spectral norms are maxima over
 * coordinates. The log family {@link SeparableNonconvexLoss} ({@code φ(u) = log(1 + u²)}) and the
 * cosine family {@link SeparableCosineLoss} ({@code φ(u) = 1 − cos u}) share this view, which the
 * separable instance domain ({@code SeparableDomain}) and the plans read.
 */
public sealed interface SeparableLoss extends SmoothLoss
    permits SeparableNonconvexLoss, SeparableCosineLoss {

  /** The weights {@code a_k} (a copy). */
  double[] weights();

  /** The centre {@code c_k} (a copy). */
  double[] centre();

  /** The same loss with the centre moved to {@code newCentre}, weights (and anchor) kept. */
  SeparableLoss withCentre(double[] newCentre);

  /** {@code f''} of coordinate {@code k} at the point {@code w}: the k-th diagonal Hessian entry. */
  double curvature(int k, double[] w);

  /** {@code f'''} of coordinate {@code k} at the point {@code w}. */
  double thirdDerivative(int k, double[] w);

  /** {@code inf_w λ_min(∇²f(w))}: the most negative curvature the loss has anywhere. */
  double smallestCurvature();

  /**
   * Checks one coordinate's weight ({@code a_k ≥ 0}, finite) and centre (finite), naming the loss.
   *
   * @throws IllegalArgumentException naming the coordinate and the value
   */
  static void checkCoordinate(String loss, int k, double weight, double centre) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          loss + " weight a_" + k + " must be finite and >= 0, got " + weight);
    }
    if (!Double.isFinite(centre)) {
      throw new IllegalArgumentException(loss + " centre c_" + k + " is " + centre);
    }
  }
}
