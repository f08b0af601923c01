package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;

/**
 * The exact margin of Ji, Yang and Liang (2022) Lemma 15 on quadratic tasks, {@code γ^exact = 1 −
 * C_l^exact}, with {@code C_l^exact} the exact Lemma-14 constant of {@link
 * MetaGradientDeviationProbe}: the factor by which the instance's task gradients are controlled by
 * its meta-gradient in the proof of Lemma 15. The registry's {@code γ = 2 − (1 + αL)^{2N} = 1 −
 * C_l} uses Lemma 14's bound on {@code C_l}, so {@code γ ≤ γ^exact}, with equality for an
 * eigenvalue {@code −L}; Corollary 6 claims {@code γ ≥ 2 − e^{1/4}} at {@code α ≤ 1/(8NL)}.
 */
public final class StabilityMarginProbe implements Probe {

  @Override
  public String quantityId() {
    return "stability-margin";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double constant =
        MetaGradientDeviationProbe.exactConstant(
            MetaGradientDeviationProbe.tasks(instance, quantityId()),
            instance.parameter("alpha"),
            instance.integerParameter("N"));
    return Measurement.exact(1 - constant);
  }
}
