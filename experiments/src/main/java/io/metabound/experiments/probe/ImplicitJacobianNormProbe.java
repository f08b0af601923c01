package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;

/**
 * The spectral norm of iMAML's implicit Jacobian {@code dAlg*_i/dθ = (I + ∇²l̂_i(φ_i)/λ)^{-1}},
 * {@code φ_i = Alg*_i(θ)} (Rajeswaran et al. 2019, Lemma 1), maximised over tasks:
 *
 * <ul>
 *   <li>quadratic inner losses: the Jacobian is constant, {@code ‖·‖ = max_{i,k} λ/(λ + λ_{ik})}
 *       (needs every {@code λ + λ_{ik} > 0}); EXACT;
 *   <li>separable non-convex inner losses at the instance's {@code θ} (parameters {@code theta0…}):
 *       {@code φ_i} by {@link SeparableNonconvexLoss#proximalPoint} and, the Hessian being
 *       diagonal, {@code ‖·‖ = max_{i,k} λ/(λ + f''_{ik}(φ_{ik}))}; exact up to the solve's
 *       rounding.
 * </ul>
 *
 * The registry bound {@code λ/μ} with μ the strong convexity of {@code G_i} is attained on
 * quadratics (the smallest eigenvalue of {@code λI + H} is μ) and strict on separable tasks unless
 * {@code φ_i} sits where the curvature is smallest.
 */
public final class ImplicitJacobianNormProbe implements Probe {

  @Override
  public String quantityId() {
    return "implicit-jacobian";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double lambda = instance.parameter("lambda");
    if (instance.isQuadratic()) {
      QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId());
      double smallest = ProbeSupport.minOverEigenvalues(tasks, l -> l);
      if (!(lambda + smallest > 0)) {
        throw new IllegalArgumentException(
            "implicit Jacobian: lambda + lambda_min(H) = " + (lambda + smallest) + " <= 0");
      }
      // max_k λ/(λ + λ_k) = λ/(λ + λ_min)
      return Measurement.exact(lambda / (lambda + smallest));
    }
    double[] theta = instance.vectorParameter("theta");
    double norm = 0;
    for (MetaTask t : instance.tasks().tasks()) {
      if (!(t.inner() instanceof SeparableNonconvexLoss inner)) {
        throw new IllegalArgumentException(
            "implicit Jacobian: inner loss "
                + t.inner().getClass().getSimpleName()
                + " is neither quadratic nor separable");
      }
      double[] phi = inner.proximalPoint(theta, lambda);
      for (int k = 0; k < phi.length; k++) {
        norm = Math.max(norm, lambda / (lambda + inner.curvature(k, phi)));
      }
    }
    return Measurement.exact(norm);
  }
}
