package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;

/**
 * One quantity measured at a point or at a pair of points: by {@code pair} when the instance has a
 * second point {@code u} (parameters {@code u0…}), by {@code point} otherwise. Lets one check
 * search both the local value at {@code w} (for meta-smoothness, the meta-Hessian norm {@link
 * LocalMetaSmoothnessProbe}) and the difference quotient between {@code w} and a distant {@code u}
 * ({@link MetaSmoothnessProbe}), whichever reaches the larger ratio.
 *
 * @param point the probe for instances with one point
 * @param pair the probe for instances with two points; must measure the same quantity id
 */
public record PointOrPairProbe(Probe point, Probe pair) implements Probe {

  public PointOrPairProbe {
    if (!point.quantityId().equals(pair.quantityId())) {
      throw new IllegalArgumentException(
          "both probes must measure one quantity, got '"
              + point.quantityId()
              + "' and '"
              + pair.quantityId()
              + "'");
    }
  }

  /** True when the instance carries the second point {@code u}. */
  public static boolean hasPair(Instance instance) {
    return instance.hasParameter("u0");
  }

  @Override
  public String quantityId() {
    return point.quantityId();
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return (hasPair(instance) ? pair : point).measure(instance, settings);
  }
}
