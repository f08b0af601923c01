package io.metabound.experiments.scaling;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.plan.RegistryPlans;
import io.metabound.experiments.plan.Vacuities;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * The scaling checks of the registry bounds whose constant is far from attainable, so that the
 * ratio check holds at ratios that cannot approach 1 and says little (see {@link ScalingCheck}):
 *
 * <ul>
 *   <li>Fallah, Mokhtari and Ozdaglar 2020, Theorems 4.12, 4.15, 4.17 (explicit noise floors,
 *       {@code max{√(c(1+ρασ/L)Σ), cραΣ/L}}): the plateau of {@code E‖∇F(w_k)‖} against the
 *       per-sample gradient noise {@code σ_g} at fixed α, on one separable non-convex task ({@code
 *       σ = 0}, so {@code Σ = σ_g²(1/(B D_o) + 1/D_in)} and the floor's square-root term is linear in
 *       {@code σ_g}), read as {@code σ_g → 0};
 *   <li>Fallah2020 Theorem 4.11 (surrogate gap {@code 2αLσ_g/√D + α²Lσ_Hσ_g/D}): the exact gap
 *       against the test batch {@code D_test}, read as {@code D_test → ∞};
 *   <li>Ji, Yang and Liang 2022, Proposition 3 (bias {@code σ_g/√S · (…)}): the bias of the
 *       resampling estimator on one separable task (on quadratics it is exactly 0) against the
 *       inner batch {@code S}, read as {@code S → ∞};
 *   <li>Rajeswaran, Finn, Kakade and Levine 2019, Corollary 1 ({@code 4 M L_F Δ/ε²} calls): the
 *       exact count of full-batch gradient descent on a strongly convex iMAML objective against
 *       {@code ε}, read as {@code ε → 0}.
 * </ul>
 *
 * <p>The probes and constants are the registry plans' ({@link RegistryPlans#plan}), the bound the
 * registry formula; only the instance is fixed here. Each entry also has a {@linkplain
 * #ceiling(String) ceiling}: an upper bound on the ratio measured/bound over the bound's
 * hypothesis class, proven or measured as its {@linkplain #ceilingArgument(String) argument} says.
 */
public final class ScalingChecks {

  public static final String FALLAH_MAML = "fallah2020.thm4.12.stationarity-explicit";
  public static final String FALLAH_FO = "fallah2020.thm4.15.stationarity-explicit";
  public static final String FALLAH_HF = "fallah2020.thm4.17.stationarity-explicit";
  public static final String SURROGATE_GAP = "fallah2020.thm4.11.surrogate-gap";
  public static final String JI_BIAS = "ji2022.prop3.estimator-bias";
  public static final String IMAML_CALLS = "rajeswaran2019.cor1.meta-gradient-calls";

  /** Runs per point of a noise-floor check (each a 1500-iteration run). */
  static final int FLOOR_RUNS = 10;

  /** Monte Carlo samples per point of the bias check. */
  static final int BIAS_SAMPLES = 200_000;

  private static final Map<String, Ceiling> CEILINGS = ceilings();

  private ScalingChecks() {}

  /** One scaling check per bound, in a fixed order. */
  public static List<ScalingCheck> all() {
    return List.of(
        floor(FALLAH_MAML, 0.2),
        floor(FALLAH_FO, 0.04),
        floor(FALLAH_HF, 0.06),
        surrogateGap(),
        bias(),
        calls());
  }

  /**
   * Runs every scaling check and its negative control (a wrong exponent) at {@code seed}: what the
   * verdict table reports beside the vacuous checks.
   */
  public static List<io.metabound.experiments.check.ScalingOutcome> outcomes(long seed) {
    return outcomes(seed, all().stream().map(ScalingCheck::boundId).toList());
  }

  /** The scaling checks of the bounds a suite checks, run at {@code seed}. */
  public static List<io.metabound.experiments.check.ScalingOutcome> outcomes(
      long seed, io.metabound.experiments.check.CheckSuite suite) {
    return outcomes(
        seed, suite.checks().stream().map(io.metabound.experiments.check.BoundCheck::boundId).toList());
  }

  /** The scaling checks of the bounds among {@code boundIds}, run at {@code seed}. */
  public static List<io.metabound.experiments.check.ScalingOutcome> outcomes(
      long seed, java.util.Collection<String> boundIds) {
    List<io.metabound.experiments.check.ScalingOutcome> out = new java.util.ArrayList<>();
    for (ScalingCheck check : all()) {
      if (!boundIds.contains(check.boundId())) {
        continue;
      }
      ScalingResult r = check.run(seed);
      ScalingResult control = check.negativeControl().run(seed);
      out.add(
          new io.metabound.experiments.check.ScalingOutcome(
              r.boundId(),
              r.variable(),
              r.summary(),
              r.verdict().name(),
              r.constantGap(),
              control.verdict().name()));
    }
    return out;
  }

  /** The check of one bound id. */
  public static ScalingCheck of(String boundId) {
    return all().stream()
        .filter(c -> c.boundId().equals(boundId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no scaling check for " + boundId));
  }

  /** An upper bound on the ratio measured/bound over the bound's hypothesis class. */
  public static double ceiling(String boundId) {
    return require(boundId).value;
  }

  /** Why {@link #ceiling} holds, and whether it is proven or measured. */
  public static String ceilingArgument(String boundId) {
    return require(boundId).argument;
  }

  private static Ceiling require(String boundId) {
    Ceiling c = CEILINGS.get(boundId);
    if (c == null) {
      throw new IllegalArgumentException("no scaling check for " + boundId);
    }
    return c;
  }

  private record Ceiling(double value, String argument) {}

  // ---- the checks ----

  /** One separable task {@code f(w) = log(1 + (w − 0.5)²)}: L = 2, ρ = (3 + 2√2)/2. */
  static TaskSet oneSeparable() {
    return new TaskSet(
        List.of(MetaTask.same(new SeparableNonconvexLoss(new double[] {1}, new double[] {0.5}))));
  }

  /**
   * A noise floor against {@code σ_g ∈ {0.01, …, 0.32}} (factor 2), α fixed in the theorem's range
   * ({@code αL = 0.4, 0.08, 0.12} for MAML, FO-MAML, HF-MAML), N = 1, {@code σ_H = 0}, B = 20,
   * unit batches, {@code D_β = 8}, the plan's run length; 10 runs per point.
   */
  private static ScalingCheck floor(String id, double alpha) {
    TaskSet tasks = oneSeparable();
    return withPlan(
        id,
        "sigma_g",
        geometric(0.01, 2, 6),
        Regime.TO_ZERO,
        sigma -> {
          Map<String, Double> p = new TreeMap<>();
          p.putAll(
              Map.of(
                  "N", 1.0, "alpha", alpha, "sigma_H", 0.0, "D_in", 1.0, "D_o", 1.0, "D_h", 1.0,
                  "B", 20.0, "B_prime", 1.0, "D_beta", 8.0, "K", 1500.0));
          p.put("K_tail", 750.0);
          p.put("sigma_g", sigma);
          return Instance.of(tasks, p, 0, "separable non-convex");
        },
        FLOOR_RUNS,
        1);
  }

  /**
   * The surrogate gap on one pool of two samples {@code (x, y) = (1, 0.7), (−0.5, −0.3)} (L =
   * 0.625), α = 0.5, {@code D_test ∈ {1, 2, …, 128}}: exact enumeration.
   */
  private static ScalingCheck surrogateGap() {
    TaskSet pool =
        new TaskSet(
            List.of(
                MetaTask.same(
                    new LeastSquaresLoss(
                        new double[][] {{1.0}, {-0.5}}, new double[] {0.7, -0.3}))));
    return withPlan(
        SURROGATE_GAP,
        "D_test",
        geometric(1, 2, 8),
        Regime.TO_INFINITY,
        d -> Instance.of(pool, Map.of("alpha", 0.5, "D_test", d), 0, "regression sample pools"),
        2,
        1);
  }

  /**
   * The resampling estimator's bias on {@link #oneSeparable} at the origin: N = 1, α = 0.2 (γ =
   * 0.04 > 0), {@code σ_g = 1}, {@code S ∈ {2, …, 64}}, the other batches large and {@code σ_H =
   * 0} as in the plan; 200 000 samples per point.
   */
  private static ScalingCheck bias() {
    TaskSet tasks = oneSeparable();
    return withPlan(
        JI_BIAS,
        "S",
        geometric(2, 2, 6),
        Regime.TO_INFINITY,
        s ->
            Instance.of(
                tasks,
                Map.of(
                    "N", 1.0, "alpha", 0.2, "sigma_g", 1.0, "S", s, "D", 1e6, "T", 1e6,
                    "sigma_H", 0.0),
                0,
                "separable non-convex"),
        BIAS_SAMPLES,
        1);
  }

  /**
   * Corollary 1's calls on one task in d = 2, inner {@code H = diag(1, 0.05)}, centre (1, 1), outer
   * {@code diag(0.5, 0.5)}, centre (−1, 0.5), λ = 0.2, {@code ε ∈ {10⁻³, …, 10⁻⁸}} (the linear
   * regime of the count, 114 to 374 calls): exact (the count of the implementation). Control shift
   * 2: the true count grows like {@code log(1/ε)} (log-log slope about −0.1), so a bound exponent
   * of −2 + 1 = −1 would still be loose; −2 + 2 = 0 claims a count that does not grow as ε → 0,
   * which is wrong.
   */
  private static ScalingCheck calls() {
    TaskSet tasks =
        new TaskSet(
            List.of(
                new MetaTask(
                    new QuadraticLoss(new double[] {1, 0, 0, 0.05}, new double[] {1, 1}),
                    new QuadraticLoss(new double[] {0.5, 0, 0, 0.5}, new double[] {-1, 0.5}),
                    1.0)));
    return withPlan(
        IMAML_CALLS,
        "epsilon",
        geometric(1e-3, 0.1, 6),
        Regime.TO_ZERO,
        e ->
            Instance.of(tasks, Map.of("lambda", 0.2, "epsilon", e), 0, "quadratic finite-sum"),
        2,
        2);
  }

  /** A check with the registry plan's probe and constants. */
  private static ScalingCheck withPlan(
      String id,
      String variable,
      double[] values,
      Regime regime,
      DoubleFunction<Instance> instanceAt,
      int samples,
      double controlShift) {
    Plan plan = RegistryPlans.plan(id).orElseThrow();
    return new ScalingCheck(
        id, variable, values, regime, instanceAt, plan.probe(), plan.constants(), samples,
        controlShift);
  }

  /** {@code first · ratio^k}, {@code k = 0 … count−1}. */
  static double[] geometric(double first, double ratio, int count) {
    double[] v = new double[count];
    for (int k = 0; k < count; k++) {
      v[k] = first * Math.pow(ratio, k);
    }
    return v;
  }

  // ---- the ceilings ----

  private static Map<String, Ceiling> ceilings() {
    Map<String, Ceiling> m = new LinkedHashMap<>();
    // the vacuous checks' ceilings are the registry plans' (Vacuities); this one is above the
    // vacuity level, a proven ceiling of the scaling check only
    Vacuities.all().forEach((id, v) -> m.put(id, new Ceiling(v.ceiling(), v.argument())));
    m.put(
        SURROGATE_GAP,
        new Ceiling(
            0.66,
            "PROVEN on the plan's class (one pool of n <= 4 least-squares samples in d <= 2,"
                + " alpha <= 1/L, at the origin, sigma_g and the Frobenius sigma_H per sample)."
                + " With f(v) = Hv - b linear in v, grad f(w - alpha g~) = g - alpha H g~, and"
                + " expanding E_D (I - alpha H~)(g - alpha H g~) - (I - alpha H)(g - alpha H g)"
                + " leaves gap = alpha^2 ||E[(H~ - H) H (g~ - g)]|| (the cross terms have mean 0);"
                + " for i.i.d. draws this is alpha^2 ||E[(A_j - H) H (grad l_j - g)]|| / D exactly"
                + " (so the slope in D is exactly -1), and by Cauchy-Schwarz it is <= alpha^2 L"
                + " sigma_H sigma_g / D, the bound's second term T2. The first term T1 = 2 alpha L"
                + " sigma_g / sqrt(D) is all slack, so ratio <= T2/(T1 + T2) = 1/(1 + 2 sqrt(D) /"
                + " (alpha sigma_H)). With A_j = x_j x_j^T: (1/n) sum ||A_j||_F^2 <= max ||x_j||^2"
                + " tr H <= n (tr H)^2 <= n d^2 L^2 and ||H||_F >= L, so sigma_H^2 <= (n d^2 - 1)"
                + " L^2 and alpha sigma_H <= sqrt(15) for n = 4, d = 2; at D = 1 the ratio is <="
                + " 1/(1 + 2/sqrt(15)) = 0.6595 (0.464 in d = 1). The registry's falsifier finds"
                + " 0.39 (d = 1) and 0.40 (d = 2). Over all pools (n unbounded) the same argument"
                + " gives only ratio < 1."));
    return m;
  }
}
