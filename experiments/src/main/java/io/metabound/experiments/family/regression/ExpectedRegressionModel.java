package io.metabound.experiments.family.regression;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.field.ExactModel;
import io.metabound.experiments.oracle.field.FieldAffineMap;
import io.metabound.experiments.oracle.field.FieldQuadraticObjective;
import io.metabound.experiments.oracle.field.NoClosedFormException;
import java.util.Arrays;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.util.MathArrays;

/**
 * The expected reading of Gaussian linear regression: every meta-quantity averaged over the data,
 * in closed form wherever the Gaussian (Wishart) moments give one — no inner step ({@code N = 0})
 * and one inner step ({@code N = 1}) of MAML, FO-MAML and HF-MAML.
 *
 * <h2>Model</h2>
 *
 * Task {@code i} has parameter {@code θ_i}; a sample is {@code x ~ N(0, Σ)}, {@code Σ = diag(s_1 …
 * s_d)}, {@code y = xᵀθ_i + ε}, {@code ε ~ N(0, σ²)}. The train set has {@code n = n_t} samples
 * ({@code X}, {@code ε} stacked), the validation set is independent of it; {@code L_t(w) =
 * (1/(2n))‖Xw − y‖²}, {@code L_v} likewise. Write {@code v = w − θ_i}, {@code S = XᵀX/n}, {@code τ
 * = tr(Σ²) = Σ_k s_k²}. Then {@code ∇L_t(w) = S v − Xᵀε/n} and one inner step gives {@code u = w −
 * α∇L_t(w)}, so {@code u − θ_i = (I − αS) v + α Xᵀε/n}.
 *
 * <h2>Moments (Isserlis)</h2>
 *
 * <ol>
 *   <li>{@code E[S] = Σ}.
 *   <li>For symmetric {@code A}: {@code E[S A S] = ΣAΣ + (ΣAΣ + tr(AΣ) Σ)/n}. Proof: {@code S A S =
 *       (1/n²) Σ_{j,l} x_j x_jᵀ A x_l x_lᵀ}; the {@code n(n − 1)} pairs {@code j ≠ l} are
 *       independent and give {@code ΣAΣ} each; for {@code j = l}, Isserlis' theorem {@code E[x_a
 *       x_b x_c x_e] = Σ_ab Σ_ce + Σ_ac Σ_be + Σ_ae Σ_bc} gives {@code E[x xᵀ A x xᵀ]_ae = Σ_{bc}
 *       A_bc E[x_a x_b x_c x_e] = 2(ΣAΣ)_ae + tr(AΣ) Σ_ae}. Sum: {@code ((n − 1)/n) ΣAΣ + (2ΣAΣ +
 *       tr(AΣ)Σ)/n}.
 *   <li>{@code E[Xᵀεεᵀ X] = Σ_j E[ε_j²] E[x_j x_jᵀ] = nσ²Σ} (ε independent of X, independent across
 *       samples), and every term linear in {@code ε} has mean 0.
 *   <li>For {@code u} independent of the validation data: {@code E[L_v(u)] = ½(u − θ_i)ᵀΣ(u − θ_i)
 *       + σ²/2} and {@code E[∇L_v(u)] = Σ(u − θ_i)} (one sample: {@code E[(xᵀ(u − θ_i) − ε)²] = (u
 *       − θ_i)ᵀΣ(u − θ_i) + σ²}).
 * </ol>
 *
 * <h2>Closed forms (derived here; tested against Gauss–Hermite quadrature and Monte Carlo)</h2>
 *
 * <ul>
 *   <li><b>MAML objective</b>, {@code N = 1}: by 4, 2 with {@code A = Σ} and 3, {@code F_i(w) = ½
 *       E[(u − θ_i)ᵀΣ(u − θ_i)] + σ²/2 = ½ vᵀMv + ½α²σ²τ/n + σ²/2} with {@code M = E[(I − αS)Σ(I −
 *       αS)] = Σ − 2αΣ² + α²(Σ³ + (Σ³ + τΣ)/n)}; on the diagonal {@code m_k = s_k − 2αs_k² + α²((1
 *       + 1/n)s_k³ + τs_k/n)}. {@code N = 0}: {@code u = w}, {@code M = Σ}, no noise term. With
 *       weights {@code p_i} and {@code θ̂ = Σ_i p_i θ_i}: {@code F(w) = Σ_i p_i F_i(w) = ½wᵀMw −
 *       (Mθ̂)ᵀw + ½ Σ_i p_i θ_iᵀMθ_i + ½α²σ²τ/n + σ²/2}.
 *   <li><b>MAML direction</b> {@code ∇F(w) = M(w − θ̂)}, {@code A = M}, {@code b = Mθ̂}. It is also
 *       the mean of the per-data meta-gradient {@code (I − αS)∇L_v(u)}: by 4 its validation mean is
 *       {@code (I − αS)Σ((I − αS)v + αXᵀε/n)}, whose mean is {@code Mv} by 2 (the ε term has mean
 *       0).
 *   <li><b>FO-MAML direction</b> {@code E[∇L_v(u)] = Σ E[u − θ_i] = Σ(I − αΣ)v} by 4 and 1: {@code
 *       A = Σ(I − αΣ)}, {@code b = Aθ̂} ({@code A = Σ} at {@code N = 0}). FO-MAML has no objective.
 *   <li><b>HF-MAML</b> (one step) equals MAML: its central difference {@code (∇L_t(w + δg) − ∇L_t(w
 *       − δg))/(2δ) = S g} is exact on the quadratic {@code L_t}, so on every data set its
 *       direction is MAML's, and so is the mean.
 *   <li><b>Adapted test loss</b>: a fresh task {@code θ ~ N(θ̄, (ν²/d) I)}, fresh train data,
 *       adaptation from {@code w} (one step: MAML, FO-MAML and HF-MAML adapt identically), then the
 *       expected test loss {@code ½E[(xᵀu − y)²]}: by the objective above with {@code v = w − θ}
 *       and {@code E[vᵀMv] = (w − θ̄)ᵀM(w − θ̄) + (ν²/d) tr M}, it is {@code ½[(w − θ̄)ᵀM(w − θ̄) +
 *       (ν²/d) Σ_k m_k + α²σ²τ/n + σ²]}. For {@code Σ = I}, {@code m_k = 1 − 2α + α²(n + d + 1)/n}:
 *       {@code ½[(‖w − θ̄‖² + ν²)(1 − 2α + α²(n + d + 1)/n) + α²σ²d/n + σ²]}.
 * </ul>
 *
 * <p>As {@code n → ∞}, {@code M → (I − αΣ)Σ(I − αΣ)} and the noise term vanishes: the model tends
 * to the quadratic model of the expected task losses. Everything else (N ≥ 2, iMAML, MAML-prox and
 * the other estimators) throws {@link NoClosedFormException}: its data average needs Wishart
 * moments of higher order (N ≥ 2, MAML-prox) or of an inverse ({@code (S + λI)⁻¹}, iMAML) that are
 * not derived here. {@link RegressionMonteCarlo} estimates them; {@code data: sampled} is exact.
 *
 * @param <T> the field ({@code Binary64} in a search, {@code Dfp} to confirm)
 */
