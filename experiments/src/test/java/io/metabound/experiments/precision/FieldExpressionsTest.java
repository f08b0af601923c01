package io.metabound.experiments.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expressions;
import java.util.Map;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The extended-precision evaluation of bound formulas, against double and known values. */
class FieldExpressionsTest {

  private static final DfpField FIELD = Fields.extended();

  private static Dfp eval(String formula, double x) {
    return FieldExpressions.evaluate(Expressions.parse(formula), Map.of("x", FIELD.newDfp(x)), FIELD);
  }

  @ParameterizedTest
  @CsvSource({"(1 + x)^2 * 4, 0.5", "exp(x) - 1, 0.25", "sqrt(x) / x, 2", "x^(1/2), 2", "log(x) * x, 3"})
  void agreesWithDoubleWhereDoubleIsAccurate(String formula, double x) {
    double expected = Expressions.parse(formula).evaluate(Bindings.of(Map.of("x", x)));
    assertEquals(expected, eval(formula, x).getReal(), 1e-14 * Math.abs(expected));
  }

  /** Found by the mutation test: a claim bound exp(x) at x ~ 1e9 made Dfp's exp run for minutes. */
  @ParameterizedTest
  @CsvSource({"exp(x), 1e9", "exp(-x), 1e9", "2^(x + 0.5), 1e9", "x^(x / 3), 1e6"})
  @Timeout(5)
  void anExponentialFarBeyondDoubleIsNotANumberAtOnce(String formula, double x) {
    assertTrue(eval(formula, x).isNaN(), formula);
  }

  @Test
  void anExponentialJustBeyondDoubleIsStillComputed() {
    // e^800 overflows double but is an ordinary Dfp
    Dfp v = eval("exp(x)", 800);
    assertTrue(!v.isNaN() && !v.isInfinite());
    assertEquals(800, v.log().getReal(), 1e-12);
  }
}
