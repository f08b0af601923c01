package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.Assumption;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The strength of a verdict: hypotheses decided on instances ({@link HypothesisClass}), the
 * classification ({@link StrengthRule}), the equality detector ({@link AlgebraicEquality}) and the
 * per-paper tally.
 */
class StrengthTest {

  private static final Assumption BOUNDED_BELOW =
      Assumption.descriptive(
          "Assumption 1: every l_i is bounded below, L-smooth (so ||∇²l_i|| <= L) and has a"
              + " rho-Lipschitz Hessian");

  private static final Assumption DISSIMILARITY =
      Assumption.descriptive(
          "Assumption 2: E_i||∇l_i(w) - ∇l(w)||^2 <= sigma^2 for all w (i uniform over the tasks)");

  private static Instance quadratic(double[][]... hessians) {
    List<MetaTask> tasks =
        java.util.Arrays.stream(hessians)
            .map(h -> MetaTask.same(QuadraticLoss.of(h, new double[h.length])))
            .toList();
    return Instance.of(new TaskSet(tasks), Map.of("alpha", 0.1, "N", 1.0), 1, "quadratic");
  }

  @Test
  void aNegativeEigenvalueMakesAQuadraticUnboundedBelow() {
    // eigenvalues of [[0, 1], [1, 0]] are ±1: f = u·v is unbounded below
    HypothesisClass.Status s =
        HypothesisClass.decide(BOUNDED_BELOW.description(), quadratic(new double[][] {{0, 1}, {1, 0}}));
    assertEquals(HypothesisClass.Holds.BROKEN, s.verdict(), s.describe());
    assertTrue(s.reason().contains("-1"), s.reason());
    HypothesisClass.Status psd =
        HypothesisClass.decide(BOUNDED_BELOW.description(), quadratic(new double[][] {{2, 1}, {1, 2}}));
    assertEquals(HypothesisClass.Holds.HOLDS, psd.verdict(), psd.describe());
  }

  @Test
  void separableLossesAreBoundedBelowByProof() {
    Instance x =
        Instance.of(
            new TaskSet(
                List.of(MetaTask.same(new SeparableNonconvexLoss(new double[] {1}, new double[] {0})))),
            Map.of(),
            1,
            "separable");
    assertEquals(
        HypothesisClass.Holds.HOLDS, HypothesisClass.decide(BOUNDED_BELOW.description(), x).verdict());
  }

  @Test
  void distinctHessiansBreakABoundedDissimilarityForAllW() {
    // ∇l_1 − ∇l_2 = (H_1 − H_2) w grows without bound
    Instance distinct = quadratic(new double[][] {{1}}, new double[][] {{2}});
    assertEquals(
        HypothesisClass.Holds.BROKEN,
        HypothesisClass.decide(DISSIMILARITY.description(), distinct).verdict());
    Instance common = quadratic(new double[][] {{1}}, new double[][] {{1}});
    assertEquals(
        HypothesisClass.Holds.HOLDS,
        HypothesisClass.decide(DISSIMILARITY.description(), common).verdict());
  }

  @Test
  void globallyBoundedGradientsBoundTheDissimilarityForAllW() {
    // |d/du a log(1 + u²)| = 2a|u|/(1 + u²) ≤ a: bounded, whatever the centres
    Instance x =
        Instance.of(
            new TaskSet(
                List.of(
                    MetaTask.same(new SeparableNonconvexLoss(new double[] {1}, new double[] {0})),
                    MetaTask.same(new SeparableNonconvexLoss(new double[] {2}, new double[] {1})))),
            Map.of(),
            1,
            "separable");
    HypothesisClass.Status s = HypothesisClass.decide(DISSIMILARITY.description(), x);
    assertEquals(HypothesisClass.Holds.HOLDS, s.verdict(), s.describe());
  }

  @Test
  void anUnreadHypothesisIsUndecidedNeverInClass() {
    HypothesisClass.Status s =
        HypothesisClass.decide("Assumption 9: the moon is full", quadratic(new double[][] {{1}}));
    assertEquals(HypothesisClass.Holds.UNDECIDED, s.verdict());
  }

