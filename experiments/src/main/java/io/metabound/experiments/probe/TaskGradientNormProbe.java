package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;

/**
 * The mean task-gradient norm {@code E_i‖∇l_{T_i}(w)‖} at the instance's point {@code w}
 * (parameters {@code w0 … w(d−1)}), exact for any losses: the left-hand side of Ji, Yang and Liang
 * (2022) Lemmas 15 and 19 (query losses in the finite-sum case, which are the inner ones in the
 * resampling case).
 */
public final class TaskGradientNormProbe implements Probe {

  @Override
  public String quantityId() {
    return "task-gradient-norm";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return Measurement.exact(
        TaskGradients.meanNorm(instance.tasks(), instance.vectorParameter("w")));
  }
}
