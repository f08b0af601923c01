package io.metabound.bounds.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundTest {

  private static final Reference FALLAH =
      new Reference("Fallah2020", "Fallah et al., arXiv:1908.10400", "Lemma 4.8", "(15)");

  private static Bound bound(String id, Reference reference, String quantity) {
    return new Bound(
        id,
        "smoothness",
        reference,
        Expression.parse("4*L + 2*rho*alpha*grad_task_mean"),
        Relation.UPPER_BOUND,
        quantity,
        List.of(
            Assumption.parse("alpha <= 1/L", "alpha in [0, 1/L]"),
            Assumption.descriptive("Assumptions 4.3-4.4")),
        Provenance.of("[V-ocr+G1]", "THEOREMS.md §2.3"),
        "note");
  }

  @Test
  void evaluatesAndReportsSymbolsAndScope() {
    Bound bound = bound("fallah2020.lemma4.8.test", FALLAH, "meta-smoothness");
    Bindings inside =
        Bindings.of(Map.of("L", 1.0, "rho", 2.0, "alpha", 0.5, "grad_task_mean", 3.0));
    // 4*1 + 2*2*0.5*3 = 10
    assertEquals(10.0, bound.evaluate(inside));
    assertEquals(Set.of("L", "rho", "alpha", "grad_task_mean"), bound.symbols());
    assertEquals(bound.symbols(), bound.allSymbols());
    assertTrue(bound.assumptionsHold(inside));
    Bindings outside = inside.with("alpha", 2.0);
    assertEquals(1, bound.violatedAssumptions(outside).size());
    assertEquals("meta-smoothness <= 4 * L + 2 * rho * alpha * grad_task_mean", bound.statement());
    assertEquals("Fallah2020 Lemma 4.8 (15)", bound.reference().label());
  }

  @Test
  void malformedIdsAndUnknownQuantitiesAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> bound("Fallah2020.lemma4.8.test", FALLAH, "meta-smoothness"));
    assertThrows(
        IllegalArgumentException.class, () -> bound("fallah2020.test", FALLAH, "meta-smoothness"));
    assertThrows(
        IllegalArgumentException.class,
        () -> bound("fallah2020.lemma4.8.test.", FALLAH, "meta-smoothness"));
    IllegalArgumentException wrongPaper =
        assertThrows(
            IllegalArgumentException.class,
            () -> bound("ji2022.lemma4.8.test", FALLAH, "meta-smoothness"));
    assertTrue(wrongPaper.getMessage().contains("fallah2020."));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> bound("fallah2020.lemma4.8.test", FALLAH, "smoothness"));
    assertTrue(unknown.getMessage().contains("'smoothness'"));
  }

  @Test
  void orderStatementsPrintTheirOrder() {
    Bound order =
        new Bound(
            "ji2022.cor6.test",
            "iterations",
            new Reference("Ji2022", "Ji et al., arXiv:2002.07836", "Corollary 6", ""),
            Expression.parse("epsilon^(-2)"),
            Relation.ORDER,
            "iterations-to-epsilon",
            List.of(),
            Provenance.of("[R-med]", "THEOREMS.md §1.5"),
            "constants unspecified");
    assertEquals("iterations-to-epsilon = O(epsilon^-2)", order.statement().replace("(-2)", "-2"));
  }
}
