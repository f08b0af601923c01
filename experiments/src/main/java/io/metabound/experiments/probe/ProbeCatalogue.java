package io.metabound.experiments.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Probes by quantity id, so a registry bound (which names its quantity) finds the probe that
 * measures it. One probe per quantity id; registering a second one for the same id is an error.
 */
public final class ProbeCatalogue {

  private final Map<String, Probe> probes = new LinkedHashMap<>();

  /** Registers a probe under its {@link Probe#quantityId()}. */
  public ProbeCatalogue register(Probe probe) {
    Probe previous = probes.putIfAbsent(probe.quantityId(), probe);
    if (previous != null) {
      throw new IllegalArgumentException(
          "a probe for quantity '" + probe.quantityId() + "' is already registered");
    }
    return this;
  }

  /** The probe measuring {@code quantityId}, if any. */
  public Optional<Probe> find(String quantityId) {
    return Optional.ofNullable(probes.get(quantityId));
  }

  /** Every registered quantity id with its probe, in registration order. */
  public Map<String, Probe> all() {
    return Collections.unmodifiableMap(probes);
  }
}
