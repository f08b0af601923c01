package io.metabound.bounds.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Comparison;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

  private static final Definitions DEFS =
      Definitions.builder().define("a", "1 + alpha*L").define("gamma", "2 - a^(2*N)").build();

  @Test
  void expandsNestedDefinitions() {
    assertEquals(
        Expression.parse("(grad_meta + sigma)/(2 - (1 + alpha*L)^(2*N))"),
        DEFS.expand("(grad_meta + sigma)/gamma"));
  }

  @Test
  void expandsAssumptions() {
    Assumption assumption = DEFS.assumption("gamma > 0", "Lemma 15");
    assertEquals(Expression.parse("2 - (1 + alpha*L)^(2*N)"), assumption.lhs());
    assertEquals(Comparison.GREATER, assumption.comparison());
  }

  @Test
  void whereClauseListsTheCompactForms() {
    assertEquals("Where a = 1 + alpha*L; gamma = 2 - a^(2*N).", DEFS.where("a", "gamma"));
    assertThrows(IllegalArgumentException.class, () -> DEFS.where("C_L"));
  }

  @Test
  void catalogueSymbolsCannotBeRedefined() {
    assertThrows(IllegalArgumentException.class, () -> Definitions.builder().define("sigma", "1"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Definitions.builder().define("a", "1").define("a", "2"));
  }
}
