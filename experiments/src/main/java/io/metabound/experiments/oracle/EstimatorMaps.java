package io.metabound.experiments.oracle;

import io.metabound.experiments.task.TaskSet;

/**
 * Exact affine update maps {@code g(w) = A w − b} of every deterministic estimator on a quadratic
 * task set — the input of sweeps and of the β-stability threshold.
 *
 * <table>
 *   <caption>maps (p_i, H_i, c_i inner; G_i, e_i outer; J_i the adaptation Jacobian)</caption>
 *   <tr><th>estimator</th><th>A</th><th>source</th></tr>
 *   <tr><td>MAML</td><td>{@code Σ p (I−αH)^N G (I−αH)^N}</td><td>Ji2022 (3), (10)</td></tr>
 *   <tr><td>FO-MAML</td><td>{@code Σ p G (I−αH)^N}</td><td>Fallah2020 (8)</td></tr>
 *   <tr><td>HF-MAML</td><td>from the formula with δ; equals MAML's with N = 1</td>
 *       <td>Fallah2020 (10)–(11)</td></tr>
 *   <tr><td>iMAML</td><td>{@code Σ p (I+H/λ)^{-1} G (I+H/λ)^{-1}}</td>
 *       <td>Rajeswaran2019 (5), Lemma 1</td></tr>
 *   <tr><td>MAML-prox</td><td>{@code Σ p M_K G M_K}</td><td>Rajeswaran2019 App. A</td></tr>
 * </table>
 *
 * <p>An instance caches the eigen-decompositions of the inner Hessians ({@link QuadraticTasks}), so
 * each further map costs O(m d³) regardless of N; it is immutable and safe to share between sweep
 * threads, e.g. {@code (n, a) -> maps.map(Estimator.MAML, EstimatorParameters.maml(a, n))}.
 */
public final class EstimatorMaps {

  private final QuadraticTasks tasks;

  private EstimatorMaps(QuadraticTasks tasks) {
    this.tasks = tasks;
  }

  /** Prepares the maps of a quadratic task set (one eigen-decomposition per task). */
  public static EstimatorMaps of(TaskSet tasks) {
    return new EstimatorMaps(QuadraticTasks.of(tasks));
  }

  public static EstimatorMaps of(QuadraticTasks tasks) {
    return new EstimatorMaps(tasks);
  }

  /** One-shot convenience: {@code of(tasks).map(estimator, parameters)}. */
  public static AffineGradientMap affineMap(
      Estimator estimator, TaskSet tasks, EstimatorParameters parameters) {
    return of(tasks).map(estimator, parameters);
  }

  public QuadraticTasks tasks() {
    return tasks;
  }

  /**
   * The exact update map of an estimator.
   *
   * @throws IllegalArgumentException naming the parameter when one the estimator needs is missing
   *     or out of range (e.g. HF-MAML with N ≠ 1, iMAML with λ + λ_min(H_i) ≤ 0)
   */
  public AffineGradientMap map(Estimator estimator, EstimatorParameters parameters) {
    return switch (estimator) {
      case MAML ->
          QuadraticMetaOracle.maml(tasks, parameters.alpha(), parameters.steps()).gradientMap();
      case FOMAML ->
          QuadraticMetaOracle.maml(tasks, parameters.alpha(), parameters.steps()).firstOrderMap();
      case HFMAML -> {
        if (parameters.steps() != 1) {
          throw new IllegalArgumentException(
              "HF-MAML (Fallah2020 eqs. (10)-(11)) takes exactly one"
                  + " inner step; got N = "
                  + parameters.steps());
        }
        yield new QuadraticHessianFreeMaml(tasks, parameters.alpha(), parameters.delta())
            .affineMap();
      }
      case IMAML -> QuadraticMetaOracle.imaml(tasks, parameters.lambda()).gradientMap();
      case MAML_PROX ->
          QuadraticMetaOracle.mamlProx(
                  tasks, parameters.lambda(), parameters.innerSteps(), parameters.innerRate())
              .gradientMap();
    };
  }

  /** The exact β threshold of an estimator's outer iteration (see {@link BetaThreshold}). */
  public BetaThreshold betaThreshold(Estimator estimator, EstimatorParameters parameters) {
    return BetaThreshold.of(map(estimator, parameters));
  }

  /** The point the estimator's iterates converge to when they converge. */
  public StationaryPoint fixedPoint(Estimator estimator, EstimatorParameters parameters) {
    return StationaryPoint.of(map(estimator, parameters), estimator.displayName() + " direction");
  }
}
