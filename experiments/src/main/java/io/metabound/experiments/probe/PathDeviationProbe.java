package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;

/**
 * {@code path-deviation}: {@code E‖w_j − w̃_j‖}, the mean distance of Algorithm 1's stochastic
 * inner path from the exact one after {@code j} steps (Ji, Yang and Liang 2022, Prop 2, first
 * item), by Monte Carlo with a Student-t interval. See {@link InnerPathDeviation} for the sampling
 * and the instance parameters.
 */
public final class PathDeviationProbe implements Probe {

  @Override
  public String quantityId() {
    return "path-deviation";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return InnerPathDeviation.measure(instance, settings, 1);
  }
}
