package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;

/**
 * One quantity measured two ways: by {@code quadratic} on instances whose tasks are all quadratic
 * (typically a closed-form supremum) and by {@code other} elsewhere (typically a pointwise value at
 * the instance's points). Lets one check search a union of quadratic instances, where a bound is
 * attained, and non-quadratic ones, where its {@code ρ}-terms matter.
 *
 * @param quadratic the probe for quadratic instances
 * @param other the probe for the others; must measure the same quantity id
 */
public record QuadraticOrProbe(Probe quadratic, Probe other) implements Probe {

  public QuadraticOrProbe {
    if (!quadratic.quantityId().equals(other.quantityId())) {
      throw new IllegalArgumentException(
          "both probes must measure one quantity, got '"
              + quadratic.quantityId()
              + "' and '"
              + other.quantityId()
              + "'");
    }
  }

  @Override
  public String quantityId() {
    return quadratic.quantityId();
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return (instance.isQuadratic() ? quadratic : other).measure(instance, settings);
  }
}
