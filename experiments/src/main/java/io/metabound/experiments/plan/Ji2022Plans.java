package io.metabound.experiments.plan;

import static io.metabound.experiments.plan.PlanSupport.alpha;
import static io.metabound.experiments.plan.PlanSupport.indefinite;
import static io.metabound.experiments.plan.PlanSupport.separable;
import static io.metabound.experiments.plan.PlanSupport.with;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.Profile;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.ScopeCondition;
import io.metabound.experiments.check.UnionDomain;
import io.metabound.experiments.constant.QuadraticFamilyConstants;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.probe.DeviationAlphaThresholdProbe;
import io.metabound.experiments.probe.GradientGrowthProbe;
import io.metabound.experiments.probe.LocalMetaSmoothnessProbe;
import io.metabound.experiments.probe.MetaGradientDeviationProbe;
import io.metabound.experiments.probe.MetaSmoothnessProbe;
import io.metabound.experiments.probe.PathSensitivityProbe;
import io.metabound.experiments.probe.PointMetaGradientDeviationProbe;
import io.metabound.experiments.probe.ProductDeviationProbe;
import io.metabound.experiments.probe.QuadraticOrProbe;
import io.metabound.experiments.probe.StabilityMarginProbe;
import io.metabound.experiments.probe.TaskGradientNormProbe;
import io.metabound.experiments.probe.TaskGradients;
import io.metabound.experiments.task.MetaTask;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact plans for Ji, Yang and Liang (2022): the inner-path lemmas (11–14, 17, 18) on quadratic
 * tasks, where an eigenvalue {@code −L} attains them; the task-gradient lemmas (15, 19) at a point
 * {@code w} with the spread σ (and gap b) taken at that point; meta-smoothness (Props 1, 7) on
 * quadratics (attained) and separable non-convex tasks (ρ > 0, local value by automatic
 * differentiation); the stepsize condition of Lemma 15 and the consequences of Corollary 6.
 */
final class Ji2022Plans {

  private Ji2022Plans() {}

  /** Lemma 15's hypothesis γ > 0, i.e. α < (2^{1/(2N)} − 1)/L. */
  private static final String LEMMA15_ALPHA = "(2^(1/(2*N)) - 1)/L";

