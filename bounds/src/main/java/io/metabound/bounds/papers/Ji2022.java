package io.metabound.bounds.papers;

import static io.metabound.bounds.registry.Relation.DEFINITION;
import static io.metabound.bounds.registry.Relation.LOWER_BOUND;
import static io.metabound.bounds.registry.Relation.SIZE_REQUIREMENT;
import static io.metabound.bounds.registry.Relation.STEPSIZE_THRESHOLD;
import static io.metabound.bounds.registry.Relation.UPPER_BOUND;

import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import java.util.List;

/**
 * The results of Kaiyi Ji, Junjie Yang and Yingbin Liang, "Theoretical Convergence of Multi-Step
 * Model-Agnostic Meta-Learning", Journal of Machine Learning Research 23 (2022), paper 20-720
 * (arXiv:2002.07836).
 *
 * <p>Setting: N-step MAML with inner stepsize {@code alpha} on tasks {@code l_i} that are L-smooth
 * and rho-Hessian-Lipschitz (Assumption 1); resampling case (Algorithm 1, Sections 3.3 and 5.1) and
 * finite-sum case (Algorithm 2, Sections 4 and 5.2). Every formula of the paper was stripped from
 * the text available to MetaBound (source S0 keeps the prose and equation numbers only), so each
 * bound is a reconstruction tagged {@code [R-hi]}, {@code [R-med]} or {@code [R-lo]} by the
 * confidence that it equals the published statement; see {@code docs/THEOREMS.md} §1. Each
 * [R] inequality is mathematically valid (re-derived and checked numerically there), though the
 * published constant may be larger.
 *
 * <p>Shorthand used in the javadoc and the notes: {@code a = 1 + alpha L}, {@code gamma = 2 -
 * a^(2N)}, {@code C_L = (rho/L) a^(2N-1) (a^N - 1)} (Prop 1), {@code C_b = (rho/L) a^(N-1) (a^N -
 * 1)^2} (Prop 7), {@code l0 = a^(2N) L + C_b b}. The registered formulas are fully expanded in the
 * catalogued symbols. In the finite-sum results {@code grad_task_mean} stands for {@code E_i
 * ||∇l_{T_i}(w)||} (query losses), and {@code S}, {@code T} for the sizes of the fixed sets {@code
 * S_i}, {@code T_i} where stated.
 */
public final class Ji2022 {

  /** The paper key used in ids and references. */
  public static final String PAPER = "Ji2022";

  /** The full citation. */
  public static final String CITATION =
      "Kaiyi Ji, Junjie Yang and Yingbin Liang. Theoretical Convergence of Multi-Step"
          + " Model-Agnostic Meta-Learning. Journal of Machine Learning Research 23 (2022), paper"
          + " 20-720 (jmlr.org/papers/v23/20-720.html); arXiv:2002.07836.";

  private static final Definitions DEFS =
      Definitions.builder()
          .define("a", "1 + alpha*L")
          .define("gamma", "2 - a^(2*N)")
          .define("C_L", "(rho/L)*a^(2*N-1)*(a^N - 1)")
          .define("C_b", "(rho/L)*a^(N-1)*(a^N - 1)^2")
          .define("L_w", "a^(2*N)*L + C_L*grad_task_mean")
          .define("ell0", "a^(2*N)*L + C_b*b")
          .define("L_w7", "ell0 + C_L*grad_task_mean")
          // Prop 2 second moment at j = N ([R-lo]) and the Hessian factor of Prop 4
          .define("V_N", "(1 + 2*alpha*L + 2*alpha^2*L^2)^N*alpha*sigma_g^2/(L*S)")
          .define("P_D", "(a + alpha*sigma_H/sqrt(D))^2")
          .define("A_g", "4*a^(2*N)*P_D^N/gamma^2")
          .define("B_g", "P_D^N*(sigma_g^2/T + 2*L^2*V_N + 2*a^(2*N)*sigma^2*(1 + 2/gamma^2))")
          // Lemma 16 second-moment constant c_2 and the Thm 5 chain
          .define("c2_16", "1 + 3*C_L^2*(sigma^2 + sigma_g^2/D_L)/(B_prime*a^(4*N)*L^2)")
          .define("kappa_e", "sqrt(c2_16)/(2*C_beta) + c2_16/C_beta^2")
          .define("A_e", "a^N*(a^N - 1)*sigma_g/sqrt(S)")
          .define("B_e", "C_L*sigma_g/(L*gamma*sqrt(S))")
          .define("xi5", "(4/5)/(2*C_beta) - c2_16/(2*C_beta^2)*(A_g/B + 2) - 3*kappa_e*B_e^2")
          .define("theta5", "c2_16*B_g/(2*C_beta^2*B) + 3*kappa_e*(A_e^2 + B_e^2*sigma^2)")
          .define("R5", "Delta/(xi5*K) + theta5/(xi5*a^(2*N)*L)")
          .define("phi5", "a^(2*N)*L + C_L*sigma/gamma")
          .define("c5", "C_L/gamma")
          // finite-sum case: Prop 8, Lemma 20, Thm 9
          .define("A_squ", "4*a^(4*N)/gamma^2")
          .define(
              "B_squ",
              "2*a^(4*N)*(sigma^2 + 2*(sigma + a^N*(a^N - 1)*b)^2/gamma^2)"
                  + " + 2*a^(2*N)*(a^N - 1)^2*b_sq")
          .define("c2_20", "1 + 3*C_L^2*sigma^2/(B_prime*ell0^2)")
          .define("xi9", "1/C_beta - c2_20/(2*C_beta^2)*(A_squ/B + 1)")
          .define("theta9", "c2_20*B_squ/(2*C_beta^2*B)")
          .define("R9", "Delta/(xi9*K) + theta9/(xi9*ell0)")
          .define("phi9", "ell0 + C_L/gamma*(sigma + a^N*(a^N - 1)*b)")
          .build();

  private static final PaperBounds PAPER_BOUNDS = new PaperBounds(PAPER, CITATION, DEFS);

