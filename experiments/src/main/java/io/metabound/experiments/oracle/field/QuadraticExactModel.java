package io.metabound.experiments.oracle.field;

import io.metabound.experiments.linalg.FieldLinearSolver;
import io.metabound.experiments.linalg.FieldMatrices;
import io.metabound.experiments.linalg.SymmetricEigenvalues;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.Locale;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * The exact model of a quadratic task set in a field {@code T}: task {@code i} has inner (support)
 * loss {@code ½(w − c_i)ᵀH_i(w − c_i)}, outer (query) loss {@code ½(w − e_i)ᵀG_i(w − e_i)} and
 * probability {@code p_i = weight_i / Σ weight} (computed in {@code T}). Every map is built by
 * matrix products and linear solves in {@code T} from the task data, converted exactly from double,
 * so that one code path serves {@code Binary64} and {@code Dfp}.
 *
 * <p>The adaptation {@code φ_i(w) = c_i + J_i (w − c_i)} of MAML, iMAML and MAML-prox has the
 * Jacobian
 *
 * <pre>{@code
 * MAML, FO-MAML (N GD steps of rate α):   J = (I − αH)^N
 * iMAML (exact proximal solution):        J = λ(H + λI)^{-1}
 * MAML-prox (K GD steps of rate η):       M_0 = I, M_{k+1} = (I − η(H + λI)) M_k + ηλI, J = M_K
 * }</pre>
 *
 * and with {@code r_i = e_i − c_i + J_i c_i} (so that {@code φ_i − e_i = J_i w − r_i}):
 *
 * <table>
 *   <caption>the affine directions {@code g(w) = A w − b} and objectives</caption>
 *   <tr><th>estimator</th><th>A</th><th>b</th><th>objective</th></tr>
 *   <tr><td>MAML, iMAML, MAML-prox</td><td>{@code Σ p J G J}</td><td>{@code Σ p J G r}</td>
 *       <td>{@code Σ p ½(φ − e)ᵀG(φ − e)}: the outer loss at the adapted point</td></tr>
 *   <tr><td>FO-MAML</td><td>{@code Σ p G J}</td><td>{@code Σ p G r}</td><td>none</td></tr>
 *   <tr><td>HF-MAML</td><td colspan="2">probed from the literal N-step formula with δ</td>
 *       <td>MAML's (its direction approximates MAML's gradient)</td></tr>
 *   <tr><td>Reptile</td><td>{@code Σ p (I − (I − αH)^N)}</td><td>{@code Σ p (I − (I − αH)^N) c}
 *       </td><td>none</td></tr>
 *   <tr><td>Moreau</td><td>{@code Σ p λ(H + λI)^{-1} H}</td><td>{@code Σ p λ(H + λI)^{-1} H c}
 *       </td><td>{@code Σ p ½(w − c)ᵀ λ(H + λI)^{-1}H (w − c)}, the envelope value</td></tr>
 * </table>
 *
 * <p>Derivations. Reptile: N GD steps on the inner loss give {@code u_N − c = (I − αH)^N (w − c)},
 * so {@code w − u_N = (I − (I − αH)^N)(w − c)}; {@code I − (I − αH)^N} is computed as {@code αH
 * Σ_{k<N} (I − αH)^k}, equal in exact arithmetic and free of the cancellation of {@code I − J} for
 * small {@code αN‖H‖}. Moreau: {@code u* = (H + λI)^{-1}(Hc + λw)} gives {@code u* − c = λ(H +
 * λI)^{-1}(w − c)} and {@code w − u* = (H + λI)^{-1}H (w − c)}; with {@code z = w − c} and {@code S
 * = λ(H + λI)^{-1}} the envelope {@code f(u*) + λ/2‖u* − w‖² = ½zᵀ(SHS + λ(I − S)²)z} equals {@code
 * ½zᵀ λ(H + λI)^{-1}H z} (on each eigenvalue h: {@code λ²h/(h+λ)² + λh²/(h+λ)² = λh/(h+λ)}), whose
 * gradient is the direction {@code λ(w − u*)}. Both read only the inner losses.
 *
 * <p>Symmetric flags: MAML, iMAML, MAML-prox, Reptile and Moreau (each term is a symmetric function
 * of {@code H_i}, or {@code JᵀGJ}); FO-MAML only when every {@code G_i = H_i} (then {@code G J = H
 * (I − αH)^N} commutes); HF-MAML never (its probed Jacobian equals MAML's only up to the rounding
 * of its differences). A symmetric {@code A} is symmetrised after the products, so its
 * rounding-level asymmetry is removed.
 *
 * <p>Parameters: α may be negative (claims over α ∈ [−1/L, 0] exist) but must be finite; {@code N,
 * K ≥ 0}; iMAML and Moreau need {@code λ > 0} and {@code λ + λ_min(H_i) > 0} for every task (else
 * the proximal problem has no minimiser); MAML-prox needs {@code λ ≥ 0} and {@code η > 0}; HF-MAML
 * {@code δ > 0}. A violation is an {@link IllegalArgumentException} naming the parameter.
 *
 * <p>Immutable and thread-safe; the eigenvalues of every {@code H_i} and {@code G_i} are computed
 * once (Jacobi in {@code T}) when the model is built.
 *
 * @param <T> the field
 */
