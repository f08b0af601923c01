package io.metabound.experiments.plan;

import static io.metabound.experiments.plan.PlanSupport.alpha;

import io.metabound.experiments.check.ClassSearch;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.InstanceDomain;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.SeparableDomain;
import io.metabound.experiments.check.UnionDomain;
import io.metabound.experiments.probe.GradientGrowthProbe;
import io.metabound.experiments.probe.LocalMetaSmoothnessProbe;
import io.metabound.experiments.probe.MetaGradientDeviationProbe;
import io.metabound.experiments.probe.PathSensitivityProbe;
import io.metabound.experiments.probe.PointMetaGradientDeviationProbe;
import io.metabound.experiments.probe.Probe;
import io.metabound.experiments.probe.ProductDeviationProbe;
import io.metabound.experiments.probe.StabilityMarginProbe;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The class searches of the bounds whose quadratic check attains ratio 1 only outside the paper's
 * class: on quadratic tasks the inner-path lemmas of Ji, Yang and Liang (2022) (Lemmas 11–14, 17,
 * 18, Corollary 6's consequences) and the meta-smoothness bounds (Ji2022 Props 1 and 7, Fallah,
 * Mokhtari and Ozdaglar 2020, Lemma 4.8 and its Taylor corollary) are a maximum over the Hessian
 * spectrum of a function {@code g(λ)} whose bound is {@code g(−L)}, attained only by an eigenvalue
 * {@code −L}, i.e. by a quadratic unbounded below, which Ji2022 Assumption 1 ("every {@code l_i} is
 * bounded below, L-smooth, with a ρ-Lipschitz Hessian") excludes.
 *
 * <p>The class family is the separable cosine loss {@code f_i(w) = Σ_k a_{ik}(1 − cos(w_k −
 * c_{ik}))} ({@code SeparableCosineLoss}): bounded below by 0, {@code L = ρ = max a} exactly, and
 * curvature {@code −a} at {@code w = c + π}, a stationary point where the inner path stays put, so
 * the bounds can be attained inside the class. Its domains ({@link SeparableDomain} with {@link
 * SeparableDomain.Term#COSINE}): {@code d ∈ 1…2}, {@code m ∈ 1…2}, weights in {@code [0.1, 1]},
 * centres in {@code [−1, 1]}, the point {@code w ∈ [−4.5, 4.5]^d} (which contains every {@code c ±
 * π}), {@code N ∈ 1…5}, and α over the range of the quadratic plan. The probes iterate the inner
 * path with exact derivatives at {@code w} (local or pointwise forms, each at most the lemma's
 * supremum, so a ratio above 1 would contradict the lemma; see each probe); the constants are the
 * exact {@code L}, {@code ρ} and the pointwise readings the quadratic plans use.
 */
public final class ClassSearches {

  private ClassSearches() {}

  /** Largest coordinate of the point {@code w}: {@code |c| + π ≤ 1 + π < 4.5}. */
  static final double POINT_RADIUS = 4.5;

  private static final String COSINE = "separable cosine";

  private static final String COSINE_FINITE_SUM = "separable cosine finite-sum";

  private static final Map<String, ClassSearch> ALL = collect();

  /** Every class search by bound id; unmodifiable. */
  public static Map<String, ClassSearch> all() {
    return ALL;
  }

  private static Map<String, ClassSearch> collect() {
    Map<String, ClassSearch> m = new LinkedHashMap<>();
    InstanceDomain steps = stepsDomain(cosine(COSINE));
    m.put(
        "ji2022.lemma11.path-sensitivity",
        search(
            COSINE,
            STATIONARY
                + " Local form: ‖∂w̃_j/∂w‖₂ at w, the limit of the lemma's pair ratio as u → w.",
            steps,
            ClassSearches::known,
            PathSensitivityProbe.atStep()));
    m.put(
        "ji2022.lemma12.gradient-growth",
        search(
            COSINE,
            STATIONARY + " The ratio ‖∇l(w̃_j)‖/‖∇l(w)‖ at w tends to (1 + αL)^j as w → c + π.",
            steps,
            ClassSearches::known,
            new GradientGrowthProbe()));
    m.put(
        "ji2022.lemma17.gradient-growth",
        search(
            COSINE_FINITE_SUM,
            STATIONARY
                + " Support loss a(1 − cos(w − c)), query loss with its own centre e (Assumption"
                + " 4); the growth is that of the support gradient.",
            stepsDomain(cosine(COSINE_FINITE_SUM).shiftedOuterCentre(true)),
            ClassSearches::known,
            new GradientGrowthProbe()));
    InstanceDomain innerLoop =
        cosine(COSINE)
            .parameter(ParameterRange.integers("N", 1, 5))
            .parameter(alpha("2/L", true))
            .build();
    m.put(
        "ji2022.lemma13.product-deviation",
        search(
            COSINE,
            STATIONARY + " A_j = α∇²l(w̃_j) along the actual path from w.",
            innerLoop,
            ClassSearches::known,
            new ProductDeviationProbe()));
    m.put(
        "ji2022.lemma14.meta-gradient-deviation",
        search(
            COSINE,
            STATIONARY + " The ratio ‖∇L_i(w) − ∇l_i(w)‖/‖∇l_i(w)‖ tends to (1 + αL)^{2N} − 1.",
            innerLoop,
            ClassSearches::known,
            new MetaGradientDeviationProbe()));
    m.put(
        "ji2022.lemma14.meta-gradient-deviation-alt",
        search(
            COSINE,
            STATIONARY + " Same quantity as Lemma 14 against the larger alternative C_l.",
            innerLoop,
            ClassSearches::known,
            new MetaGradientDeviationProbe()));
    m.put(
        "ji2022.lemma18.meta-gradient-deviation",
        search(
            COSINE_FINITE_SUM,
            STATIONARY
                + " At a stationary point of the support loss with curvature −L the deviation is"
                + " ((1 + αL)^N − 1)‖∇l_T(w)‖, the bound with ∇l_S(w) = 0.",
            UnionDomain.of(
                lemma18Domain(cosine(COSINE_FINITE_SUM).shiftedOuterCentre(true)),
                lemma18Domain(cosine(COSINE))),
            PlanSupport.with(ClassSearches::known, Ji2022Plans::lemma18Constants),
            new PointMetaGradientDeviationProbe()));
    m.put(
        "ji2022.prop1.meta-smoothness",
        search(
            COSINE,
            STATIONARY
                + " Local meta-smoothness ‖∇²L(w)‖₂ by automatic differentiation; at w = c + π it is"
                + " (1 + αL)^{2N} L and E_i‖∇l_i(w)‖ = 0.",
            smoothnessDomain(cosine(COSINE)),
            Ji2022Plans::prop1Constants,
            new LocalMetaSmoothnessProbe()));
    m.put(
        "ji2022.prop7.meta-smoothness",
        search(
            COSINE_FINITE_SUM,
            STATIONARY
                + " Query loss with its own centre e, exact b_i = (Σ(2a sin((c − e)/2))²)^{1/2}"
                + " (Assumption 5.2 holds on R^d); the local meta-smoothness tends to (1 +"
                + " αL)^{2N} L as w → c + π and e → c.",
            smoothnessDomain(cosine(COSINE_FINITE_SUM).shiftedOuterCentre(true)),
            Ji2022Plans::prop7Constants,
            new LocalMetaSmoothnessProbe()));
    InstanceDomain fallah = cosine(COSINE).parameter(alpha("1/L")).build();
    m.put(
        "fallah2020.lemma4.8.meta-smoothness",
        search(
            COSINE,
            STATIONARY
                + " One-step MAML, local ‖∇²F(w)‖₂ (the limit u → w of the pair ratio, where"
                + " min{L(w), L(u)} → L(w)); (1 + αL)² L = 4L at w = c + π and α = 1/L.",
            fallah,
            ClassSearches::fallahConstants,
            new LocalMetaSmoothnessProbe()));
    m.put(
        "fallah2020.lemma4.8.taylor-remainder",
        search(
            COSINE,
            STATIONARY
                + " Local remainder ‖∇²F(w)‖₂/2, the limit u → w of |F(u) − F(w) − ∇F(w)ᵀ(u −"
                + " w)|/‖u − w‖²; 2L = L(w)/2 at w = c + π and α = 1/L.",
            fallah,
            ClassSearches::fallahConstants,
            LocalMetaSmoothnessProbe.taylorRemainder()));
    InstanceDomain corollary6 =
        cosine(COSINE)
            .parameter(ParameterRange.integers("N", 1, 5))
            .parameter(alpha("1/(8*N*L)"))
            .build();
    m.put(
        "ji2022.cor6.expansion-factor",
        search(
            COSINE,
            STATIONARY
                + " ‖∂w̃_N/∂w‖₂ = (1 + αL)^N at w = c + π; with N ≤ 5 at most (1 + 1/40)^5 ="
                + " 0.9985 e^{1/8}.",
            corollary6,
            ClassSearches::known,
            PathSensitivityProbe.expansionFactor()));
    m.put(
        "ji2022.cor6.expansion-factor-squared",
        search(
            COSINE,
            STATIONARY + " ‖∂w̃_N/∂w‖₂² = (1 + αL)^{2N} at w = c + π.",
            corollary6,
            ClassSearches::known,
            PathSensitivityProbe.expansionFactorSquared()));
    m.put(
        "ji2022.cor6.stability-margin",
        search(
            COSINE,
            STATIONARY
                + " γ(w) = 1 − ‖∇L_i(w) − ∇l_i(w)‖/‖∇l_i(w)‖ tends to 2 − (1 + αL)^{2N} as w → c"
                + " + π.",
            corollary6,
            ClassSearches::known,
            new StabilityMarginProbe()));
    return Collections.unmodifiableMap(m);
  }

  private static final String STATIONARY =
      "Separable cosine losses a(1 − cos(w − c)) are bounded below by 0, L-smooth and"
          + " rho-Lipschitz Hessian with L = rho = max a exactly (Ji2022 Assumption 1); at w = c +"
          + " π the gradient is 0 and the curvature is −L, so the inner path stays at w and the"
          + " bound can be attained inside the class.";

  private static ClassSearch search(
      String family,
      String why,
      InstanceDomain domain,
      Function<Instance, Map<String, Double>> constants,
      Probe probe) {
    return new ClassSearch(family, why, domain, constants, probe);
  }

  /** Separable cosine tasks with the point {@code w}: d ∈ 1…2, m ∈ 1…2, a ∈ [0.1, 1], |c| ≤ 1. */
  static SeparableDomain.Builder cosine(String family) {
    return SeparableDomain.builder(family)
        .term(SeparableDomain.Term.COSINE)
        .dimensions(1, 2)
        .taskCounts(1, 2)
        .weights(0.1, 1)
        .centreRadius(1)
        .vector("w", POINT_RADIUS);
  }

  /** {@code N ∈ 1…5}, {@code j ∈ 1…N}, {@code α ∈ [0.01/L, 2/L]}: the quadratic plan's ranges. */
  private static InstanceDomain stepsDomain(SeparableDomain.Builder b) {
    return b.parameter(ParameterRange.integers("N", 1, 5))
        .parameter(new ParameterRange("j", c -> 1, c -> c.get("N"), true, false, "{1, …, N}"))
        .parameter(alpha("2/L", true))
        .build();
  }

  /** One task (the probe's task 0), {@code N ∈ 1…5}, {@code α ∈ [0.01/L, 2/L]}. */
  private static InstanceDomain lemma18Domain(SeparableDomain.Builder b) {
    return b.taskCounts(1, 1)
        .parameter(ParameterRange.integers("N", 1, 5))
        .parameter(alpha("2/L", true))
        .build();
  }

  /** {@code N ∈ 1…5}, {@code α ∈ [0.01/L, 1/L]}: Props 1 and 7's quadratic range. */
  private static InstanceDomain smoothnessDomain(SeparableDomain.Builder b) {
    return b.parameter(ParameterRange.integers("N", 1, 5)).parameter(alpha("1/L", true)).build();
  }

  /** The exact {@code L}, {@code rho}, {@code d}, {@code m}. */
  private static Map<String, Double> known(Instance x) {
    return PlanSupport.known(x.tasks());
  }

  /** Lemma 4.8's constants at the one point w ({@code grad_task_mean = E_i‖∇f_i(w)‖}). */
  private static Map<String, Double> fallahConstants(Instance x) {
    return Fallah2020Plans.lemma48Constants(x, false);
  }
}
