package io.metabound.experiments.oracle;

import io.metabound.experiments.task.TaskSet;
import java.util.function.DoubleUnaryOperator;

/**
 * Exact affine update maps {@code g(w) = A w − b} of every deterministic estimator on a quadratic
 * task set — the input of sweeps and of the β-stability threshold.
 *
 * <table>
 *   <caption>maps (p_i, H_i, c_i inner; G_i, e_i outer; J_i the adaptation Jacobian)</caption>
 *   <tr><th>estimator</th><th>A</th><th>source</th></tr>
 *   <tr><td>MAML</td><td>{@code Σ p (I−αH)^N G (I−αH)^N}</td><td>Ji2022 (3), (10)</td></tr>
 *   <tr><td>FO-MAML</td><td>{@code Σ p G (I−αH)^N}</td><td>Fallah2020 (8)</td></tr>
 *   <tr><td>HF-MAML</td><td>from the N-step formula with δ; equals MAML's up to rounding</td>
 *       <td>Fallah2020 (10)–(11)</td></tr>
 *   <tr><td>iMAML</td><td>{@code Σ p (I+H/λ)^{-1} G (I+H/λ)^{-1}}</td>
 *       <td>Rajeswaran2019 (5), Lemma 1</td></tr>
 *   <tr><td>MAML-prox</td><td>{@code Σ p M_K G M_K}</td><td>Rajeswaran2019 App. A</td></tr>
 *   <tr><td>Reptile</td><td>{@code Σ p (I − (I−αH)^N)}, {@code b = Σ p (I − (I−αH)^N) c}</td>
 *       <td>Nichol et al. 2018</td></tr>
 *   <tr><td>Moreau</td><td>{@code Σ p λH(H+λI)^{-1}}, {@code b = Σ p λH(H+λI)^{-1} c}</td>
 *       <td>Moreau envelope of the inner losses</td></tr>
 * </table>
 *
 * <p>Reptile's direction {@code w − u_N} with {@code u_N − c = (I − αH)^N (w − c)} (N GD steps on
 * the inner loss) is {@code (I − (I − αH)^N)(w − c)}; the Moreau gradient {@code λ(w − u*)} with
 * {@code u* − c = λ(H + λI)^{-1}(w − c)} is {@code λH(H + λI)^{-1}(w − c)}. Both read only the
 * inner losses, and both are spectral in {@code H_i}, so their maps come from the cached
 * eigenbases.
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
   *     or out of range (e.g. N < 0, iMAML or Moreau with λ + λ_min(H_i) ≤ 0)
   */
  public AffineGradientMap map(Estimator estimator, EstimatorParameters parameters) {
    return switch (estimator) {
      case MAML ->
          QuadraticMetaOracle.maml(tasks, parameters.alpha(), parameters.steps()).gradientMap();
      case FOMAML ->
          QuadraticMetaOracle.maml(tasks, parameters.alpha(), parameters.steps()).firstOrderMap();
      case HFMAML ->
          new QuadraticHessianFreeMaml(
                  tasks, parameters.alpha(), parameters.steps(), parameters.delta())
              .affineMap();
      case IMAML -> QuadraticMetaOracle.imaml(tasks, parameters.lambda()).gradientMap();
      case MAML_PROX ->
          QuadraticMetaOracle.mamlProx(
                  tasks, parameters.lambda(), parameters.innerSteps(), parameters.innerRate())
              .gradientMap();
      case REPTILE -> reptile(parameters.alpha(), parameters.steps());
      case MOREAU -> moreau(parameters.lambda());
    };
  }

  /** Reptile: per eigenvalue h of H_i the response {@code 1 − (1 − αh)^N}. */
  private AffineGradientMap reptile(double alpha, int steps) {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("Reptile: alpha must be finite, got " + alpha);
    }
    if (steps < 0) {
      throw new IllegalArgumentException("Reptile: inner steps N must be >= 0, got " + steps);
    }
    return spectralMap(
        h -> {
          double base = 1 - alpha * h;
          // 1 − (1 − αh)^N, through expm1/log1p when 1 − αh > 0 (no cancellation for small αh)
          return base > 0 ? -Math.expm1(steps * Math.log1p(-alpha * h)) : 1 - Math.pow(base, steps);
        });
  }

  /** Moreau envelope: per eigenvalue h of H_i the response {@code λh/(h + λ)}. */
  private AffineGradientMap moreau(double lambda) {
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException(
          "Moreau envelope: lambda must be finite and > 0, got " + lambda);
    }
    for (int i = 0; i < tasks.size(); i++) {
      double smallest = tasks.innerEigenvalues(i)[0];
      if (!(lambda + smallest > 0)) {
        throw new IllegalArgumentException(
            "Moreau envelope: task "
                + i
                + ": lambda + lambda_min(H) = "
                + (lambda + smallest)
                + " <= 0, so f_i(u) + lambda/2 |u - w|^2 has no minimiser; choose lambda > "
                + (-smallest));
      }
    }
    // λH(H + λI)^{-1} on the eigenvalue h
    return spectralMap(h -> lambda * h / (h + lambda));
  }

  /**
   * {@code A = Σ p_i Q_i diag(r(h_i)) Q_iᵀ}, {@code b = Σ p_i Q_i diag(r(h_i)) Q_iᵀ c_i}: a
   * direction {@code Σ p_i R_i (w − c_i)} with {@code R_i} a spectral function of {@code H_i}.
   */
  private AffineGradientMap spectralMap(DoubleUnaryOperator response) {
    int d = tasks.dimension();
    double[] a = new double[d * d];
    double[] b = new double[d];
    double[] y = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      double[] q = tasks.basis[i];
      double[] h = tasks.eigenvalues[i];
      double[] cHat = tasks.innerCentreInBasis[i];
      double p = tasks.probability(i);
      for (int k = 0; k < d; k++) {
        y[k] = response.applyAsDouble(h[k]);
      }
      // A += p Q diag(r) Qᵀ
      Dense.addSpectral(q, y, p, a, d);
      // b += p Q (r ∘ Qᵀc)
      for (int k = 0; k < d; k++) {
        y[k] *= cHat[k];
      }
      double[] qy = Dense.apply(q, y, d);
      for (int k = 0; k < d; k++) {
        b[k] += p * qy[k];
      }
    }
    return new AffineGradientMap(d, a, b);
  }

  /**
   * True when the N-step inner adaptation of MAML or FO-MAML underflows: for some task eigenvalue
   * {@code h} with {@code 1 − αh ≠ 0}, the factor {@code (1 − αh)^{2N}} of the map (the MAML
   * meta-Hessian {@code h(1 − αh)^{2N}}; FO-MAML's {@code h(1 − αh)^N} is larger) is below
   * {@link Double#MIN_NORMAL}, so the computed map is zero or subnormal in that direction while
   * the exact one is not. Always false for the other estimators (their responses are bounded
   * below on the eigenvalues that enter, or take one step).
   */
  public boolean adaptationUnderflows(Estimator estimator, EstimatorParameters parameters) {
    if (estimator != Estimator.MAML && estimator != Estimator.FOMAML) {
      return false;
    }
    double alpha = parameters.alpha();
    double floor = Math.log(Double.MIN_NORMAL);
    for (int i = 0; i < tasks.size(); i++) {
      for (double h : tasks.eigenvalues[i]) {
        double base = Math.abs(1 - alpha * h);
        if (h != 0 && base != 0 && 2.0 * parameters.steps() * Math.log(base) < floor) {
          return true;
        }
      }
    }
    return false;
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
