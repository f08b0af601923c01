package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.Assumption;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ablation control ({@link Ablation}): with the symbol set to 0 in the formula only, does the
 * bound still hold? Planted bounds on the exact meta-smoothness of quadratics, whose "rho" is a
 * constant chosen by the test: a term the bound needs, a term it does not need, and a term that
 * vanishes everywhere.
 */
class AblationControlTest {

  private static CheckSettings settings() {
    return CheckSettings.defaults(3).withEvaluationBudget(200).withShrinkBudget(50);
  }

  /** A check of "meta-smoothness ≤ formula" with the constant {@code rho} given per instance. */
  private static BoundCheck check(String formula, ToDoubleFunction<Instance> rho) {
    Function<Instance, Map<String, Double>> constants =
        x -> {
          Map<String, Double> c = new TreeMap<>(QuadraticInstanceConstants.of(x.tasks()));
          c.put("rho", rho.applyAsDouble(x));
          return c;
        };
    return new BoundCheck(
            "test.ablation",
            Comparison.AT_MOST,
            new ExpressionBound(
                Expression.parse(formula),
                List.of(),
                List.of(Fixtures.ALPHA_AT_MOST_ONE_OVER_L),
                constants),
            Fixtures.metaSmoothness(),
            Fixtures.indefiniteQuadratics())
        .withAblation(Ablation.rho("the rho-term"));
  }

  /** (1 + αL)^{2N} L, the exact supremum on a task with eigenvalue −L. */
  private static double attained(Instance x) {
    double l = Fixtures.lipschitz(x);
    return Math.pow(1 + x.parameter("alpha") * l, 2 * x.integerParameter("N")) * l;
  }

  /**
   * "‖∇²F‖ ≤ L + rho" with rho = (1 + αL)^{2N}L − L: a valid bound whose rho-term is needed (L
   * alone fails on negative curvature), so the control reports EXERCISED and the violation of L
   * alone.
   */
  @Test
  void aNeededTermIsExercised() {
    CheckResult r = check("L + rho", x -> attained(x) - Fixtures.lipschitz(x)).run(settings());
    assertEquals(Verdict.HOLDS, r.verdict());
    AblationResult a = r.ablation();
    assertEquals(AblationResult.Status.EXERCISED, a.status());
    assertEquals(Verdict.VIOLATED, a.verdict());
    assertTrue(a.ablatedRatio() > 1, a.note());
    assertTrue(a.ratio() <= 1 + 1e-9, a.note());
    assertTrue(a.note().startsWith("the rho-term exercised"), a.note());
  }

  /**
   * "‖∇²F‖ ≤ (1 + αL)^{2N}L + rho" with rho = 1: the rho-term is present but never needed; the
   * control says so, and the check still HOLDS (information, not a failure).
   */
  @Test
  void anUnneededTermIsReportedNotExercised() {
    CheckResult r = check("(1 + alpha*L)^(2*N)*L + rho", x -> 1.0).run(settings());
    assertEquals(Verdict.HOLDS, r.verdict());
    AblationResult a = r.ablation();
    assertEquals(AblationResult.Status.NOT_EXERCISED, a.status());
    assertEquals(Verdict.HOLDS, a.verdict());
    assertTrue(a.ablatedRatio() <= 1 + 1e-9);
    assertTrue(a.note().contains("not exercised on any instance found"), a.note());
    SuiteSummary s = CheckSuite.summarise(List.of(r), List.of(), settings());
    assertTrue(s.toMarkdown().contains("ablation: the rho-term not exercised"), s.toMarkdown());
    assertTrue(s.toText().contains("ablation controls: 1 not exercised"), s.toText());
    JsonNode row = CounterexampleFile.JSON.readTree(s.toJson()).get("checks").get(0);
    assertEquals("NOT_EXERCISED", row.get("ablation").get("status").asString());
    assertEquals("rho", row.get("ablation").get("symbol").asString());
  }

  /** A term that is 0 on every instance (ρ = 0 on quadratics) has nothing to ablate. */
  @Test
  void aTermThatVanishesEverywhereIsNotRun() {
    CheckResult r = check("(1 + alpha*L)^(2*N)*L + rho", x -> 0.0).run(settings());
    assertEquals(AblationResult.Status.NOT_RUN, r.ablation().status());
    assertTrue(r.ablation().note().contains("vanish on every in-scope instance"));
  }

  @Test
  void aSymbolTheFormulaLacksCannotBeAblated() {
    BoundCheck plain = Fixtures.trueSmoothness();
    assertThrows(IllegalArgumentException.class, () -> plain.withAblation(Ablation.rho("none")));
    // checks without an ablation report none
    assertNull(plain.run(settings()).ablation());
  }

  /**
   * The ablated bound sets the symbol to 0 in the formula only: hypotheses are decided with the
   * instance's true value.
   */
  @Test
  void theAblatedBoundKeepsTheTrueValueForItsHypotheses() {
    ExpressionBound bound =
        new ExpressionBound(
            Expression.parse("L + 10*rho"),
            List.of(Assumption.parse("rho >= 1", "rho at least 1")),
            List.of(),
            x -> {
              Map<String, Double> c = new TreeMap<>(QuadraticInstanceConstants.of(x.tasks()));
              c.put("rho", x.parameter("r"));
              return c;
            });
    Instance x =
        Instance.of(
            new TaskSet(
                List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{2}}, new double[] {0})))),
            Map.of("r", 2.0),
            0,
            "quadratic");
    TheoreticalBound ablated = bound.ablated("rho").orElseThrow();
    assertEquals(22, bound.value(x), 1e-12);
    assertEquals(2, ablated.value(x), 1e-12);
    assertTrue(ablated.unmetAssumptions(x).isEmpty());
    assertEquals(1, ablated.unmetAssumptions(x.withParameter("r", 0.5)).size());
    assertTrue(bound.ablated("sigma").isEmpty());
  }
}
