package io.metabound.experiments.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.Quantity;
import io.metabound.experiments.oracle.Estimator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExactProbesTest {

  @Test
  void everySupportedPairGivesAProbeOfThatQuantity() {
    for (Map.Entry<String, Set<Estimator>> e : ExactProbes.supported().entrySet()) {
      assertTrue(Quantity.byId(e.getKey()).isPresent(), "unknown quantity id " + e.getKey());
      for (Estimator estimator : Estimator.values()) {
        var probe = ExactProbes.forQuantity(e.getKey(), estimator.name());
        assertEquals(
            e.getValue().contains(estimator), probe.isPresent(), e.getKey() + "/" + estimator);
        probe.ifPresent(p -> assertEquals(e.getKey(), p.quantityId()));
      }
    }
  }

  @Test
  void namesAreParsedLikeTheCli() {
    assertTrue(ExactProbes.forQuantity("meta-smoothness", "fo-maml").isPresent());
    assertTrue(ExactProbes.forQuantity("beta-threshold", "HF_MAML").isPresent());
    assertTrue(ExactProbes.forQuantity("memory", "maml").orElseThrow() instanceof MemoryProbe);
    assertFalse(ExactProbes.forQuantity("estimator-bias", "maml").isPresent());
    assertFalse(ExactProbes.forQuantity("imaml-error", "maml").isPresent());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ExactProbes.forQuantity("meta-smoothness", "sgd"));
    assertTrue(e.getMessage().contains("maml"), e.getMessage());
  }
}
