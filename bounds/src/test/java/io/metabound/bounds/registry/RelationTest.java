package io.metabound.bounds.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RelationTest {

  @Test
  void symbols() {
    assertEquals("<=", Relation.UPPER_BOUND.symbol());
    assertEquals(">=", Relation.LOWER_BOUND.symbol());
    assertEquals("<", Relation.STEPSIZE_THRESHOLD.symbol());
    assertEquals(">=", Relation.SIZE_REQUIREMENT.symbol());
    assertEquals("=", Relation.DEFINITION.symbol());
  }

  @Test
  void admitsComparesMeasuredWithFormula() {
    assertTrue(Relation.UPPER_BOUND.admits(1.0, 1.0));
    assertFalse(Relation.UPPER_BOUND.admits(1.0 + 1e-15, 1.0));
    assertTrue(Relation.LOWER_BOUND.admits(1.0, 1.0));
    assertFalse(Relation.LOWER_BOUND.admits(0.9, 1.0));
    assertTrue(Relation.STEPSIZE_THRESHOLD.admits(0.9, 1.0));
    assertFalse(Relation.STEPSIZE_THRESHOLD.admits(1.0, 1.0));
    assertTrue(Relation.SIZE_REQUIREMENT.admits(20, 20));
    assertFalse(Relation.SIZE_REQUIREMENT.admits(19, 20));
    assertTrue(Relation.STEPSIZE_THRESHOLD.admits(1e9, Double.POSITIVE_INFINITY));
    assertFalse(Relation.UPPER_BOUND.admits(Double.NaN, 1.0));
  }

  @Test
  void orderAndDefinitionHaveNoPointwiseCheck() {
    assertFalse(Relation.ORDER.isComparable());
    assertFalse(Relation.DEFINITION.isComparable());
    assertTrue(Relation.UPPER_BOUND.isComparable());
    UnsupportedOperationException error =
        assertThrows(UnsupportedOperationException.class, () -> Relation.ORDER.admits(1, 2));
    assertTrue(error.getMessage().contains("ORDER"));
    assertThrows(UnsupportedOperationException.class, () -> Relation.DEFINITION.admits(1, 1));
    assertTrue(Relation.SIZE_REQUIREMENT.isRequirement());
    assertTrue(Relation.STEPSIZE_THRESHOLD.isRequirement());
    assertFalse(Relation.UPPER_BOUND.isRequirement());
  }
}
