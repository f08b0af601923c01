package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;

/**
 * The normalised first-order Taylor remainder of the MAML objective (Fallah2020 Lemma 4.8's
 * corollary, secondary source G1):
 *
 * <pre>{@code |F(u) − F(w) − ∇F(w)ᵀ(u − w)| / ‖u − w‖²}</pre>
 *
 * <ul>
 *   <li><b>Quadratic instances</b>: {@code F} is quadratic with Hessian {@code A}, the remainder is
 *       {@code ½(u − w)ᵀA(u − w)}, and its supremum over all pairs is {@code ‖A‖₂/2} (attained
 *       along the eigenvector of the largest |eigenvalue|). EXACT, no points needed.
 *   <li><b>Other instances</b>: the value at the instance's points {@code w}, {@code u} (the
 *       expansion point is {@code w}); plans require {@code ‖u − w‖ ≥ 10⁻³} so that the
 *       cancellation in the numerator stays negligible.
 * </ul>
 *
 * Parameters {@code alpha}, {@code N} (default 1).
 */
public final class TaylorRemainderProbe implements Probe {

  @Override
  public String quantityId() {
    return "taylor-remainder";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double alpha = instance.parameter("alpha");
    int steps = ProbeSupport.integerOr(instance, "N", 1);
    if (instance.isQuadratic()) {
      QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId());
      double norm = QuadraticMetaOracle.maml(tasks, alpha, steps).metaHessian().spectralNorm();
      return Measurement.exact(norm / 2);
    }
    double[] w = instance.vectorParameter("w");
    double[] u = instance.vectorParameter("u");
    MamlMetaGradient maml = new MamlMetaGradient(instance.tasks(), alpha, steps);
    double[] gradient = new double[w.length];
    double fw = maml.metaGradient(w, gradient);
    double fu = maml.metaObjective(u);
    double linear = 0;
    double squared = 0;
    for (int k = 0; k < w.length; k++) {
      linear += gradient[k] * (u[k] - w[k]);
      squared += (u[k] - w[k]) * (u[k] - w[k]);
    }
    // |F(u) − F(w) − ∇F(w)ᵀ(u − w)| / ‖u − w‖²
    return Measurement.exact(Math.abs(fu - fw - linear) / squared);
  }
}