public final class QuadraticExactModel<T extends CalculusFieldElement<T>> implements ExactModel<T> {

  private final Field<T> field;
  private final int dimension;
  private final int size;
  private final T[] probability;
  private final T[][][] innerHessian;
  private final T[][] innerCentre;
  private final T[][][] outerHessian;
  private final T[][] outerCentre;
  private final T[][] innerEigenvalues;
  private final T[][] outerEigenvalues;
  private final boolean outerIsInner;

  private QuadraticExactModel(Field<T> field, TaskSet tasks) {
    this.field = field;
    dimension = tasks.dimension();
    size = tasks.size();
    probability = FieldMatrices.zeroVector(field, size);
    innerHessian = newMatrices(field, size);
    outerHessian = newMatrices(field, size);
    innerCentre = FieldMatrices.zeros(field, size, dimension);
    outerCentre = FieldMatrices.zeros(field, size, dimension);
    innerEigenvalues = FieldMatrices.zeros(field, size, dimension);
    outerEigenvalues = FieldMatrices.zeros(field, size, dimension);
    T total = field.getZero();
    boolean same = true;
    for (int i = 0; i < size; i++) {
      MetaTask task = tasks.get(i);
      if (!(task.inner() instanceof QuadraticLoss inner)
          || !(task.outer() instanceof QuadraticLoss outer)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "task %d: the quadratic exact model needs quadratic losses, got inner %s and"
                    + " outer %s",
                i + 1,
                task.inner().getClass().getSimpleName(),
                task.outer().getClass().getSimpleName()));
      }
      // H ← (H + Hᵀ)/2, as the double oracles read task files
      innerHessian[i] =
          FieldMatrices.symmetrise(FieldMatrices.ofRowMajor(field, inner.hessian(), dimension));
      outerHessian[i] =
          FieldMatrices.symmetrise(FieldMatrices.ofRowMajor(field, outer.hessian(), dimension));
      innerCentre[i] = FieldMatrices.vectorOf(field, inner.centre());
      outerCentre[i] = FieldMatrices.vectorOf(field, outer.centre());
      innerEigenvalues[i] = SymmetricEigenvalues.of(innerHessian[i]);
      boolean sameHessian = java.util.Arrays.deepEquals(innerHessian[i], outerHessian[i]);
      outerEigenvalues[i] =
          sameHessian ? innerEigenvalues[i] : SymmetricEigenvalues.of(outerHessian[i]);
      same &= sameHessian;
      probability[i] = FieldMatrices.constant(field, task.weight());
      total = total.add(probability[i]);
    }
    for (int i = 0; i < size; i++) {
      // p_i = weight_i / Σ weight
      probability[i] = probability[i].divide(total);
    }
    outerIsInner = same;
  }

  /**
   * The model of a task set whose inner and outer losses are all {@link QuadraticLoss}.
   *
   * @throws IllegalArgumentException naming the first task whose loss is not quadratic
   */
  public static <T extends CalculusFieldElement<T>> QuadraticExactModel<T> of(
      Field<T> field, TaskSet tasks) {
    return new QuadraticExactModel<>(field, tasks);
  }

  @SuppressWarnings("unchecked")
  private static <T extends CalculusFieldElement<T>> T[][][] newMatrices(Field<T> field, int n) {
    return (T[][][]) java.lang.reflect.Array.newInstance(field.getRuntimeClass(), n, 0, 0);
  }

  @Override
  public Field<T> field() {
    return field;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int taskCount() {
    return size;
  }

  /** {@code p_i} (0-based). */
  public T probability(int i) {
    return probability[i];
  }

  @Override
  public T[][] taskHessian(int i) {
    return FieldMatrices.copy(innerHessian[i]);
  }

  @Override
  public T[] taskOptimum(int i) {
    return innerCentre[i].clone();
  }

  /** {@code G_i}, the outer (query) Hessian of task {@code i} (0-based). */
  public T[][] outerHessian(int i) {
    return FieldMatrices.copy(outerHessian[i]);
  }

  /** {@code e_i}, the minimiser of the outer loss of task {@code i} (0-based). */
  public T[] outerOptimum(int i) {
    return outerCentre[i].clone();
  }

  /** The eigenvalues of {@code H_i}, ascending (Jacobi in {@code T}). */
  public T[] innerEigenvalues(int i) {
    return innerEigenvalues[i].clone();
  }

  /** The eigenvalues of {@code G_i}, ascending (Jacobi in {@code T}). */
  public T[] outerEigenvalues(int i) {
    return outerEigenvalues[i].clone();
  }

  /** True when every outer Hessian equals its inner Hessian (then FO-MAML's A is symmetric). */
  public boolean outerHessiansAreInner() {
    return outerIsInner;
  }

  /** {@code ∇l_{T_i}(w) = G_i(w − e_i)}, the outer-loss gradient of task {@code i} (0-based). */
  public T[] outerGradient(int i, T[] w) {
    return FieldMatrices.multiply(outerHessian[i], FieldMatrices.subtract(w, outerCentre[i]));
  }

  @Override
  public FieldAffineMap<T> direction(Estimator estimator, EstimatorParameters parameters) {
    return switch (estimator) {
      case MAML, IMAML, MAML_PROX -> throughAdaptation(estimator, parameters).map(true);
      case FOMAML -> firstOrder(parameters);
      case HFMAML -> hessianFree(parameters);
      case REPTILE -> reptile(parameters);
      case MOREAU -> moreau(parameters).map(true);
    };
  }

  @Override
  public FieldQuadraticObjective<T> objective(Estimator estimator, EstimatorParameters parameters) {
    return switch (estimator) {
      case MAML, IMAML, MAML_PROX -> throughAdaptation(estimator, parameters).objective();
        // HF-MAML's direction approximates MAML's gradient: its objective is MAML's with α, N
      case HFMAML ->
          throughAdaptation(
                  Estimator.MAML, EstimatorParameters.maml(parameters.alpha(), parameters.steps()))
              .objective();
      case MOREAU -> moreau(parameters).objective();
      case FOMAML ->
          throw new NoClosedFormException(
              "FO-MAML has no meta-objective: its direction sum_i p_i G_i (phi_i - e_i) drops the"
                  + " adaptation Jacobian and is not the gradient of any function");
      case REPTILE ->
          throw new NoClosedFormException(
              "Reptile has no meta-objective: its direction w - u_N is an update rule, not the"
                  + " gradient of an objective it states");
    };
  }

  /** The sums {@code A = Σ p X_i}, {@code b = Σ p y_i}, {@code constant = Σ p s_i}. */
  private record Sums<T extends CalculusFieldElement<T>>(T[][] jacobian, T[] offset, T constant) {

    FieldAffineMap<T> map(boolean symmetric) {
      return new FieldAffineMap<>(
          symmetric ? FieldMatrices.symmetrise(jacobian) : jacobian, offset, symmetric);
    }

    FieldQuadraticObjective<T> objective() {
      return new FieldQuadraticObjective<>(FieldMatrices.symmetrise(jacobian), offset, constant);
    }
  }

  /**
   * MAML, iMAML, MAML-prox: {@code A = Σ p J G J}, {@code b = Σ p J G r}, {@code constant = Σ p ½
   * rᵀ G r} with {@code r = e − c + J c}.
   */
  private Sums<T> throughAdaptation(Estimator estimator, EstimatorParameters parameters) {
    T[][] a = FieldMatrices.zeros(field, dimension, dimension);
    T[] b = FieldMatrices.zeroVector(field, dimension);
    T constant = field.getZero();
    for (int i = 0; i < size; i++) {
      T[][] j = adaptationJacobian(estimator, parameters, i);
      T[][] g = outerHessian[i];
      // r = e − c + J c
      T[] r =
          FieldMatrices.add(
              FieldMatrices.subtract(outerCentre[i], innerCentre[i]),
              FieldMatrices.multiply(j, innerCentre[i]));
      T[][] jg = FieldMatrices.multiply(j, g);
      // A += p J G J
      a = FieldMatrices.add(a, FieldMatrices.scale(probability[i], FieldMatrices.multiply(jg, j)));
      // b += p J G r
      b = FieldMatrices.add(b, FieldMatrices.scale(probability[i], FieldMatrices.multiply(jg, r)));
      // constant += p ½ rᵀ G r
      T quadratic = FieldMatrices.dot(r, FieldMatrices.multiply(g, r));
      constant = constant.add(probability[i].multiply(quadratic).multiply(0.5));
    }
    return new Sums<>(a, b, constant);
  }

  /** {@code J_i}, the Jacobian of task i's adaptation {@code φ_i(w)} (see the class comment). */
  private T[][] adaptationJacobian(Estimator estimator, EstimatorParameters parameters, int i) {
    T[][] h = innerHessian[i];
    T[][] identity = FieldMatrices.identity(field, dimension);
    return switch (estimator) {
      case MAML, FOMAML -> {
        T alpha = finite(parameters.alpha(), estimator, "alpha");
        int steps = nonNegative(parameters.steps(), estimator, "N");
        // J = (I − αH)^N
        yield FieldMatrices.power(
            FieldMatrices.subtract(identity, FieldMatrices.scale(alpha, h)), steps);
      }
      case IMAML -> {
        T lambda = proximal(parameters.lambda(), estimator);
        // J = λ(H + λI)^{-1}, solved from (H + λI) J = λI
        yield FieldLinearSolver.solve(
            FieldMatrices.add(h, FieldMatrices.scale(lambda, identity)),
            FieldMatrices.scale(lambda, identity));
      }
      case MAML_PROX -> {
        double lambdaValue = parameters.lambda();
        if (!(lambdaValue >= 0) || Double.isInfinite(lambdaValue)) {
          throw new IllegalArgumentException(
              "MAML-prox: lambda must be finite and >= 0, got " + lambdaValue);
        }
        double rate = parameters.innerRate();
        if (!(rate > 0) || Double.isInfinite(rate)) {
          throw new IllegalArgumentException(
              "MAML-prox: the step size eta must be finite and > 0, got " + rate);
        }
        int steps = nonNegative(parameters.innerSteps(), estimator, "K");
        T lambda = constant(lambdaValue);
        T eta = constant(rate);
        // C = I − η(H + λI), M_0 = I, M_{k+1} = C M_k + ηλI
        T[][] contraction =
            FieldMatrices.subtract(
                identity,
                FieldMatrices.scale(
                    eta, FieldMatrices.add(h, FieldMatrices.scale(lambda, identity))));
        T[][] shift = FieldMatrices.scale(eta.multiply(lambda), identity);
        T[][] m = identity;
        for (int k = 0; k < steps; k++) {
          m = FieldMatrices.add(FieldMatrices.multiply(contraction, m), shift);
        }
        yield m;
      }
      default -> throw new IllegalStateException(estimator + " has no adaptation Jacobian");
    };
  }

  /** FO-MAML: {@code A = Σ p G J}, {@code b = Σ p G r}, {@code J = (I − αH)^N}. */
  private FieldAffineMap<T> firstOrder(EstimatorParameters parameters) {
    T[][] a = FieldMatrices.zeros(field, dimension, dimension);
    T[] b = FieldMatrices.zeroVector(field, dimension);
    for (int i = 0; i < size; i++) {
      T[][] j = adaptationJacobian(Estimator.FOMAML, parameters, i);
      T[][] g = outerHessian[i];
      // r = e − c + J c
      T[] r =
          FieldMatrices.add(
              FieldMatrices.subtract(outerCentre[i], innerCentre[i]),
              FieldMatrices.multiply(j, innerCentre[i]));
      // A += p G J, b += p G r
      a = FieldMatrices.add(a, FieldMatrices.scale(probability[i], FieldMatrices.multiply(g, j)));
      b = FieldMatrices.add(b, FieldMatrices.scale(probability[i], FieldMatrices.multiply(g, r)));
    }
    return new Sums<>(a, b, field.getZero()).map(outerIsInner);
  }

  /**
   * Reptile: {@code A = Σ p R_i}, {@code b = Σ p R_i c_i} with {@code R = I − (I − αH)^N = αH
   * Σ_{k<N} (I − αH)^k}.
   */
  private FieldAffineMap<T> reptile(EstimatorParameters parameters) {
    T alpha = finite(parameters.alpha(), Estimator.REPTILE, "alpha");
    int steps = nonNegative(parameters.steps(), Estimator.REPTILE, "N");
    T[][] identity = FieldMatrices.identity(field, dimension);
    T[][] a = FieldMatrices.zeros(field, dimension, dimension);
    T[] b = FieldMatrices.zeroVector(field, dimension);
    for (int i = 0; i < size; i++) {
      T[][] step = FieldMatrices.scale(alpha, innerHessian[i]);
      T[][] contraction = FieldMatrices.subtract(identity, step);
      // Σ_{k<N} (I − αH)^k
      T[][] geometric = FieldMatrices.zeros(field, dimension, dimension);
      T[][] term = identity;
      for (int k = 0; k < steps; k++) {
        geometric = FieldMatrices.add(geometric, term);
        term = FieldMatrices.multiply(term, contraction);
      }
      // R = I − (I − αH)^N = αH Σ_{k<N} (I − αH)^k
      T[][] response = FieldMatrices.multiply(step, geometric);
      a = FieldMatrices.add(a, FieldMatrices.scale(probability[i], response));
      b =
          FieldMatrices.add(
              b,
              FieldMatrices.scale(
                  probability[i], FieldMatrices.multiply(response, innerCentre[i])));
    }
    return new Sums<>(a, b, field.getZero()).map(true);
  }

  /**
   * Moreau envelope: {@code A = Σ p λ(H + λI)^{-1}H}, {@code b = Σ p A_i c_i}, {@code constant = Σ
   * p ½ c_iᵀ A_i c_i}.
   */
  private Sums<T> moreau(EstimatorParameters parameters) {
    T lambda = proximal(parameters.lambda(), Estimator.MOREAU);
    T[][] identity = FieldMatrices.identity(field, dimension);
    T[][] a = FieldMatrices.zeros(field, dimension, dimension);
    T[] b = FieldMatrices.zeroVector(field, dimension);
    T constant = field.getZero();
    for (int i = 0; i < size; i++) {
      T[][] h = innerHessian[i];
      // A_i = λ (H + λI)^{-1} H, solved from (H + λI) X = H
      T[][] ai =
          FieldMatrices.scale(
              lambda,
              FieldLinearSolver.solve(
                  FieldMatrices.add(h, FieldMatrices.scale(lambda, identity)), h));
      T[] aic = FieldMatrices.multiply(ai, innerCentre[i]);
      a = FieldMatrices.add(a, FieldMatrices.scale(probability[i], ai));
      b = FieldMatrices.add(b, FieldMatrices.scale(probability[i], aic));
      // constant += p ½ cᵀ A_i c
      constant =
          constant.add(
              probability[i].multiply(FieldMatrices.dot(innerCentre[i], aic)).multiply(0.5));
    }
    return new Sums<>(a, b, constant);
  }

  /**
   * HF-MAML: {@code b = −g(0)} and column j of {@code A} is {@code g(e_j) − g(0)}, with {@code g}
   * the literal formula of {@link #hessianFreeDirection}.
   */
  private FieldAffineMap<T> hessianFree(EstimatorParameters parameters) {
    T alpha = finite(parameters.alpha(), Estimator.HFMAML, "alpha");
    int steps = nonNegative(parameters.steps(), Estimator.HFMAML, "N");
    double deltaValue = parameters.delta();
    if (!(deltaValue > 0) || Double.isInfinite(deltaValue)) {
      throw new IllegalArgumentException(
          "HF-MAML: delta must be finite and > 0, got " + deltaValue);
    }
    T delta = constant(deltaValue);
    T[] w = FieldMatrices.zeroVector(field, dimension);
    T[] atZero = hessianFreeDirection(alpha, steps, delta, w);
    T[][] a = FieldMatrices.zeros(field, dimension, dimension);
    for (int j = 0; j < dimension; j++) {
      w[j] = field.getOne();
      T[] atUnit = hessianFreeDirection(alpha, steps, delta, w);
      w[j] = field.getZero();
      // A e_j = g(e_j) − g(0)
      for (int r = 0; r < dimension; r++) {
        a[r][j] = atUnit[r].subtract(atZero[r]);
      }
    }
    T[] b = FieldMatrices.scale(field.getOne().negate(), atZero);
    return new FieldAffineMap<>(a, b, false);
  }

  /**
   * The HF-MAML direction from its definition: {@code w_0 = w}, {@code w_{j+1} = w_j − α∇f(w_j)},
   * {@code v = ∇f_outer(w_N)}, then for {@code j = N−1, …, 0}: {@code v ← v − α(∇f(w_j + δv) −
   * ∇f(w_j − δv))/(2δ)}; {@code g = Σ p v}. It is {@code ∏_{j=N−1..0}(I − α∇²f(w_j)) ∇f_outer(w_N)}
   * with every Hessian-vector product a central difference.
   */
  private T[] hessianFreeDirection(T alpha, int steps, T delta, T[] w) {
    T[] out = FieldMatrices.zeroVector(field, dimension);
    T twoDelta = delta.multiply(2);
    for (int i = 0; i < size; i++) {
      T[][] h = innerHessian[i];
      T[] c = innerCentre[i];
      T[][] path = FieldMatrices.zeros(field, steps + 1, dimension);
      path[0] = w.clone();
      for (int j = 0; j < steps; j++) {
        // w_{j+1} = w_j − α H (w_j − c)
        T[] gradient = FieldMatrices.multiply(h, FieldMatrices.subtract(path[j], c));
        path[j + 1] = FieldMatrices.subtract(path[j], FieldMatrices.scale(alpha, gradient));
      }
      // v = G (w_N − e)
      T[] v = outerGradient(i, path[steps]);
      for (int j = steps - 1; j >= 0; j--) {
        T[] shift = FieldMatrices.scale(delta, v);
        // ∇f(w_j ± δv) = H (w_j ± δv − c)
        T[] plus =
            FieldMatrices.multiply(h, FieldMatrices.subtract(FieldMatrices.add(path[j], shift), c));
        T[] minus =
            FieldMatrices.multiply(
                h, FieldMatrices.subtract(FieldMatrices.subtract(path[j], shift), c));
        // v ← v − α [∇f(w_j + δv) − ∇f(w_j − δv)] / (2δ)
        T[] difference = FieldMatrices.subtract(plus, minus);
        for (int k = 0; k < dimension; k++) {
          v[k] = v[k].subtract(alpha.multiply(difference[k]).divide(twoDelta));
        }
      }
      out = FieldMatrices.add(out, FieldMatrices.scale(probability[i], v));
    }
    return out;
  }

  private T constant(double value) {
    return FieldMatrices.constant(field, value);
  }

  private T finite(double value, Estimator estimator, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          estimator.displayName() + ": " + name + " must be finite, got " + value);
    }
    return constant(value);
  }

  private static int nonNegative(int value, Estimator estimator, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(
          estimator.displayName() + ": inner steps " + name + " must be >= 0, got " + value);
    }
    return value;
  }

  /** λ for iMAML and Moreau: finite, > 0 and {@code λ + λ_min(H_i) > 0} for every task. */
  private T proximal(double value, Estimator estimator) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          estimator.displayName() + ": lambda must be finite and > 0, got " + value);
    }
    T lambda = constant(value);
    for (int i = 0; i < size; i++) {
      T smallest = innerEigenvalues[i][0];
      if (!(lambda.add(smallest).getReal() > 0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: task %d: lambda + lambda_min(H) = %.6g <= 0, so the proximal problem"
                    + " l(u) + lambda/2 |u - w|^2 has no minimiser; choose lambda > %.6g",
                estimator.displayName(),
                i + 1,
                lambda.add(smallest).getReal(),
                -smallest.getReal()));
      }
    }
    return lambda;
  }

  @Override
  public String toString() {
    return "QuadraticExactModel[d="
        + dimension
        + ", m="
        + size
        + ", "
        + field.getRuntimeClass().getSimpleName()
        + "]";
  }
}
