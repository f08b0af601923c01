package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HolmBonferroniTest {

  @Test
  void handComputedExample() {
    // α = 0.05, p = (0.01, 0.04, 0.03, 0.005).
    // Sorted: 0.005 (#3), 0.01 (#0), 0.03 (#2), 0.04 (#1); thresholds α/4, α/3, α/2, α/1
    // = 0.0125, 0.01667, 0.025, 0.05.
    // 0.005 ≤ 0.0125 reject; 0.01 ≤ 0.01667 reject; 0.03 > 0.025 stop: #2 and #1 retained
    // (although 0.04 ≤ 0.05: step-down stops at the first failure).
    // Adjusted: 4·0.005 = 0.02; max(0.02, 3·0.01) = 0.03; max(0.03, 2·0.03) = 0.06;
    // max(0.06, 1·0.04) = 0.06.
    HolmBonferroni.Decision d = HolmBonferroni.apply(new double[] {0.01, 0.04, 0.03, 0.005}, 0.05);
    assertArrayEquals(new boolean[] {true, false, false, true}, d.rejected());
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, d.adjustedPValues(), 1e-15);
    assertArrayEquals(
        new double[] {1 - 0.05 / 3, 1 - 0.05 / 2, 1 - 0.05 / 2, 1 - 0.05 / 4}, d.levels(), 1e-15);
    // plain Bonferroni (every p against α/4) would reject #3 only: Holm is uniformly more powerful
    assertEquals(0.0125, 0.05 / 4);
  }

  @Test
  void suiteAdjustsMonteCarloVerdictsByRank() {
    Instance x =
        Instance.of(
            new TaskSet(
                List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{1}}, new double[] {0})))),
            Map.of(),
            1,
            "quadratic");
    CheckSettings settings = CheckSettings.defaults(1).withFamilyWiseLevel(0.05);
    // three Monte Carlo means 0 with standard error 1 (n = 1000) against upper bounds 4, 2 and 1:
    // two-sided p ≈ 7e-5, 0.0458, 0.317
    double[] bounds = {4.0, 2.0, 1.0};
    List<CheckResult> results = new ArrayList<>();
    for (int i = 0; i < bounds.length; i++) {
      double b = bounds[i];
      BoundCheck check =
          new BoundCheck(
              "mc" + i,
              Comparison.AT_MOST,
              TheoreticalBound.of("b", y -> b, List.of()),
              Fixtures.fixed(Measurement.monteCarlo(0, 1, 1000, 0.95)),
              null);
      results.add(
          check.evaluate(
              x, new io.metabound.experiments.probe.MeasurementSettings(0.95, 1000), 1e-9, 0.05));
    }
    // alone at level 0.95, the bound 2 holds (p = 0.0458 < 0.05)
    assertEquals(Verdict.HOLDS, results.get(1).verdict());
    double p1 = results.get(1).measurement().twoSidedPValue(2.0);
    assertEquals(0.0458, p1, 5e-4);

    // in a family of three: 7e-5 ≤ 0.05/3 rejected (HOLDS at level 1 − 0.05/3);
    // 0.0458 > 0.05/2 retained: the step-down stops, both others INCONCLUSIVE at level 0.975
    SuiteSummary s = CheckSuite.summarise(results, List.of(), settings);
    assertEquals(3, s.monteCarloChecks());
    assertEquals(Verdict.HOLDS, s.results().get(0).verdict());
    assertEquals(1 - 0.05 / 3, s.results().get(0).confidenceLevel(), 1e-15);
    assertEquals(Verdict.INCONCLUSIVE, s.results().get(1).verdict());
    assertEquals(Verdict.INCONCLUSIVE, s.results().get(2).verdict());
    assertEquals(0.975, s.results().get(1).confidenceLevel(), 1e-15);
    assertEquals(0.05, s.results().get(1).familyWiseLevel());

    // in a family of two (0.0458 ≤ 0.05/1 after the first rejection) the bound 2 holds again
    SuiteSummary two = CheckSuite.summarise(results.subList(0, 2), List.of(), settings);
    assertEquals(Verdict.HOLDS, two.results().get(1).verdict());
    assertEquals(0.95, two.results().get(1).confidenceLevel(), 1e-15);
  }

  @Test
  void aBoundThatIsNotANumberStaysOutOfTheFamily() {
    Instance x =
        Instance.of(
            new TaskSet(
                List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{1}}, new double[] {0})))),
            Map.of(),
            1,
            "quadratic");
    BoundCheck check =
        new BoundCheck(
            "nan",
            Comparison.AT_MOST,
            TheoreticalBound.of("0/0", y -> Double.NaN, List.of()),
            Fixtures.fixed(Measurement.monteCarlo(0, 1, 100, 0.99)),
            null);
    CheckResult r =
        check.evaluate(
            x, new io.metabound.experiments.probe.MeasurementSettings(0.99, 100), 1e-9, 0.01);
    SuiteSummary s = CheckSuite.summarise(List.of(r), List.of(), CheckSettings.defaults(1));
    assertEquals(0, s.monteCarloChecks());
    assertEquals(Verdict.INCONCLUSIVE, s.results().get(0).verdict());
    assertEquals("the bound evaluates to NaN", s.results().get(0).note());
  }
}