  private static final Assumption ASSUMPTION_1 =
      Assumption.descriptive(
          "Assumption 1: every l_i is bounded below, L-smooth (so ||∇²l_i|| <= L) and has a"
              + " rho-Lipschitz Hessian");
  private static final Assumption ASSUMPTION_2 =
      Assumption.descriptive(
          "Assumption 2: E_i||∇l_i(w) - ∇l(w)||^2 <= sigma^2 for all w (i uniform over the tasks)");
  private static final Assumption ASSUMPTION_3 =
      Assumption.descriptive(
          "Assumption 3: per-sample gradient variance <= sigma_g^2 and Hessian variance <="
              + " sigma_H^2 (batches give /S and /D; the /D scaling needs sigma_H in Frobenius"
              + " norm)");
  private static final Assumption ASSUMPTION_4 =
      Assumption.descriptive(
          "Assumption 4: items 1-3 of Assumption 1 for both the support losses l_{S_i} and the"
              + " query losses l_{T_i}");
  private static final Assumption ASSUMPTION_5 =
      Assumption.descriptive(
          "Assumption 5: E_i||∇l_{T_i}(w) - ∇l_T(w)||^2 <= sigma^2 and ||∇l_{S_i}(w) -"
              + " ∇l_{T_i}(w)|| <= b_i for all w, with b = E_i b_i and b_sq = E_i b_i^2");
  private static final Assumption GAMMA_POSITIVE =
      DEFS.assumption(
          "gamma > 0",
          "gamma = 2 - (1+alpha*L)^(2N) > 0, i.e. C_l < 1, i.e. alpha < (2^(1/(2N)) - 1)/L"
              + " (Lemma 15)");
  private static final Assumption J_AT_MOST_N =
      Assumption.parse("j <= N", "inner step index j in {0, ..., N}");
  private static final Assumption ALPHA_CHOICE =
      Assumption.parse("alpha = 1/(8*N*L)", "inner stepsize alpha = 1/(8NL) (Cor 6/10)");
  private static final Assumption ALPHA_AT_MOST_CHOICE =
      Assumption.parse(
          "alpha <= 1/(8*N*L)",
          "alpha <= 1/(8NL); the consequences hold for the choice alpha = 1/(8NL) and below");
  private static final Assumption D_L_LARGE =
      DEFS.assumption(
          "D_L >= 16*C_L^2*sigma_g^2/(a^(4*N)*L^2)",
          "Lemma 16 batch |D_{L_k}| for the first moment");
  private static final Assumption B_PRIME_LARGE =
      DEFS.assumption(
          "B_prime >= 3*C_L^2*(sigma^2 + sigma_g^2/D_L)/(a^(4*N)*L^2)",
          "Lemma 16 batch |B'_k| (makes c_2 <= 2)");
  private static final Assumption STEPSIZE_14 =
      Assumption.descriptive(
          "meta stepsize beta_k = 1/(C_beta L^_{w_k}) of (14), with B'_k and D_{L_k} drawn"
              + " independently of the other batches");
  private static final Assumption STEPSIZE_22 =
      Assumption.descriptive(
          "meta stepsize beta_k = 1/(C_beta L^_{w_k}) of (22), with B'_k drawn independently of"
              + " B_k");

  private static final List<Bound> BOUNDS =
      List.of(
          lemma11PathSensitivity(),
          lemma12GradientGrowth(),
          lemma13ProductDeviation(),
          lemma14MetaGradientDeviation(),
          lemma14MetaGradientDeviationAlternative(),
          lemma15TaskGradientNorm(),
          lemma15AlphaThreshold(),
          lemma16StepsizeMean(),
          lemma16DlThreshold(),
          lemma16StepsizeSecondMoment(),
          lemma16BPrimeThreshold(),
          lemma17GradientGrowth(),
          lemma18MetaGradientDeviation(),
          lemma19TaskGradientNorm(),
          lemma20StepsizeMean(),
          lemma20StepsizeSecondMoment(),
          prop1MetaSmoothness(),
          prop1SmoothnessCoefficient(),
          eq14MetaStepsize(),
          prop2PathDeviation(),
          prop2PathDeviationSecondMoment(),
          prop2PathDeviationSecondMomentTight(),
          prop3EstimatorBias(),
          prop4EstimatorSecondMoment(),
          thm5Stationarity(),
          thm5StationarityRoot(),
          cor6InnerStepsize(),
          cor6ExpansionFactor(),
          cor6ExpansionFactorSquared(),
          cor6StabilityMargin(),
          cor6SmoothnessCoefficient(),
          cor6BatchSize(),
          cor6Iterations(),
          cor6GradientComputationsPerIteration(),
          cor6HessianComputationsPerIteration(),
          cor6GradientComputations(),
          prop7MetaSmoothness(),
          prop7SmoothnessCoefficient(),
          eq22MetaStepsize(),
          prop8EstimatorSecondMoment(),
          thm9Stationarity(),
          cor10InnerStepsize(),
          cor10BatchSize(),
          cor10Iterations(),
          cor10GradientComputations(),
          cor10HessianComputationsPerIteration());

  private Ji2022() {}

  /**
   * @return every registered bound of the paper, in the order of the paper's appendix lemmas, then
   *     the resampling-case and finite-sum-case main results
   */
  public static List<Bound> bounds() {
    return BOUNDS;
  }

  // ---------------------------------------------------------------- auxiliary lemmas (App. C, D)

