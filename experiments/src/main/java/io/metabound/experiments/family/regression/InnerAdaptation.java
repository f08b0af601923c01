package io.metabound.experiments.family.regression;

import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.field.NoClosedFormException;

/**
 * How an estimator adapts the meta-parameter {@code w} to one task's train loss {@code L_t}: what
 * the adapted test loss and the meta-objective depend on (not the direction the estimator then
 * takes). MAML, FO-MAML and HF-MAML (and Reptile) run gradient steps; iMAML (and the Moreau
 * envelope) solve the proximal problem exactly; MAML-prox runs gradient steps on it.
 */
public sealed interface InnerAdaptation {

  /**
   * {@code N} gradient steps {@code u_{k+1} = u_k − α∇L_t(u_k)} from {@code u_0 = w}.
   *
   * @param alpha α (finite)
   * @param steps N ≥ 0
   */
  record GradientSteps(double alpha, int steps) implements InnerAdaptation {
    public GradientSteps {
      if (steps < 0) {
        throw new IllegalArgumentException("inner steps N must be >= 0, got " + steps);
      }
      if (steps > 0 && !Double.isFinite(alpha)) {
        throw new IllegalArgumentException("step size alpha must be finite, got " + alpha);
      }
    }
  }

  /**
   * The exact proximal point {@code u* = argmin_u L_t(u) + (λ/2)‖u − w‖²}.
   *
   * @param lambda λ > 0 (then {@code S + λI} is positive definite)
   */
  record Proximal(double lambda) implements InnerAdaptation {
    public Proximal {
      if (!(lambda > 0) || Double.isInfinite(lambda)) {
        throw new IllegalArgumentException("proximal lambda must be finite and > 0, got " + lambda);
      }
    }
  }

  /**
   * {@code K} gradient steps of rate η on the proximal problem, {@code u_{k+1} = u_k − η(∇L_t(u_k)
   * + λ(u_k − w))} from {@code u_0 = w}.
   *
   * @param lambda λ (finite)
   * @param innerSteps K ≥ 0
   * @param innerRate η (finite)
   */
  record ProximalSteps(double lambda, int innerSteps, double innerRate) implements InnerAdaptation {
    public ProximalSteps {
      if (innerSteps < 0) {
        throw new IllegalArgumentException("proximal steps K must be >= 0, got " + innerSteps);
      }
      if (!Double.isFinite(lambda) || !Double.isFinite(innerRate)) {
        throw new IllegalArgumentException(
            "MAML-prox needs finite lambda and rate, got " + lambda + ", " + innerRate);
      }
    }
  }

  /**
   * The adaptation of an estimator.
   *
   * @throws IllegalArgumentException for HF-MAML with N ≠ 1 or a parameter out of range
   * @throws NoClosedFormException for an estimator whose adaptation is not one of these
   */
  static InnerAdaptation of(Estimator estimator, EstimatorParameters parameters) {
    return switch (estimator) {
        // HF-MAML and Reptile adapt as MAML does (N GD steps); only their outer directions differ
      case MAML, FOMAML, HFMAML, REPTILE -> new GradientSteps(parameters.alpha(), parameters.steps());
        // the Moreau envelope and iMAML adapt to the proximal point
      case IMAML, MOREAU -> new Proximal(parameters.lambda());
      case MAML_PROX ->
          new ProximalSteps(parameters.lambda(), parameters.innerSteps(), parameters.innerRate());
    };
  }
}
