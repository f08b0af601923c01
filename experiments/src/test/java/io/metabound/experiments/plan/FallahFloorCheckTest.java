package io.metabound.experiments.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The noise-floor check of Fallah2020 Thm 4.12 on two separable tasks (ρ > 0 and σ > 0): the
 * plateau is reached (doubling K does not move it), the paper's floor holds, and a floor with the
 * constant 61 replaced by {@code 61 r²/4} ({@code r} the measured ratio, the square root term
 * binding) is VIOLATED: the check can catch a wrong constant of that size. Also the gate's rule on
 * INCONCLUSIVE verdicts.
 */
class FallahFloorCheckTest {

  private static final String ID = "fallah2020.thm4.12.stationarity-explicit";

  static Instance instance(int iterations) {
    Map<String, Double> p = new TreeMap<>();
    p.putAll(
        Map.of(
            "N", 1.0, "alpha", 0.4, "sigma_g", 2.0, "sigma_H", 0.0, "D_in", 1.0, "D_o", 1.0,
            "D_h", 1.0, "B", 20.0, "B_prime", 1.0, "D_beta", 8.0));
    p.put("K", (double) iterations);
    p.put("K_tail", 750.0);
    return Instance.of(MonteCarloPlansTest.twoSeparable(), p, 17, "separable non-convex");
  }

  @Test
  void plateauIsReachedAndTheFloorCanCatchAWrongConstant() {
    BoundCheck check = RegistryPlans.check(ID).orElseThrow();
    MeasurementSettings runs = new MeasurementSettings(0.99, 40);
    Measurement base = check.probe().measure(instance(1500), runs);
    Measurement longer = check.probe().measure(instance(6000), runs);
    assertTrue(Double.isFinite(base.value()) && base.value() > 0, base.toString());
    // the limit does not move when the burn-in is 10 times longer
    assertEquals(
        base.value(),
        longer.value(),
        0.1 * base.value() + 3 * (base.standardError() + longer.standardError()));
    CheckSettings settings = RegistryPlans.defaultSettings(3);
    CheckResult result = check.evaluate(instance(1500), settings);
    assertEquals(Verdict.HOLDS, result.verdict());
    double ratio = result.ratio();
    assertTrue(ratio > 0 && ratio < 1, "ratio " + ratio);
    // sqrt term binds: 61 → 61 r²/4 scales the floor by r/2, i.e. the ratio to 2
    assertEquals(Verdict.VIOLATED, check.scaled(ratio / 2).evaluate(instance(1500), settings).verdict());
  }

  /** The gate fails on an INCONCLUSIVE verdict unless its plan declares it. */
  @Test
  void onlyDeclaredInconclusiveVerdictsPass() {
    CheckSettings settings = RegistryPlans.defaultSettings(3);
    // a Monte Carlo check with the bound moved onto its own estimate: the interval straddles it
    BoundCheck path = RegistryPlans.check("ji2022.prop2.path-deviation").orElseThrow();
    Instance x =
        Instance.of(
            new TaskSet(
                List.of(MetaTask.same(new QuadraticLoss(new double[] {0.5}, new double[] {0})))),
            Map.of("N", 2.0, "j", 2.0, "alpha", 0.5, "sigma_g", 1.0, "S", 1.0),
            4,
            "quadratic + additive noise");
    CheckResult holds = path.evaluate(x, settings);
    CheckResult straddling = path.scaled(holds.ratio()).evaluate(x, settings);
    assertEquals(Verdict.INCONCLUSIVE, straddling.verdict());
    SuiteSummary undeclared =
        new SuiteSummary(List.of(straddling.withNote("")), List.of(), 3, 0.05, 1, 1);
    // scaled() renames the check; a result under the plan's own id is what the gate sees
    SuiteSummary summary =
        new SuiteSummary(
            List.of(renamed(straddling, "ji2022.prop2.path-deviation")), List.of(), 3, 0.05, 1, 1);
    assertEquals(1, RegistryPlans.undeclaredInconclusive(summary).size());
    assertEquals(1, RegistryPlans.undeclaredInconclusive(undeclared).size());
    SuiteSummary declared =
        new SuiteSummary(List.of(renamed(straddling, ID)), List.of(), 3, 0.05, 1, 1);
    assertTrue(RegistryPlans.undeclaredInconclusive(declared).isEmpty());
  }

  private static CheckResult renamed(CheckResult r, String id) {
    return r.toBuilder().boundId(id).build();
  }
}
