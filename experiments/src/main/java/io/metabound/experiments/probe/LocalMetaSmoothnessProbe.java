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
 * before its spectral norm is taken (it is symmetric up to rounding). {@code N} defaults to 1
 * (Fallah, Mokhtari and Ozdaglar 2020 is one-step MAML).
 *
 * <p>{@link #taylorRemainder()} measures {@code ‖∇²L(w)‖₂/2} as the quantity {@code
 * taylor-remainder}: the limit of {@code |L(u) − L(w) − ∇L(w)ᵀ(u − w)|/‖u − w‖²} as {@code u → w}
 * along the eigenvector of the largest {@code |λ(∇²L(w))|}, so a bound {@code L(w)/2} valid for
 * every {@code u} (Fallah, Mokhtari and Ozdaglar 2020, Lemma 4.8's corollary) bounds it.
 */
public final class LocalMetaSmoothnessProbe implements Probe {

  private final String quantityId;
  private final double factor;

  /** The local meta-smoothness {@code ‖∇²L(w)‖₂} (quantity {@code meta-smoothness}). */
  public LocalMetaSmoothnessProbe() {
    this("meta-smoothness", 1);
  }

  private LocalMetaSmoothnessProbe(String quantityId, double factor) {
    this.quantityId = quantityId;
    this.factor = factor;
  }

  /** The local Taylor remainder {@code ‖∇²L(w)‖₂/2} (quantity {@code taylor-remainder}). */
  public static LocalMetaSmoothnessProbe taylorRemainder() {
    return new LocalMetaSmoothnessProbe("taylor-remainder", 0.5);
  }

  @Override
  public String quantityId() {
    return quantityId;
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double[] w = instance.vectorParameter("w");
    double[] hessian =
        AutoDiffMetaHessian.metaHessian(
            instance.tasks(),
            instance.parameter("alpha"),
            ProbeSupport.integerOr(instance, "N", 1),
            w);
    // factor · ‖∇²L(w)‖₂
    return Measurement.exact(factor * ProbeSupport.symmetricSpectralNorm(hessian, w.length));
  }
}