  private static CheckResult result(Instance x, double ratio, CheckRemarks remarks) {
    return CheckResult.builder("test.bound", "q", Comparison.AT_MOST)
        .verdict(ratio > 1 ? Verdict.VIOLATED : Verdict.HOLDS)
        .measurement(Measurement.exact(ratio))
        .theoretical(1.0, ratio)
        .instance(x, 1)
        .remarks(remarks)
        .build();
  }

  @Test
  void aTightRatioIsInClassOnlyWhenEveryHypothesisHolds() {
    CheckStrength in =
        StrengthRule.classify(
            result(quadratic(new double[][] {{1}}), 1.0, CheckRemarks.NONE),
            List.of(BOUNDED_BELOW),
            null);
    assertEquals(Strength.TIGHT_IN_CLASS, in.kind(), in.detail());
    CheckStrength out =
        StrengthRule.classify(
            result(quadratic(new double[][] {{-1}}), 1.0, CheckRemarks.NONE),
            List.of(BOUNDED_BELOW),
            null);
    assertEquals(Strength.TIGHT_OUT_OF_CLASS, out.kind());
    assertTrue(out.detail().contains("unbounded below"), out.detail());
    CheckStrength undecided =
        StrengthRule.classify(
            result(quadratic(new double[][] {{1}}), 1.0, CheckRemarks.NONE),
            List.of(Assumption.descriptive("Assumption 9: the moon is full")),
            null);
    assertEquals(Strength.GENUINE, undecided.kind());
    assertTrue(undecided.detail().contains("undecided"), undecided.detail());
  }

  @Test
  void consistencyVacuityAndGenuineAreClassifiedInThatOrder() {
    Instance x = quadratic(new double[][] {{1}});
    CheckRemarks algebra = CheckRemarks.NONE.withConsistency("same closed form", null);
    assertEquals(
        Strength.CONSISTENCY, StrengthRule.classify(result(x, 1.0, algebra), List.of(), null).kind());
    Vacuity ceiling = new Vacuity(0.06, "floor ≤ αLσ against √280·αLσ (proven)");
    CheckStrength vacuous =
        StrengthRule.classify(result(x, 0.01, CheckRemarks.NONE), List.of(), ceiling);
    assertEquals(Strength.VACUOUS, vacuous.kind());
    assertEquals(0.06, vacuous.ceiling());
    // a ratio above the ceiling refutes it: the check is classified as if it had none
    CheckStrength refuted =
        StrengthRule.classify(result(x, 0.4, CheckRemarks.NONE), List.of(), ceiling);
    assertEquals(Strength.GENUINE, refuted.kind());
    assertTrue(refuted.detail().contains("refuted"), refuted.detail());
    assertEquals(
        "genuine (best 0.4)",
        StrengthRule.classify(result(x, 0.4, CheckRemarks.NONE), List.of(), null).cell());
    assertThrows(IllegalArgumentException.class, () -> new Vacuity(0.7, "too high to be vacuous"));
  }

  @Test
  void aRunClassifiesTheTightIndefiniteCaseAsOutOfClass() {
    // (1 + αL)^{2N} L is attained by one task with H = −L: unbounded below
    BoundCheck check =
        Fixtures.trueSmoothness()
            .withEvidence(StrengthEvidence.NONE.withHypotheses(List.of(BOUNDED_BELOW)));
    CheckResult r = check.run(CheckSettings.defaults(5).withEvaluationBudget(200));
    assertEquals(Strength.TIGHT_OUT_OF_CLASS, r.strength().kind(), r.strength().detail());
    assertEquals(r.strength(), r.effectiveStrength());
  }