  /**
   * Lemma 11 [R-hi]: for all i, {@code j <= N} and w, u, the GD paths (1) from w and u satisfy
   * {@code ||w~^i_j - u~^i_j|| <= (1 + alpha L)^j ||w - u||}.
   */
  private static Bound lemma11PathSensitivity() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma11.path-sensitivity",
        "Inner GD paths separate at most geometrically",
        "Lemma 11",
        "",
        "a^j",
        UPPER_BOUND,
        "path-sensitivity",
        List.of(J_AT_MOST_N, ASSUMPTION_1),
        "[R-hi]",
        "docs/THEOREMS.md §1.4; S0 App. C proof (triangle inequality, telescoping)",
        "Normalised by ||w - u||. Attained (equality) along the eigenvector of a quadratic with"
            + " Hessian eigenvalue -L.");
  }

  /**
   * Lemma 12 [R-hi]: {@code ||∇l_i(w~^i_j)|| <= (1 + alpha L)^j ||∇l_i(w)||} along the GD path (1).
   */
  private static Bound lemma12GradientGrowth() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma12.gradient-growth",
        "Task gradient grows at most geometrically along the inner path",
        "Lemma 12",
        "",
        "a^j",
        UPPER_BOUND,
        "gradient-growth",
        List.of(J_AT_MOST_N, ASSUMPTION_1),
        "[R-hi]",
        "docs/THEOREMS.md §1.4; S0 App. C proof of Lemma 12",
        "Normalised by ||∇l_i(w)||. Attained by a quadratic with Hessian eigenvalue -L when the"
            + " gradient lies along that eigenvector.");
  }

  /**
   * Lemma 13 [R-hi]: for matrices with {@code ||A_j|| <= a}, {@code ||prod_{j<N} (I - A_j) - I|| <=
   * sum_{n=1}^N binom(N,n) a^n = (1 + a)^N - 1}; registered with {@code a = alpha L}, as applied.
   */
  private static Bound lemma13ProductDeviation() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma13.product-deviation",
        "Product of perturbed identities stays near the identity",
        "Lemma 13",
        "",
        "a^N - 1",
        UPPER_BOUND,
        "product-deviation",
        List.of(
            Assumption.descriptive(
                "||A_j|| <= alpha*L for j = 0..N-1 (A_j = alpha ∇²l_i(w~_j) under Assumption 1)")),
        "[R-hi]",
        "docs/THEOREMS.md §1.4; S0 App. C proof intact (binomial expansion)",
        "The lemma is stated for any bound a on ||A_j||; registered with a = alpha*L, the value"
            + " used in Lemma 14 and Prop 1. Equality at A_j = -aI.");
  }

  /**
   * Lemma 14 [R-med] (65): with {@code ∇L_i(w) = prod_j (I - alpha ∇²l_i(w~_j)) ∇l_i(w~_N)}, {@code
   * ||∇L_i(w) - ∇l_i(w)|| <= C_l ||∇l_i(w)||} with {@code C_l = (1 + alpha L)^(2N) - 1}.
   */
  private static Bound lemma14MetaGradientDeviation() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma14.meta-gradient-deviation",
        "Per-task meta-gradient versus task gradient (C_l)",
        "Lemma 14",
        "(65)",
        "a^(2*N) - 1",
        UPPER_BOUND,
        "meta-gradient-deviation",
        List.of(ASSUMPTION_1),
        "[R-med]",
        "docs/THEOREMS.md §1.4; S0 proof steps (66): MVT, Lemma 12, Lemma 13",
        "Normalised by ||∇l_i(w)||: the formula is the constant C_l of (65). Structure certain, the"
            + " closed form of (65) less so (see ji2022.lemma14.meta-gradient-deviation-alt). Tight"
            + " for a quadratic with eigenvalue -L; for PSD Hessians the true constant is"
            + " 1 - (1 - alpha*L)^(2N). At N = 1 it equals 2 alpha L + alpha^2 L^2.");
  }

  /**
   * Lemma 14, alternative reading of (65) [R-med]: if the paper bounded each {@code ||∇l(w~_j)||}
   * by {@code (1 + alpha L)^N ||∇l(w)||} instead of summing the geometric series, {@code C_l = (1 +
   * alpha L)^N - 1 + N alpha L (1 + alpha L)^(2N)}.
   */
  private static Bound lemma14MetaGradientDeviationAlternative() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma14.meta-gradient-deviation-alt",
        "Per-task meta-gradient versus task gradient, larger alternative reading of C_l",
        "Lemma 14",
        "(65)",
        "a^N - 1 + N*alpha*L*a^(2*N)",
        UPPER_BOUND,
        "meta-gradient-deviation",
        List.of(ASSUMPTION_1),
        "[R-med]",
        "docs/THEOREMS.md §1.4 (alternative derivation of (65))",
        "FLAGGED: an alternative reading of (65), valid but larger than"
            + " ji2022.lemma14.meta-gradient-deviation; registered because the published constant"
            + " may be this one. Normalised by ||∇l_i(w)||.");
  }

  /**
   * Lemma 15 [R-med]: if {@code gamma = 2 - (1 + alpha L)^(2N) > 0}, {@code E_i||∇l_i(w)|| <=
   * (||∇L(w)|| + sigma) / (2 - (1 + alpha L)^(2N))}.
   */
  private static Bound lemma15TaskGradientNorm() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma15.task-gradient-norm",
        "Mean task-gradient norm bounded by the meta-gradient norm",
        "Lemma 15",
        "",
        "(grad_meta + sigma)/gamma",
        UPPER_BOUND,
        "task-gradient-norm",
        List.of(GAMMA_POSITIVE, ASSUMPTION_1, ASSUMPTION_2),
        "[R-med]",
        "docs/THEOREMS.md §1.4; S0: (i) from Lemma 14, (ii) from Assumption 2, then rearranging",
        "Equivalently (||∇L(w)|| + sigma)/(1 - C_l). The pointwise spread sigma(w) may be used."
            + " Numerical check in docs/THEOREMS.md §6.4: max ratio 0.64.");
  }

  /**
   * The stepsize condition of Lemma 15 [R-med]: {@code gamma > 0} iff {@code alpha < (2^(1/(2N)) -
   * 1)/L}.
   */
  private static Bound lemma15AlphaThreshold() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma15.alpha-threshold",
        "Inner stepsize condition C_l < 1",
        "Lemma 15",
        "",
        "(2^(1/(2*N)) - 1)/L",
        STEPSIZE_THRESHOLD,
        "alpha-threshold",
        List.of(ASSUMPTION_1),
        "[R-med]",
        "docs/THEOREMS.md §1.4 (C_l < 1 with C_l of (65))",
        "Strict: alpha must be strictly below. At N = 1 it is (sqrt(2) - 1)/L, stricter than"
            + " Fallah2020's alpha <= 1/L. Needed by Lemma 15, Props 3-4 and Theorems 5 and 9.");
  }

  /**
   * Lemma 16, first moment [R-med/lo]: conditioning on {@code w_k}, {@code E beta_k >= 4 / (5
   * C_beta L_{w_k})} if {@code |D_{L_k}| >= 16 C_L^2 sigma_g^2 / ((1 + alpha L)^(4N) L^2)}, with
   * {@code L_w = (1 + alpha L)^(2N) L + C_L E_i||∇l_i(w)||}.
   */
  private static Bound lemma16StepsizeMean() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma16.stepsize-mean",
        "Mean of the adaptive meta stepsize (resampling)",
        "Lemma 16",
        "",
        "4/(5*C_beta*L_w)",
        LOWER_BOUND,
        "stepsize-mean",
        List.of(D_L_LARGE, ASSUMPTION_1, ASSUMPTION_2, ASSUMPTION_3, STEPSIZE_14),
        "[R-med/lo]",
        "docs/THEOREMS.md §1.4; S0 (67)-(72), 'similar to Lemma 4.11 [sic] in Fallah et al.'",
        "The 4/5 mirrors Fallah2020's 0.8 (Jensen). The batch threshold on D_L is a reconstruction"
            + " (the paper's was not readable). "
            + DEFS.where("L_w", "C_L"));
  }

  /** The |D_{L_k}| threshold of Lemma 16 [R-med/lo]: {@code 16 C_L^2 sigma_g^2 / (a^(4N) L^2)}. */
  private static Bound lemma16DlThreshold() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma16.d-l-threshold",
        "Batch of the stepsize estimate per task, |D_{L_k}|",
        "Lemma 16",
        "",
        "16*C_L^2*sigma_g^2/(a^(4*N)*L^2)",
        SIZE_REQUIREMENT,
        "batch-size",
        List.of(ASSUMPTION_1, ASSUMPTION_3),
        "[R-med/lo]",
        "docs/THEOREMS.md §1.4 (reconstructed threshold for the first-moment bound)",
        "Requirement on D_L. Reconstruction: the paper's threshold was not readable. Vacuous (0)"
            + " when rho = 0. "
            + DEFS.where("C_L"));
  }

  /**
   * Lemma 16, second moment [R-med/lo]: {@code E beta_k^2 <= c_2 / (C_beta^2 L_{w_k}^2)} with
   * {@code c_2 = 1 + 3 C_L^2 (sigma^2 + sigma_g^2/|D_{L_k}|) / (|B'_k| a^(4N) L^2)}.
   */
  private static Bound lemma16StepsizeSecondMoment() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma16.stepsize-second-moment",
        "Second moment of the adaptive meta stepsize (resampling)",
        "Lemma 16",
        "",
        "c2_16/(C_beta^2*L_w^2)",
        UPPER_BOUND,
        "stepsize-second-moment",
        List.of(ASSUMPTION_1, ASSUMPTION_2, ASSUMPTION_3, STEPSIZE_14),
        "[R-med/lo]",
        "docs/THEOREMS.md §1.4 (second moment: MetaBound's own valid bound)",
        "Not the paper's (unreadable) inequality (67) but a valid bound of the same form; c_2 <= 2"
            + " when |B'_k| meets ji2022.lemma16.b-prime-threshold. "
            + DEFS.where("c2_16", "L_w", "C_L"));
  }

  /**
   * The |B'_k| threshold of Lemma 16 [R-med/lo]: {@code 3 C_L^2 (sigma^2 + sigma_g^2/|D_{L_k}|) /
   * (a^(4N) L^2)}, which makes {@code c_2 <= 2}.
   */
  private static Bound lemma16BPrimeThreshold() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma16.b-prime-threshold",
        "Task batch of the stepsize estimate, |B'_k|",
        "Lemma 16",
        "",
        "3*C_L^2*(sigma^2 + sigma_g^2/D_L)/(a^(4*N)*L^2)",
        SIZE_REQUIREMENT,
        "batch-size",
        List.of(ASSUMPTION_1, ASSUMPTION_2, ASSUMPTION_3),
        "[R-med/lo]",
        "docs/THEOREMS.md §1.4 (reconstructed threshold making c_2 <= 2)",
        "Requirement on B_prime. Reconstruction; vacuous (0) when rho = 0. " + DEFS.where("C_L"));
  }

  /**
   * Lemma 17 [R-hi]: {@code ||∇l_{S_i}(w~^i_j)|| <= (1 + alpha L)^j ||∇l_{S_i}(w)||} along the
   * finite-sum inner path (9).
   */
  private static Bound lemma17GradientGrowth() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma17.gradient-growth",
        "Support-loss gradient grows at most geometrically along the inner path (finite sum)",
        "Lemma 17",
        "",
        "a^j",
        UPPER_BOUND,
        "gradient-growth",
        List.of(J_AT_MOST_N, ASSUMPTION_4),
        "[R-hi]",
        "docs/THEOREMS.md §1.4 (finite-sum analogue of Lemma 12)",
        "Normalised by ||∇l_{S_i}(w)||. Attained by a quadratic support loss with eigenvalue -L.");
  }

  /**
   * Lemma 18 [R-med]: {@code ||∇L_i(w) - ∇l_{T_i}(w)|| <= ((1 + alpha L)^N - 1) ||∇l_{T_i}(w)|| +
   * (1 + alpha L)^N ((1 + alpha L)^N - 1) ||∇l_{S_i}(w)||}.
   */
  private static Bound lemma18MetaGradientDeviation() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma18.meta-gradient-deviation",
        "Per-task meta-gradient versus query gradient (finite sum)",
        "Lemma 18",
        "",
        "(a^N - 1)*grad_query + a^N*(a^N - 1)*grad_support",
        UPPER_BOUND,
        "meta-gradient-deviation",
        List.of(ASSUMPTION_4),
        "[R-med]",
        "docs/THEOREMS.md §1.4; S0: MVT, Lemma 13, Lemma 17",
        "Absolute (not normalised): grad_query = ||∇l_{T_i}(w)||, grad_support = ||∇l_{S_i}(w)||."
            + " With S_i = T_i it reduces to Lemma 14's (1+alpha L)^(2N) - 1.");
  }

  /**
   * Lemma 19 [R-med] (73): {@code E_i||∇l_{T_i}(w)|| <= (||∇L(w)|| + sigma + (1 + alpha L)^N ((1 +
   * alpha L)^N - 1) b) / (2 - (1 + alpha L)^(2N))}.
   */
  private static Bound lemma19TaskGradientNorm() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma19.task-gradient-norm",
        "Mean query-gradient norm bounded by the meta-gradient norm (finite sum)",
        "Lemma 19",
        "(73)",
        "(grad_meta + sigma + a^N*(a^N - 1)*b)/gamma",
        UPPER_BOUND,
        "task-gradient-norm",
        List.of(GAMMA_POSITIVE, ASSUMPTION_4, ASSUMPTION_5),
        "[R-med]",
        "docs/THEOREMS.md §1.4; S0: Lemma 18 and Assumption 5; (74) reuses constants of (19)",
        "Here the task-gradient norm is E_i||∇l_{T_i}(w)|| (query losses).");
  }

  /**
   * Lemma 20, first moment [R-med] (78): with exact task gradients {@code E L^_{w_k} = L_{w_k}}, so
   * by Jensen {@code E beta_k >= 1 / (C_beta L_{w_k})}, {@code L_w} of Prop 7.
   */
  private static Bound lemma20StepsizeMean() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma20.stepsize-mean",
        "Mean of the adaptive meta stepsize (finite sum)",
        "Lemma 20",
        "(78)",
        "1/(C_beta*L_w7)",
        LOWER_BOUND,
        "stepsize-mean",
        List.of(ASSUMPTION_4, ASSUMPTION_5, STEPSIZE_22),
        "[R-med]",
        "docs/THEOREMS.md §1.4; S0 (77)-(78)",
        "Jensen on the convex 1/x; no batch condition because the task gradients are exact. "
            + "grad_task_mean = E_i||∇l_{T_i}(w)||. "
            + DEFS.where("L_w7", "ell0"));
  }

  /**
   * Lemma 20, second moment [R-med]: {@code E beta_k^2 <= c_2 / (C_beta^2 L_{w_k}^2)} with {@code
   * c_2 = 1 + 3 C_L^2 sigma^2 / (|B'_k| l0^2)}, {@code l0} the constant part of {@code L_w}.
   */
  private static Bound lemma20StepsizeSecondMoment() {
    return PAPER_BOUNDS.bound(
        "ji2022.lemma20.stepsize-second-moment",
        "Second moment of the adaptive meta stepsize (finite sum)",
        "Lemma 20",
        "(77)",
        "c2_20/(C_beta^2*L_w7^2)",
        UPPER_BOUND,
        "stepsize-second-moment",
        List.of(ASSUMPTION_4, ASSUMPTION_5, STEPSIZE_22),
        "[R-med]",
        "docs/THEOREMS.md §1.4; S0 (77): variance of the B'-average <= sigma^2/|B'_k|",
        DEFS.where("c2_20", "L_w7", "ell0"));
  }

  // ------------------------------------------------------------------- resampling case (§3.3)

  /**
   * Proposition 1 [R-hi] (13): {@code ||∇L(w) - ∇L(u)|| <= L_w ||w - u||} with {@code L_w = (1 +
   * alpha L)^(2N) L + C_L E_i||∇l_i(w)||}, {@code C_L = ((1 + alpha L)^(N-1) alpha rho + (rho/L) (1
   * + alpha L)^N ((1 + alpha L)^(N-1) - 1)) (1 + alpha L)^N = (rho/L) (1 + alpha L)^(2N-1) ((1 +
   * alpha L)^N - 1)}; registered with the simplified {@code C_L}.
   */
  private static Bound prop1MetaSmoothness() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop1.meta-smoothness",
        "Meta-gradient smoothness, resampling case (L_w)",
        "Proposition 1",
        "(13)",
        "L_w",
        UPPER_BOUND,
        "meta-smoothness",
        List.of(ASSUMPTION_1),
        "[R-hi]",
        "docs/THEOREMS.md §1.5; S0 (26)-(28): Lemma 12, Lemma 11, product-difference recursion",
        "Uses the simplified C_L (equal to the printed form ji2022.prop1.c-l). Quadratics with an"
            + " eigenvalue -L (rho = 0) attain (1 + alpha L)^(2N) L. At N = 1 and alpha <= 1/L it"
            + " is dominated by Fallah2020 Lemma 4.8. "
            + DEFS.where("L_w", "C_L"));
  }

  /** The constant {@code C_L} of Proposition 1 [R-hi] (13), in the printed form. */
  private static Bound prop1SmoothnessCoefficient() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop1.c-l",
        "Coefficient C_L of the gradient-dependent part of L_w",
        "Proposition 1",
        "(13)",
        "(a^(N-1)*alpha*rho + (rho/L)*a^N*(a^(N-1) - 1))*a^N",
        DEFINITION,
        "smoothness-coefficient",
        List.of(ASSUMPTION_1),
        "[R-hi]",
        "docs/THEOREMS.md §1.5 (recalled form, independently re-derived)",
        "Printed form of (13); equals (rho/L)*(1+alpha*L)^(2N-1)*((1+alpha*L)^N - 1) exactly. At N"
            + " = 1 it is alpha*rho*(1 + alpha*L).");
  }

  /**
   * The meta stepsize (14) [R-hi]: {@code beta_k = 1 / (C_beta L^_{w_k})}, {@code L^_{w_k} = (1 +
   * alpha L)^(2N) L + C_L / |B'_k| sum_{i in B'_k} ||∇l_i(w_k; D^i_{L_k})||}.
   */
  private static Bound eq14MetaStepsize() {
    return PAPER_BOUNDS.bound(
        "ji2022.eq14.meta-stepsize",
        "Adaptive meta stepsize, resampling case",
        "Equation (14)",
        "(14)",
        "1/(C_beta*(a^(2*N)*L + C_L*grad_task_est))",
        DEFINITION,
        "meta-stepsize",
        List.of(ASSUMPTION_1),
        "[R-hi]",
        "docs/THEOREMS.md §1.2; S0 prose 'Similarly to Fallah et al. (2020a) ... estimate L_{w_k}'",
        "grad_task_est is the B'-average of mini-batch gradient norms on D_{L_k}, an estimate of"
            + " E_i||∇l_i(w_k)||. "
            + DEFS.where("C_L"));
  }

  /**
   * Proposition 2, first moment [R-hi]: conditioning on {@code w_k}, for {@code j = 0..N}, {@code
   * E||w^i_{k,j} - w~^i_{k,j}|| <= ((1 + alpha L)^j - 1) sigma_g / (L sqrt(S))}.
   */
  private static Bound prop2PathDeviation() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop2.path-deviation",
        "SGD inner path versus GD inner path, first moment",
        "Proposition 2",
        "",
        "(a^j - 1)*sigma_g/(L*sqrt(S))",
        UPPER_BOUND,
        "path-deviation",
        List.of(J_AT_MOST_N, ASSUMPTION_1, ASSUMPTION_3),
        "[R-hi]",
        "docs/THEOREMS.md §1.5; S0 proof of Prop 2 ((1), (6), Assumption 3, telescoping)",
        "Numerical check in docs/THEOREMS.md §6.4: max ratio 0.95.");
  }

  /**
   * Proposition 2, second moment [R-lo]: {@code E||w^i_{k,j} - w~^i_{k,j}||^2 <= (1 + 2 alpha L + 2
   * alpha^2 L^2)^j alpha sigma_g^2 / (L S)}.
   */
  private static Bound prop2PathDeviationSecondMoment() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop2.path-deviation-second-moment",
        "SGD inner path versus GD inner path, second moment",
        "Proposition 2",
        "",
        "(1 + 2*alpha*L + 2*alpha^2*L^2)^j*alpha*sigma_g^2/(L*S)",
        UPPER_BOUND,
        "path-deviation-second-moment",
        List.of(J_AT_MOST_N, ASSUMPTION_1, ASSUMPTION_3),
        "[R-lo]",
        "docs/THEOREMS.md §1.5; S0 '(ii) follows from ||a+b||^2 <= 2||a||^2 + 2||b||^2', telescope",
        "The exact base of the power is unknown (a recollection suggests 1 + alpha L + 2 alpha^2"
            + " L^2). Numerical check: max ratio 0.21. See also the tight alternative"
            + " ji2022.prop2.path-deviation-second-moment-tight.");
  }

  /**
   * Tightest valid second-moment bound by the route of Proposition 2 [derived]: {@code alpha
   * sigma_g^2 / (L (2 + alpha L) S) ((1 + alpha L)^(2j) - 1)}, with equality at {@code j = 1}.
   */
  private static Bound prop2PathDeviationSecondMomentTight() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop2.path-deviation-second-moment-tight",
        "SGD inner path versus GD inner path, second moment (tightest valid alternative)",
        "Proposition 2",
        "",
        "alpha*sigma_g^2/(L*(2 + alpha*L)*S)*(a^(2*j) - 1)",
        UPPER_BOUND,
        "path-deviation-second-moment",
        List.of(J_AT_MOST_N, ASSUMPTION_1, ASSUMPTION_3),
        "[derived]",
        "docs/THEOREMS.md §1.5 (tightest valid bound by the same proof route)",
        "FLAGGED: not the paper's statement but the tightest valid bound by the same route;"
            + " equality at j = 1 (the Monte Carlo ratio 1.02 of docs/THEOREMS.md §6.4 is that"
            + " equality plus noise). Zero at j = 0.");
  }

  /**
   * Proposition 3 [R-med structure, R-lo constants]: with {@code e_k = E[G^_i(w_k) | w_k] -
   * ∇L(w_k)}, {@code ||e_k|| <= sigma_g/sqrt(S) [(1 + alpha L)^N ((1 + alpha L)^N - 1) + C_L / (L
   * gamma) (||∇L(w_k)|| + sigma)]}.
   */
  private static Bound prop3EstimatorBias() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop3.estimator-bias",
        "First-moment error (bias) of the N-step meta-gradient estimator",
        "Proposition 3",
        "",
        "sigma_g/sqrt(S)*(a^N*(a^N - 1) + C_L/(L*gamma)*(grad_meta + sigma))",
        UPPER_BOUND,
        "estimator-bias",
        List.of(GAMMA_POSITIVE, ASSUMPTION_1, ASSUMPTION_2, ASSUMPTION_3),
        "[R-med structure, R-lo constants]",
        "docs/THEOREMS.md §1.5; S0 (29)-(32): D,T independence, Lemma 12, Prop 2, Lemma 15",
        "The true bias is exactly 0 for quadratic tasks with additive zero-mean noise (linear"
            + " dynamics, constant Hessians): use that as an exact-zero test. Very loose elsewhere"
            + " (ratio <= 0.006 in docs/THEOREMS.md §6.4). "
            + DEFS.where("gamma", "C_L"));
  }

  /**
   * Proposition 4 [R-med structure, R-lo constants] (18): {@code E||G^_i(w_k)||^2 <= A_g
   * ||∇L(w_k)||^2 + B_g} with {@code A_g = 4 a^(2N) P_D^N / gamma^2}, {@code B_g = P_D^N
   * [sigma_g^2/T + 2 L^2 V_N + 2 a^(2N) sigma^2 (1 + 2/gamma^2)]}, {@code P_D = (a + alpha
   * sigma_H/sqrt(D))^2}, {@code V_N} the Prop 2 second-moment bound at {@code j = N}.
   */
  private static Bound prop4EstimatorSecondMoment() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop4.estimator-second-moment",
        "Second moment of the N-step meta-gradient estimator",
        "Proposition 4",
        "(18)",
        "A_g*grad_meta^2 + B_g",
        UPPER_BOUND,
        "estimator-second-moment",
        List.of(GAMMA_POSITIVE, ASSUMPTION_1, ASSUMPTION_2, ASSUMPTION_3),
        "[R-med structure, R-lo constants]",
        "docs/THEOREMS.md §1.5; S0 (33)-(36)",
        "The paper's per-factor Hessian term (here P_D) is not recoverable; V_N uses the [R-lo]"
            + " second moment of Prop 2. Numerical check: max ratio 0.09. "
            + DEFS.where("A_g", "B_g", "P_D", "V_N", "gamma"));
  }

  /**
   * Theorem 5 [R-hi structure, R-lo constants] (20): {@code E||∇L(w_zeta)|| <= (cR + sqrt(c^2 R^2 +
   * 4 phi R))/2 <= cR + sqrt(phi R)} with {@code R = Delta/(xi K) + theta/(xi a^(2N) L)}, {@code
   * phi = a^(2N) L + C_L sigma/gamma}, {@code c = C_L/gamma} and (MetaBound's valid chain) {@code
   * xi = c_1/(2 C_beta) - c_2/(2 C_beta^2) (A_g/B + 2) - 3 kappa_e B_e^2}, {@code theta = c_2
   * B_g/(2 C_beta^2 B) + 3 kappa_e (A_e^2 + B_e^2 sigma^2)}, {@code c_1 = 4/5}, {@code kappa_e =
   * sqrt(c_2)/(2 C_beta) + c_2/C_beta^2}, {@code A_e = a^N (a^N - 1) sigma_g/sqrt(S)}, {@code B_e =
   * C_L sigma_g/(L gamma sqrt(S))}.
   */
  private static Bound thm5Stationarity() {
    return PAPER_BOUNDS.bound(
        "ji2022.thm5.stationarity",
        "Convergence of multi-step MAML, resampling case",
        "Theorem 5",
        "(20)",
        "c5*R5 + sqrt(phi5*R5)",
        UPPER_BOUND,
        "stationarity",
        thm5Assumptions(),
        "[R-hi structure, R-lo constants]",
        "docs/THEOREMS.md §1.5; S0 (37)-(44): descent lemma with L_{w_k}, Lemma 16, Props 3-4, (39)"
            + " telescoping, Jensen on psi(t) = t^2/(phi + c t)",
        "The paper's names and values of xi, theta, phi (its (19)) were not readable; these are a"
            + " valid chain, probably smaller than the published constants. The three parts:"
            + " O(1/K), inner-gradient estimation (small for large S), meta-gradient variance"
            + " (small for large B, T, D). Expect very loose ratios. Output w_zeta with zeta"
            + " uniform on {0..K-1}. "
            + DEFS.where(
                "R5", "xi5", "theta5", "phi5", "c5", "c2_16", "kappa_e", "A_e", "B_e", "A_g",
                "B_g"));
  }

  /** Theorem 5, the sharper root form of (20) [R-hi structure, R-lo constants]. */
  private static Bound thm5StationarityRoot() {
    return PAPER_BOUNDS.bound(
        "ji2022.thm5.stationarity-root",
        "Convergence of multi-step MAML, resampling case (exact root of the quadratic)",
        "Theorem 5",
        "(20)",
        "(c5*R5 + sqrt(c5^2*R5^2 + 4*phi5*R5))/2",
        UPPER_BOUND,
        "stationarity",
        thm5Assumptions(),
        "[R-hi structure, R-lo constants]",
        "docs/THEOREMS.md §1.5 (the first inequality of (20))",
        "The root (cR + sqrt(c^2 R^2 + 4 phi R))/2 from which ji2022.thm5.stationarity follows;"
            + " never larger than it. Same constants. "
            + DEFS.where("R5", "phi5", "c5"));
  }

  private static List<Assumption> thm5Assumptions() {
    return List.of(
        GAMMA_POSITIVE,
        DEFS.assumption("xi5 > 0", "xi > 0 (choose C_beta and B accordingly)"),
        D_L_LARGE,
        B_PRIME_LARGE,
        ASSUMPTION_1,
        ASSUMPTION_2,
        ASSUMPTION_3,
        STEPSIZE_14);
  }

  /** Corollary 6 [R-hi]: the inner stepsize {@code alpha = 1/(8 N L)}. */
  private static Bound cor6InnerStepsize() {
    return PAPER_BOUNDS.bound(
        "ji2022.cor6.inner-stepsize",
        "Inner stepsize choice alpha = 1/(8NL), resampling case",
        "Corollary 6",
        "",
        "1/(8*N*L)",
        DEFINITION,
        "inner-stepsize",
        List.of(ASSUMPTION_1, ASSUMPTION_2, ASSUMPTION_3),
        "[R-hi]",
        "docs/THEOREMS.md §1.5; S0 proof 'Since alpha = ...' then (1 + 1/x)^x <= e",
        "S0 also allows alpha = c/(NL) for a suitable constant c; Lemma 15 needs (1 + c/N)^(2N) <"
            + " 2, e.g. any c < ln(2)/2.");
  }

  /**
   * Corollary 6 consequence [R-hi]: {@code (1 + alpha L)^N <= e^(1/8)} for {@code alpha <=
   * 1/(8NL)}.
   */
  private static Bound cor6ExpansionFactor() {
    return PAPER_BOUNDS.bound(
        "ji2022.cor6.expansion-factor",
        "Inner expansion factor at alpha = 1/(8NL)",
        "Corollary 6",
        "",
        "exp(1/8)",
        UPPER_BOUND,
        "expansion-factor",
        List.of(ALPHA_AT_MOST_CHOICE),
        "[R-hi]",
        "docs/THEOREMS.md §1.5 (from (1 + 1/x)^x <= e)",
        "(1 + 1/(8N))^N <= e^(1/8) ~ 1.133; the bound is approached as N grows.");
  }

  /** Corollary 6 consequence [R-hi]: {@code (1 + alpha L)^(2N) <= e^(1/4)}. */
  private static Bound cor6ExpansionFactorSquared() {
    return PAPER_BOUNDS.bound(
        "ji2022.cor6.expansion-factor-squared",
        "Squared inner expansion factor at alpha = 1/(8NL)",
        "Corollary 6",
        "",
        "exp(1/4)",
        UPPER_BOUND,
        "expansion-factor-squared",
        List.of(ALPHA_AT_MOST_CHOICE),
        "[R-hi]",
        "docs/THEOREMS.md §1.5",
        "e^(1/4) ~ 1.284.");
  }

  /** Corollary 6 consequence [R-hi]: {@code gamma = 2 - (1 + alpha L)^(2N) >= 2 - e^(1/4)}. */
  private static Bound cor6StabilityMargin() {
    return PAPER_BOUNDS.bound(
        "ji2022.cor6.stability-margin",
        "Lemma 15 margin gamma at alpha = 1/(8NL)",
        "Corollary 6",
        "",
        "2 - exp(1/4)",
        LOWER_BOUND,
        "stability-margin",
        List.of(ALPHA_AT_MOST_CHOICE),
        "[R-hi]",
        "docs/THEOREMS.md §1.5",
        "2 - e^(1/4) ~ 0.716, so Lemma 15 applies at the choice of Corollary 6.");
  }

  /**
   * Corollary 6 consequence [R-hi]: {@code C_L <= (rho/L) e^(1/4) (e^(1/8) - 1)} (evaluation of
   * (13) at {@code alpha <= 1/(8NL)}).
   */
  private static Bound cor6SmoothnessCoefficient() {
    return PAPER_BOUNDS.bound(
        "ji2022.cor6.c-l",
        "C_L at alpha = 1/(8NL)",
        "Corollary 6",
        "",
        "(rho/L)*exp(1/4)*(exp(1/8) - 1)",
        UPPER_BOUND,
        "smoothness-coefficient",
        List.of(ALPHA_AT_MOST_CHOICE),
        "[R-hi]",
        "docs/THEOREMS.md §1.5 (evaluation of (13) at alpha = 1/(8NL))",
        "~ 0.171 rho/L; uses (1+alpha L)^(2N-1) <= (1+alpha L)^(2N) <= e^(1/4).");
  }

  /** Corollary 6 [R-med]: batch sizes {@code S, B = Theta(epsilon^(-2))}. */
  private static Bound cor6BatchSize() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor6.batch-size",
        "Batch sizes S and B of Corollary 6",
        "Corollary 6",
        "",
        "epsilon^(-2)",
        "batch-size",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.5; S0 proof text (orders only)",
        "S and B are Theta(epsilon^-2); T, D, |B'_k|, |D_{L_k}| are O(1).");
  }

  /**
   * Corollary 6 [R-med]: {@code K = O(epsilon^(-2))} iterations reach {@code E||∇L(w_zeta)|| <=
   * epsilon}.
   */
  private static Bound cor6Iterations() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor6.iterations",
        "Iterations to epsilon-stationarity, resampling case",
        "Corollary 6",
        "",
        "epsilon^(-2)",
        "iterations-to-epsilon",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.5; S0 proof text",
        "With S, B = Theta(epsilon^-2).");
  }

  /**
   * Corollary 6 [R-med]: per iteration {@code B (N S + T) + |B'_k| |D_{L_k}| = O(N epsilon^(-4))}
   * gradient computations.
   */
  private static Bound cor6GradientComputationsPerIteration() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor6.gradient-computations-per-iteration",
        "Gradient computations per iteration, resampling case",
        "Corollary 6",
        "",
        "N*epsilon^(-4)",
        "gradient-computations-per-iteration",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.5; S0 proof text",
        "B (N S + T) + |B'_k| |D_{L_k}| with S, B = Theta(epsilon^-2).");
  }

  /** Corollary 6 [R-med]: {@code B N D = O(N epsilon^(-2))} Hessian computations per iteration. */
  private static Bound cor6HessianComputationsPerIteration() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor6.hessian-computations-per-iteration",
        "Hessian computations per iteration, resampling case",
        "Corollary 6",
        "",
        "N*epsilon^(-2)",
        "hessian-computations-per-iteration",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.5; S0 proof text",
        "B N D with B = Theta(epsilon^-2) and D = O(1): linear in N.");
  }

  /** Corollary 6 [R-med]: total gradient cost {@code O(N epsilon^(-6))}. */
  private static Bound cor6GradientComputations() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor6.gradient-computations",
        "Total gradient computations, resampling case",
        "Corollary 6",
        "",
        "N*epsilon^(-6)",
        "gradient-computations",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.5; S0 prose [V]: higher than SGD's O(epsilon^-4) by O(epsilon^-2)",
        "S0: 'because MAML requires O(epsilon^-2) tasks'. Linear in N.");
  }

  // ------------------------------------------------------------------ finite-sum case (§4, §5.2)

  /**
   * Proposition 7 [R-med] (21): {@code ||∇L(w) - ∇L(u)|| <= L_w ||w - u||}, {@code L_w = (1 + alpha
   * L)^(2N) L + C_b b + C_L E_i||∇l_{T_i}(w)||}, {@code C_b = (rho/L) (1 + alpha L)^(N-1) ((1 +
   * alpha L)^N - 1)^2}.
   */
  private static Bound prop7MetaSmoothness() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop7.meta-smoothness",
        "Meta-gradient smoothness, finite-sum case",
        "Proposition 7",
        "(21)",
        "L_w7",
        UPPER_BOUND,
        "meta-smoothness",
        List.of(ASSUMPTION_4, ASSUMPTION_5),
        "[R-med]",
        "docs/THEOREMS.md §1.6; S0 (49)-(53)",
        "grad_task_mean = E_i||∇l_{T_i}(w)||. With rho = 0 it is (1 + alpha L)^(2N) L, attained by"
            + " an eigenvalue -L. "
            + DEFS.where("L_w7", "ell0", "C_b", "C_L"));
  }

  /** The constant {@code C_b} of Proposition 7 [R-med] (21). */
  private static Bound prop7SmoothnessCoefficient() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop7.c-b",
        "Coefficient C_b of the support/query gap in L_w",
        "Proposition 7",
        "(21)",
        "C_b",
        DEFINITION,
        "smoothness-coefficient",
        List.of(ASSUMPTION_4, ASSUMPTION_5),
        "[R-med]",
        "docs/THEOREMS.md §1.6",
        "C_b = (rho/L)(1+alpha L)^(N-1)((1+alpha L)^N - 1)^2; 0 when rho = 0.");
  }

  /**
   * The meta stepsize (22) [R-med]: {@code beta_k = 1/(C_beta L^_{w_k})} with {@code L^_{w_k} = l0
   * + C_L / |B'_k| sum_{i in B'_k} ||∇l_{T_i}(w_k)||}.
   */
  private static Bound eq22MetaStepsize() {
    return PAPER_BOUNDS.bound(
        "ji2022.eq22.meta-stepsize",
        "Adaptive meta stepsize, finite-sum case",
        "Equation (22)",
        "(22)",
        "1/(C_beta*(ell0 + C_L*grad_task_est))",
        DEFINITION,
        "meta-stepsize",
        List.of(ASSUMPTION_4, ASSUMPTION_5),
        "[R-med]",
        "docs/THEOREMS.md §1.2; S0 'Similarly to (14)'",
        "grad_task_est is the B'-average of the exact query-gradient norms ||∇l_{T_i}(w_k)||. "
            + DEFS.where("ell0", "C_b", "C_L"));
  }

  /**
   * Proposition 8 [R-med structure, R-lo constants] (23): {@code E||G^_i(w_k)||^2 <= A_squ
   * ||∇L(w_k)||^2 + B_squ}, {@code A_squ = 4 a^(4N)/gamma^2}, {@code B_squ = 2 a^(4N) [sigma^2 + 2
   * (sigma + a^N (a^N - 1) b)^2/gamma^2] + 2 a^(2N) (a^N - 1)^2 b_sq}.
   */
  private static Bound prop8EstimatorSecondMoment() {
    return PAPER_BOUNDS.bound(
        "ji2022.prop8.estimator-second-moment",
        "Second moment of the meta-gradient estimator, finite-sum case",
        "Proposition 8",
        "(23)",
        "A_squ*grad_meta^2 + B_squ",
        UPPER_BOUND,
        "estimator-second-moment",
        List.of(GAMMA_POSITIVE, ASSUMPTION_4, ASSUMPTION_5),
        "[R-med structure, R-lo constants]",
        "docs/THEOREMS.md §1.6; S0 (52) then Lemma 19",
        "G^_i = ∇L_i is deterministic given the task, so this bounds E_i||∇L_i(w)||^2. The names"
            + " A_squ, B_squ are a guess at the paper's. "
            + DEFS.where("A_squ", "B_squ", "gamma"));
  }

  /**
   * Theorem 9 [R-hi structure, R-lo constants] (25): {@code E||∇L(w_zeta)|| <= cR + sqrt(phi R)}
   * with {@code R = Delta/(xi K) + theta/(xi l0)}, {@code c = C_L/gamma}, {@code phi = l0 +
   * (C_L/gamma)(sigma + a^N (a^N - 1) b)}, {@code xi = 1/C_beta - c_2/(2 C_beta^2)(A_squ/B + 1)},
   * {@code theta = c_2 B_squ/(2 C_beta^2 B)}, {@code c_2} of Lemma 20.
   */
  private static Bound thm9Stationarity() {
    return PAPER_BOUNDS.bound(
        "ji2022.thm9.stationarity",
        "Convergence of multi-step MAML, finite-sum case",
        "Theorem 9",
        "(25)",
        "c5*R9 + sqrt(phi9*R9)",
        UPPER_BOUND,
        "stationarity",
        List.of(
            GAMMA_POSITIVE,
            DEFS.assumption("xi9 > 0", "xi > 0 (S0: 'choose C_beta and B such that xi > 0')"),
            ASSUMPTION_4,
            ASSUMPTION_5,
            STEPSIZE_22),
        "[R-hi structure, R-lo constants]",
        "docs/THEOREMS.md §1.6; S0 (56)-(61), constants (24)",
        "No bias term: the estimator (12) is unbiased. Constants are MetaBound's valid chain, not"
            + " the paper's (24). "
            + DEFS.where("R9", "xi9", "theta9", "phi9", "c5", "c2_20", "A_squ", "B_squ", "ell0"));
  }

  /** Corollary 10 [R-hi]: the inner stepsize {@code alpha = 1/(8 N L)} (finite sum). */
  private static Bound cor10InnerStepsize() {
    return PAPER_BOUNDS.bound(
        "ji2022.cor10.inner-stepsize",
        "Inner stepsize choice alpha = 1/(8NL), finite-sum case",
        "Corollary 10",
        "",
        "1/(8*N*L)",
        DEFINITION,
        "inner-stepsize",
        List.of(ASSUMPTION_4, ASSUMPTION_5),
        "[R-hi]",
        "docs/THEOREMS.md §1.6",
        "Same choice as Corollary 6.");
  }

  /** Corollary 10 [R-med]: {@code B >= C_B epsilon^(-2)} with {@code C_B} large. */
  private static Bound cor10BatchSize() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor10.batch-size",
        "Task batch size B of Corollary 10",
        "Corollary 10",
        "",
        "epsilon^(-2)",
        "batch-size",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.6; S0 prose [V]: 'B >= C_B epsilon^-2 with C_B large'",
        "Requirement on B; C_B unspecified.");
  }

  /** Corollary 10 [R-med]: {@code K = O(epsilon^(-2))}. */
  private static Bound cor10Iterations() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor10.iterations",
        "Iterations to epsilon-stationarity, finite-sum case",
        "Corollary 10",
        "",
        "epsilon^(-2)",
        "iterations-to-epsilon",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.6; S0 (62)-(63)",
        "With B >= C_B epsilon^-2.");
  }

  /**
   * Corollary 10 [R-med]: {@code O(epsilon^(-4) (N |S_i| + |T_i|))} gradient computations in total.
   */
  private static Bound cor10GradientComputations() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor10.gradient-computations",
        "Total gradient computations, finite-sum case",
        "Corollary 10",
        "",
        "epsilon^(-4)*(N*S + T)",
        "gradient-computations",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.6; S0 'correspond to the sample sizes of the pre-assigned sets S_i and"
            + " T_i'",
        "Here S = |S_i| and T = |T_i|, the sizes of the fixed support and query sets.");
  }

  /** Corollary 10 [R-med]: {@code O(N epsilon^(-2))} Hessian computations per iteration. */
  private static Bound cor10HessianComputationsPerIteration() {
    return PAPER_BOUNDS.orderBound(
        "ji2022.cor10.hessian-computations-per-iteration",
        "Hessian computations per iteration, finite-sum case",
        "Corollary 10",
        "",
        "N*epsilon^(-2)",
        "hessian-computations-per-iteration",
        List.of(ALPHA_CHOICE),
        "[R-med]",
        "docs/THEOREMS.md §1.6",
        "Each Hessian computation is over the support set S_i.");
  }
}