  static void addTo(Map<String, Plan> plans) {
    QuadraticDomain.Builder steps =
        indefinite("quadratic")
            .parameter(ParameterRange.integers("N", 1, 5))
            .parameter(new ParameterRange("j", c -> 1, c -> c.get("N"), true, false, "{1, …, N}"))
            .parameter(alpha("2/L", true));
    Profile alphaProfile = Profile.of(alpha("1/L"));
    plans.put(
        "ji2022.lemma11.path-sensitivity",
        new Plan(
            PathSensitivityProbe.atStep(),
            steps.build(),
            PlanSupport::quadratic,
            List.of(),
            null,
            alphaProfile,
            null));
    plans.put(
        "ji2022.lemma12.gradient-growth",
        new Plan(
            new GradientGrowthProbe(),
            steps.build(),
            PlanSupport::quadratic,
            List.of(),
            null,
            alphaProfile,
            null));
    plans.put(
        "ji2022.lemma17.gradient-growth",
        new Plan(
            new GradientGrowthProbe(),
            indefinite("quadratic finite-sum")
                .separateOuterLoss(true)
                .parameter(ParameterRange.integers("N", 1, 5))
                .parameter(
                    new ParameterRange("j", c -> 1, c -> c.get("N"), true, false, "{1, …, N}"))
                .parameter(alpha("2/L", true))
                .build(),
            PlanSupport::quadratic,
            List.of(),
            null,
            alphaProfile,
            null));
    QuadraticDomain innerLoop =
        indefinite("quadratic")
            .parameter(ParameterRange.integers("N", 1, 6))
            .parameter(alpha("2/L", true))
            .build();
    plans.put(
        "ji2022.lemma13.product-deviation",
        new Plan(
            new ProductDeviationProbe(),
            innerLoop,
            PlanSupport::quadratic,
            List.of(),
            null,
            alphaProfile,
            null));
    plans.put(
        "ji2022.lemma14.meta-gradient-deviation",
        new Plan(
            new MetaGradientDeviationProbe(),
            innerLoop,
            PlanSupport::quadratic,
            List.of(),
            null,
            alphaProfile,
            null));
    plans.put(
        "ji2022.lemma14.meta-gradient-deviation-alt",
        new Plan(
            new MetaGradientDeviationProbe(),
            innerLoop,
            PlanSupport::quadratic,
            List.of(),
            null,
            alphaProfile,
            null));
    plans.put(
        "ji2022.lemma15.task-gradient-norm",
        new Plan(
            new TaskGradientNormProbe(),
            indefinite("quadratic")
                .vector("w", 2)
                .parameter(ParameterRange.integers("N", 1, 3))
                .parameter(alpha(LEMMA15_ALPHA, true))
                .build(),
            with(PlanSupport::quadratic, Ji2022Plans::lemma15Constants),
            List.of(POINTWISE_SIGMA),
            null,
            Profile.of(alpha(LEMMA15_ALPHA, true)),
            null));
    plans.put(
        "ji2022.lemma15.alpha-threshold",
        new Plan(
            new DeviationAlphaThresholdProbe(),
            indefinite("quadratic").parameter(ParameterRange.integers("N", 1, 6)).build(),
            PlanSupport::quadratic,
            List.of(),
            null,
            new Profile(ParameterRange.integers("N", 1, 12), 12),
            null));
    plans.put(
        "ji2022.lemma18.meta-gradient-deviation",
        new Plan(
            new PointMetaGradientDeviationProbe(),
            UnionDomain.of(
                lemma18Domain(indefinite("quadratic finite-sum").separateOuterLoss(true)),
                lemma18Domain(indefinite("quadratic"))),
            with(PlanSupport::quadratic, Ji2022Plans::lemma18Constants),
            List.of(),
            null,
            alphaProfile,
            null));
    plans.put(
        "ji2022.lemma19.task-gradient-norm",
        new Plan(
            new TaskGradientNormProbe(),
            indefinite("quadratic finite-sum")
                .separateOuterLoss(true)
                .vector("w", 2)
                .parameter(ParameterRange.integers("N", 1, 3))
                .parameter(alpha(LEMMA15_ALPHA, true))
                .build(),
            with(PlanSupport::quadratic, Ji2022Plans::lemma19Constants),
            List.of(POINTWISE_SIGMA_AND_GAP),
            null,
            Profile.of(alpha(LEMMA15_ALPHA, true)),
            null));
    plans.put(
        "ji2022.prop1.meta-smoothness",
        new Plan(
            new QuadraticOrProbe(
                MetaSmoothnessProbe.of(Estimator.MAML), new LocalMetaSmoothnessProbe()),
            UnionDomain.of(
                indefinite("quadratic")
                    .parameter(ParameterRange.integers("N", 1, 4))
                    .parameter(alpha("1/L", true))
                    .build(),
                separable("separable")
                    .vector("w", 3)
                    .parameter(ParameterRange.integers("N", 1, 3))
                    .parameter(alpha("1/L", true))
                    .build()),
            Ji2022Plans::prop1Constants,
            List.of(),
            null,
            alphaProfile,
            null));
    plans.put(
        "ji2022.prop7.meta-smoothness",
        new Plan(
            new QuadraticOrProbe(
                MetaSmoothnessProbe.of(Estimator.MAML), new LocalMetaSmoothnessProbe()),
            UnionDomain.of(
                indefinite("quadratic finite-sum")
                    .separateOuterCentre(true)
                    .parameter(ParameterRange.integers("N", 1, 4))
                    .parameter(alpha("1/L", true))
                    .build(),
                separable("separable finite-sum")
                    .shiftedOuterCentre(true)
                    .vector("w", 3)
                    .parameter(ParameterRange.integers("N", 1, 3))
                    .parameter(alpha("1/L", true))
                    .build()),
            Ji2022Plans::prop7Constants,
            List.of(FINITE_GAP),
            null,
            alphaProfile,
            null));
    QuadraticDomain corollary6 =
        indefinite("quadratic")
            .parameter(ParameterRange.integers("N", 1, 1000))
            .parameter(alpha("1/(8*N*L)"))
            .build();
    Profile stepsProfile = new Profile(ParameterRange.integers("N", 1, 200), 40);
    plans.put(
        "ji2022.cor6.expansion-factor",
        new Plan(
            PathSensitivityProbe.expansionFactor(),
            corollary6,
            PlanSupport::quadratic,
            List.of(),
            null,
            stepsProfile,
            null));
    plans.put(
        "ji2022.cor6.expansion-factor-squared",
        new Plan(
            PathSensitivityProbe.expansionFactorSquared(),
            corollary6,
            PlanSupport::quadratic,
            List.of(),
            null,
            stepsProfile,
            null));
    plans.put(
        "ji2022.cor6.stability-margin",
        new Plan(
            new StabilityMarginProbe(),
            corollary6,
            PlanSupport::quadratic,
            List.of(),
            null,
            stepsProfile,
            null));
  }

  static void addReasonsTo(Map<String, String> reasons) {
    reasons.put(
        "ji2022.cor6.c-l",
        "C_L is a coefficient inside Prop 1's L_w, not an observable: the smoothness it enters is"
            + " checked by ji2022.prop1.meta-smoothness, and the corollary's C_L(1/(8NL)) <="
            + " (rho/L) e^(1/4)(e^(1/8) - 1) is an inequality between two formulas, verified in"
            + " the bounds module (CrossPaperConsistencyTest).");
  }

