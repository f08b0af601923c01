package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Quantity;
import io.metabound.bounds.symbol.SymbolCatalogue;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuantitySymbolsTest {

  @Test
  void everyQuantityHasItsOwnMathematicalSymbol() {
    Set<String> seen = new HashSet<>();
    for (Quantity q : Quantity.values()) {
      String symbol = QuantitySymbols.latex(q);
      assertFalse(symbol.isBlank(), q.id());
      assertFalse(symbol.contains("\\text"), q.id() + " is words, not a symbol: " + symbol);
      assertTrue(BoundLatex.balancedBraces(symbol), q.id() + ": " + symbol);
      assertTrue(seen.add(symbol), q.id() + " shares its symbol " + symbol);
    }
    assertEquals("L_{\\mathcal{L}}", QuantitySymbols.latex("meta-smoothness"));
  }

  @Test
  void noLeftHandSideIsASymbolOfItsOwnRightHandSide() {
    for (Bound b : BoundRegistry.all()) {
      String left = QuantitySymbols.latex(b.quantity());
      for (String name : b.symbols()) {
        SymbolCatalogue.lookup(name)
            .ifPresent(s -> assertFalse(s.latex().equals(left), b.id() + " reads " + left + " on both sides"));
      }
    }
  }
}
