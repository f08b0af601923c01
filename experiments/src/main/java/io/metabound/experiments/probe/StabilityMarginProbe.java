package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;

/**
 * The exact margin of Ji, Yang and Liang (2022) Lemma 15 on quadratic tasks, {@code γ^exact = 1 −
 * C_l^exact}, with {@code C_l^exact} the exact Lemma-14 constant of {@link
 * MetaGradientDeviationProbe}: the factor by which the instance's task gradients are controlled by
 * its meta-gradient in the proof of Lemma 15. The registry's {@code γ = 2 − (1 + αL)^{2N} = 1 −
 * C_l} uses Lemma 14's bound on {@code C_l}, so {@code γ ≤ γ^exact}, with equality for an
 * eigenvalue {@code −L}; Corollary 6 claims {@code γ ≥ 2 − e^{1/4}} at {@code α ≤ 1/(8NL)}.
 *
 * <p>On other tasks (any {@code SmoothLoss}, resampling case) the margin at the instance's point
 * {@code w}: {@code γ(w) = 1 − max_i ‖∇L_i(w) − ∇l_i(w)‖/‖∇l_i(w)‖}, with the iterated inner path
 * ({@link MetaGradientDeviationProbe}). Since Lemma 14 bounds the ratio at every {@code w} by
 * {@code C_l ≤ (1 + αL)^{2N} − 1}, {@code γ(w) ≥ 2 − (1 + αL)^{2N}}: the lower bound holds at every
 * point if the lemma does. On the separable cosine family {@code γ(w) → 2 − (1 + αL)^{2N}} as
 * {@code w → c + π}.
 */
public final class StabilityMarginProbe implements Probe {

  @Override
  public String quantityId() {
    return "stability-margin";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    // γ = 1 − C_l
    return Measurement.exact(1 - MetaGradientDeviationProbe.constant(instance, quantityId()));
  }
}
