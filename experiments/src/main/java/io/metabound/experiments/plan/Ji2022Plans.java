package io.metabound.experiments.plan;

import static io.metabound.experiments.plan.PlanSupport.alpha;
import static io.metabound.experiments.plan.PlanSupport.anchored;
import static io.metabound.experiments.plan.PlanSupport.indefinite;
import static io.metabound.experiments.plan.PlanSupport.separable;
import static io.metabound.experiments.plan.PlanSupport.with;

import io.metabound.experiments.check.Ablation;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.Profile;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.ScopeCondition;
import io.metabound.experiments.check.SeparableDomain;
import io.metabound.experiments.check.UnionDomain;
import io.metabound.experiments.constant.QuadraticFamilyConstants;
import io.metabound.experiments.family.SeparableCosineLoss;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.probe.DeviationAlphaThresholdProbe;
import io.metabound.experiments.probe.GradientGrowthProbe;
import io.metabound.experiments.probe.LocalMetaSmoothnessProbe;
import io.metabound.experiments.probe.MetaGradientDeviationProbe;
import io.metabound.experiments.probe.MetaSmoothnessProbe;
import io.metabound.experiments.probe.PathSensitivityProbe;
import io.metabound.experiments.probe.PointMetaGradientDeviationProbe;
import io.metabound.experiments.probe.PointOrPairProbe;
import io.metabound.experiments.probe.ProductDeviationProbe;
import io.metabound.experiments.probe.QuadraticOrProbe;
import io.metabound.experiments.probe.StabilityMarginProbe;
import io.metabound.experiments.probe.TaskGradientNormProbe;
import io.metabound.experiments.probe.TaskGradients;
import io.metabound.experiments.task.MetaTask;
import java.util.Arrays;
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
                List.of(),
                null,
                Profile.of(alpha(LEMMA15_ALPHA, true)),
                null)
            .withNote(POINTWISE_SIGMA));
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
                List.of(),
                null,
                Profile.of(alpha(LEMMA15_ALPHA, true)),
                null)
            .withNote(POINTWISE_SIGMA_AND_GAP));
    plans.put(
        "ji2022.prop1.meta-smoothness",
        new Plan(
                META_SMOOTHNESS,
                UnionDomain.of(
                    indefinite("quadratic")
                        .parameter(ParameterRange.integers("N", 1, 4))
                        .parameter(alpha("1/L", true))
                        .build(),
                    smoothnessDomain(separable("separable"), false),
                    smoothnessDomain(anchored("separable anchored"), false),
                    smoothnessDomain(anchored("separable anchored, pairs"), true)),
                Ji2022Plans::prop1Constants,
                List.of(PlanSupport.SEPARATED_POINTS),
                null,
                alphaProfile,
                null)
            .withNote(SMOOTHNESS_CONSTANTS)
            .withAblation(Ablation.rho("ρ-terms C_L E_i||∇l_i(w)||")));
    plans.put(
        "ji2022.prop7.meta-smoothness",
        new Plan(
                META_SMOOTHNESS,
                UnionDomain.of(
                    indefinite("quadratic finite-sum")
                        .separateOuterCentre(true)
                        .parameter(ParameterRange.integers("N", 1, 4))
                        .parameter(alpha("1/L", true))
                        .build(),
                    smoothnessDomain(
                        separable("separable finite-sum").shiftedOuterCentre(true), false),
                    smoothnessDomain(
                        anchored("separable anchored finite-sum").shiftedOuterCentre(true), false),
                    smoothnessDomain(
                        anchored("separable anchored finite-sum, pairs").shiftedOuterCentre(true),
                        true)),
                Ji2022Plans::prop7Constants,
                List.of(FINITE_GAP, PlanSupport.SEPARATED_POINTS),
                null,
                alphaProfile,
                null)
            .withNote(SMOOTHNESS_CONSTANTS)
            .withNote(GAP_CONSTANT)
            .withAblation(Ablation.rho("ρ-terms C_b b + C_L E_i||∇l_{T_i}(w)||")));
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

  /**
   * Meta-smoothness off quadratics, measured two ways ({@link PointOrPairProbe}): the local
   * meta-Hessian norm at {@code w} (AD) against {@code L_w}, and the difference quotient between
   * {@code w} and a second point {@code u} against {@code min(L_w, L_u)}; on quadratics the exact
   * supremum over all pairs.
   */
  private static final QuadraticOrProbe META_SMOOTHNESS =
      new QuadraticOrProbe(
          MetaSmoothnessProbe.of(Estimator.MAML),
          new PointOrPairProbe(
              new LocalMetaSmoothnessProbe(), MetaSmoothnessProbe.of(Estimator.MAML)));

  /** A separable domain with the point w (and u for pairs), N ∈ 1…3 and α ∈ [0.01/L, 1/L]. */
  private static SeparableDomain smoothnessDomain(SeparableDomain.Builder b, boolean pairs) {
    b.vector("w", 3);
    if (pairs) {
      b.vector("u", 3);
    }
    return b.parameter(ParameterRange.integers("N", 1, 3)).parameter(alpha("1/L", true)).build();
  }

  private static final String SMOOTHNESS_CONSTANTS =
      "constants: L and rho exact on every family (rho = 0 on quadratics); grad_task_mean ="
          + " E_i||∇l_i(w)|| at w, exact, and min(E_i||∇l_i(w)||, E_i||∇l_i(u)||) for a pair (the"
          + " proposition bounds every pair by L_w, so by symmetry by min(L_w, L_u)); on quadratics"
          + " grad_task_mean = 0 (its coefficient vanishes with rho) and the probe takes the"
          + " supremum over all pairs";

  private static final String GAP_CONSTANT =
      "b = E_i b_i: exact ||H_i(c_i - e_i)|| on quadratics with a shared Hessian; on separable"
          + " tasks with shared weights and anchor the certified b_i <= (Σ_k (min(2a_k, 2a_k|c_k -"
          + " e_k|) + q_k|Δ anchor_k|)²)^(1/2) (|f'| <= a and |f''| <= 2a per log term)";

  private static QuadraticDomain lemma18Domain(QuadraticDomain.Builder b) {
    return b.taskCounts(1, 1)
        .vector("w", 2)
        .parameter(ParameterRange.integers("N", 1, 4))
        .parameter(alpha("2/L", true))
        .build();
  }

  /** How Assumption 2 is read (a note: it holds on every instance of the domain). */
  private static final String POINTWISE_SIGMA =
      "constants: Assumption 2 restricted to the point w, sigma = sigma(w) = (E_i||∇l_i(w) -"
          + " ∇l(w)||^2)^(1/2), exact (the proof uses Assumption 2 only at w; docs/THEOREMS.md §6.3"
          + " allows the pointwise sigma(w)); L exact";

  private static final String POINTWISE_SIGMA_AND_GAP =
      "constants: Assumption 5 restricted to the point w, sigma = sigma(w) over the query losses"
          + " and b = b(w) = E_i||∇l_{S_i}(w) - ∇l_{T_i}(w)||, exact (the proof of Lemma 19 uses"
          + " Assumption 5 only at w); L exact";

  private static final ScopeCondition FINITE_GAP =
      new ScopeCondition(
          "Assumption 5.2 holds on R^d: support and query losses share their Hessian (quadratics)"
              + " or their weights and anchor curvatures (separable tasks), so b_i = sup_w"
              + " ||∇l_{S_i}(w) - ∇l_{T_i}(w)|| is finite",
          x -> Double.isFinite(prop7Constants(x).get("b")));

  private static Map<String, Double> lemma15Constants(Instance x) {
    double[] w = x.vectorParameter("w");
    return Map.of(
        "grad_meta",
        TaskGradients.metaGradientNorm(x.tasks(), x.parameter("alpha"), x.integerParameter("N"), w),
        "sigma",
        TaskGradients.spread(x.tasks(), w));
  }

  static Map<String, Double> lemma18Constants(Instance x) {
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
   * and {@code E_i‖∇l_i(w)‖} at the instance's w, or its minimum over w and u for a pair.
   */
  static Map<String, Double> prop1Constants(Instance x) {
    Map<String, Double> c = PlanSupport.quadraticOrKnown(x);
    double gradient = 0;
    if (!x.isQuadratic()) {
      gradient = PlanSupport.meanTaskGradient(x);
      if (PointOrPairProbe.hasPair(x)) {
        gradient = Math.min(gradient, TaskGradients.meanNorm(x.tasks(), x.vectorParameter("u")));
      }
    }
    c.put("grad_task_mean", gradient);
    return c;
  }

  /**
   * As {@link #prop1Constants}, plus {@code b = E_i b_i}: exact {@code ‖H_i(c_i − e_i)‖} on
   * quadratics with a shared Hessian; on separable tasks with shared weights the certified {@code
   * b_i ≤ (Σ_k (min(2a_k, 2a_k|c_k − e_k|) + |q_k(w − s_k) − q_k(w − t_k)|)²)^{1/2}}: the log parts
   * differ by at most {@code 2a} ({@code |f'| ≤ a}) and by at most {@code 2a|Δc|} ({@code |f''| ≤
   * 2a}), and anchors with equal curvature {@code q_k} and centres {@code s_k, t_k} differ by the
   * constant {@code q_k|s_k − t_k|}; anchors of unequal curvature give {@code b = ∞}. Separable
   * cosine tasks with shared weights: the exact {@code b_i = (Σ_k (2a_k sin((s_k − t_k)/2))²)^{1/2}}
   * ({@link SeparableCosineLoss#gradientGap}); unequal weights give {@code b = ∞}.
   */
  static Map<String, Double> prop7Constants(Instance x) {
    Map<String, Double> c = prop1Constants(x);
    if (x.isQuadratic()) {
      c.put("b", QuadraticFamilyConstants.of(x.tasks()).meanGap().value());
      return c;
    }
    double mean = 0;
    for (int i = 0; i < x.taskCount(); i++) {
      MetaTask t = x.tasks().get(i);
      if (t.inner() instanceof SeparableCosineLoss cs && t.outer() instanceof SeparableCosineLoss cq) {
        mean +=
            x.tasks().probability(i)
                * (Arrays.equals(cs.weights(), cq.weights())
                    ? cs.gradientGap(cq)
                    : Double.POSITIVE_INFINITY);
        continue;
      }
      SeparableNonconvexLoss s = (SeparableNonconvexLoss) t.inner();
      SeparableNonconvexLoss q = (SeparableNonconvexLoss) t.outer();
      double[] a = s.weights();
      double[] cs = s.centre();
      double[] cq = q.centre();
      double[] qs = s.anchorCurvatures();
      double[] qq = q.anchorCurvatures();
      double[] es = s.anchorCentre();
      double[] eq = q.anchorCentre();
      double sq = 0;
      for (int k = 0; k < a.length; k++) {
        if (a[k] != q.weights()[k] || qs[k] != qq[k]) {
          sq = Double.POSITIVE_INFINITY;
          break;
        }
        double gap =
            Math.min(2 * a[k], 2 * a[k] * Math.abs(cs[k] - cq[k]))
                + qs[k] * Math.abs(es[k] - eq[k]);
        sq += gap * gap;
      }
      mean += x.tasks().probability(i) * Math.sqrt(sq);
    }
    c.put("b", mean);
    return c;
  }
}
