package io.metabound.experiments.algorithm;

/**
 * The step δ of the finite-difference Hessian-vector product {@code ∇²φ(w)v ≈ [∇φ(w + δv) − ∇φ(w −
 * δv)]/(2δ)} (Fallah2020 eq. (9); error at most {@code ρδ‖v‖²}).
 */
public sealed interface FiniteDifferenceStep {

  /** δ for a product with a vector of norm {@code vectorNorm > 0}. */
  double delta(double vectorNorm);

  /** A fixed δ > 0. */
  record Fixed(double value) implements FiniteDifferenceStep {
    public Fixed {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            "finite-difference step delta must be finite and > 0, got " + value);
      }
    }

    @Override
    public double delta(double vectorNorm) {
      return value;
    }
  }

  /**
   * Fallah2020 Thm 4.17: {@code δ = 1/(6ρα‖v‖)}, so that the finite-difference error {@code ρδ‖v‖²}
   * is at most {@code ‖v‖/(6α)}. When {@code ρα = 0} the gradient is affine along the difference
   * and every δ is exact; then {@code δ = 1/‖v‖} is used (so {@code δ‖v‖ = 1}).
   */
  record Fallah(double hessianLipschitz, double alpha) implements FiniteDifferenceStep {
    public Fallah {
      if (!(hessianLipschitz >= 0) || !(alpha >= 0)) {
        throw new IllegalArgumentException(
            "Fallah's delta needs rho >= 0 and alpha >= 0, got " + hessianLipschitz + ", " + alpha);
      }
    }

    @Override
    public double delta(double vectorNorm) {
      double delta = HessianFreeMaml.fallahDelta(hessianLipschitz, alpha, vectorNorm);
      return Double.isFinite(delta) ? delta : 1 / vectorNorm;
    }
  }
}
