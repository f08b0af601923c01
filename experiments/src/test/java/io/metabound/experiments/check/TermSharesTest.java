package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermSharesTest {

  private static final Bindings AT = Bindings.of(Map.of("a", 1.0, "b", 3.0, "c", 96.0, "D", 4.0));

  @Test
  void theDominantTermOfASumUnderARootAndAFactorIsNamedWithItsShare() {
    // √(2·(a + b + c)/D): the terms' shares are 1 %, 3 %, 96 %
    String note = TermShares.dominant(Expression.parse("sqrt(2*(a + b + c)/D)"), AT).orElseThrow();
    assertEquals("the term c is 96.0 % of the bound's sum of 3 terms at the best instance", note);
  }

  @Test
  void aDominantTermLinearInAnInnerSumIsSplitFurther() {
    // a + D·(b + c): terms 1 and 396; inside, c carries 96/99 of D·(b + c), so 384/397 = 96.7 %
    String note = TermShares.dominant(Expression.parse("a + D*(b + c)"), AT).orElseThrow();
    assertEquals("the term c is 96.7 % of the bound's sum of 2 terms at the best instance", note);
  }

  @Test
  void balancedSumsDifferencesAndProductsOfSumsNameNoTerm() {
    assertTrue(TermShares.dominant(Expression.parse("a + a"), AT).isEmpty());
    assertTrue(TermShares.dominant(Expression.parse("c - a"), AT).isEmpty());
    assertTrue(TermShares.dominant(Expression.parse("(a + c)*(b + c)"), AT).isEmpty());
    assertTrue(TermShares.dominant(Expression.parse("a*c"), AT).isEmpty());
  }
}
