package io.metabound.reports.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first operation whose operands are finite and whose value is not, named in words. */
class UndefinedValueTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "L / x|0|division by zero",
        "L / (x - x)|3|division by zero",
        "x^(-1) * L|0|division by zero",
        "sqrt(x - 1) + L|0|sqrt of a negative",
        "log(x) * L|0|log of a non-positive",
        "log(x - 2)|1|log of a non-positive",
        "exp(1000 * x)|1|overflow",
        "L * 10^(400 * x)|1|overflow",
        "(x - 1)^0.5|0|a negative number to a fractional power",
        "1 / x + sqrt(-1)|0|division by zero",
        "sqrt(-1) + 1 / x|0|sqrt of a negative",
        "exp(1000 * x) - exp(1000 * x)|1|overflow",
        "L / x|2|",
        "sqrt(x) * log(x)|4|",
      })
  void namesTheCause(String expression, double x, String cause) {
    Bindings b = Bindings.of(Map.of("x", x, "L", 2.0));
    assertEquals(
        Optional.ofNullable(cause), UndefinedValue.why(Expression.parse(expression), b), expression);
  }
}
