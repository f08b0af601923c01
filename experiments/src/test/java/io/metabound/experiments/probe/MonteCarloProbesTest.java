package io.metabound.experiments.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloProbesTest {

  @Test
  void everyQuantityAndEstimatorNameGivesAProbeOfThatQuantity() {
    for (String quantity : MonteCarloProbes.quantities()) {
      assertTrue(Quantity.byId(quantity).isPresent(), "not a registry quantity: " + quantity);
      List<String> names = MonteCarloProbes.estimators(quantity);
      assertFalse(names.isEmpty(), quantity);
      for (String name : names) {
        Probe probe = MonteCarloProbes.forQuantity(quantity, name).orElseThrow();
        assertEquals(quantity, probe.quantityId());
        assertEquals(probe, MonteCarloProbes.require(quantity, name));
      }
    }
  }

  @Test
  void namesAreTheDocumentedOnes() {
    assertEquals(
        List.of("ji2022-resampling", "ji2022-finite-sum", "fallah2020-adapted-gradient"),
        MonteCarloProbes.estimators("estimator-bias"));
    assertEquals(
        List.of("ji2022-resampling", "ji2022-finite-sum", "fallah2020"),
        MonteCarloProbes.estimators("stepsize-mean"));
    assertEquals(
        List.of(
            "ji2022-resampling",
            "ji2022-finite-sum",
            "fallah2020-maml",
            "fallah2020-fo-maml",
            "fallah2020-hf-maml"),
        MonteCarloProbes.estimators("stationarity"));
    assertEquals(List.of("sgd-inner-path"), MonteCarloProbes.estimators("path-deviation"));
    assertEquals(List.of("fallah2020-test-time"), MonteCarloProbes.estimators("surrogate-gap"));
  }

  @Test
  void unknownNamesGiveNothingOrAOneLineError() {
    assertTrue(MonteCarloProbes.forQuantity("meta-smoothness", "ji2022-resampling").isEmpty());
    assertTrue(MonteCarloProbes.forQuantity("estimator-bias", "imaml").isEmpty());
    assertTrue(MonteCarloProbes.estimators("nothing").isEmpty());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MonteCarloProbes.require("estimator-bias", "imaml"));
    assertTrue(e.getMessage().contains("ji2022-resampling"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