public final class ExpectedRegressionModel<T extends CalculusFieldElement<T>>
    implements ExactModel<T> {

  private final Field<T> field;
  private final LinearRegressionSetting setting;
  private final T[] covariance;
  private final T[][] taskParameters;
  private final T[] probabilities;
  private final T[] taskMean;
  private final T[] priorMean;
  private final T noiseVariance;
  private final T covarianceSquareTrace;
  private final T priorVariancePerCoordinate;

  private ExpectedRegressionModel(LinearRegressionSetting setting, Field<T> field) {
    this.field = field;
    this.setting = setting;
    int d = setting.dimension();
    int m = setting.taskCount();
    T zero = field.getZero();
    this.covariance = MathArrays.buildArray(field, d);
    T tau = zero;
    double[] s = setting.covariance();
    for (int k = 0; k < d; k++) {
      covariance[k] = zero.add(s[k]);
      // τ = Σ_k s_k²
      tau = tau.add(covariance[k].square());
    }
    this.covarianceSquareTrace = tau;
    T total = zero;
    for (int i = 0; i < m; i++) {
      total = total.add(setting.taskWeight(i));
    }
    this.taskParameters = MathArrays.buildArray(field, m, d);
    this.probabilities = MathArrays.buildArray(field, m);
    this.taskMean = MathArrays.buildArray(field, d);
    Arrays.fill(taskMean, zero);
    for (int i = 0; i < m; i++) {
      probabilities[i] = zero.add(setting.taskWeight(i)).divide(total);
      double[] theta = setting.taskParameter(i);
      for (int k = 0; k < d; k++) {
        taskParameters[i][k] = zero.add(theta[k]);
        // θ̂ = Σ_i p_i θ_i
        taskMean[k] = taskMean[k].add(probabilities[i].multiply(taskParameters[i][k]));
      }
    }
    this.priorMean = MathArrays.buildArray(field, d);
    double[] mean = setting.priorMean();
    for (int k = 0; k < d; k++) {
      priorMean[k] = zero.add(mean[k]);
    }
    this.noiseVariance = zero.add(setting.noise()).square();
    // ν²/d
    this.priorVariancePerCoordinate = zero.add(setting.prior()).square().divide(d);
  }

  /** The model of a setting in the field {@code field}. */
  public static <T extends CalculusFieldElement<T>> ExpectedRegressionModel<T> of(
      LinearRegressionSetting setting, Field<T> field) {
    return new ExpectedRegressionModel<>(setting, field);
  }

  /**
   * Rebuilds the model from an instance of the expected reading (see {@link
   * LinearRegressionSetting#of(Instance)}), so a counterexample file replays exactly.
   *
   * @throws IllegalArgumentException when the instance is not of the expected reading
   */
  public static <T extends CalculusFieldElement<T>> ExpectedRegressionModel<T> of(
      Instance instance, Field<T> field) {
    return new ExpectedRegressionModel<>(LinearRegressionSetting.of(instance), field);
  }

  /** The family data the model was built from. */
  public LinearRegressionSetting setting() {
    return setting;
  }

  @Override
  public Field<T> field() {
    return field;
  }

  @Override
  public int dimension() {
    return covariance.length;
  }

  @Override
  public int taskCount() {
    return taskParameters.length;
  }

  @Override
  public FieldAffineMap<T> direction(Estimator estimator, EstimatorParameters parameters) {
    T[] jacobian =
        switch (estimator) {
          case MAML, HFMAML -> curvature(estimator, parameters);
          case FOMAML -> firstOrderJacobian(steps(estimator, parameters), parameters.alpha());
          default -> throw noClosedForm(estimator, parameters);
        };
    return new FieldAffineMap<>(diagonal(jacobian), times(jacobian, taskMean), true);
  }

  @Override
  public FieldQuadraticObjective<T> objective(Estimator estimator, EstimatorParameters parameters) {
    T[] curvature =
        switch (estimator) {
          case MAML, HFMAML -> curvature(estimator, parameters);
          case FOMAML ->
              throw new NoClosedFormException(
                  "FO-MAML has no meta-objective: its direction is not the gradient of one");
          default -> throw noClosedForm(estimator, parameters);
        };
    int steps = steps(estimator, parameters);
    T constant = noiseTerm(steps, parameters.alpha());
    for (int i = 0; i < taskParameters.length; i++) {
      // c += ½ p_i θ_iᵀ M θ_i
      constant =
          constant.add(
              probabilities[i].multiply(quadraticForm(curvature, taskParameters[i])).multiply(0.5));
    }
    return new FieldQuadraticObjective<>(diagonal(curvature), times(curvature, taskMean), constant);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here {@code ½[(w − θ̄)ᵀM(w − θ̄) + (ν²/d) tr M] + ½α²σ²τ/n + σ²/2} (class comment), for
   * MAML, FO-MAML and HF-MAML with one inner step and for no inner step.
   */
  @Override
  public T adaptedTestLoss(Estimator estimator, EstimatorParameters parameters, T[] w) {
    T[] curvature =
        switch (estimator) {
          case MAML, HFMAML, FOMAML -> curvature(estimator, parameters);
          default -> throw noClosedForm(estimator, parameters);
        };
    checkPoint(w);
    int d = dimension();
    T[] offset = MathArrays.buildArray(field, d);
    T trace = field.getZero();
    for (int k = 0; k < d; k++) {
      offset[k] = w[k].subtract(priorMean[k]);
      trace = trace.add(curvature[k]);
    }
    // ½ (w − θ̄)ᵀM(w − θ̄) + ½ (ν²/d) tr M + ½α²σ²τ/n + σ²/2
    return quadraticForm(curvature, offset)
        .add(priorVariancePerCoordinate.multiply(trace))
        .multiply(0.5)
        .add(noiseTerm(steps(estimator, parameters), parameters.alpha()));
  }

  @Override
  public T[][] taskHessian(int i) {
    checkTask(i);
    return diagonal(covariance);
  }

  @Override
  public T[] taskOptimum(int i) {
    checkTask(i);
    return taskParameters[i].clone();
  }

  /**
   * The diagonal of {@code M = E[(I − αS)Σ(I − αS)]} after the estimator's adaptation: {@code Σ}
   * for {@code N = 0}, {@code m_k = s_k − 2αs_k² + α²((1 + 1/n)s_k³ + τs_k/n)} for {@code N = 1}.
   */
  private T[] curvature(Estimator estimator, EstimatorParameters parameters) {
    int steps = steps(estimator, parameters);
    if (steps == 0) {
      return covariance.clone();
    }
    double alpha = parameters.alpha();
    int n = setting.trainSamples();
    T[] m = MathArrays.buildArray(field, covariance.length);
    for (int k = 0; k < m.length; k++) {
      T s = covariance[k];
      T cube = s.square().multiply(s);
      // α²((1 + 1/n)s³ + τs/n)
      T wishart =
          cube.add(cube.divide(n)).add(covarianceSquareTrace.multiply(s).divide(n)).multiply(alpha);
      // m_k = s − 2αs² + α²((1 + 1/n)s³ + τs/n)
      m[k] = s.subtract(s.square().multiply(2 * alpha)).add(wishart.multiply(alpha));
    }
    return m;
  }

  /** Diagonal of FO-MAML's Jacobian {@code Σ(I − αΣ)} ({@code Σ} for {@code N = 0}). */
  private T[] firstOrderJacobian(int steps, double alpha) {
    if (steps == 0) {
      return covariance.clone();
    }
    T[] a = MathArrays.buildArray(field, covariance.length);
    for (int k = 0; k < a.length; k++) {
      // s_k (1 − α s_k)
      a[k] = covariance[k].subtract(covariance[k].square().multiply(alpha));
    }
    return a;
  }

  /** The constant {@code ½α²σ²τ/n + σ²/2} ({@code σ²/2} for {@code N = 0}). */
  private T noiseTerm(int steps, double alpha) {
    T floor = noiseVariance.multiply(0.5);
    if (steps == 0) {
      return floor;
    }
    // ½ α² σ² τ / n + σ²/2
    return noiseVariance
        .multiply(covarianceSquareTrace)
        .multiply(alpha * alpha)
        .divide(2 * setting.trainSamples())
        .add(floor);
  }

  /**
   * The inner steps N of a request with a closed form (0 or 1), after {@link InnerAdaptation#of}
   * has checked the parameters (MAML, FO-MAML and HF-MAML only).
   *
   * @throws IllegalArgumentException for N < 0, a non-finite α, HF-MAML with N ≠ 1
   * @throws NoClosedFormException for N ≥ 2
   */
  private static int steps(Estimator estimator, EstimatorParameters parameters) {
    int steps = ((InnerAdaptation.GradientSteps) InnerAdaptation.of(estimator, parameters)).steps();
    if (steps >= 2) {
      throw new NoClosedFormException(
          "no Gaussian closed form for N = "
              + steps
              + " (Wishart moments of order "
              + 2 * steps
              + " not derived); data: sampled is exact, or the Monte Carlo estimate of"
              + " meta_objective / adapted_test_loss");
    }
    return steps;
  }

  private static NoClosedFormException noClosedForm(
      Estimator estimator, EstimatorParameters parameters) {
    return new NoClosedFormException(
        "no Gaussian closed form for "
            + estimator.displayName()
            + " on expected linear regression (only MAML, FO-MAML, HF-MAML with N <= 1);"
            + " data: sampled is exact, or the Monte Carlo estimate of meta_objective /"
            + " adapted_test_loss");
  }

  /** {@code Σ_k a_k x_k²}. */
  private T quadraticForm(T[] diagonal, T[] x) {
    T s = field.getZero();
    for (int k = 0; k < x.length; k++) {
      s = s.add(diagonal[k].multiply(x[k].square()));
    }
    return s;
  }

  /** {@code diag(a) x}. */
  private T[] times(T[] diagonal, T[] x) {
    T[] out = MathArrays.buildArray(field, x.length);
    for (int k = 0; k < x.length; k++) {
      out[k] = diagonal[k].multiply(x[k]);
    }
    return out;
  }

  /** The matrix {@code diag(a)}. */
  private T[][] diagonal(T[] a) {
    T[][] out = MathArrays.buildArray(field, a.length, a.length);
    for (int r = 0; r < a.length; r++) {
      Arrays.fill(out[r], field.getZero());
      out[r][r] = a[r];
    }
    return out;
  }

  private void checkTask(int i) {
    if (i < 0 || i >= taskCount()) {
      throw new IllegalArgumentException(
          "task index " + i + " out of range 0.." + (taskCount() - 1));
    }
  }

  private void checkPoint(T[] w) {
    if (w.length != dimension()) {
      throw new IllegalArgumentException(
          "w has length " + w.length + ", the model has dimension " + dimension());
    }
  }
}
