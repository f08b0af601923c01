package io.metabound.experiments.probe;

import io.metabound.experiments.autodiff.AutoDiffMetaHessian;
import io.metabound.experiments.check.Instance;

/**
 * The local meta-smoothness {@code ‖∇²L(w)‖₂} of N-step MAML at the instance's point {@code w}
 * (parameters {@code w0…}, {@code alpha}, {@code N}): the meta-Hessian by forward-mode automatic
 * differentiation through the exact meta-gradient ({@link AutoDiffMetaHessian}), exact up to
 * floating point for any losses with a field version (quadratic, logistic, separable non-convex).
 *
 * <p>It is the limit of the pairwise ratio {@code ‖∇L(w) − ∇L(u)‖/‖w − u‖} as {@code u → w} along
 * the top singular direction, so any bound {@code L_w} valid for all pairs {@code (w, u)} bounds it
 * (Ji2022 Prop 1: {@code L_w} depends on {@code w} continuously). On quadratic instances it equals
 * {@link MetaSmoothnessProbe}'s exact value at every {@code w}. The AD meta-Hessian is symmetrised
 * before its spectral norm is taken (it is symmetric up to rounding).
 */
public final class LocalMetaSmoothnessProbe implements Probe {

  @Override
  public String quantityId() {
    return "meta-smoothness";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double[] w = instance.vectorParameter("w");
    double[] hessian =
        AutoDiffMetaHessian.metaHessian(
            instance.tasks(), instance.parameter("alpha"), instance.integerParameter("N"), w);
    return Measurement.exact(ProbeSupport.symmetricSpectralNorm(hessian, w.length));
  }
}
