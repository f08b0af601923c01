package io.metabound.experiments.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.AblationResult;
import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.ExpressionBound;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.RegistryChecks;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.SearchSpace;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact plans: coverage of the bounds they own, a smoke evaluation of every search space, the
 * tight cases the theory predicts, and each expected finding with its measured ratio.
 */
class ExactPlansTest {

  private static final CheckSettings SETTINGS = CheckSettings.defaults(1);

  /** The bounds whose quantity is exact or deterministic (the brief of issue 4's exact part). */
  private static final List<String> EXACT_BOUNDS =
      List.of(
          "ji2022.lemma11.path-sensitivity",
          "ji2022.lemma12.gradient-growth",
          "ji2022.lemma13.product-deviation",
          "ji2022.lemma14.meta-gradient-deviation",
          "ji2022.lemma14.meta-gradient-deviation-alt",
          "ji2022.lemma15.task-gradient-norm",
          "ji2022.lemma15.alpha-threshold",
          "ji2022.lemma17.gradient-growth",
          "ji2022.lemma18.meta-gradient-deviation",
          "ji2022.lemma19.task-gradient-norm",
          "ji2022.prop1.meta-smoothness",
          "ji2022.prop7.meta-smoothness",
          "ji2022.cor6.expansion-factor",
          "ji2022.cor6.expansion-factor-squared",
          "ji2022.cor6.stability-margin",
          "ji2022.cor6.c-l",
          "fallah2020.eq9.finite-difference-error",
          "fallah2020.lemma4.8.meta-smoothness",
          "fallah2020.lemma4.8.taylor-remainder",
          "fallah2020.thm4.12.alpha-threshold",
          "fallah2020.thm4.15.alpha-threshold",
          "fallah2020.thm4.17.alpha-threshold",
          "takagi2019.cond-alpha.stability",
          "takagi2019.cond-beta.stability",
          "takagi2019.cond-beta.exact-maml-stability",
          "takagi2019.multitask.alpha-stability",
          "takagi2019.multitask.beta-stability",
          "rajeswaran2019.lemma1.jacobian-norm",
          "rajeswaran2019.lemma2.agd-iterations",
          "rajeswaran2019.lemma3.gradient-error",
          "rajeswaran2019.lemma3.gradient-error-quadratic",
          "rajeswaran2019.thm1.memory",
          "rajeswaran2019.thm1.formal-gradient-computations",
          "rajeswaran2019.thm1.cg-iterations",
          "rajeswaran2019.cor1.meta-gradient-calls");

  private static BoundCheck check(String id) {
    return RegistryChecks.check(BoundRegistry.find(id).orElseThrow(), ExactPlans.plans().get(id));
  }

  @Test
  void everyExactBoundIsPlannedOrExcusedAndNothingElse() {
    Map<String, Plan> plans = ExactPlans.plans();
    Map<String, String> reasons = ExactPlans.reasons();
    Set<String> covered = new HashSet<>(plans.keySet());
    covered.addAll(reasons.keySet());
    assertEquals(new HashSet<>(EXACT_BOUNDS), covered);
    assertEquals(EXACT_BOUNDS.size(), plans.size() + reasons.size(), "planned and excused");
    for (String reason : reasons.values()) {
      assertFalse(reason.isBlank());
    }
    // the joined registry validates probes against quantities at load
    assertTrue(RegistryPlans.all().keySet().containsAll(plans.keySet()));
  }

  /** Every search space's centre and a random point evaluate without error (constants complete). */
  @Test
  void everySearchSpaceEvaluates() {
    SplittableRandom r = new SplittableRandom(4);
    for (String id : ExactPlans.plans().keySet()) {
      BoundCheck c = check(id);
      for (SearchSpace s : c.domain().searchSpaces()) {
        double[] lo = s.lowerBounds();
        double[] hi = s.upperBounds();
        double[] mid = new double[lo.length];
        double[] random = new double[lo.length];
        for (int k = 0; k < lo.length; k++) {
          mid[k] = 0.5 * (lo[k] + hi[k]);
          random[k] = lo[k] + r.nextDouble() * (hi[k] - lo[k]);
        }
        for (double[] point : List.of(mid, random)) {
          Instance x = s.decode(point, 0);
          CheckResult result = c.evaluate(x, SETTINGS);
          assertNotNull(result.verdict(), id);
          if (result.verdict() != Verdict.OUT_OF_SCOPE) {
            assertFalse(Double.isNaN(result.ratio()), id + " on " + x.describe());
          }
        }
      }
    }
  }

