package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.ImplicitMaml;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.SmoothLoss;

/**
 * The largest exact-solve error of iMAML's meta-gradient of task 0 (Rajeswaran et al. 2019, Lemma 3
 * and Def. 3) over every δ-approximate inner solution and every δ'-approximate implicit gradient:
 *
 * <pre>{@code E(δ, δ') = sup { ‖g − d_θL_i(Alg*(θ))‖ : ‖φ − Alg*(θ)‖ ≤ δ,
 *                             ‖g − C(φ)^{-1}∇L_i(φ)‖ ≤ δ' },   C(φ) = I + ∇²l̂_i(φ)/λ}</pre>
 *
 * with {@code d_θL_i(Alg*) = x* = C(φ*)^{-1}∇L_i(φ*)}, {@code φ* = Alg*(θ)}. For a given φ the
 * worst {@code g} adds δ' along {@code C(φ)^{-1}∇L_i(φ) − x*}, so {@code E = sup_φ ‖C(φ)^{-1}
 * ∇L_i(φ) − x*‖ + δ'} exactly. Parameters {@code lambda}, {@code delta}, {@code delta_prime}.
 *
 * <ul>
 *   <li>quadratic inner and outer losses ({@code C = A = I + H/λ} constant): {@code C^{-1}∇L_i(φ) −
 *       x* = A^{-1}G(φ − φ*)}, so {@code E = σ_max(A^{-1}G) δ + δ'}; EXACT;
 *   <li>separable inner and outer losses: φ is taken at distance δ along the instance's direction
 *       {@code dir} (parameters {@code dir0…}; the falsifier searches it) from {@code φ* = Alg*(θ)}
 *       (parameters {@code theta0…}), the linear systems solved densely.
 * </ul>
 */
public final class ImplicitGradientErrorProbe implements Probe {

  @Override
  public String quantityId() {
    return "imaml-error";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double lambda = instance.parameter("lambda");
    double delta = instance.parameter("delta");
    double deltaPrime = instance.parameter("delta_prime");
    if (instance.isQuadratic()) {
      QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId());
      int d = tasks.dimension();
      double[] jacobian = QuadraticMetaOracle.imaml(tasks, lambda).adaptationJacobian(0);
      double[] g = tasks.outerHessian(0);
      double[] product = new double[d * d];
      // A^{-1} G with A^{-1} = (I + H/λ)^{-1}
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          double s = 0;
          for (int j = 0; j < d; j++) {
            s += jacobian[r * d + j] * g[j * d + k];
          }
          product[r * d + k] = s;
        }
      }
      return Measurement.exact(ProbeSupport.spectralNorm(product, d) * delta + deltaPrime);
    }
    MetaTask task = instance.tasks().get(0);
    if (!(task.inner() instanceof SeparableNonconvexLoss inner)) {
      throw new IllegalArgumentException(
          "imaml-error: inner loss "
              + task.inner().getClass().getSimpleName()
              + " is neither quadratic nor separable");
    }
    double[] theta = instance.vectorParameter("theta");
    double[] direction = instance.vectorParameter("dir");
    double[] optimum = inner.proximalPoint(theta, lambda);
    double[] exact = implicitGradient(task, optimum, lambda);
    double norm = Vectors.norm(direction);
    double[] phi = optimum.clone();
    for (int k = 0; k < phi.length; k++) {
      // φ = φ* + δ dir/‖dir‖ (the first axis when dir = 0)
      phi[k] += norm > 0 ? delta * direction[k] / norm : (k == 0 ? delta : 0);
    }
    double[] approximate = implicitGradient(task, phi, lambda);
    return Measurement.exact(Vectors.distance(approximate, exact) + deltaPrime);
  }

  /** {@code C(φ)^{-1}∇L_i(φ)} by a dense solve. */
  static double[] implicitGradient(MetaTask task, double[] phi, double lambda) {
    SmoothLoss outer = task.outer();
    double[] v = new double[phi.length];
    outer.gradient(phi, v);
    double[] out = new double[phi.length];
    ImplicitMaml.exactSolve(task.inner(), phi, v, lambda, out);
    return out;
  }
}
