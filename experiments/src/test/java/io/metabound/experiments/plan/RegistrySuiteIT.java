package io.metabound.experiments.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Bound;
import io.metabound.experiments.check.AlgebraicEquality;
import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckStrength;
import io.metabound.experiments.check.HypothesisClass;
import io.metabound.experiments.check.Strength;
import io.metabound.experiments.check.ScalingOutcome;
import io.metabound.experiments.check.Vacuity;
import io.metabound.experiments.scaling.ScalingChecks;
import io.metabound.experiments.check.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.CheckSuite;
import io.metabound.experiments.check.SuiteSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.metabound.experiments.check.Confirmation;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The build's gate: every registry bound is checked with its plan (or listed as not checkable with
 * the reason), at seed {@link RegistryPlans#DEFAULT_SEED}. The summary table is printed and written
 * to {@code target/check-summary.{json,md}} (counterexamples to {@code target/counterexamples/})
 * before anything is asserted, so a failing build still leaves its report.
 *
 * <p>The build fails on a VIOLATED verdict that is not a documented expected finding, on an
 * INCONCLUSIVE verdict that its plan does not declare ({@link
 * io.metabound.experiments.check.RegistryChecks.Plan#inconclusiveReason()}: a violation by a few
 * per cent measured by Monte Carlo would come out INCONCLUSIVE too), and on a negative control that
 * could not make its check fail, and on the strength gates ({@link #assertStrengths}).
 */
class RegistrySuiteIT {

  @Test
  void everyRegistryBoundHoldsOrIsAnExpectedFinding() throws Exception {
    Path target = Path.of("target");
    Path counterexamples = target.resolve("counterexamples");
    Files.createDirectories(counterexamples);
    CheckSettings settings =
        RegistryPlans.defaultSettings(RegistryPlans.DEFAULT_SEED)
            .withCounterexampleDirectory(counterexamples);
    CheckSuite suite = RegistryPlans.suite();
    SuiteSummary summary =
        suite.run(settings).withScaling(ScalingChecks.outcomes(settings.seed()));
    summary.writeTo(target);
    System.out.println("MetaBound check suite, seed " + settings.seed());
    System.out.print(summary.toText());

    Set<String> covered = new HashSet<>();
    summary.results().forEach(r -> covered.add(r.boundId()));
    summary.notCheckable().forEach(n -> covered.add(n.boundId()));
    assertEquals(BoundRegistry.all().size(), covered.size(), "every bound checked or listed");
    assertTrue(
        summary.unexpectedViolations().isEmpty(),
        () ->
            "unexpected violations: "
                + summary.unexpectedViolations().stream()
                    .map(RegistrySuiteIT::describe)
                    .collect(Collectors.joining("; ")));
    assertTrue(
        RegistryPlans.undeclaredInconclusive(summary).isEmpty(),
        () ->
            "INCONCLUSIVE verdicts not declared by their plan: "
                + RegistryPlans.undeclaredInconclusive(summary).stream()
                    .map(RegistrySuiteIT::describe)
                    .collect(Collectors.joining("; ")));
    // every exact VIOLATED verdict is confirmed in extended precision (Dfp at 50 and 100 digits)
    List<CheckResult> unconfirmed =
        summary.results().stream()
            .filter(r -> r.verdict() == io.metabound.experiments.check.Verdict.VIOLATED)
            .filter(r -> r.measurement() != null && !r.measurement().isStochastic())
            .filter(r -> r.precision() != Confirmation.Precision.EXTENDED)
            .toList();
    assertTrue(
        unconfirmed.isEmpty(),
        () ->
            "exact violations not confirmed in extended precision: "
                + unconfirmed.stream()
                    .map(r -> r.boundId() + " (" + r.confirmation().note() + ")")
                    .collect(Collectors.joining("; ")));
    assertTrue(
        summary.failedNegativeControls().isEmpty(),
        () ->
            "negative controls that could not fail: "
                + summary.failedNegativeControls().stream()
                    .map(r -> r.boundId() + " (" + r.negativeControl().note() + ")")
                    .collect(Collectors.joining("; ")));
    assertStrengths(suite, summary, settings);
  }

  /**
   * The strength gates: every check (and class search) has a strength; a tight-in-class instance
   * satisfies every hypothesis of its result, decided again here; a vacuity ceiling is never
   * exceeded; and a check labelled genuine is not equal to its bound on its whole domain (ratio 1
   * on every in-scope instance of a uniform sample, {@link AlgebraicEquality}).
   */
  private static void assertStrengths(CheckSuite suite, SuiteSummary summary, CheckSettings settings) {
    List<String> problems = new ArrayList<>();
    Map<String, BoundCheck> checks = new HashMap<>();
    suite.checks().forEach(c -> checks.put(c.boundId(), c));
    for (CheckResult r : summary.results()) {
      BoundCheck check = checks.get(r.boundId());
      List<CheckResult> searched = new ArrayList<>(List.of(r));
      if (r.classSearch() != null) {
        searched.add(r.classSearch().result());
        if (r.classSearch().result().verdict() != Verdict.HOLDS) {
          problems.add(r.boundId() + ": class search " + r.classSearch().summary());
        }
      }
      for (CheckResult s : searched) {
        CheckStrength strength = s.strength();
        if (strength == null) {
          problems.add(s.boundId() + ": no strength");
          continue;
        }
        if (strength.kind() == Strength.TIGHT_IN_CLASS) {
          Bound bound = BoundRegistry.find(s.boundId()).orElseThrow();
          for (HypothesisClass.Status h :
              HypothesisClass.decide(bound.assumptions(), s.instance())) {
            if (h.verdict() != HypothesisClass.Holds.HOLDS) {
              problems.add(s.boundId() + ": tight-in-class instance: " + h.describe());
            }
          }
        }
      }
      Vacuity vacuity = check.evidence().vacuity();
      if (vacuity != null && r.ratio() > vacuity.ceiling()) {
        problems.add(
            r.boundId() + ": ratio " + r.ratio() + " above its vacuity ceiling " + vacuity.ceiling());
      }
      // exact checks only: a Monte Carlo value is never equal to its bound on a sample
      if (r.strength() != null
          && r.strength().kind() == Strength.GENUINE
          && r.measurement() != null
          && !r.measurement().isStochastic()) {
        AlgebraicEquality.everywhereEqual(check, settings, 20)
            .ifPresent(why -> problems.add(r.boundId() + ": labelled genuine but " + why));
      }
    }
    // every vacuous check has a scaling check that does not contradict it and whose control fails
    for (String id : Vacuities.all().keySet()) {
      if (summary.scalingOf(id).isEmpty()) {
        problems.add(id + ": vacuous without a scaling check");
      }
    }
    for (ScalingOutcome o : summary.scaling()) {
      if (o.violated()) {
        problems.add(o.boundId() + ": scaling VIOLATED: " + o.summary());
      }
      if (!o.controlFails()) {
        problems.add(o.boundId() + ": the scaling control cannot fail (" + o.controlVerdict() + ")");
      }
    }
    assertTrue(problems.isEmpty(), () -> "strength gates: " + String.join("; ", problems));
  }

  private static String describe(CheckResult r) {
    return r.boundId()
        + " on "
        + r.instanceDescription()
        + ": empirical "
        + SuiteSummary.number(r.empirical())
        + " vs theoretical "
        + SuiteSummary.number(r.theoretical())
        + (r.counterexample() == null ? "" : " (" + r.counterexample() + ")");
  }
}