  @Test
  void aClassSearchRunsBesideAndItsStrengthCountsWhenItIsARealTest() {
    QuadraticDomain psd =
        QuadraticDomain.builder("quadratic PSD")
            .dimensions(1, 2)
            .taskCounts(1, 2)
            .eigenvalues(0.1, 2)
            .centreRadius(1)
            .rotations(true)
            .parameter(ParameterRange.integers("N", 1, 3))
            .parameter(
                ParameterRange.of("alpha", c -> 0.5 / c.get("L"), c -> 1 / c.get("L"), "[0.5/L, 1/L]"))
            .build();
    BoundCheck inClass =
        new BoundCheck(
            "test.true.meta-smoothness",
            Comparison.AT_MOST,
            Fixtures.trueSmoothnessBound(),
            Fixtures.metaSmoothness(),
            psd);
    ClassSearch search =
        new ClassSearch("quadratic PSD", "bounded below", psd, x -> Map.of(), null);
    BoundCheck check =
        Fixtures.trueSmoothness()
            .withEvidence(
                StrengthEvidence.NONE
                    .withHypotheses(List.of(BOUNDED_BELOW))
                    .withClassSearch(search, inClass));
    CheckResult r = check.run(CheckSettings.defaults(5).withEvaluationBudget(200));
    assertEquals(Strength.TIGHT_OUT_OF_CLASS, r.strength().kind());
    CheckResult c = r.classSearch().result();
    assertEquals(Verdict.HOLDS, c.verdict());
    // PSD spectra: λ(1 − αλ)^{2N} ≤ L while (1 + αL)^{2N} L ≥ 2.25 L at α ≥ 0.5/L: ratio ≤ 0.45
    assertTrue(c.ratio() <= 0.45, () -> "in-class ratio " + c.ratio());
    assertEquals(Strength.GENUINE, c.strength().kind());
    assertEquals(Strength.GENUINE, r.effectiveStrength().kind());
    assertTrue(SuiteSummary.strengthCell(r).contains("in class (quadratic PSD): genuine"));
  }

  @Test
  void equalityEverywhereIsDetectedAndATrueInequalityIsNot() {
    Probe exact = Fixtures.metaSmoothness();
    BoundCheck algebra =
        new BoundCheck(
            "test.algebra",
            Comparison.AT_MOST,
            TheoreticalBound.of(
                "meta-smoothness",
                x -> exact.measure(x, new MeasurementSettings(0.99, 2)).value(),
                List.of()),
            exact,
            Fixtures.indefiniteQuadratics());
    CheckSettings settings = CheckSettings.defaults(3);
    SearchSpace space = algebra.domain().searchSpaces().get(0);
    CheckResult one = algebra.evaluate(space.decode(space.lowerBounds(), 3), settings);
    assertEquals(1.0, one.ratio(), 1e-12, one::toString);
    assertTrue(AlgebraicEquality.everywhereEqual(algebra, settings, 10).isPresent());
    assertTrue(AlgebraicEquality.everywhereEqual(Fixtures.trueSmoothness(), settings, 10).isEmpty());
  }

  @Test
  void theTallyCountsStrengthsAndProvenancePerPaper() {
    Instance x = quadratic(new double[][] {{1}});
    CheckResult a =
        result(x, 0.5, CheckRemarks.NONE).toBuilder()
            .boundId("takagi2019.cond-beta.stability")
            .strength(new CheckStrength(Strength.GENUINE, 0.5, "best", List.of(), Double.NaN))
            .build();
    CheckResult b =
        a.toBuilder()
            .boundId("ji2022.prop1.meta-smoothness")
            .strength(new CheckStrength(Strength.CONSISTENCY, 1, "algebra", List.of(), Double.NaN))
            .build();
    StrengthTally t = StrengthTally.of(List.of(a, b, b.toBuilder().boundId("ji2022.lemma11.path-sensitivity").build()));
    assertEquals(List.of("takagi2019", "ji2022"), t.papers().stream().map(StrengthTally.PaperCounts::paper).toList());
    assertEquals(2, t.papers().get(1).count(Strength.CONSISTENCY));
    assertEquals(3, t.total().checks());
    // Ji2022's statements are all reconstructions ([R-…]); see docs/THEOREMS.md §1
    assertEquals(2, t.papers().get(1).reconstructed());
  }
}
