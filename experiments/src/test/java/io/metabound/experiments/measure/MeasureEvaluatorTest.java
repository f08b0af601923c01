package io.metabound.experiments.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.linalg.FieldMatrices;
import io.metabound.experiments.oracle.BetaThreshold;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.QuadraticFixtures;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.field.QuadraticExactModel;
import io.metabound.experiments.probe.TaskGradients;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Evaluation in double and Dfp against the double oracles, hand cases, errors and searches. */
class MeasureEvaluatorTest {

  private static final Binary64Field DOUBLE = Binary64Field.getInstance();

  /** Bindings: the instance constants and the given parameters, in the model's field. */
  private static <T extends CalculusFieldElement<T>> Map<String, T> bindings(
      QuadraticExactModel<T> model, T[] point, Map<String, Double> parameters) {
    Map<String, T> b = new HashMap<>(InstanceConstants.of(model, point));
    parameters.forEach((k, v) -> b.put(k, FieldMatrices.constant(model.field(), v)));
    return b;
  }

  private static <T extends CalculusFieldElement<T>> Evaluation<T> evaluate(
      String measure, Field<T> field, TaskSet tasks, double[] w, Map<String, Double> parameters) {
    QuadraticExactModel<T> model = QuadraticExactModel.of(field, tasks);
    T[] point = w == null ? null : FieldMatrices.vectorOf(field, w);
    return MeasureEvaluator.evaluate(
        MeasureParser.parse(measure), model, bindings(model, point, parameters), point);
  }

  private static double scalar(
      String measure, TaskSet tasks, double[] w, Map<String, Double> parameters) {
    return evaluate(measure, DOUBLE, tasks, w, parameters).scalar().getReal();
  }

