package io.metabound.bounds.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuantityTest {

  @Test
  void idsAreUniqueKebabCaseAndDescribed() {
    Set<String> ids = new HashSet<>();
    for (Quantity quantity : Quantity.values()) {
      assertTrue(ids.add(quantity.id()), quantity.id());
      assertTrue(quantity.id().matches("[a-z]+(-[a-z]+)*"), quantity.id());
      assertTrue(quantity.description().length() > 10, quantity.id());
      assertEquals(quantity, Quantity.byId(quantity.id()).orElseThrow());
    }
  }

  @Test
  void theContractIdsOfTheBriefExist() {
    for (String id :
        List.of(
            "meta-smoothness",
            "path-deviation",
            "path-deviation-second-moment",
            "gradient-growth",
            "product-deviation",
            "meta-gradient-deviation",
            "task-gradient-norm",
            "estimator-bias",
            "estimator-second-moment",
            "stepsize-mean",
            "stepsize-second-moment",
            "stationarity",
            "stationarity-floor",
            "beta-threshold",
            "alpha-threshold",
            "convergence-rate",
            "iterations-to-epsilon",
            "imaml-error",
            "implicit-jacobian",
            "gradient-computations",
            "batch-size",
            "finite-difference-error",
            "surrogate-gap")) {
      assertTrue(Quantity.byId(id).isPresent(), id);
    }
  }

  @Test
  void unknownIdIsRejectedWithTheKnownList() {
    assertTrue(Quantity.byId("smoothness").isEmpty());
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Quantity.require("smoothness"));
    assertTrue(error.getMessage().contains("'smoothness'"));
    assertTrue(error.getMessage().contains("meta-smoothness"));
  }
}