  private static TaskSet scalar(double h) {
    return new TaskSet(
        List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{h}}, new double[] {0.5}))));
  }

  /**
   * docs/THEOREMS.md §6.1: an eigenvalue −L attains Lemmas 11, 14, Prop 1 and Lemma 4.8 (4L at α =
   * 1/L).
   */
  @Test
  void anEigenvalueMinusLAttainsTheBounds() {
    TaskSet tasks = scalar(-2);
    Instance x = Instance.of(tasks, Map.of("alpha", 0.5, "N", 2.0, "j", 2.0), 0, "quadratic");
    for (String id :
        List.of(
            "ji2022.lemma11.path-sensitivity",
            "ji2022.lemma12.gradient-growth",
            "ji2022.lemma13.product-deviation",
            "ji2022.lemma14.meta-gradient-deviation",
            "ji2022.prop1.meta-smoothness")) {
      CheckResult result = check(id).evaluate(x, SETTINGS);
      assertEquals(Verdict.HOLDS, result.verdict(), id);
      assertEquals(1.0, result.ratio(), 1e-12, id);
      assertTrue(result.tight(), id);
    }
    Instance fallah = Instance.of(tasks, Map.of("alpha", 0.5), 0, "quadratic");
    for (String id :
        List.of("fallah2020.lemma4.8.meta-smoothness", "fallah2020.lemma4.8.taylor-remainder")) {
      CheckResult result = check(id).evaluate(fallah, SETTINGS);
      assertEquals(1.0, result.ratio(), 1e-12, id);
    }
  }

  /**
   * The Takagi finding: Cond-β's 2/(λ − αλ²) is the exact threshold of the simplified MAML
   * (= FO-MAML) on one quadratic task (ratio 1), conservative by 1 − αλ for exact MAML, whose own
   * threshold 2/(λ(1 − αλ)²) is exact (ratio 1).
   */
  @Test
  void takagiCondBetaIsExactForTheSimplifiedUpdate() {
    double lambda = 4;
    double alpha = 0.2;
    Instance x = Instance.of(scalar(lambda), Map.of("alpha", alpha), 0, "quadratic");
    CheckResult fo = check("takagi2019.cond-beta.stability").evaluate(x, SETTINGS);
    assertEquals(Verdict.HOLDS, fo.verdict());
    assertEquals(1.0, fo.ratio(), 1e-12);
    CheckResult exact = check("takagi2019.cond-beta.exact-maml-stability").evaluate(x, SETTINGS);
    assertEquals(1.0, exact.ratio(), 1e-12);
    // Takagi's value against the exact-MAML threshold: (2/(λ − αλ²)) / (2/(λ(1 − αλ)²)) = 1 − αλ
    assertEquals(1 - alpha * lambda, fo.theoretical() / exact.empirical(), 1e-12);
  }

  /**
   * Expected finding: the multi-task reading 2/(λ − 2αλ²) exceeds the exact simplified-MAML
   * threshold. λ = 4, α = 0.1: measured 2/(4 − 1.6) = 5/6, stated 2/(4 − 3.2) = 2.5, ratio 3 = (1 −
   * αλ)/(1 − 2αλ) = 0.6/0.2; exact MAML's 2/(4·0.36) = 25/18 is exceeded by 1.8 = 0.36/0.2.
   */
  @Test
  void expectedFindingTakagiMultiTaskBeta() {
    Instance x = Instance.of(scalar(4), Map.of("alpha", 0.1), 0, "quadratic");
    BoundCheck c = check("takagi2019.multitask.beta-stability");
    assertNotNull(c.expectedFinding());
    CheckResult result = c.evaluate(x, SETTINGS);
    assertEquals(Verdict.VIOLATED, result.verdict());
    assertEquals(5.0 / 6, result.empirical(), 1e-12);
    assertEquals(2.5, result.theoretical(), 1e-12);
    assertEquals(3.0, result.ratio(), 1e-12);
    assertEquals(1.8, result.theoretical() / (2 / (4 * 0.36)), 1e-12);
  }

  /**
   * Theorem 1's memory constant is excused, not checked: it counts a network's backpropagation
   * memory, which the implementation's vectors say nothing about (audit H4).
   */
  @Test
  void imamlMemoryIsNotCheckableWithTheReason() {
    assertFalse(ExactPlans.plans().containsKey("rajeswaran2019.thm1.memory"));
    String reason = ExactPlans.reasons().get("rajeswaran2019.thm1.memory");
    assertTrue(reason.contains("backpropagation"), reason);
    assertTrue(reason.contains("imaml-table1"), reason);
  }

  /**
   * "Any m >= X CG steps suffice" is a statement about integer counts: the count needed can exceed
   * the real X, never ceil(X), which the registered formula is. d = 1, inner h = 1, outer ½(φ −
   * 2)², λ = 1: Alg*(0) = 0, v = −2, g* = −1, κ = 1, μ = 2, B = 2; δ' = 0.9 needs one step, X = ½
   * ln(2·1·2/(2·0.9)) = ½ ln(20/9) = 0.399…, ceil(X) = 1: HOLDS, tight.
   */
  @Test
  void cgCountExceedsTheRealFormulaButNeverItsCeiling() {
    TaskSet tasks =
        new TaskSet(
            List.of(
                new MetaTask(
                    QuadraticLoss.of(new double[][] {{1}}, new double[] {0}),
                    QuadraticLoss.of(new double[][] {{1}}, new double[] {2}),
                    1.0)));
    Instance x = Instance.of(tasks, Map.of("lambda", 1.0, "delta_prime", 0.9), 0, "quadratic");
    BoundCheck c = check("rajeswaran2019.thm1.cg-iterations");
    assertNull(c.expectedFinding());
    CheckResult result = c.evaluate(x, SETTINGS);
    assertEquals(Verdict.HOLDS, result.verdict());
    assertEquals(1, result.empirical());
    assertEquals(1, result.theoretical());
    assertTrue(result.tight());
    Expression real =
        Expression.parse("sqrt(kappa)/2*log(2*sqrt(kappa)*lambda*B_lip/(mu*delta_prime))");
    ExpressionBound bound = (ExpressionBound) c.theory();
    assertEquals(0.5 * Math.log(20.0 / 9), real.evaluate(bound.bindings(x)), 1e-12);
    // over the check's whole domain: the count exceeds X somewhere, never ceil(X)
    SplittableRandom r = new SplittableRandom(9);
    int inScope = 0;
    int aboveReal = 0;
    for (SearchSpace s : c.domain().searchSpaces()) {
      for (int trial = 0; trial < 60; trial++) {
        double[] lo = s.lowerBounds();
        double[] hi = s.upperBounds();
        double[] point = new double[lo.length];
        for (int k = 0; k < lo.length; k++) {
          point[k] = lo[k] + r.nextDouble() * (hi[k] - lo[k]);
        }
        Instance at = s.decode(point, 0);
        CheckResult checked = c.evaluate(at, SETTINGS);
        if (checked.verdict() == Verdict.OUT_OF_SCOPE) {
          continue;
        }
        inScope++;
        double realCount = real.evaluate(bound.bindings(at));
        assertEquals(Math.ceil(realCount), checked.theoretical(), 0.0);
        assertEquals(Verdict.HOLDS, checked.verdict(), checked.instanceDescription());
        if (checked.empirical() > realCount) {
          aboveReal++;
        }
      }
    }
    assertTrue(inScope > 50, "in scope: " + inScope);
    assertTrue(aboveReal > 0, "the integer count never exceeded the real formula");
  }

  /**
   * Audit H2: on the anchored separable family (a distant convex anchor makes the gradient large
   * where the third derivative is largest) every bound with ρ-terms fails without them, so the
   * ablation control reports them exercised; the full bound holds there.
   */
  @Test
  void theAnchoredFamilyExercisesTheRhoTerms() {
    CheckSettings settings = RegistryPlans.defaultSettings(RegistryPlans.DEFAULT_SEED);
    for (String id :
        List.of(
            "ji2022.prop1.meta-smoothness",
            "ji2022.prop7.meta-smoothness",
            "fallah2020.lemma4.8.meta-smoothness",
            "fallah2020.lemma4.8.taylor-remainder",
            "rajeswaran2019.lemma3.gradient-error")) {
      CheckResult result = check(id).run(settings);
      assertEquals(Verdict.HOLDS, result.verdict(), id);
      AblationResult ablation = result.ablation();
      assertNotNull(ablation, id);
      assertEquals(AblationResult.Status.EXERCISED, ablation.status(), id + ": " + ablation.note());
      assertTrue(ablation.ablatedRatio() > 1, id);
      assertTrue(ablation.ratio() <= 1, id);
      assertTrue(ablation.instance().contains("anchored"), id + ": " + ablation.instance());
    }
  }

  /**
   * Audit M2: checks whose measured side equals the formula by derivation are labelled, on the
   * instances where they are: Lemma 3 on one-dimensional quadratics only.
   */
  @Test
  void identitiesByConstructionAreLabelledConsistencyChecks() {
    for (String id :
        List.of(
            "takagi2019.cond-alpha.stability",
            "takagi2019.cond-beta.stability",
            "takagi2019.cond-beta.exact-maml-stability",
            "rajeswaran2019.lemma1.jacobian-norm",
            "fallah2020.thm4.12.alpha-threshold",
            "fallah2020.thm4.15.alpha-threshold",
            "fallah2020.thm4.17.alpha-threshold")) {
      assertTrue(ExactPlans.plans().get(id).remarks().isConsistencyCheck(), id);
    }
    BoundCheck lemma3 = check("rajeswaran2019.lemma3.gradient-error-quadratic");
    Map<String, Double> p = Map.of("lambda", 1.0, "delta", 0.1, "delta_prime", 0.01);
    TaskSet one =
        new TaskSet(
            List.of(
                new MetaTask(
                    QuadraticLoss.of(new double[][] {{1}}, new double[] {0}),
                    QuadraticLoss.of(new double[][] {{2}}, new double[] {1}),
                    1.0)));
    CheckResult d1 = lemma3.evaluate(Instance.of(one, p, 0, "quadratic"), SETTINGS);
    assertTrue(d1.isConsistencyCheck());
    assertTrue(d1.tight());
    TaskSet two =
        new TaskSet(
            List.of(
                new MetaTask(
                    QuadraticLoss.of(new double[][] {{1, 0}, {0, 2}}, new double[] {0, 0}),
                    QuadraticLoss.of(new double[][] {{2, 0}, {0, 1}}, new double[] {1, 1}),
                    1.0)));
    CheckResult d2 = lemma3.evaluate(Instance.of(two, p, 0, "quadratic"), SETTINGS);
    assertFalse(d2.isConsistencyCheck());
    // A = I + H/λ = diag(2, 3), G = diag(2, 1): σ_max(A^{-1}G) = max(2/2, 1/3) = 1 = λL/μ = 2/2,
    // attained because the least-damped direction of A^{-1} is G's top one: an attained inequality,
    // not an identity
    assertEquals(Verdict.HOLDS, d2.verdict());
    assertTrue(d2.tight());
    // genuine checks carry no label
    assertFalse(
        ExactPlans.plans().get("ji2022.prop1.meta-smoothness").remarks().isConsistencyCheck());
  }

  /**
   * Audit (low): facts about constants that hold on every instance are notes, not hypotheses that
   * could fail.
   */
  @Test
  void constantsRemarksAreNotesNotHypotheses() {
    for (String id :
        List.of(
            "fallah2020.lemma4.8.meta-smoothness",
            "rajeswaran2019.lemma3.gradient-error",
            "rajeswaran2019.thm1.cg-iterations",
            "ji2022.lemma15.task-gradient-norm")) {
      Plan plan = ExactPlans.plans().get(id);
      assertTrue(plan.remarks().notes().stream().anyMatch(n -> n.startsWith("constants:")), id);
      assertTrue(
          plan.conditions().stream().noneMatch(c -> c.description().startsWith("constants:")), id);
    }
  }
}
