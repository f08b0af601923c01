package io.metabound.bounds.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.EvaluationException;
import io.metabound.bounds.expr.Expression;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssumptionTest {

  @Test
  void parsesBothSidesAndTheOperator() {
    Assumption assumption = Assumption.parse("alpha <= 1/L", "inner stepsize within 1/L");
    assertEquals(Expression.parse("alpha"), assumption.lhs());
    assertEquals(Comparison.LESS_OR_EQUAL, assumption.comparison());
    assertEquals(Expression.parse("1/L"), assumption.rhs());
    assertEquals("inner stepsize within 1/L", assumption.description());
    assertTrue(assumption.isCheckable());
    assertEquals(Set.of("alpha", "L"), assumption.symbols());
    assertEquals("alpha <= 1 / L", assumption.condition().orElseThrow());
  }

  @ParameterizedTest(name = "{0} at alpha={1}, L={2} -> {3}")
  @CsvSource({
    "alpha <= 1/L, 0.5, 2, true", // 0.5 <= 0.5: boundary admitted
    "alpha < 1/L, 0.5, 2, false", // strict
    "alpha < 1/L, 0.4, 2, true",
    "alpha >= 1/L, 0.5, 2, true",
    "alpha > 1/L, 0.5, 2, false",
    "alpha > 1/L, 0.6, 2, true",
    "2 - (1+alpha*L)^2 > 0, 0.2, 1, true", // 2 - 1.44 = 0.56
    "2 - (1+alpha*L)^2 > 0, 0.5, 1, false", // 2 - 2.25 < 0
    "alpha = 1/(8*L), 0.0625, 2, true",
    "alpha = 1/(8*L), 0.0626, 2, false",
  })
  void holdsExactlyWhenTheComparisonDoes(
      String condition, double alpha, double lipschitz, boolean expected) {
    Assumption assumption = Assumption.parse(condition, "test");
    Bindings bindings = Bindings.of(Map.of("alpha", alpha, "L", lipschitz));
    assertEquals(expected, assumption.holds(bindings));
  }

  @Test
  void equalityToleratesRoundingOnly() {
    Assumption choice = Assumption.parse("alpha = 1/(8*N*L)", "choice");
    double n = 7;
    double lipschitz = 3.3;
    // computed in a different order than the right-hand side: may differ in the last bit
    double alpha = (1.0 / 8.0) / (lipschitz * n);
    assertTrue(choice.holds(Bindings.of(Map.of("alpha", alpha, "N", n, "L", lipschitz))));
    assertFalse(
        choice.holds(Bindings.of(Map.of("alpha", alpha * (1 + 1e-9), "N", n, "L", lipschitz))));
  }

  @Test
  void descriptiveAssumptionsAlwaysHoldButAreNotCheckable() {
    Assumption assumption =
        Assumption.descriptive("Assumption 1: l_i bounded below, L-smooth, rho-Hessian-Lipschitz");
    assertFalse(assumption.isCheckable());
    assertTrue(assumption.holds(Bindings.empty()));
    assertTrue(assumption.symbols().isEmpty());
    assertTrue(assumption.condition().isEmpty());
    assertTrue(assumption.conditionLatex().isEmpty());
    assertEquals(assumption.description(), assumption.toString());
  }

  @Test
  void nanSidesDoNotHold() {
    Assumption assumption = Assumption.parse("sqrt(x) >= 0", "x non-negative");
    assertTrue(assumption.holds(Bindings.of(Map.of("x", 4.0))));
    assertFalse(assumption.holds(Bindings.of(Map.of("x", -4.0)))); // sqrt(-4) = NaN
  }

  @Test
  void unboundSymbolIsAnEvaluationErrorNamingIt() {
    Assumption assumption = Assumption.parse("alpha <= 1/L", "inner stepsize");
    EvaluationException error =
        assertThrows(
            EvaluationException.class, () -> assumption.holds(Bindings.of(Map.of("alpha", 0.1))));
    assertEquals("L", error.symbol());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "alpha + 1 | no comparison operator",
        "0 < alpha <= 1/L | more than one comparison",
        "alpha == 1 | unknown comparison operator '=='",
        "alpha != 1 | unknown comparison operator '!='",
        "alpha => 1 | unknown comparison operator '=>'",
        "<= 1/L | left-hand side",
        "alpha <= 1/ | right-hand side: column 12",
      })
  void malformedConditionsAreRejectedWithAClearMessage(String condition, String fragment) {
    AssumptionParseException error =
        assertThrows(AssumptionParseException.class, () -> Assumption.parse(condition, "bad"));
    assertTrue(error.getMessage().startsWith("assumption '" + condition + "'"), error.getMessage());
    assertTrue(error.getMessage().contains(fragment), error.getMessage());
    assertEquals(condition, error.condition());
  }

  @Test
  void conditionPartsComeAllOrNone() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Assumption("half", Expression.parse("x"), null, null));
    assertThrows(IllegalArgumentException.class, () -> Assumption.descriptive(" "));
  }

  @Test
  void conditionRoundTripsThroughParse() {
    Assumption assumption = Assumption.parse("D_h >= ceil(36*(alpha*sigma_H)^2)", "HF-MAML");
    assertEquals(assumption, Assumption.parse(assumption.condition().orElseThrow(), "HF-MAML"));
    assertTrue(assumption.conditionLatex().orElseThrow().contains("\\ge"));
  }
}
