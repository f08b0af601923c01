package io.metabound.experiments.measure;

import io.metabound.experiments.linalg.FieldLinearSolver;
import io.metabound.experiments.linalg.FieldMatrices;
import io.metabound.experiments.linalg.NonSymmetricEigenvalues;
import io.metabound.experiments.linalg.SymmetricEigenvalues;
import io.metabound.experiments.measure.MeasureExpression.Binary;
import io.metabound.experiments.measure.MeasureExpression.Call;
import io.metabound.experiments.measure.MeasureExpression.Literal;
import io.metabound.experiments.measure.MeasureExpression.Negation;
import io.metabound.experiments.measure.MeasureExpression.Symbol;
import io.metabound.experiments.measure.MeasureValue.Matrix;
import io.metabound.experiments.measure.MeasureValue.Scalar;
import io.metabound.experiments.measure.MeasureValue.Vector;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.BetaThreshold;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.field.ExactModel;
import io.metabound.experiments.oracle.field.FieldAffineMap;
import io.metabound.experiments.oracle.field.FieldQuadraticObjective;
import io.metabound.experiments.oracle.field.NoClosedFormException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import io.metabound.experiments.precision.Fields;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * Evaluates a measure on an {@link ExactModel} in its field {@code T}, with scalar bindings (the
 * instance constants, e.g. from {@link InstanceConstants}, and the claim's parameters) and an
 * optional point {@code w}. The measure is first checked statically ({@link MeasureValidator}, with
 * the bindings as the declared names); every failure, static or at run time (a singular matrix, an
 * estimator without an objective, a parameter out of range), is a {@link
 * MeasureEvaluationException} with the column of the failing sub-expression and one line.
 *
 * <p>Arithmetic on scalars follows IEEE semantics in {@code T} (a division by zero is an infinity,
 * not an error). Estimator parameters are read from the bindings by their claim-level names ({@link
 * Estimator#parameters()}, defaults {@code N = 1}, {@code delta = 1e-3}) and passed to the model as
 * doubles; a binding that is not exactly a double (e.g. an argmin grid point in {@code Dfp}) is
 * rounded, and the rounding is recorded as a double-only step.
 *
 * <p>Precision: symmetric eigenvalues (eigmin, eigmax, opnorm, the symmetric spectral radius and
 * β-threshold) run in {@code T} by Jacobi. A matrix not symmetric by construction counts as
 * symmetric when its relative asymmetry is at most {@value #SYMMETRY_TOLERANCE} ε ({@code ε} the
 * field's unit roundoff), and its symmetric part is used. Eigenvalues of other matrices, and the
 * location found by argmin/argmax, are double-only steps listed in the {@link Evaluation}.
 *
 * <p>An evaluator caches the maps and objectives of the estimators it has built (per parameter
 * values), so one instance should serve one model; it is not thread-safe.
 *
 * @param <T> the field
 */
public final class MeasureEvaluator<T extends CalculusFieldElement<T>> {

  /** Relative asymmetry, in units of ε, below which a matrix counts as symmetric. */
  public static final double SYMMETRY_TOLERANCE = 1e6;

  /** Intervals of the argmin/argmax grid (401 points). */
  public static final int SEARCH_INTERVALS = 400;

  private final ExactModel<T> model;
  private final Field<T> field;
  private final Map<String, T> bindings;
  private final T[] point;
  private final double epsilon;
  private final Set<String> doubleOnly = new LinkedHashSet<>();
  private final Map<Key, FieldAffineMap<T>> maps = new HashMap<>();
  private final Map<Key, FieldQuadraticObjective<T>> objectives = new HashMap<>();

  private record Key(Estimator estimator, EstimatorParameters parameters) {}

  /**
   * @param model the instance
   * @param bindings values of the instance constants and the claim's parameters
   * @param point the claim's point {@code w}, or null when it declares none
   */
  public MeasureEvaluator(ExactModel<T> model, Map<String, T> bindings, T[] point) {
    this.model = model;
    this.field = model.field();
    this.bindings = Map.copyOf(bindings);
    if (point != null && point.length != model.dimension()) {
      throw new IllegalArgumentException(
          "the point w has "
              + point.length
              + " coordinates, the instance d = "
              + model.dimension());
    }
    this.point = point == null ? null : point.clone();
    this.epsilon = FieldMatrices.workingPrecision(field);
  }

  /** One-shot convenience: {@code new MeasureEvaluator<>(model, bindings, point).evaluate(m)}. */
  public static <T extends CalculusFieldElement<T>> Evaluation<T> evaluate(
      MeasureExpression measure, ExactModel<T> model, Map<String, T> bindings, T[] point) {
    return new MeasureEvaluator<>(model, bindings, point).evaluate(measure);
  }

  /**
   * The value of the measure with its precision record.
   *
   * @throws MeasureEvaluationException on a static problem or a failure while evaluating
   */
  public Evaluation<T> evaluate(MeasureExpression measure) {
    Set<String> constants = new LinkedHashSet<>(Vocabulary.instanceConstants());
    Set<String> parameters = new LinkedHashSet<>(bindings.keySet());
    parameters.removeAll(constants);
    List<MeasureProblem> problems =
        MeasureValidator.validate(
            measure, new MeasureContext(parameters, constants, point != null));
    if (!problems.isEmpty()) {
      MeasureProblem first = problems.get(0);
      throw new MeasureEvaluationException(
          first.column(),
          first.message()
              + (problems.size() > 1
                  ? " (and "
                      + (problems.size() - 1)
                      + " more: "
                      + MeasureValidator.describe(problems.subList(1, problems.size()))
                      + ")"
                  : ""));
    }
    doubleOnly.clear();
    MeasureValue<T> value = value(measure, bindings);
    return new Evaluation<>(value, List.copyOf(doubleOnly));
  }

  private MeasureEvaluationException failure(MeasureExpression at, String problem) {
    return new MeasureEvaluationException(at.column(), problem);
  }

  // ---------------------------------------------------------------- the tree

  private MeasureValue<T> value(MeasureExpression node, Map<String, T> scope) {
    if (node instanceof Literal literal) {
      return new Scalar<>(FieldMatrices.constant(field, literal.value()));
    }
    if (node instanceof Symbol symbol) {
      return symbol(symbol, scope);
    }
    if (node instanceof Negation negation) {
      return scale(field.getOne().negate(), value(negation.operand(), scope));
    }
    if (node instanceof Binary binary) {
      return binary(binary, scope);
    }
    Call call = (Call) node;
    try {
      return call(call, scope);
    } catch (MeasureEvaluationException e) {
      throw e;
    } catch (NoClosedFormException | IllegalArgumentException | ArithmeticException e) {
      // the cause stays: a caller may estimate what has no closed form (Monte Carlo)
      throw new MeasureEvaluationException(call.column(), call.toPlain() + ": " + e.getMessage(), e);
    }
  }

  private MeasureValue<T> symbol(Symbol symbol, Map<String, T> scope) {
    String name = symbol.name();
    T bound = scope.get(name);
    if (bound != null) {
      return new Scalar<>(bound);
    }
    switch (name) {
      case "w":
        return new Vector<>(point.clone());
      case "origin":
        return new Vector<>(FieldMatrices.zeroVector(field, model.dimension()));
      case "identity":
        return new Matrix<>(FieldMatrices.identity(field, model.dimension()), true);
      case "kappa":
        throw failure(
            symbol,
            "kappa = L/mu is defined only when mu > 0"
                + (scope.containsKey("mu") ? "; here mu = " + format(scope.get("mu")) : ""));
      default:
        throw failure(symbol, "the symbol " + name + " has no value on this instance");
    }
  }

  private MeasureValue<T> binary(Binary binary, Map<String, T> scope) {
    MeasureValue<T> left = value(binary.left(), scope);
    MeasureValue<T> right = value(binary.right(), scope);
    return switch (binary.operator()) {
      case ADD -> add(left, right, false);
      case SUBTRACT -> add(left, right, true);
      case MULTIPLY -> multiply(left, right);
      case DIVIDE -> divide(left, ((Scalar<T>) right).value());
      case POWER -> power(binary, left, ((Scalar<T>) right).value());
    };
  }

  private MeasureValue<T> add(MeasureValue<T> left, MeasureValue<T> right, boolean subtract) {
    if (left instanceof Scalar<T> a && right instanceof Scalar<T> b) {
      return new Scalar<>(subtract ? a.value().subtract(b.value()) : a.value().add(b.value()));
    }
    if (left instanceof Vector<T> a && right instanceof Vector<T> b) {
      return new Vector<>(
          subtract
              ? FieldMatrices.subtract(a.entries(), b.entries())
              : FieldMatrices.add(a.entries(), b.entries()));
    }
    Matrix<T> a = (Matrix<T>) left;
    Matrix<T> b = (Matrix<T>) right;
    return new Matrix<>(
        subtract
            ? FieldMatrices.subtract(a.entries(), b.entries())
            : FieldMatrices.add(a.entries(), b.entries()),
        a.symmetric() && b.symmetric());
  }

  private MeasureValue<T> multiply(MeasureValue<T> left, MeasureValue<T> right) {
    if (left instanceof Scalar<T> s) {
      return scale(s.value(), right);
    }
    if (right instanceof Scalar<T> s) {
      return scale(s.value(), left);
    }
    Matrix<T> a = (Matrix<T>) left;
    if (right instanceof Vector<T> v) {
      return new Vector<>(FieldMatrices.multiply(a.entries(), v.entries()));
    }
    return new Matrix<>(FieldMatrices.multiply(a.entries(), ((Matrix<T>) right).entries()), false);
  }

  /** {@code factor · value}. */
  private MeasureValue<T> scale(T factor, MeasureValue<T> value) {
    return entrywise(value, x -> factor.multiply(x));
  }

  /** {@code value / divisor}, entry by entry (IEEE: a zero divisor gives infinities). */
  private MeasureValue<T> divide(MeasureValue<T> value, T divisor) {
    return entrywise(value, x -> x.divide(divisor));
  }

  private MeasureValue<T> entrywise(MeasureValue<T> value, UnaryOperator<T> f) {
    if (value instanceof Scalar<T> s) {
      return new Scalar<>(f.apply(s.value()));
    }
    if (value instanceof Vector<T> v) {
      return new Vector<>(apply(v.entries(), f));
    }
    Matrix<T> m = (Matrix<T>) value;
    T[][] entries = FieldMatrices.copy(m.entries());
    for (int r = 0; r < entries.length; r++) {
      entries[r] = apply(entries[r], f);
    }
    return new Matrix<>(entries, m.symmetric());
  }

  private static <T> T[] apply(T[] v, UnaryOperator<T> f) {
    T[] out = v.clone();
    for (int k = 0; k < v.length; k++) {
      out[k] = f.apply(v[k]);
    }
    return out;
  }

  private MeasureValue<T> power(Binary at, MeasureValue<T> base, T exponent) {
    double e = exponent.getReal();
    boolean whole = e == Math.rint(e) && Math.abs(e) <= 1e6 && exponent.subtract(e).isZero();
    if (base instanceof Scalar<T> s) {
      // x^n by repeated multiplication for whole n (exact sign for negative x), else x^y
      return new Scalar<>(whole ? s.value().pow((int) e) : s.value().pow(exponent));
    }
    Matrix<T> m = (Matrix<T>) base;
    if (!whole) {
      throw failure(
          at, "a matrix power needs a whole exponent (|n| <= 1e6), got " + format(exponent));
    }
    T[][] entries = e < 0 ? inverse(at, m.entries()) : m.entries();
    return new Matrix<>(FieldMatrices.power(entries, (int) Math.abs(e)), m.symmetric());
  }

  // ---------------------------------------------------------------- calls

  private MeasureValue<T> call(Call call, Map<String, T> scope) {
    List<MeasureExpression> a = call.arguments();
    return switch (call.function()) {
      case "meta_hessian" -> {
        FieldAffineMap<T> map = map(call, scope);
        yield new Matrix<>(map.jacobian(), map.symmetric());
      }
      case "meta_gradient" -> new Vector<>(map(call, scope).apply(vector(a.get(1), scope)));
      case "meta_objective" -> new Scalar<>(objective(call, scope).value(vector(a.get(1), scope)));
      case "adapted_test_loss" -> {
        Estimator estimator = estimator(a.get(0));
        yield new Scalar<>(
            model.adaptedTestLoss(estimator, parameters(estimator, scope), vector(a.get(1), scope)));
      }
      case "stationary_point" -> {
        FieldAffineMap<T> map = map(call, scope);
        try {
          // w* = A⁻¹ b
          yield new Vector<>(FieldLinearSolver.solve(map.jacobian(), map.offset()));
        } catch (ArithmeticException e) {
          throw failure(
              call,
              call.toPlain()
                  + ": A is singular, so "
                  + estimator(a.get(0)).claimName()
                  + " has no unique stationary point ("
                  + e.getMessage()
                  + ")");
        }
      }
      case "beta_threshold" -> new Scalar<>(betaThreshold(call, map(call, scope)));
      case "task_hessian" -> new Matrix<>(model.taskHessian(task(a.get(0), scope)), true);
      case "task_optimum" -> new Vector<>(model.taskOptimum(task(a.get(0), scope)));
      case "eigmin", "eigmax" -> {
        T[] values = SymmetricEigenvalues.of(symmetric(call, matrix(a.get(0), scope)));
        yield new Scalar<>(
            call.function().equals("eigmin") ? values[0] : values[values.length - 1]);
      }
        // ‖M‖₂ = √λ_max(MᵀM)
      case "opnorm" ->
          new Scalar<>(SymmetricEigenvalues.spectralNorm(matrix(a.get(0), scope).entries()));
      case "spectral_radius" -> new Scalar<>(spectralRadius(call, matrix(a.get(0), scope)));
      case "trace" -> new Scalar<>(FieldMatrices.trace(matrix(a.get(0), scope).entries()));
      case "norm" -> new Scalar<>(FieldMatrices.norm(vector(a.get(0), scope)));
      case "dist" ->
          new Scalar<>(FieldMatrices.distance(vector(a.get(0), scope), vector(a.get(1), scope)));
      case "dot" ->
          new Scalar<>(FieldMatrices.dot(vector(a.get(0), scope), vector(a.get(1), scope)));
      case "inverse" -> {
        Matrix<T> m = matrix(a.get(0), scope);
        yield new Matrix<>(inverse(call, m.entries()), m.symmetric());
      }
      case "transpose" -> {
        Matrix<T> m = matrix(a.get(0), scope);
        yield new Matrix<>(FieldMatrices.transpose(m.entries()), m.symmetric());
      }
      case "sqrt" -> new Scalar<>(scalar(a.get(0), scope).sqrt());
      case "exp" -> new Scalar<>(scalar(a.get(0), scope).exp());
      case "log" -> new Scalar<>(scalar(a.get(0), scope).log());
      case "abs" -> new Scalar<>(scalar(a.get(0), scope).abs());
      case "ceil" -> new Scalar<>(scalar(a.get(0), scope).ceil());
      case "floor" -> new Scalar<>(scalar(a.get(0), scope).floor());
      case "min", "max" -> new Scalar<>(extreme(call, scope, call.function().equals("max")));
      case "argmin", "argmax" ->
          new Scalar<>(search(call, scope, call.function().equals("argmax")));
      default -> throw new IllegalStateException("no evaluation of " + call.function());
    };
  }

  private T scalar(MeasureExpression node, Map<String, T> scope) {
    return ((Scalar<T>) value(node, scope)).value();
  }

  private T[] vector(MeasureExpression node, Map<String, T> scope) {
    return ((Vector<T>) value(node, scope)).entries();
  }

  private Matrix<T> matrix(MeasureExpression node, Map<String, T> scope) {
    return (Matrix<T>) value(node, scope);
  }

  private static Estimator estimator(MeasureExpression argument) {
    return Vocabulary.estimator(((Symbol) argument).name()).orElseThrow();
  }

  /** The estimator's parameters from the scope, by claim-level name, with defaults. */
  private EstimatorParameters parameters(Estimator estimator, Map<String, T> scope) {
    Map<String, Double> values = new TreeMap<>();
    for (String name : estimator.parameters()) {
      T value = scope.get(name);
      if (value == null) {
        continue;
      }
      double rounded = value.getReal();
      if (!FieldMatrices.constant(field, rounded).subtract(value).isZero()) {
        doubleOnly.add(
            "the parameter " + name + " of " + estimator.claimName() + " was rounded to double");
      }
      values.put(name, rounded);
    }
    return EstimatorParameters.of(estimator, values);
  }

  private FieldAffineMap<T> map(Call call, Map<String, T> scope) {
    return cached(maps, call, scope, model::direction);
  }

  private FieldQuadraticObjective<T> objective(Call call, Map<String, T> scope) {
    return cached(objectives, call, scope, model::objective);
  }

  /** The model's answer for the call's estimator at the scope's parameters, built once. */
  private <V> V cached(
      Map<Key, V> cache,
      Call call,
      Map<String, T> scope,
      BiFunction<Estimator, EstimatorParameters, V> build) {
    Estimator estimator = estimator(call.arguments().get(0));
    Key key = new Key(estimator, parameters(estimator, scope));
    V value = cache.get(key);
    if (value == null) {
      value = build.apply(key.estimator(), key.parameters());
      cache.put(key, value);
    }
    return value;
  }

  /** The 0-based task of a 1-based task number. */
  private int task(MeasureExpression index, Map<String, T> scope) {
    T value = scalar(index, scope);
    double i = value.getReal();
    int m = model.taskCount();
    if (i != Math.rint(i) || i < 1 || i > m || !value.subtract(i).isZero()) {
      throw failure(index, "tasks are numbered 1 to m = " + m + "; got " + format(value));
    }
    return (int) i - 1;
  }

  private T[][] inverse(MeasureExpression at, T[][] matrix) {
    try {
      return FieldLinearSolver.inverse(matrix);
    } catch (ArithmeticException e) {
      throw failure(at, "cannot invert: " + e.getMessage());
    }
  }

  /** The matrix's symmetric entries, or null when it is not (numerically) symmetric. */
  private T[][] symmetricEntries(Matrix<T> m) {
    if (m.symmetric()) {
      return m.entries();
    }
    double asymmetry = FieldMatrices.relativeAsymmetry(m.entries());
    return asymmetry <= SYMMETRY_TOLERANCE * epsilon ? FieldMatrices.symmetrise(m.entries()) : null;
  }

  private T[][] symmetric(Call call, Matrix<T> m) {
    T[][] entries = symmetricEntries(m);
    if (entries == null) {
      throw failure(
          call,
          String.format(
              Locale.ROOT,
              "%s needs a symmetric matrix; the argument has relative asymmetry %.3g (use"
                  + " spectral_radius or opnorm, or the symmetric part (M + transpose(M))/2)",
              call.function(),
              FieldMatrices.relativeAsymmetry(m.entries())));
    }
    return entries;
  }

  /** max |λ|: Jacobi in T for a symmetric matrix, double eigenvalues otherwise. */
  private T spectralRadius(Call call, Matrix<T> m) {
    T[][] entries = symmetricEntries(m);
    if (entries != null) {
      T[] values = SymmetricEigenvalues.of(entries);
      return Fields.max(values[0].abs(), values[values.length - 1].abs());
    }
    doubleOnly.add(
        "spectral_radius at column " + call.column() + ": eigenvalues of a non-symmetric matrix");
    return FieldMatrices.constant(
        field, NonSymmetricEigenvalues.spectralRadius(FieldMatrices.toDouble(m.entries())));
  }

  /**
   * β* of the outer iteration {@code w ← w − β(Aw − b)}: for symmetric A, 0 when λ_min(A) ≤ 0 and
   * 2/λ_max(A) otherwise, in T; for non-symmetric A, {@link BetaThreshold} in double.
   */
  private T betaThreshold(Call call, FieldAffineMap<T> map) {
    T[][] entries = symmetricEntries(new Matrix<>(map.jacobian(), map.symmetric()));
    if (entries != null) {
      T[] values = SymmetricEigenvalues.of(entries);
      // β* = 2/λ_max when every λ > 0
      return Fields.signum(values[0]) > 0
          ? values[values.length - 1].reciprocal().multiply(2)
          : field.getZero();
    }
    doubleOnly.add(
        "beta_threshold at column " + call.column() + ": eigenvalues of a non-symmetric matrix");
    int d = map.dimension();
    double[] flat = new double[d * d];
    double[][] a = FieldMatrices.toDouble(map.jacobian());
    for (int r = 0; r < d; r++) {
      System.arraycopy(a[r], 0, flat, r * d, d);
    }
    double value =
        BetaThreshold.of(new AffineGradientMap(d, flat, FieldMatrices.toDouble(map.offset())))
            .value();
    return FieldMatrices.constant(field, value);
  }

  private T extreme(Call call, Map<String, T> scope, boolean largest) {
    T best = null;
    for (MeasureExpression argument : call.arguments()) {
      T x = scalar(argument, scope);
      if (x.isNaN()) {
        return x;
      }
      if (best == null || (largest ? Fields.max(best, x) != best : Fields.max(best, x) == best)) {
        best = x;
      }
    }
    return best;
  }


  // ---------------------------------------------------------------- argmin, argmax

  /**
   * The minimiser (or maximiser) over {@code p ∈ [lo, hi]}: the best of 401 grid points (the first
   * on ties), then golden-section search on the grid cells either side of it until the bracket is
   * shorter than {@code √ε · max(|lo|, |hi|, hi − lo)}, with {@code ε} the field's unit roundoff,
   * or double's when an estimator inside reads {@code p} (its value reaches the model as a double).
   * The refined point replaces the grid point only when strictly better.
   */
  private T search(Call call, Map<String, T> scope, boolean maximise) {
    List<MeasureExpression> a = call.arguments();
    String parameter = ((Symbol) a.get(1)).name();
    T lo = scalar(a.get(2), scope);
    T hi = scalar(a.get(3), scope);
    if (!lo.isFinite() || !hi.isFinite() || hi.subtract(lo).getReal() < 0) {
      throw failure(
          call,
          call.function() + " needs finite lo <= hi, got [" + format(lo) + ", " + format(hi) + "]");
    }
    doubleOnly.add(
        call.function()
            + " at column "
            + call.column()
            + ": the location is resolved to about the square root of the working precision, and"
            + " certified only up to the 401-point grid's resolution of several minima");
    Map<String, T> inner = new HashMap<>(scope);
    UnaryOperator<T> objective =
        x -> {
          inner.put(parameter, x);
          T v = scalar(a.get(0), inner);
          if (v.isNaN()) {
            throw failure(
                call,
                call.function()
                    + ": the expression is not a number at "
                    + parameter
                    + " = "
                    + format(x));
          }
          return maximise ? v.negate() : v;
        };
    if (hi.subtract(lo).isZero()) {
      objective.apply(lo);
      return lo;
    }
    T width = hi.subtract(lo);
    T bestPoint = lo;
    T bestValue = objective.apply(lo);
    int best = 0;
    for (int k = 1; k <= SEARCH_INTERVALS; k++) {
      // x_k = lo + (hi − lo) k / 400, x_400 = hi exactly
      T x = k == SEARCH_INTERVALS ? hi : lo.add(width.multiply(k).divide(SEARCH_INTERVALS));
      T fx = objective.apply(x);
      if (fx.subtract(bestValue).getReal() < 0) {
        best = k;
        bestPoint = x;
        bestValue = fx;
      }
    }
    T left = best == 0 ? lo : lo.add(width.multiply(best - 1).divide(SEARCH_INTERVALS));
    T right =
        best >= SEARCH_INTERVALS - 1
            ? hi
            : lo.add(width.multiply(best + 1).divide(SEARCH_INTERVALS));
    boolean readByEstimator = false;
    for (Estimator e : MeasureRequirements.of(a.get(0)).estimators()) {
      readByEstimator |= e.parameters().contains(parameter);
    }
    double precision = readByEstimator ? Math.ulp(1.0) : epsilon;
    double scale =
        Math.max(Math.max(Math.abs(lo.getReal()), Math.abs(hi.getReal())), width.getReal());
    double tolerance = Math.sqrt(precision) * scale;
    // golden section: 1/φ = (√5 − 1)/2
    T ratio = field.getZero().add(5).sqrt().subtract(1).divide(2);
    T c = right.subtract(right.subtract(left).multiply(ratio));
    T d = left.add(right.subtract(left).multiply(ratio));
    T fc = objective.apply(c);
    T fd = objective.apply(d);
    while (right.subtract(left).getReal() > tolerance) {
      if (fc.subtract(fd).getReal() <= 0) {
        // the minimum lies in [left, d]; ties keep the smaller p
        right = d;
        d = c;
        fd = fc;
        c = right.subtract(right.subtract(left).multiply(ratio));
        fc = objective.apply(c);
      } else {
        left = c;
        c = d;
        fc = fd;
        d = left.add(right.subtract(left).multiply(ratio));
        fd = objective.apply(d);
      }
    }
    T refined = fc.subtract(fd).getReal() <= 0 ? c : d;
    T refinedValue = fc.subtract(fd).getReal() <= 0 ? fc : fd;
    return refinedValue.subtract(bestValue).getReal() < 0 ? refined : bestPoint;
  }

  /** The nearest double, in its shortest form ({@code 2}, {@code 0.25}, {@code 1e-5}). */
  private static String format(CalculusFieldElement<?> x) {
    return MeasurePrinter.number(x.getReal());
  }
}
