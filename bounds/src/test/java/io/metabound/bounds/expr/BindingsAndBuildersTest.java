package io.metabound.bounds.expr;

import static io.metabound.bounds.expr.Expressions.add;
import static io.metabound.bounds.expr.Expressions.max;
import static io.metabound.bounds.expr.Expressions.min;
import static io.metabound.bounds.expr.Expressions.mul;
import static io.metabound.bounds.expr.Expressions.num;
import static io.metabound.bounds.expr.Expressions.pow;
import static io.metabound.bounds.expr.Expressions.square;
import static io.metabound.bounds.expr.Expressions.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BindingsAndBuildersTest {

  @Test
  void bindingsAreImmutableAndSorted() {
    Map<String, Double> source = new HashMap<>(Map.of("b", 2.0, "a", 1.0));
    Bindings bindings = Bindings.of(source);
    source.put("c", 3.0); // the copy does not see later changes
    assertEquals(List.of("a", "b"), List.copyOf(bindings.names()));
    Bindings extended = bindings.with("c", 3).with("a", 10);
    assertEquals(OptionalDouble.of(1), bindings.get("a"));
    assertEquals(OptionalDouble.of(10), extended.get("a"));
    assertEquals(OptionalDouble.empty(), bindings.get("c"));
    assertTrue(Bindings.empty().names().isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> bindings.names().remove("a"));
    assertEquals(Bindings.of(Map.of("a", 1.0, "b", 2.0)), bindings);
  }

  @Test
  void buildersMatchTheParser() {
    Expression built =
        mul(pow(add(num(1), mul(sym("alpha"), sym("L"))), mul(num(2), sym("N"))), sym("L"));
    assertEquals(Expression.parse("(1 + alpha*L)^(2*N) * L"), built);
    assertEquals(Expression.parse("a + b + c"), add(sym("a"), sym("b"), sym("c")));
    assertEquals(Expression.parse("a * b * c"), mul(sym("a"), sym("b"), sym("c")));
    assertEquals(Expression.parse("x^2"), square(sym("x")));
    assertEquals(Expression.parse("min(a, b, 1)"), min(sym("a"), sym("b"), num(1)));
    assertEquals(Expression.parse("max(a, b)"), max(sym("a"), sym("b")));
  }

  @Test
  void nodesRejectValuesThatCannotBePrinted() {
    assertThrows(IllegalArgumentException.class, () -> num(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> num(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> sym("sqrt"));
    assertThrows(IllegalArgumentException.class, () -> sym("min"));
    assertThrows(IllegalArgumentException.class, () -> sym("2x"));
    assertThrows(IllegalArgumentException.class, () -> sym(""));
    assertThrows(IllegalArgumentException.class, () -> new Minimum(List.of(num(1))));
    assertThrows(NullPointerException.class, () -> new Sum(num(1), null));
    assertNotEquals(new Constant(0.0), new Constant(-0.0));
    assertEquals("-0", num(-0.0).toPlain());
    assertEquals(new Constant(-0.0), Expression.parse("-0"));
    assertEquals(Double.NEGATIVE_INFINITY, Expression.parse("1 / -0").evaluate(Bindings.empty()));
  }
}
