package io.metabound.bounds.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The quantities the bounds speak of. The {@link #id() ids} are a public contract: probes report
 * measurements under them and claims files name them, so an id is never renamed.
 */
public enum Quantity {
  /** Lipschitz constant of the meta-gradient. */
  META_SMOOTHNESS(
      "meta-smoothness",
      "local Lipschitz constant of the meta-gradient: sup ||∇L(w)-∇L(u)||/||w-u|| (Ji2022 Prop 1/7,"
          + " Fallah2020 Lemma 4.8)"),
  /** Coefficients of the meta-smoothness constant. */
  SMOOTHNESS_COEFFICIENT(
      "smoothness-coefficient",
      "a coefficient of the meta-smoothness constant, e.g. C_L of Ji2022 (13) or C_b of (21)"),
  /** Lemma 11: sensitivity of the inner GD path to its starting point. */
  PATH_SENSITIVITY(
      "path-sensitivity",
      "||w~_j - u~_j|| / ||w - u||: growth of the distance of two inner GD paths (Ji2022 Lemma"
          + " 11)"),
  /** Prop 2: SGD inner path versus GD inner path, first moment. */
  PATH_DEVIATION(
      "path-deviation",
      "E||w_j - w~_j||: distance of the stochastic inner path from the exact one (Ji2022 Prop 2)"),
  /** Prop 2: second moment. */
  PATH_DEVIATION_SECOND_MOMENT(
      "path-deviation-second-moment", "E||w_j - w~_j||^2 (Ji2022 Prop 2, second item)"),
  /** Lemma 12/17. */
  GRADIENT_GROWTH(
      "gradient-growth",
      "||∇l_i(w~_j)|| / ||∇l_i(w)||: growth of a task gradient along the inner path (Ji2022 Lemma"
          + " 12/17)"),
  /** Lemma 13. */
  PRODUCT_DEVIATION(
      "product-deviation", "||prod_j (I - A_j) - I|| for ||A_j|| <= alpha L (Ji2022 Lemma 13)"),
  /** Lemma 14/18. */
  META_GRADIENT_DEVIATION(
      "meta-gradient-deviation",
      "||∇L_i(w) - ∇l_i(w)||: per-task meta-gradient versus task gradient (Ji2022 Lemma 14/18;"
          + " Lemma 14 normalised by ||∇l_i(w)||)"),
  /** Lemma 15/19. */
  TASK_GRADIENT_NORM(
      "task-gradient-norm",
      "E_i||∇l_i(w)||: mean task-gradient norm, bounded via the meta-gradient (Ji2022 Lemma"
          + " 15/19)"),
  /** Bias of a stochastic meta-gradient estimator. */
  ESTIMATOR_BIAS(
      "estimator-bias",
      "||E[G^_i(w)] - ∇L(w)||: bias of the stochastic meta-gradient estimator (Ji2022 Prop 3,"
          + " Fallah2020 (20))"),
  /** Second moment of a stochastic meta-gradient estimator. */
  ESTIMATOR_SECOND_MOMENT(
      "estimator-second-moment",
      "E||G^_i(w)||^2: second moment of the stochastic meta-gradient estimator (Ji2022 Prop 4/8,"
          + " Fallah2020 (21))"),
  /** Mean of the adaptive meta stepsize. */
  STEPSIZE_MEAN(
      "stepsize-mean",
      "E[beta_k | w_k]: mean of the adaptive meta stepsize (Ji2022 Lemma 16/20,"
          + " Fallah2020 (19))"),
  /** Second moment of the adaptive meta stepsize. */
  STEPSIZE_SECOND_MOMENT(
      "stepsize-second-moment", "E[beta_k^2 | w_k]: second moment of the adaptive meta stepsize"),
  /** A meta stepsize rule. */
  META_STEPSIZE(
      "meta-stepsize",
      "the meta (outer) stepsize as a function of the instance (Ji2022 (14)/(22), Fallah2020"
          + " (16)-(17))"),
  /** An inner stepsize choice. */
  INNER_STEPSIZE("inner-stepsize", "a prescribed inner stepsize alpha (Ji2022 Cor 6/10)"),
  /** (1 + alpha L)^N. */
  EXPANSION_FACTOR(
      "expansion-factor", "(1 + alpha L)^N: worst-case expansion of the N-step inner loop"),
  /** (1 + alpha L)^(2N). */
  EXPANSION_FACTOR_SQUARED("expansion-factor-squared", "(1 + alpha L)^(2N)"),
  /** gamma = 2 - (1 + alpha L)^(2N). */
  STABILITY_MARGIN(
      "stability-margin",
      "gamma = 2 - (1 + alpha L)^(2N) = 1 - C_l, positive when Lemma 15 applies (Ji2022)"),
  /** Stationarity of the output. */
  STATIONARITY(
      "stationarity",
      "E||∇L(w_zeta)||: expected meta-gradient norm at the output (Ji2022 Thm 5/9, Fallah2020 Thm"
          + " 4.12/4.15/4.17)"),
  /** The accuracy a method cannot go below whatever the iteration count. */
  STATIONARITY_FLOOR(
      "stationarity-floor",
      "the part of the stationarity guarantee that does not shrink with the iteration count (batch"
          + " and bias terms)"),
  /** Meta stepsize stability threshold. */
  BETA_THRESHOLD(
      "beta-threshold", "largest meta stepsize beta for which the iteration is (locally) stable"),
  /** Inner stepsize threshold. */
  ALPHA_THRESHOLD(
      "alpha-threshold", "largest inner stepsize alpha admitted by a theorem or for stability"),
  /** Convergence rate. */
  CONVERGENCE_RATE(
      "convergence-rate", "rate at which the stationarity measure decreases with the iterations"),
  /** Iterations to epsilon accuracy. */
  ITERATIONS_TO_EPSILON(
      "iterations-to-epsilon",
      "number of meta iterations needed to reach an epsilon-stationary point"),
  /** Calls to the implicit meta-gradient routine. */
  META_GRADIENT_CALLS(
      "meta-gradient-calls",
      "number of calls to a per-task meta-gradient routine (Rajeswaran2019 Cor 1)"),
  /** iMAML meta-gradient error. */
  IMAML_ERROR(
      "imaml-error",
      "||g_i - d_theta L_i(Alg*_i(theta))||: error of the implicit meta-gradient (Rajeswaran2019"
          + " Lemma 3, Def 3)"),
  /** iMAML implicit Jacobian. */
  IMPLICIT_JACOBIAN(
      "implicit-jacobian",
      "dAlg*_i/dtheta = (I + Hessian/lambda)^(-1): its eigenvalues or its spectral norm"
          + " (Rajeswaran2019 Lemma 1)"),
  /** Gradient computations. */
  GRADIENT_COMPUTATIONS(
      "gradient-computations",
      "number of gradient (or gradient-equivalent: HVP) computations to reach the stated accuracy"),
  /** Gradient computations per meta iteration. */
  GRADIENT_COMPUTATIONS_PER_ITERATION(
      "gradient-computations-per-iteration", "number of gradient computations per meta iteration"),
  /** Hessian computations per meta iteration. */
  HESSIAN_COMPUTATIONS_PER_ITERATION(
      "hessian-computations-per-iteration",
      "number of Hessian (or Hessian-vector) computations per meta iteration"),
  /** Conjugate-gradient iterations. */
  CG_ITERATIONS(
      "cg-iterations",
      "number of conjugate-gradient iterations for the implicit-gradient linear system"),
  /** Memory. */
  MEMORY(
      "memory",
      "memory, in multiples of the memory of one gradient Mem(∇L^_i) (Rajeswaran2019"
          + " Table 1)"),
  /** Prescribed solver accuracy. */
  SOLVER_ACCURACY(
      "solver-accuracy",
      "accuracy delta or delta' to which an inner problem or linear system is solved"),
  /** Batch sizes. */
  BATCH_SIZE("batch-size", "a batch size (or a product of batch sizes) required by a theorem"),
  /** Finite-difference Hessian-vector product error. */
  FINITE_DIFFERENCE_ERROR(
      "finite-difference-error",
      "||[∇f(w+delta v) - ∇f(w-delta v)]/(2 delta) - ∇²f(w) v||: central-difference HVP error"),
  /** Finite-difference step. */
  FINITE_DIFFERENCE_STEP(
      "finite-difference-step", "the step delta of a finite-difference Hessian-vector product"),
  /** Fallah2020 Thm 4.11. */
  SURROGATE_GAP(
      "surrogate-gap",
      "||∇F^(w) - ∇F(w)||: gradient gap between the test-time objective and the MAML objective"
          + " (Fallah2020 Thm 4.11)"),
  /** Takagi2019 surrogate Hessian eigenvalue. */
  SURROGATE_HESSIAN_EIGENVALUE(
      "surrogate-hessian-eigenvalue",
      "eigenvalue of the Hessian of the simplified MAML loss L - (alpha/2) g'g (Takagi2019)"),
  /** Fallah2020 Lemma 4.8 corollary. */
  TAYLOR_REMAINDER(
      "taylor-remainder",
      "|F(u) - F(w) - ∇F(w)'(u - w)| / ||u - w||^2: first-order Taylor remainder of the"
          + " meta-objective");

  private static final Map<String, Quantity> BY_ID = index();

  private final String id;
  private final String description;

  Quantity(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /**
   * @return the public id, e.g. {@code meta-smoothness}
   */
  public String id() {
    return id;
  }

  /**
   * @return what the quantity is, with the results that bound it
   */
  public String description() {
    return description;
  }

  /**
   * @param id a quantity id
   * @return the quantity with that id, if any
   */
  public static Optional<Quantity> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * @param id a quantity id
   * @return the quantity with that id
   * @throws IllegalArgumentException naming the id and listing the known ones when it is unknown
   */
  public static Quantity require(String id) {
    Quantity quantity = BY_ID.get(id);
    if (quantity == null) {
      throw new IllegalArgumentException(
          "unknown quantity '" + id + "'; known quantities: " + String.join(", ", BY_ID.keySet()));
    }
    return quantity;
  }

  private static Map<String, Quantity> index() {
    Map<String, Quantity> byId = new LinkedHashMap<>();
    for (Quantity quantity : values()) {
      if (byId.put(quantity.id, quantity) != null) {
        throw new IllegalStateException("quantity id '" + quantity.id + "' is listed twice");
      }
    }
    return Collections.unmodifiableMap(byId);
  }
}
