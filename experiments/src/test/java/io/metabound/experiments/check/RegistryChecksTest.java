package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Relation;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.probe.BetaThresholdProbe;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RegistryChecksTest {

  /** Quadratic constants plus grad_task_mean, which Prop 1 multiplies by rho = 0 on quadratics. */
  private static Map<String, Double> prop1Constants(Instance x) {
    Map<String, Double> c = new TreeMap<>(QuadraticInstanceConstants.of(x.tasks()));
    c.put("grad_task_mean", 0.0);
    return c;
  }

  private static RegistryChecks.Plan prop1Plan() {
    return new RegistryChecks.Plan(
        Fixtures.metaSmoothness(),
        Fixtures.indefiniteQuadratics(),
        RegistryChecksTest::prop1Constants,
        List.of(),
        null);
  }

  @Test
  void ji2022Prop1HoldsAndIsAttainedOnQuadratics() {
    Bound prop1 = BoundRegistry.find("ji2022.prop1.meta-smoothness").orElseThrow();
    BoundCheck check = RegistryChecks.check(prop1, prop1Plan());
    assertEquals(Comparison.AT_MOST, check.comparison());
    CheckResult r = check.run(CheckSettings.defaults(3).withEvaluationBudget(200));
    // one task with H = −L I attains (1 + αL)^{2N} L (rho = 0 removes the second term)
    assertEquals(Verdict.HOLDS, r.verdict());
    assertEquals(1.0, r.ratio(), 1e-9);
    assertEquals(NegativeControlResult.Status.FAILS_AS_REQUIRED, r.negativeControl().status());
  }

  @Test
  void everyRegistryBoundIsCheckedOrListedWithAReason() {
    List<Bound> all = BoundRegistry.all();
    CheckSuite suite =
        RegistryChecks.suite(all, Map.of("ji2022.prop1.meta-smoothness", prop1Plan()));
    assertEquals(1, suite.checks().size());
    assertEquals(all.size(), suite.checks().size() + suite.notCheckable().size());
    for (NotCheckable n : suite.notCheckable()) {
      assertTrue(!n.reason().isBlank(), n.boundId());
    }
    Bound order =
        all.stream().filter(b -> b.relation() == Relation.ORDER).findFirst().orElseThrow();
    NotCheckable listed =
        suite.notCheckable().stream()
            .filter(n -> n.boundId().equals(order.id()))
            .findFirst()
            .orElseThrow();
    assertTrue(listed.reason().startsWith("ORDER"), listed.reason());
  }

  @Test
  void aProbeOfAnotherQuantityIsRejected() {
    Bound bias = BoundRegistry.find("ji2022.prop3.estimator-bias").orElseThrow();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RegistryChecks.check(bias, prop1Plan()));
    assertTrue(e.getMessage().contains("estimator-bias"), e.getMessage());
  }

  /**
   * A stepsize threshold is a sufficient condition: it holds when the measured threshold is at
   * least the stated one. Takagi's β < 2/(λ − αλ²) against the exact FO-MAML threshold on one 1-d
   * task, w ← w − β(1 − αλ)λ(w − c), stable iff β < 2/((1 − αλ)λ): equal, ratio 1 — and against
   * exact MAML, w ← w − β(1 − αλ)²λ(w − c), threshold 2/((1 − αλ)²λ): ratio 1 − αλ.
   */
  @Test
  void stepsizeThresholdsCompareMeasuredAgainstStated() {
    Bound takagi = BoundRegistry.find("takagi2019.cond-beta.stability").orElseThrow();
    double lambda = 2;
    double alpha = 0.25;
    Instance x =
        Instance.of(
            new TaskSet(
                List.of(
                    MetaTask.same(QuadraticLoss.of(new double[][] {{lambda}}, new double[] {0})))),
            Map.of("alpha", alpha, "lambda_i", lambda),
            0,
            "quadratic");
    InstanceDomain single =
        new ParameterDomain(
            "one task",
            x.tasks(),
            Map.of(),
            List.of(
                ParameterRange.fixed("alpha", alpha), ParameterRange.fixed("lambda_i", lambda)));
    CheckResult fo =
        RegistryChecks.check(
                takagi,
                RegistryChecks.Plan.onQuadratics(BetaThresholdProbe.of(Estimator.FOMAML), single))
            .evaluate(x, CheckSettings.defaults(0));
    assertEquals(Verdict.HOLDS, fo.verdict());
    assertTrue(fo.tight());
    CheckResult maml =
        RegistryChecks.check(
                takagi,
                RegistryChecks.Plan.onQuadratics(BetaThresholdProbe.of(Estimator.MAML), single))
            .evaluate(x, CheckSettings.defaults(0));
    assertEquals(Verdict.HOLDS, maml.verdict());
    // stated / measured = (2/((1 − αλ)λ)) / (2/((1 − αλ)²λ)) = 1 − αλ = 0.5
    assertEquals(1 - alpha * lambda, maml.ratio(), 1e-12);
  }
}
