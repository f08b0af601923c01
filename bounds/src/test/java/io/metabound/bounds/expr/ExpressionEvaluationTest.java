package io.metabound.bounds.expr;

import static io.metabound.bounds.expr.Expressions.abs;
import static io.metabound.bounds.expr.Expressions.add;
import static io.metabound.bounds.expr.Expressions.ceil;
import static io.metabound.bounds.expr.Expressions.div;
import static io.metabound.bounds.expr.Expressions.exp;
import static io.metabound.bounds.expr.Expressions.floor;
import static io.metabound.bounds.expr.Expressions.log;
import static io.metabound.bounds.expr.Expressions.max;
import static io.metabound.bounds.expr.Expressions.min;
import static io.metabound.bounds.expr.Expressions.mul;
import static io.metabound.bounds.expr.Expressions.neg;
import static io.metabound.bounds.expr.Expressions.num;
import static io.metabound.bounds.expr.Expressions.pow;
import static io.metabound.bounds.expr.Expressions.sqrt;
import static io.metabound.bounds.expr.Expressions.sub;
import static io.metabound.bounds.expr.Expressions.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionEvaluationTest {

  private static final double TOLERANCE = 1e-12;

  private static double eval(String text) {
    return Expression.parse(text).evaluate(Bindings.empty());
  }

  @Test
  void evaluatesTheClaimsFileExampleByHand() {
    Expression bound = Expression.parse("(1 + alpha*L)^(2*N) * L");
    Bindings bindings = Bindings.empty().with("alpha", 0.1).with("L", 2).with("N", 3);
    // 1 + alpha L = 1 + 0.1 * 2 = 1.2; 2N = 6; 1.2^2 = 1.44, 1.2^3 = 1.728,
    // 1.2^6 = 1.728^2 = 2.985984; times L = 2 gives 5.971968
    assertEquals(5.971968, bound.evaluate(bindings), TOLERANCE);
  }

  @Test
  void evaluatesEachNodeType() {
    Bindings bindings = Bindings.empty().with("x", 3).with("c", -2.5);
    assertEquals(7.5, num(7.5).evaluate(bindings));
    assertEquals(3, sym("x").evaluate(bindings));
    assertEquals(0.5, add(sym("x"), sym("c")).evaluate(bindings), TOLERANCE); // 3 - 2.5
    assertEquals(5.5, sub(sym("x"), sym("c")).evaluate(bindings), TOLERANCE); // 3 + 2.5
    assertEquals(-7.5, mul(sym("x"), sym("c")).evaluate(bindings), TOLERANCE); // 3 * -2.5
    assertEquals(-1.2, div(sym("x"), sym("c")).evaluate(bindings), TOLERANCE); // 3 / -2.5
    assertEquals(27, pow(sym("x"), num(3)).evaluate(bindings), TOLERANCE);
    assertEquals(2.5, neg(sym("c")).evaluate(bindings));
    assertEquals(Math.sqrt(3), sqrt(sym("x")).evaluate(bindings), TOLERANCE);
    assertEquals(Math.exp(3), exp(sym("x")).evaluate(bindings), TOLERANCE);
    assertEquals(Math.log(3), log(sym("x")).evaluate(bindings), TOLERANCE); // natural log
    assertEquals(2.5, abs(sym("c")).evaluate(bindings));
    assertEquals(-2, ceil(sym("c")).evaluate(bindings));
    assertEquals(-3, floor(sym("c")).evaluate(bindings));
    assertEquals(-2.5, min(sym("x"), sym("c"), num(0)).evaluate(bindings));
    assertEquals(3, max(sym("x"), sym("c"), num(0)).evaluate(bindings));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 + 2 * 3 | 7", // * before +
        "(1 + 2) * 3 | 9",
        "10 - 4 - 3 | 3", // left-associative: (10 - 4) - 3
        "64 / 4 / 2 | 8", // (64 / 4) / 2
        "2 ^ 3 ^ 2 | 512", // right-associative: 2^(3^2) = 2^9
        "(2 ^ 3) ^ 2 | 64",
        "-2 ^ 2 | -4", // -(2^2): the power binds tighter than the minus
        "(-2) ^ 2 | 4",
        "2 ^ -1 | 0.5",
        "2 * -3 | -6",
        "1 - -1 | 2",
        "--3 | 3",
        "6 / 2 * 3 | 9", // (6 / 2) * 3
        "2 ^ 2 * 3 | 12",
        "min(3, 1 + 1, 5) | 2",
        "max(1, 2) ^ 2 | 4",
        "sqrt(16) + abs(-2) | 6",
        "ceil(1.2) + floor(1.8) | 3",
        ".5 + 1e-1 + 2E1 | 20.6"
      })
  void respectsPrecedenceAndAssociativity(String text, double expected) {
    assertEquals(expected, eval(text), TOLERANCE);
  }

  @Test
  void unaryMinusBindsLooserThanPower() {
    // -x^2 at x = 3 is -(3^2) = -9, not (-3)^2 = 9
    assertEquals(-9, Expression.parse("-x^2").evaluate(Bindings.empty().with("x", 3)));
    assertEquals(9, Expression.parse("(-x)^2").evaluate(Bindings.empty().with("x", 3)));
    // 2^-x^2 = 2^(-(x^2)) = 2^-9
    assertEquals(
        Math.pow(2, -9), Expression.parse("2^-x^2").evaluate(Bindings.empty().with("x", 3)));
  }

  @Test
  void unboundSymbolIsNamed() {
    Expression expression = Expression.parse("L * sigma_g");
    EvaluationException error =
        assertThrows(
            EvaluationException.class, () -> expression.evaluate(Bindings.empty().with("L", 1)));
    assertEquals("sigma_g", error.symbol());
    assertTrue(error.getMessage().contains("sigma_g"), error.getMessage());
    assertTrue(error.getMessage().contains("unbound"), error.getMessage());
  }

  @Test
  void outOfDomainValueIsNamedWithTheDomain() {
    Expression expression = Expression.parse("(1 + alpha*L)^N");
    Bindings bindings = Bindings.empty().with("alpha", 0.1).with("L", 1).with("N", -1);
    EvaluationException error =
        assertThrows(EvaluationException.class, () -> expression.evaluate(bindings));
    assertEquals("symbol N must be a positive integer, got -1", error.getMessage());
    assertEquals("N", error.symbol());

    EvaluationException fractional =
        assertThrows(EvaluationException.class, () -> expression.evaluate(bindings.with("N", 2.5)));
    assertEquals("symbol N must be a positive integer, got 2.5", fractional.getMessage());

    EvaluationException negativeStep =
        assertThrows(
            EvaluationException.class,
            () -> expression.evaluate(bindings.with("N", 2).with("alpha", -0.1)));
    assertEquals(
        "symbol alpha must be a non-negative real number, got -0.1", negativeStep.getMessage());

    EvaluationException nan =
        assertThrows(
            EvaluationException.class,
            () -> expression.evaluate(bindings.with("N", 2).with("L", Double.NaN)));
    assertEquals("symbol L must be a positive real number, got NaN", nan.getMessage());
  }

  @Test
  void uncataloguedSymbolsAreNotDomainChecked() {
    assertEquals(-7, Expression.parse("foo_bar").evaluate(Bindings.empty().with("foo_bar", -7)));
  }

  @Test
  void nonFiniteResultsAreReturnedNotThrown() {
    assertEquals(Double.POSITIVE_INFINITY, eval("1 / 0"));
    assertEquals(Double.NEGATIVE_INFINITY, eval("-1 / 0"));
    assertTrue(Double.isNaN(eval("0 / 0")));
    assertTrue(Double.isNaN(eval("sqrt(-1)")));
    assertEquals(Double.NEGATIVE_INFINITY, eval("log(0)"));
    assertTrue(Double.isNaN(eval("log(-1)")));
    assertEquals(Double.POSITIVE_INFINITY, eval("exp(1000)"));
    assertTrue(Double.isNaN(eval("(-8)^(1/3)"))); // Math.pow of a negative base, fractional power
    assertTrue(Double.isNaN(eval("min(1, 0/0)")));
    assertTrue(Double.isNaN(eval("max(0/0, 1)")));
    // a diverging bound: (1 + alpha L)^(2N) L overflows for large N
    Expression bound = Expression.parse("(1 + alpha*L)^(2*N) * L");
    Bindings bindings = Bindings.of(Map.of("alpha", 1.0, "L", 10.0, "N", 1000.0));
    assertEquals(Double.POSITIVE_INFINITY, bound.evaluate(bindings));
  }

  @Test
  void substituteReplacesSymbolsSimultaneously() {
    Expression expression = Expression.parse("alpha * L + L");
    Expression substituted =
        expression.substitute(Map.of("L", Expression.parse("2 * x"), "x", num(99)));
    assertEquals(Expression.parse("alpha * (2 * x) + 2 * x"), substituted);
    assertEquals(
        Expression.parse("min(2 * x, 1)"),
        min(sym("L"), num(1)).substitute(Map.of("L", Expression.parse("2 * x"))));
  }

  @Test
  void symbolsAreSortedAndUnique() {
    Expression expression = Expression.parse("sqrt(sigma_g^2 / S) + L * alpha * L + max(N, D_in)");
    assertEquals(
        java.util.List.of("D_in", "L", "N", "S", "alpha", "sigma_g"),
        java.util.List.copyOf(expression.symbols()));
    assertThrows(UnsupportedOperationException.class, () -> expression.symbols().add("z"));
    assertTrue(num(3).symbols().isEmpty());
  }
}
