package io.metabound.experiments.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.RegistryChecks;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.SearchSpace;
import io.metabound.experiments.check.TheoreticalBound;
import io.metabound.experiments.constant.QuadraticFamilyConstants;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MonteCarloPlansTest {

  static final Set<String> STOCHASTIC_BOUNDS =
      Set.of(
          "ji2022.prop2.path-deviation",
          "ji2022.prop2.path-deviation-second-moment",
          "ji2022.prop2.path-deviation-second-moment-tight",
          "ji2022.prop3.estimator-bias",
          "ji2022.prop4.estimator-second-moment",
          "ji2022.prop8.estimator-second-moment",
          "ji2022.lemma16.stepsize-mean",
          "ji2022.lemma16.stepsize-second-moment",
          "ji2022.lemma20.stepsize-mean",
          "ji2022.lemma20.stepsize-second-moment",
          "ji2022.thm5.stationarity",
          "ji2022.thm5.stationarity-root",
          "ji2022.thm9.stationarity",
          "fallah2020.lemma4.9.stepsize-mean",
          "fallah2020.lemma4.9.stepsize-second-moment",
          "fallah2020.lemma4.10.estimator-bias",
          "fallah2020.lemma4.10.estimator-second-moment",
          "fallah2020.lemma4.10.estimator-second-moment-min",
          "fallah2020.thm4.11.surrogate-gap",
          "fallah2020.thm4.12.stationarity-explicit",
          "fallah2020.thm4.15.stationarity-explicit",
          "fallah2020.thm4.17.stationarity-explicit");

  @Test
  void everyStochasticBoundIsPlannedAndNothingElse() {
    assertEquals(STOCHASTIC_BOUNDS, MonteCarloPlans.plans().keySet());
    assertTrue(MonteCarloPlans.reasons().isEmpty());
    for (Map.Entry<String, Plan> e : MonteCarloPlans.plans().entrySet()) {
      Bound b = BoundRegistry.find(e.getKey()).orElseThrow();
      assertEquals(b.quantity(), e.getValue().probe().quantityId(), e.getKey());
      assertTrue(e.getValue().profile() != null, e.getKey() + " has no profile");
    }
  }

  static List<String> bounds() {
    return STOCHASTIC_BOUNDS.stream().sorted().toList();
  }

  /**
   * Each domain has in-scope instances that it admits (the shrinker relies on it), and the probe
   * measures them; random points, seeded.
   */
  @ParameterizedTest
  @MethodSource("bounds")
  void domainsReachTheBoundsHypothesesAndTheProbeMeasuresThere(String id) {
    Plan plan = MonteCarloPlans.plans().get(id);
    TheoreticalBound theory =
        RegistryChecks.theoretical(BoundRegistry.find(id).orElseThrow(), plan);
    RandomGenerator random = new Well19937c(id.hashCode());
    int inScope = 0;
    Instance found = null;
    List<SearchSpace> spaces = plan.domain().searchSpaces();
    for (int k = 0; k < 200 && inScope < 3; k++) {
      SearchSpace space = spaces.get(k % spaces.size());
      double[] lo = space.lowerBounds();
      double[] hi = space.upperBounds();
      double[] x = new double[lo.length];
      for (int j = 0; j < x.length; j++) {
        x[j] = lo[j] + random.nextDouble() * (hi[j] - lo[j]);
      }
      Instance instance = space.decode(x, 1);
      assertTrue(
          plan.domain().admits(instance), id + " does not admit its own " + instance.describe());
      if (theory.unmetAssumptions(instance).isEmpty()) {
        inScope++;
        found = instance;
      }
    }
    assertTrue(inScope > 0, id + ": no in-scope instance in 200 random points");
    Measurement m = plan.probe().measure(found, new MeasurementSettings(0.99, 4));
    assertTrue(m.value() >= 0 && Double.isFinite(theory.value(found)), id + ": " + m);
    // the profile's range decodes on the instance, and its points can be judged
    Map<String, Double> known = new TreeMap<>(plan.constants().apply(found));
    known.putAll(found.parameters());
    int inProfile = 0;
    for (int k = 0; k < plan.profile().points(); k++) {
      double v = plan.profile().range().decode(k / (plan.profile().points() - 1.0), known);
      Instance moved = found.withParameter(plan.profile().parameter(), v);
      if (theory.unmetAssumptions(moved).isEmpty()) {
        inProfile++;
        assertTrue(Double.isFinite(theory.value(moved)), id + " at " + v);
      }
    }
    assertTrue(inProfile > 0, id + ": no in-scope point on the profile");
  }

  /** C_min of Thm 5 / Thm 9 is the root of the registry's own ξ > 0 assumption. */
  @Test
  void stepConstantMinimaAreTheRootsOfTheRegistrysXi() {
    TaskSet quadratic =
        new TaskSet(
            List.of(MetaTask.same(new QuadraticLoss(new double[] {0.8}, new double[] {0.5}))));
    TaskSet separable =
        new TaskSet(
            List.of(
                MetaTask.same(
                    Families.separableNarrow(1, 1)
                        .tasks()
                        .apply(new double[] {0.7, 0.3})
                        .get(0)
                        .inner())));
    for (TaskSet tasks : List.of(quadratic, separable)) {
      Map<String, Double> c = new TreeMap<>(MonteCarloConstants.ofTasks(tasks));
      c.putAll(
          Map.of(
              "alpha", 0.05, "N", 2.0, "sigma_g", 0.7, "sigma_H", 0.4, "S", 2.0, "D", 3.0, "T", 1.0,
              "B", 2.0, "D_L", 5.0, "B_prime", 2.0));
      c.put("sigma", 0.0);
      c.put("b", 0.0);
      c.put("b_sq", 0.0);
      c.put("K", 10.0);
      c.put("Delta", 1.0);
      assertRoot("ji2022.thm5.stationarity", c, MonteCarloPlans.jiResamplingStepConstant(c));
      assertRoot("ji2022.thm9.stationarity", c, MonteCarloPlans.jiFiniteSumStepConstant(c));
    }
  }

  private static void assertRoot(String id, Map<String, Double> c, double root) {
    Assumption xi =
        BoundRegistry.find(id).orElseThrow().assumptions().stream()
            .filter(a -> a.description().startsWith("xi > 0"))
            .findFirst()
            .orElseThrow();
    Map<String, Double> above = new TreeMap<>(c);
    above.put("C_beta", root * (1 + 1e-6));
    Map<String, Double> below = new TreeMap<>(c);
    below.put("C_beta", root * (1 - 1e-6));
    assertTrue(xi.holds(Bindings.of(above)), id + ": xi not positive just above " + root);
    assertFalse(xi.holds(Bindings.of(below)), id + ": xi positive just below " + root);
  }

  @Test
  void deltaIsTheExactSuboptimalityOfTheQuadraticMetaObjective() {
    TaskSet tasks =
        Families.sharedHessianQuadratics(2, 2, 0.2, 1, 1, false)
            .tasks()
            .apply(new double[] {0.4, 0.9, 0.3, -0.5, -0.7, 0.2});
    Instance x = Instance.of(tasks, Map.of("alpha", 0.2, "N", 2.0), 1, "test");
    double delta = MonteCarloConstants.global(x).get("Delta");
    // long exact gradient descent from the origin reaches the minimum
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, 0.2, 2);
    double[] w = new double[2];
    for (int k = 0; k < 20_000; k++) {
      double[] g = oracle.metaGradient(w).value();
      for (int j = 0; j < 2; j++) {
        w[j] -= 1.0 * g[j];
      }
    }
    assertEquals(oracle.metaObjective(new double[2]) - oracle.metaObjective(w), delta, 1e-12);
    // shared Hessian: the global σ is exact and equals the point-wise one
    assertEquals(
        QuadraticFamilyConstants.of(tasks).sigma().value(),
        MonteCarloConstants.pointwise(tasks).get("sigma"),
        1e-14);
  }

  /** Two separable tasks in d = 1: weights 0.5 and 1, centres −1 and 1.5. */
  static TaskSet twoSeparable() {
    return Families.separableNarrow(1, 2).tasks().apply(new double[] {0.5, -1, 1, 1.5});
  }

  /**
   * The certified σ is an upper bound on the spread at every point (brute force on a fine grid of
   * [−60, 60] and at random far points) and no more than 1 % above its maximum; 0 for one task.
   */
  @Test
  void separableSpreadIsACertifiedSupremum() {
    TaskSet tasks = twoSeparable();
    double certified = MonteCarloConstants.separableSpread(tasks);
    double brute = 0;
    for (double u = -60; u <= 60; u += 1e-4) {
      double g1 = 2 * 0.5 * (u + 1) / (1 + (u + 1) * (u + 1));
      double g2 = 2 * 1.0 * (u - 1.5) / (1 + (u - 1.5) * (u - 1.5));
      double mean = (g1 + g2) / 2;
      // σ(w)² = Σ p_i (g_i − ḡ)²
      brute = Math.max(brute, ((g1 - mean) * (g1 - mean) + (g2 - mean) * (g2 - mean)) / 2);
    }
    brute = Math.sqrt(brute);
    assertTrue(certified >= brute, certified + " < " + brute);
    assertTrue(certified <= 1.01 * brute, certified + " vs " + brute);
    assertEquals(
        0, MonteCarloConstants.separableSpread(new TaskSet(List.of(tasks.get(0)))), 0);
  }

  /**
   * A constant a range needs is read through {@code require}: a task set without a global σ (two
   * quadratic tasks with different Hessians) makes Thm 5's step-constant range fail naming σ,
   * instead of reading 0 (the former getOrDefault).
   */
  @Test
  void aMissingSigmaIsAnErrorNeverZero() {
    TaskSet different =
        new TaskSet(
            List.of(
                MetaTask.same(new QuadraticLoss(new double[] {0.8}, new double[] {0.5})),
                MetaTask.same(new QuadraticLoss(new double[] {0.3}, new double[] {-0.5}))));
    Map<String, Double> c = new TreeMap<>(MonteCarloConstants.withGlobalSpread(different));
    assertFalse(c.containsKey("sigma"));
    c.putAll(
        Map.of(
            "alpha", 0.05, "N", 1.0, "sigma_g", 0.7, "sigma_H", 0.4, "S", 2.0, "D", 3.0, "B", 2.0,
            "D_L", 5.0, "B_prime", 2.0));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> MonteCarloPlans.jiResamplingStepConstant(c));
    assertTrue(e.getMessage().contains("'sigma'"), e.getMessage());
    // separable tasks do carry it, and it is the certified one
    assertEquals(
        MonteCarloConstants.separableSpread(twoSeparable()),
        MonteCarloConstants.withGlobalSpread(twoSeparable()).get("sigma"));
  }

  /**
   * The floor constants bind ε to the smallest positive double, so the registry formula is the
   * noise floor max{√(61(1+ρασ/L)Σ), 61ραΣ/L} with the paper's constant (computed here by hand),
   * and Δ is the certified 𝓛(0) ≥ 𝓛(0) − inf 𝓛.
   */
  @Test
  void fallahFloorIsTheFormulaWithoutEpsilon() {
    TaskSet tasks = twoSeparable();
    Map<String, Double> p =
        new TreeMap<>(
            Map.of("alpha", 0.3, "N", 1.0, "sigma_g", 0.5, "B", 20.0, "D_o", 2.0, "D_in", 3.0));
    Instance x = Instance.of(tasks, p, 1, "separable non-convex");
    Map<String, Double> c = MonteCarloConstants.fallahFloor(x);
    assertEquals(Double.MIN_NORMAL, c.get("epsilon"));
    double l = c.get("L");
    double rho = c.get("rho");
    double sigma = c.get("sigma");
    assertTrue(rho > 0 && sigma > 0, "rho and sigma act together");
    double sigmaSum = sigma * sigma / 20 + 0.25 / (20 * 2) + 0.25 / 3;
    double floor =
        Math.max(
            Math.sqrt(61 * (1 + rho * 0.3 * sigma / l) * sigmaSum), 61 * rho * 0.3 * sigmaSum / l);
    Plan plan = MonteCarloPlans.plans().get("fallah2020.thm4.12.stationarity-explicit");
    TheoreticalBound theory =
        RegistryChecks.theoretical(
            BoundRegistry.find("fallah2020.thm4.12.stationarity-explicit").orElseThrow(), plan);
    assertEquals(floor, theory.value(x), 1e-12 * floor);
    double objective =
        new io.metabound.experiments.algorithm.MamlMetaGradient(tasks, 0.3, 1)
            .metaObjective(new double[1]);
    assertEquals(objective, c.get("Delta"), 0);
    assertTrue(plan.inconclusiveReason() != null && plan.note().contains("61"));
  }

  @Test
  void finiteSumQuadraticsHaveEqualSupportAndQueryHessiansAndExactGaps() {
    FamilyDomain.Shape shape = Families.finiteSumQuadratics(2, 2, -1, 1, 1);
    double[] x = new double[shape.lower().length];
    RandomGenerator random = new Well19937c(5);
    for (int j = 0; j < x.length; j++) {
      x[j] = shape.lower()[j] + random.nextDouble() * (shape.upper()[j] - shape.lower()[j]);
    }
    TaskSet tasks = shape.tasks().apply(x);
    assertTrue(Families.equalSupportAndQueryHessians(tasks));
    QuadraticFamilyConstants c = QuadraticFamilyConstants.of(tasks);
    assertTrue(Double.isFinite(c.meanGap().value()) && c.meanGap().value() > 0);
  }
}
