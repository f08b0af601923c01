package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;

/**
 * {@code stepsize-mean}: {@code E[β | w]} of an adaptive meta step size at the origin (Ji, Yang and
 * Liang 2022, Lemmas 16 and 20; Fallah, Mokhtari and Ozdaglar 2020, Lemma 4.9 (19)); see {@link
 * StepSizeSetting} for the rules, their parameters and how the expectation is computed.
 */
public final class StepSizeMeanProbe implements Probe {

  private final StepSizeSetting setting;

  StepSizeMeanProbe(StepSizeSetting setting) {
    this.setting = setting;
  }

  /** The step-size rule's public name. */
  public String estimator() {
    return setting.id();
  }

  @Override
  public String quantityId() {
    return "stepsize-mean";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return setting.moment(instance, settings, 1);
  }
}
