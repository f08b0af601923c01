package io.metabound.bounds.papers;

import static io.metabound.bounds.registry.Relation.DEFINITION;
import static io.metabound.bounds.registry.Relation.STEPSIZE_THRESHOLD;

import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import java.util.List;

/**
 * The conditions of Shiro Takagi, Yoshihiro Nagano, Yuki Yoshida and Masato Okada, "On the
 * Conditions of MAML Convergence", poster, The University of Tokyo, 2019; full text submitted to
 * ICLR 2020 (OpenReview r1e8qpVKPS).
 *
 * <p>Setting (poster, verbatim): one inner step, one task, the same data for the inner and the meta
 * update, full-batch gradient descent, higher-order terms dropped: {@code ∇_theta L(theta') ~ g -
 * alpha H g}. The simplified loss is {@code L(theta) - (alpha/2) g'g} ("negative gradient penalty")
 * with Hessian {@code ~ H - alpha H^2}. Local convergence to a local minimum {@code theta*} is then
 * governed by the eigenvalues {@code lambda_i} of {@code H(theta*)}; every condition below is
 * stated per eigenvalue and must hold for all {@code i}. See {@code docs/THEOREMS.md} §3.
 *
 * <p>On a quadratic task with the same data the simplified update equals the FO-MAML gradient
 * exactly, so Condition (β) is the exact stability threshold of FO-MAML; exact MAML's threshold
 * (registered as a MetaBound comparison, tag {@code [derived]}) is larger by {@code 1/(1 - alpha
 * lambda_i)}.
 */
public final class Takagi2019 {

  /** The paper key used in ids and references. */
  public static final String PAPER = "Takagi2019";

  /** The full citation. */
  public static final String CITATION =
      "Shiro Takagi, Yoshihiro Nagano, Yuki Yoshida and Masato Okada. On the Conditions of MAML"
          + " Convergence. Poster, The University of Tokyo, 2019; ICLR 2020 submission, OpenReview"
          + " r1e8qpVKPS.";

  private static final PaperBounds PAPER_BOUNDS =
      new PaperBounds(PAPER, CITATION, Definitions.none());

  private static final Assumption SETTING =
      Assumption.descriptive(
          "Setting: one inner step, one task, same data for the inner and meta updates (no"
              + " resampling), full-batch GD, third-derivative term T g dropped; lambda_i"
              + " eigenvalues of the Hessian at the local minimum theta*");
  private static final Assumption MULTI_TASK_SETTING =
      Assumption.descriptive(
          "Multi-task setting: per-task Hessians H_tau with eigenvalues lambda_i (="
              + " lambda_{tau,i}), one inner step, same data, higher-order terms dropped");
  private static final Assumption EIGENVALUE_POSITIVE =
      Assumption.parse("lambda_i > 0", "positive curvature direction of the local minimum");
  private static final Assumption CONDITION_ALPHA =
      Assumption.parse("alpha <= 1/lambda_i", "Condition (alpha): theta* stays a local minimum");

  private static final List<Bound> BOUNDS =
      List.of(
          conditionAlphaStability(),
          conditionAlphaSurrogateEigenvalue(),
          conditionBetaStability(),
          exactMamlBetaStability(),
          multiTaskAlphaStability(),
          multiTaskBetaStability(),
          multiTaskSurrogateEigenvalue());

  private Takagi2019() {}

  /**
   * @return every registered condition of the paper
   */
  public static List<Bound> bounds() {
    return BOUNDS;
  }

  /**
   * Condition (α) [V]: {@code theta*} is a local minimum of the simplified loss iff {@code lambda_i
   * - alpha lambda_i^2 >= 0} for all i, i.e. {@code alpha <= 1/lambda_i}; hence {@code alpha_c =
   * 1/lambda_max(H)}.
   */
  private static Bound conditionAlphaStability() {
    return PAPER_BOUNDS.bound(
        "takagi2019.cond-alpha.stability",
        "Inner stepsize condition (alpha)",
        "Condition (α)",
        "",
        "1/lambda_i",
        STEPSIZE_THRESHOLD,
        "alpha-threshold",
        List.of(EIGENVALUE_POSITIVE, SETTING),
        "[V]",
        "docs/THEOREMS.md §3; S2 (poster, math intact)",
        "Boundary included: alpha <= 1/lambda_i for every i, so alpha_c = 1/lambda_max. The binding"
            + " eigenvalue is the largest.");
  }

  /**
   * The surrogate Hessian eigenvalue [V]: {@code lambda(H~)_i ~ lambda_i - alpha lambda_i^2} for
   * the negative-gradient-penalty loss {@code L - (alpha/2) g'g}.
   */
  private static Bound conditionAlphaSurrogateEigenvalue() {
    return PAPER_BOUNDS.bound(
        "takagi2019.cond-alpha.surrogate-eigenvalue",
        "Eigenvalue of the negative-gradient-penalty Hessian",
        "Condition (α)",
        "",
        "lambda_i - alpha*lambda_i^2",
        DEFINITION,
        "surrogate-hessian-eigenvalue",
        List.of(SETTING),
        "[V]",
        "docs/THEOREMS.md §3; S2",
        "Approximate in general (H~ = H - alpha (T g + H^2) with T g dropped); exact on a"
            + " quadratic with the same data (T = 0), where the simplified update is the FO-MAML"
            + " gradient. Non-negative for all i iff Condition (alpha) holds.");
  }