  private static TaskSet oneTask(double h, double c) {
    return new TaskSet(
        List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{h}}, new double[] {c}))));
  }

  @Test
  void handCaseOneTaskInOneDimension() {
    // H = [[4]], α = 0.2, N = 1: ∇²F = 4(1 − 0.8)² = 0.16, β* = 12.5; FO-MAML: 0.8, β* = 2.5
    TaskSet tasks = oneTask(4, 1);
    Map<String, Double> p = Map.of("alpha", 0.2, "N", 1.0);
    assertEquals(0.16, scalar("eigmin(meta_hessian(maml))", tasks, null, p), 1e-15);
    assertEquals(12.5, scalar("beta_threshold(maml)", tasks, null, p), 1e-12);
    assertEquals(2.5, scalar("beta_threshold(fomaml)", tasks, null, p), 1e-12);
    // N defaults to 1
    assertEquals(12.5, scalar("beta_threshold(maml)", tasks, null, Map.of("alpha", 0.2)), 1e-12);
    // in Dfp(50): 2/(h(1 − αh)²) for the double α nearest 0.2, to 45 digits
    DfpField field = new DfpField(50);
    Dfp threshold = evaluate("beta_threshold(maml)", field, tasks, null, p).scalar();
    Dfp residual = field.getOne().subtract(FieldMatrices.constant(field, 0.2).multiply(4));
    Dfp exact = field.newDfp(2).divide(residual.multiply(residual).multiply(4));
    assertTrue(threshold.subtract(exact).abs().getReal() < 1e-45 * 12.5, threshold + " " + exact);
    assertEquals(12.5, threshold.getReal(), 1e-13);
    // spectral radius of I − βA at β = 5: |1 − 5 · 0.16| = 0.2
    assertEquals(
        0.2,
        scalar(
            "spectral_radius(identity - beta*meta_hessian(maml))",
            tasks,
            null,
            Map.of("alpha", 0.2, "beta", 5.0)),
        1e-15);
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  private static Map<String, Double> everyParameter() {
    Map<String, Double> p = new HashMap<>();
    p.put("alpha", 0.15);
    p.put("N", 2.0);
    p.put("delta", 1e-3);
    p.put("lambda", 2.0);
    p.put("K", 5.0);
    p.put("eta", 0.1);
    return p;
  }

  /** The measures of every estimator against the double oracles ({@link EstimatorMaps}). */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void primitivesAgreeWithTheDoubleOracles(long seed) {
    int d = 1 + (int) (seed % 4);
    TaskSet tasks = QuadraticFixtures.random(seed, d, 1 + (int) (seed % 3), seed % 2 == 0, false);
    EstimatorMaps maps = EstimatorMaps.of(tasks);
    Map<String, Double> p = everyParameter();
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed), d);
    for (Estimator e : Estimator.values()) {
      EstimatorParameters parameters = EstimatorParameters.of(e, p);
      String name = e.claimName();
      double expected = maps.betaThreshold(e, parameters).value();
      double actual = scalar("beta_threshold(" + name + ")", tasks, null, p);
      assertEquals(expected, actual, 1e-10 * expected, name);
      double[] fixed = maps.fixedPoint(e, parameters).point();
      for (int k = 0; k < d; k++) {
        double[] point =
            FieldMatrices.toDouble(
                ((MeasureValue.Vector<Binary64>)
                        evaluate("stationary_point(" + name + ")", DOUBLE, tasks, null, p).value())
                    .entries());
        assertEquals(fixed[k], point[k], 1e-9 * (1 + Math.abs(fixed[k])), name);
      }
      double[] g = new double[d];
      maps.map(e, parameters).apply(w, g);
      double[] measured =
          FieldMatrices.toDouble(
              ((MeasureValue.Vector<Binary64>)
                      evaluate("meta_gradient(" + name + ", w)", DOUBLE, tasks, w, p).value())
                  .entries());
      for (int k = 0; k < d; k++) {
        assertEquals(g[k], measured[k], 1e-10 * (1 + Math.abs(g[k])), name);
      }
    }
    QuadraticMetaOracle maml = QuadraticMetaOracle.maml(tasks, 0.15, 2);
    assertEquals(
        maml.metaSmoothness().value(),
        scalar("opnorm(meta_hessian(maml))", tasks, null, p),
        1e-12 * maml.metaSmoothness().value());
    assertEquals(maml.metaObjective(w), scalar("meta_objective(maml, w)", tasks, w, p), 1e-10);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void dfpAgreesWithDoubleAndWithItself(long seed) {
    int d = 2 + (int) (seed % 3);
    TaskSet tasks = QuadraticFixtures.random(seed, d, 2, true, false);
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed + 9), d);
    Map<String, Double> p = everyParameter();
    for (String measure :
        List.of(
            "eigmin(meta_hessian(maml)) + eigmax(meta_hessian(imaml))",
            "opnorm(meta_hessian(fomaml)) * trace(inverse(meta_hessian(moreau)))",
            "dist(stationary_point(maml), stationary_point(reptile)) + sigma + L/mu",
            "meta_objective(maml-prox, w) - dot(meta_gradient(hfmaml, w), w)",
            "spectral_radius(identity - 0.1*meta_hessian(maml)) + beta_threshold(moreau)")) {
      Evaluation<Binary64> inDouble = evaluate(measure, DOUBLE, tasks, w, p);
      Evaluation<Dfp> in50 = evaluate(measure, new DfpField(50), tasks, w, p);
      Evaluation<Dfp> in100 = evaluate(measure, new DfpField(100), tasks, w, p);
      Dfp exact = in100.scalar();
      assertEquals(exact.getReal(), inDouble.scalar().getReal(), 1e-11 * Math.abs(exact.getReal()));
      Dfp difference = exact.getField().newDfp(in50.scalar().toString()).subtract(exact);
      assertTrue(
          Math.abs(difference.getReal()) <= 1e-44 * Math.abs(exact.getReal()),
          measure + ": " + difference);
      assertEquals("extended", in50.precision(), in50.doubleOnlySteps().toString());
    }
  }

  @Test
  void stepsInDoubleOnlyAreRecorded() {
    // separate outer Hessians: FO-MAML's A is not symmetric
    TaskSet tasks = QuadraticFixtures.random(3, 3, 2, true, false);
    Map<String, Double> p = Map.of("alpha", 0.1, "beta", 0.5);
    Evaluation<Dfp> radius =
        evaluate(
            "spectral_radius(identity - beta*meta_hessian(fomaml))",
            new DfpField(50),
            tasks,
            null,
            p);
    assertEquals("double", radius.precision());
    assertTrue(radius.doubleOnlySteps().get(0).contains("spectral_radius at column 1"));
    Evaluation<Dfp> threshold =
        evaluate("beta_threshold(fomaml)", new DfpField(50), tasks, null, p);
    assertTrue(threshold.doubleOnlySteps().get(0).contains("beta_threshold"));
    assertEquals(
        BetaThreshold.of(
                EstimatorMaps.affineMap(Estimator.FOMAML, tasks, EstimatorParameters.maml(0.1, 1)))
            .value(),
        threshold.scalar().getReal(),
        1e-12);
    Evaluation<Dfp> symmetric =
        evaluate(
            "spectral_radius(identity - beta*meta_hessian(maml))",
            new DfpField(50),
            tasks,
            null,
            p);
    assertTrue(symmetric.extendedPrecision());
    // opnorm of a non-symmetric matrix stays extended: Jacobi on AᵀA
    assertTrue(
        evaluate("opnorm(meta_hessian(fomaml))", new DfpField(50), tasks, null, p)
            .extendedPrecision());
    // an argmin location, and an estimator parameter rounded to double from a Dfp grid point
    Evaluation<Dfp> search =
        evaluate(
            "argmin(meta_objective(maml, origin), alpha, 0, 0.3)",
            new DfpField(50),
            tasks,
            null,
            Map.of());
    assertTrue(search.doubleOnlySteps().stream().anyMatch(s -> s.startsWith("argmin at column 1")));
    assertTrue(
        search.doubleOnlySteps().stream().anyMatch(s -> s.contains("alpha of maml was rounded")),
        search.doubleOnlySteps().toString());
  }

  /** The task sets of the failure cases, by name. */
  private static TaskSet named(String name) {
    return switch (name) {
        // H = [[4]]: α = 1/4 makes A = h(1 − αh)² = 0, singular
      case "one" -> oneTask(4, 1);
        // H = [[−1]]: λ + λ_min(H) ≤ 0 for λ ≤ 1, and mu < 0
      case "indefinite" -> oneTask(-1, 1);
        // separate outer Hessians: FO-MAML's A is not symmetric
      case "finite-sum" -> QuadraticFixtures.random(3, 3, 2, true, false);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** {@code name=value;…}; an empty CSV cell is null: no values. */
  private static Map<String, Double> values(String text) {
    Map<String, Double> values = new HashMap<>();
    for (String pair : text == null ? new String[0] : text.split(";")) {
      if (!pair.isBlank()) {
        String[] parts = pair.split("=");
        values.put(parts[0], Double.parseDouble(parts[1]));
      }
    }
    return values;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 + norm(stationary_point(maml))|one|alpha=0.25|10|A is singular, so maml has no unique"
            + " stationary point",
        "meta_objective(fomaml, origin)|one|alpha=0.25|1|FO-MAML has no meta-objective",
        "meta_objective(reptile, origin)|one|alpha=0.25|1|Reptile has no meta-objective",
        "eigmax(meta_hessian(imaml))|indefinite|lambda=0.5|8|lambda + lambda_min(H)",
        "eigmax(meta_hessian(moreau))|indefinite|lambda=1|8|lambda + lambda_min(H)",
        "kappa|indefinite||1|kappa = L/mu is defined only when mu > 0",
        "trace(task_hessian(m + 1))|one||22|tasks are numbered 1 to m = 1; got 2",
        "eigmin(meta_hessian(maml))|one|alpha=0.1;N=1.5|8|N must be a whole number",
        "trace(identity ^ (1/2))|one||16|a matrix power needs a whole exponent",
        "trace(inverse(identity - identity))|one||7|cannot invert",
        "eigmin(meta_hessian(beta))|one|beta=1|21|expects an estimator",
        "argmin(alpha, alpha, 1, 0)|one||1|needs finite lo <= hi",
        "argmin(log(alpha - 0.5), alpha, 0, 1)|one||1|the expression is not a number at alpha = 0",
        "eigmin(meta_hessian(fomaml))|finite-sum|alpha=0.1|1|eigmin needs a symmetric matrix"
      })
  void runtimeFailuresAreOneLineWithTheirColumn(
      String measure, String tasks, String parameters, int column, String message) {
    MeasureEvaluationException e =
        assertThrows(
            MeasureEvaluationException.class,
            () -> evaluate(measure, DOUBLE, named(tasks), null, values(parameters)));
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void argminOfAKnownParabolaAndAtAnEndpoint() {
    TaskSet tasks = oneTask(4, 1);
    // (α − 0.3)² on [−1, 2]: 0.3, to √ε ≈ 1.5e-8 of the interval
    assertEquals(0.3, scalar("argmin((alpha - 0.3)^2, alpha, -1, 2)", tasks, null, Map.of()), 1e-7);
    assertEquals(
        0.3, scalar("argmax(1 - (alpha - 0.3)^2, alpha, -1, 2)", tasks, null, Map.of()), 1e-7);
    // monotone: the minimum and maximum are the endpoints, exactly
    assertEquals(-1, scalar("argmin(alpha, alpha, -1, 2)", tasks, null, Map.of()));
    assertEquals(2, scalar("argmax(alpha, alpha, -1, 2)", tasks, null, Map.of()));
    assertEquals(2, scalar("argmin(-alpha^3, alpha, -1, 2)", tasks, null, Map.of()));
    // ties: a constant has every p as minimiser; the smallest is returned
    assertEquals(-1, scalar("argmin(0*alpha + 5, alpha, -1, 2)", tasks, null, Map.of()));
    // lo = hi
    assertEquals(0.5, scalar("argmin(alpha^2, alpha, 0.5, 0.5)", tasks, null, Map.of()));
    // a minimum between grid points (1/3 is none of k/400)
    assertEquals(
        1.0 / 3, scalar("argmin(abs(alpha - 1/3), alpha, 0, 1)", tasks, null, Map.of()), 1e-7);
    // in Dfp(50) the location is resolved to √ε ≈ 1e-24
    Dfp third =
        evaluate("argmin((alpha - 1/3)^2, alpha, 0, 1)", new DfpField(50), tasks, null, Map.of())
            .scalar();
    assertTrue(third.subtract(third.getField().getOne().divide(3)).abs().getReal() < 1e-20);
    // through an estimator that reads α: F(0; α) = ½ h (1 − αh)² c², minimal at α = 1/h
    assertEquals(
        0.25,
        scalar("argmin(meta_objective(maml, origin), alpha, 0, 2/L)", tasks, null, Map.of()),
        1e-7);
    // the searched parameter shadows a declared one only inside the search
    assertEquals(
        0.7,
        scalar("argmin((alpha - 0.3)^2, alpha, -1, 2) + alpha", tasks, null, Map.of("alpha", 0.4)),
        1e-7);
  }

  @Test
  void matrixAndVectorArithmetic() {
    TaskSet tasks = QuadraticFixtures.random(11, 3, 2, false, false);
    Map<String, Double> p = Map.of();
    double[] w = {0.5, -1, 2};
    assertEquals(
        scalar("trace(task_hessian(1)*task_hessian(1))", tasks, w, p),
        scalar("trace(task_hessian(1)^2)", tasks, w, p),
        1e-12);
    assertEquals(
        scalar("trace(inverse(task_hessian(2)))", tasks, w, p),
        scalar("trace(task_hessian(2)^-1)", tasks, w, p),
        1e-12);
    assertEquals(scalar("dot(w, w)", tasks, w, p), 5.25, 1e-15);
    assertEquals(scalar("norm(w / 2 - 2*w*0.25)", tasks, w, p), 0, 0);
    assertEquals(scalar("norm(identity*w - w)", tasks, w, p), 0, 0);
    assertEquals(scalar("dist(-w, origin)", tasks, w, p), Math.sqrt(5.25), 1e-15);
    assertEquals(scalar("trace(-identity/4 + transpose(identity))", tasks, w, p), 2.25, 1e-15);
    assertEquals(scalar("min(3, -1, 2) + max(3, -1, 2)", tasks, w, p), 2, 0);
    assertEquals(scalar("(-2)^3 + 2^0.5^2", tasks, w, p), -8 + Math.pow(2, 0.25), 1e-15);
    assertEquals(
        scalar("ceil(1.2) + floor(-1.2) + abs(-3) + exp(log(2)) + sqrt(9)", tasks, w, p),
        2 - 2 + 3 + 2 + 3,
        1e-14);
    // IEEE semantics for scalars
    assertEquals(Double.POSITIVE_INFINITY, scalar("1/0", tasks, w, p));
    // N = 1: Reptile's direction is exactly αH(w − c) for one task
    TaskSet one = QuadraticFixtures.random(12, 3, 1, false, false);
    assertEquals(
        0,
        scalar(
            "norm(meta_gradient(reptile, w) - N*alpha*task_hessian(1)*(w - task_optimum(1)))",
            one,
            w,
            Map.of("alpha", 0.1, "N", 1.0)),
        1e-14);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void instanceConstantsAreTheDoubleConstants(long seed) {
    int d = 1 + (int) (seed % 4);
    TaskSet tasks =
        QuadraticFixtures.random(seed, d, 1 + (int) (seed % 3), seed % 2 == 0, seed % 3 == 0);
    Map<String, Double> expected = QuadraticInstanceConstants.of(tasks);
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed), d);
    QuadraticExactModel<Dfp> model = QuadraticExactModel.of(new DfpField(50), tasks);
    Map<String, Dfp> constants =
        InstanceConstants.of(model, FieldMatrices.vectorOf(model.field(), w));
    for (String name : List.of("L", "mu", "rho", "d", "m")) {
      assertEquals(expected.get(name), constants.get(name).getReal(), 1e-12, name);
    }
    assertEquals(constants.containsKey("kappa"), expected.get("mu") > 0);
    assertEquals(TaskGradients.spread(tasks, w), constants.get("sigma").getReal(), 1e-12);
    Map<String, Dfp> atOrigin = InstanceConstants.of(model, null);
    assertEquals(
        TaskGradients.spread(tasks, new double[d]), atOrigin.get("sigma").getReal(), 1e-12);
    assertArrayEquals(
        new double[] {d}, new double[] {scalar("trace(identity)", tasks, null, Map.of())});
  }
}
