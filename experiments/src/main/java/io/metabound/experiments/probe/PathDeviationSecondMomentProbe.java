package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;

/**
 * {@code path-deviation-second-moment}: {@code E‖w_j − w̃_j‖²} for Algorithm 1's stochastic inner
 * path (Ji, Yang and Liang 2022, Prop 2, second item), by Monte Carlo with a Student-t interval.
 * See {@link InnerPathDeviation} for the sampling and the instance parameters.
 */
public final class PathDeviationSecondMomentProbe implements Probe {

  @Override
  public String quantityId() {
    return "path-deviation-second-moment";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return InnerPathDeviation.measure(instance, settings, 2);
  }
}