  /**
   * Condition (β) [V]: in the eigenbasis {@code v(t+1) = v(t) - beta Lambda_{H~} v(t)}, so local
   * convergence needs {@code |1 - beta (lambda_i - alpha lambda_i^2)| < 1}, i.e. {@code alpha <=
   * 1/lambda_i} and {@code beta < 2 / (lambda_i - alpha lambda_i^2)} for all i.
   */
  private static Bound conditionBetaStability() {
    return PAPER_BOUNDS.bound(
        "takagi2019.cond-beta.stability",
        "Meta stepsize condition (beta)",
        "Condition (β)",
        "",
        "2/(lambda_i - alpha*lambda_i^2)",
        STEPSIZE_THRESHOLD,
        "beta-threshold",
        List.of(EIGENVALUE_POSITIVE, CONDITION_ALPHA, SETTING),
        "[V]",
        "docs/THEOREMS.md §3; S2 (poster), G2 (paper text)",
        "Strict. beta_c = min_i of this formula. As alpha -> 1/lambda_max the top eigenvalue's"
            + " threshold diverges (+infinity at alpha = 1/lambda_i), so beta_c is set by the other"
            + " eigenvalues, especially the second largest. The poster calls the conditions"
            + " necessary, the paper sufficient; for the linear model they are iff. Exact"
            + " stability threshold of FO-MAML (and of the simplified MAML) on a quadratic with the"
            + " same data; docs/THEOREMS.md §6.4 matched it to 4 digits.");
  }

  /**
   * Exact-MAML threshold on {@code f = (lambda/2) theta^2} [derived]: the MAML objective is {@code
   * (lambda/2)(1 - alpha lambda)^2 theta^2}, so GD on it is stable iff {@code beta < 2 / (lambda (1
   * - alpha lambda)^2)}, larger than Condition (β) by the factor {@code 1/(1 - alpha lambda)}.
   */
  private static Bound exactMamlBetaStability() {
    return PAPER_BOUNDS.bound(
        "takagi2019.cond-beta.exact-maml-stability",
        "Exact-MAML meta stepsize threshold (MetaBound comparison)",
        "Condition (β)",
        "",
        "2/(lambda_i*(1 - alpha*lambda_i)^2)",
        STEPSIZE_THRESHOLD,
        "beta-threshold",
        List.of(EIGENVALUE_POSITIVE, SETTING),
        "[derived]",
        "docs/THEOREMS.md §3 'Important for checking' and §5.3 (MetaBound's, not in the paper)",
        "NOT a result of the paper: a MetaBound-derived comparison. Exact MAML keeps the"
            + " (I - alpha H) factor, so its threshold exceeds Condition (β) by 1/(1 - alpha"
            + " lambda_i). Strict; +infinity at alpha = 1/lambda_i; valid for any alpha with alpha"
            + " lambda_i != 1.");
  }

  /**
   * Multi-task variant [R-lo]: with {@code H~_tau = H_tau - 2 alpha H_tau^2}, {@code alpha <= 1/(2
   * lambda_{tau,i})} for all tau, i.
   */
  private static Bound multiTaskAlphaStability() {
    return PAPER_BOUNDS.bound(
        "takagi2019.multitask.alpha-stability",
        "Inner stepsize condition, multi-task reading",
        "Multi-task conditions",
        "",
        "1/(2*lambda_i)",
        STEPSIZE_THRESHOLD,
        "alpha-threshold",
        List.of(EIGENVALUE_POSITIVE, MULTI_TASK_SETTING),
        "[R-lo]",
        "docs/THEOREMS.md §3 (G2 prose only, garbled)",
        "Low-confidence reading: the factor 2 comes from an L - alpha g'g Taylor form instead of L"
            + " - (alpha/2) g'g. Boundary included. The experiments use the mean over tasks, not"
            + " the sum.");
  }

  /**
   * Multi-task variant [R-lo]: {@code beta < 2 / (lambda_{tau,i} - 2 alpha lambda_{tau,i}^2)} for
   * all tau, i.
   */
  private static Bound multiTaskBetaStability() {
    return PAPER_BOUNDS.bound(
        "takagi2019.multitask.beta-stability",
        "Meta stepsize condition, multi-task reading",
        "Multi-task conditions",
        "",
        "2/(lambda_i - 2*alpha*lambda_i^2)",
        STEPSIZE_THRESHOLD,
        "beta-threshold",
        List.of(
            EIGENVALUE_POSITIVE,
            Assumption.parse("alpha <= 1/(2*lambda_i)", "multi-task condition on alpha"),
            MULTI_TASK_SETTING),
        "[R-lo]",
        "docs/THEOREMS.md §3 (G2 prose only, garbled)",
        "Low-confidence reading (factor 2, see takagi2019.multitask.alpha-stability). Strict.");
  }

  /**
   * Multi-task variant [R-lo]: surrogate eigenvalue {@code lambda_{tau,i} - 2 alpha
   * lambda_{tau,i}^2}.
   */
  private static Bound multiTaskSurrogateEigenvalue() {
    return PAPER_BOUNDS.bound(
        "takagi2019.multitask.surrogate-eigenvalue",
        "Eigenvalue of the per-task surrogate Hessian, multi-task reading",
        "Multi-task conditions",
        "",
        "lambda_i - 2*alpha*lambda_i^2",
        DEFINITION,
        "surrogate-hessian-eigenvalue",
        List.of(MULTI_TASK_SETTING),
        "[R-lo]",
        "docs/THEOREMS.md §3 (G2 prose only, garbled)",
        "Low-confidence reading H~_tau = H_tau - 2 alpha H_tau^2.");
  }
}
