package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Expression;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionBoundTest {

  private static Instance oneTask(double lambda, double alpha, int n) {
    return Instance.of(
        new TaskSet(
            List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{lambda}}, new double[] {0})))),
        Map.of("alpha", alpha, "N", (double) n),
        0,
        "quadratic");
  }

  @Test
  void evaluatesOnParametersAndExactQuadraticConstants() {
    ExpressionBound bound =
        ExpressionBound.onQuadratics(Expression.parse("(1 + alpha*L)^(2*N) * L"), List.of());
    // λ = −2: L = 2; (1 + 0.25·2)^(2·2)·2 = 1.5⁴·2 = 10.125
    Instance x = oneTask(-2, 0.25, 2);
    assertEquals(10.125, bound.value(x), 1e-12);
    assertEquals(Fixtures.trueSmoothnessBound().value(x), bound.value(x), 1e-12);
    assertTrue(bound.unmetAssumptions(x).isEmpty());
    assertEquals("(1 + alpha * L)^(2 * N) * L", bound.formula());
  }

  @Test
  void aSymbolOutsideItsDomainPutsTheInstanceOutOfScope() {
    // mu is catalogued as positive: a strong-convexity bound does not apply to λ = −2
    ExpressionBound bound = ExpressionBound.onQuadratics(Expression.parse("L / mu"), List.of());
    List<String> unmet = bound.unmetAssumptions(oneTask(-2, 0.1, 1));
    assertEquals(1, unmet.size());
    assertTrue(unmet.get(0).contains("mu"), unmet.get(0));
    assertTrue(bound.unmetAssumptions(oneTask(2, 0.1, 1)).isEmpty());
  }

  @Test
  void aMissingSymbolIsAConfigurationErrorNamingIt() {
    ExpressionBound bound =
        ExpressionBound.onQuadratics(Expression.parse("sigma * alpha"), List.of());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> bound.value(oneTask(1, 0.1, 1)));
    assertTrue(e.getMessage().contains("'sigma'"), e.getMessage());
  }

  @Test
  void parameterRangesCanBeExpressions() {
    ParameterRange alpha = ParameterRange.expressions("alpha", "0.01", "1/L");
    assertEquals(0.5, alpha.decode(1.0, Map.of("L", 2.0)), 1e-15);
    assertEquals(0.01, alpha.decode(0.0, Map.of("L", 2.0)), 1e-15);
    assertEquals("[0.01, 1 / L]", alpha.description());
  }

  @Test
  void anExpressionEndOutsideItsSymbolsDomainEmptiesTheRangeInsteadOfThrowing() {
    // the shrinker zeroes Hessians: at L = 0 the end 1/L cannot be evaluated (L is positive)
    ParameterRange alpha = ParameterRange.expressions("alpha", "0.01", "1/L");
    assertTrue(!alpha.contains(0.5, Map.of("L", 0.0)));
    assertTrue(alpha.contains(0.5, Map.of("L", 2.0)));
  }
}