  private static QuadraticDomain lemma18Domain(QuadraticDomain.Builder b) {
    return b.taskCounts(1, 1)
        .vector("w", 2)
        .parameter(ParameterRange.integers("N", 1, 4))
        .parameter(alpha("2/L", true))
        .build();
  }

  private static final ScopeCondition POINTWISE_SIGMA =
      new ScopeCondition(
          "Assumption 2 restricted to the point w: sigma = sigma(w) = (E_i||∇l_i(w) -"
              + " ∇l(w)||^2)^(1/2), exact (the proof uses Assumption 2 only at w; THEOREMS.md"
              + " §6.3 allows the pointwise sigma(w))",
          x -> x.hasParameter("w0"));

  private static final ScopeCondition POINTWISE_SIGMA_AND_GAP =
      new ScopeCondition(
          "Assumption 5 restricted to the point w: sigma = sigma(w) over the query losses and b"
              + " = b(w) = E_i||∇l_{S_i}(w) - ∇l_{T_i}(w)||, exact (the proof of Lemma 19 uses"
              + " Assumption 5 only at w)",
          x -> x.hasParameter("w0"));

  private static final ScopeCondition FINITE_GAP =
      new ScopeCondition(
          "Assumption 5.2 holds on R^d: support and query losses share their Hessian/weights, so"
              + " b_i = sup_w ||∇l_{S_i}(w) - ∇l_{T_i}(w)|| is finite (exact on quadratics, a"
              + " certified upper bound on separable tasks)",
          x -> Double.isFinite(prop7Constants(x).get("b")));

  private static Map<String, Double> lemma15Constants(Instance x) {
    double[] w = x.vectorParameter("w");
    return Map.of(
        "grad_meta",
        TaskGradients.metaGradientNorm(x.tasks(), x.parameter("alpha"), x.integerParameter("N"), w),
        "sigma",
        TaskGradients.spread(x.tasks(), w));
  }

  private static Map<String, Double> lemma18Constants(Instance x) {
    double[] w = x.vectorParameter("w");
    return Map.of(
        "grad_query", TaskGradients.outerNorm(x.tasks(), 0, w),
        "grad_support", TaskGradients.innerNorm(x.tasks(), 0, w));
  }

  private static Map<String, Double> lemma19Constants(Instance x) {
    Map<String, Double> c = new TreeMap<>(lemma15Constants(x));
    c.put("b", TaskGradients.supportQueryGap(x.tasks(), x.vectorParameter("w")));
    return c;
  }

  /**
   * Quadratics: exact constants, ρ = 0, and {@code grad_task_mean = 0} (its coefficient C_L
   * vanishes with ρ; the probe measures the supremum over all pairs). Separable tasks: exact L, ρ
   * and {@code E_i‖∇l_i(w)‖} at the instance's w.
   */
  private static Map<String, Double> prop1Constants(Instance x) {
    Map<String, Double> c = PlanSupport.quadraticOrKnown(x);
    c.put("grad_task_mean", x.isQuadratic() ? 0.0 : PlanSupport.meanTaskGradient(x));
    return c;
  }

  /**
   * As {@link #prop1Constants}, plus {@code b = E_i b_i}: exact {@code ‖H_i(c_i − e_i)‖} on
   * quadratics with a shared Hessian; on separable tasks with shared weights the certified {@code
   * b_i ≤ (Σ_k min(2a_k, 2a_k|c_k − e_k|)²)^{1/2}} ({@code |f'| ≤ a} and {@code |f''| ≤ 2a} per
   * coordinate).
   */
  private static Map<String, Double> prop7Constants(Instance x) {
    Map<String, Double> c = prop1Constants(x);
    if (x.isQuadratic()) {
      c.put("b", QuadraticFamilyConstants.of(x.tasks()).meanGap().value());
      return c;
    }
    double mean = 0;
    for (int i = 0; i < x.taskCount(); i++) {
      MetaTask t = x.tasks().get(i);
      SeparableNonconvexLoss s = (SeparableNonconvexLoss) t.inner();
      SeparableNonconvexLoss q = (SeparableNonconvexLoss) t.outer();
      double[] a = s.weights();
      double[] cs = s.centre();
      double[] cq = q.centre();
      double sq = 0;
      for (int k = 0; k < a.length; k++) {
        double gap = Math.min(2 * a[k], 2 * a[k] * Math.abs(cs[k] - cq[k]));
        sq += gap * gap;
      }
      mean += x.tasks().probability(i) * Math.sqrt(sq);
    }
    c.put("b", mean);
    return c;
  }
}
