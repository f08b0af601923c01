package io.metabound.experiments.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import io.metabound.experiments.linalg.FieldMatrices;
import io.metabound.experiments.measure.VocabularyEntry.Example;
import io.metabound.experiments.measure.VocabularyEntry.Kind;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.field.QuadraticExactModel;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vocabulary as data: every name is unique and typed, every example parses and validates, and
 * every example's verdict is reproduced on random instances of its family (a plain random search,
 * not the falsifier: HOLDS must hold on all of them, VIOLATED must fail on at least one).
 */
class VocabularyTest {

  private static final Binary64Field DOUBLE = Binary64Field.getInstance();
  private static final int SAMPLES = 60;

  static Stream<VocabularyEntry> entries() {
    return Vocabulary.entries().stream();
  }

  @Test
  void namesAreUniqueAndEveryKindIsPresent() {
    Set<String> names = new HashSet<>();
    for (VocabularyEntry e : Vocabulary.entries()) {
      assertTrue(names.add(e.name()), "duplicate " + e.name());
    }
    for (Estimator e : Estimator.values()) {
      VocabularyEntry entry =
          Vocabulary.entries().stream()
              .filter(v -> v.name().equals(e.claimName()))
              .findFirst()
              .orElseThrow();
      assertEquals(Kind.ESTIMATOR, entry.kind());
      assertEquals(e.parameters(), entry.parameters());
    }
    assertEquals(
        Map.of("N", 1.0, "delta", 1e-3),
        Vocabulary.entries().stream()
            .filter(v -> v.name().equals("hfmaml"))
            .findFirst()
            .orElseThrow()
            .defaults());
    assertEquals(
        List.of("L", "mu", "kappa", "rho", "d", "m", "sigma"),
        List.copyOf(Vocabulary.instanceConstants()));
    assertEquals(
        "meta_gradient(estimator, vector) -> vector",
        Vocabulary.function("meta_gradient").orElseThrow().signature());
    assertEquals(
        "min(scalar, scalar, ...) -> scalar", Vocabulary.function("min").orElseThrow().signature());
    assertEquals(
        "maml-prox: estimator reading lambda, K, eta",
        Vocabulary.entries().stream()
            .filter(v -> v.name().equals("maml-prox"))
            .findFirst()
            .orElseThrow()
            .signature());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void exampleUsesItsEntryAndIsAWellFormedScalarMeasure(VocabularyEntry entry) {
    Example example = entry.example();
    MeasureExpression measure = MeasureParser.parse(example.measure());
    String name = entry.name();
    // a constant may be used by the bound, everything else by the measure
    String uses =
        example.measure()
            + (Vocabulary.instanceConstants().contains(name) ? " " + example.bound() : "");
    assertTrue(
        Pattern.compile("(^|[^A-Za-z_-])" + Pattern.quote(name) + "([^A-Za-z0-9_-]|$)")
            .matcher(uses)
            .find(),
        "the example of " + name + " does not use it: " + example.measure());
    Set<String> declared = parameters(example.params()).keySet();
    MeasureContext context = MeasureContext.of(declared, example.pointRadius() > 0);
    assertEquals(List.of(), MeasureValidator.validate(measure, context), example.measure());
    assertEquals(MeasureType.SCALAR, MeasureValidator.typeOf(measure, context));
    MeasureRequirements requirements = MeasureRequirements.of(measure);
    // a point is declared for w, or for sigma (evaluated at w, at the origin without a point)
    assertEquals(
        example.pointRadius() > 0,
        requirements.usesPoint() || requirements.constants().contains("sigma"),
        example.measure());
    // every declared parameter is read by the measure (a claim declaring an unread one is wrong)
    assertTrue(requirements.parameters().containsAll(declared), requirements + " vs " + declared);
    Expression.parse(example.bound());
    assertTrue(example.verdict().equals("HOLDS") || example.verdict().equals("VIOLATED"));
  }

  /** Every example's verdict on {@value #SAMPLES} random instances of its family. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void exampleVerdictIsReproducedOnRandomInstances(VocabularyEntry entry) {
    Example example = entry.example();
    // a linear-regression example runs in the claims pipeline (reports' VocabularyClaimsTest)
    org.junit.jupiter.api.Assumptions.assumeTrue(
        example.family().contains("type: quadratic"), "not a quadratic family");
    MeasureExpression measure = MeasureParser.parse(example.measure());
    Expression bound = Expression.parse(example.bound());
    SplittableRandom random = new SplittableRandom(entry.name().hashCode());
    int violations = 0;
    String worst = "";
    for (int sample = 0; sample < SAMPLES; sample++) {
      TaskSet tasks = instance(example.family(), random);
      QuadraticExactModel<Binary64> model = QuadraticExactModel.of(DOUBLE, tasks);
      int d = tasks.dimension();
      Binary64[] point = null;
      if (example.pointRadius() > 0) {
        double[] w = new double[d];
        for (int k = 0; k < d; k++) {
          w[k] = random.nextDouble(-example.pointRadius(), example.pointRadius());
        }
        point = FieldMatrices.vectorOf(DOUBLE, w);
      }
      Map<String, Binary64> constants = InstanceConstants.of(model, point);
      Map<String, Double> values = new LinkedHashMap<>();
      constants.forEach((k, v) -> values.put(k, v.getReal()));
      Map<String, Double> parameters = draw(example.params(), values, random);
      values.putAll(parameters);
      Map<String, Binary64> bindings = new HashMap<>(constants);
      parameters.forEach((k, v) -> bindings.put(k, new Binary64(v)));
      double measured =
          MeasureEvaluator.evaluate(measure, model, bindings, point).scalar().getReal();
      double theoretical = bound.evaluate(Bindings.of(values));
      double slack = 1e-9 * Math.abs(theoretical) + 1e-12;
      boolean holds =
          example.relation().equals("<=")
              ? measured <= theoretical + slack
              : measured >= theoretical - slack;
      if (!holds) {
        violations++;
        worst =
            "d="
                + d
                + " m="
                + tasks.size()
                + " "
                + parameters
                + ": "
                + measured
                + " "
                + example.relation()
                + " "
                + theoretical;
      }
    }
    if (example.verdict().equals("HOLDS")) {
      assertEquals(0, violations, example.measure() + " violated: " + worst);
    } else {
      assertTrue(violations > 0, example.measure() + " was never violated");
    }
  }

  /**
   * Round-number instances, where a search starts or a shrinker ends: all eigenvalues at an end or
   * the middle of the spectrum, centres 0 or 1, w = 0 or (1, …, 1), parameters at their ends. A
   * HOLDS example must hold there too (never NaN); an instance whose bound is undefined (a
   * parameter range or a bound constant outside its domain, e.g. L = 0) is out of scope.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void holdingExamplesHoldOnRoundNumberInstances(VocabularyEntry entry) {
    Example example = entry.example();
    if (!example.verdict().equals("HOLDS") || !example.family().contains("type: quadratic")) {
      return;
    }
    MeasureExpression measure = MeasureParser.parse(example.measure());
    Expression bound = Expression.parse(example.bound());
    String family = example.family();
    Matcher s = Pattern.compile("spectrum: \\[(-?[0-9.]+), (-?[0-9.]+)\\]").matcher(family);
    assertTrue(s.find());
    double lo = Double.parseDouble(s.group(1));
    double hi = Double.parseDouble(s.group(2));
    for (int d : range(family, "dim")) {
      for (int m : range(family, "tasks")) {
        for (double eigenvalue : new double[] {lo, hi, (lo + hi) / 2}) {
          for (double centre : new double[] {0, 1}) {
            for (double coordinate : new double[] {0, 1}) {
              for (boolean upper : new boolean[] {false, true}) {
                List<MetaTask> list = new ArrayList<>();
                for (int i = 0; i < m; i++) {
                  double[][] h = new double[d][d];
                  double[] c = new double[d];
                  for (int k = 0; k < d; k++) {
                    h[k][k] = eigenvalue;
                    c[k] = centre;
                  }
                  list.add(MetaTask.same(QuadraticLoss.of(h, c)));
                }
                checkRoundInstance(example, measure, bound, new TaskSet(list), coordinate, upper);
              }
            }
          }
        }
      }
    }
  }

  private static void checkRoundInstance(
      Example example,
      MeasureExpression measure,
      Expression bound,
      TaskSet tasks,
      double coordinate,
      boolean upper) {
    QuadraticExactModel<Binary64> model = QuadraticExactModel.of(DOUBLE, tasks);
    Binary64[] point = null;
    if (example.pointRadius() > 0) {
      double[] w = new double[tasks.dimension()];
      java.util.Arrays.fill(w, coordinate);
      point = FieldMatrices.vectorOf(DOUBLE, w);
    }
    Map<String, Binary64> constants = InstanceConstants.of(model, point);
    Map<String, Double> values = new LinkedHashMap<>();
    constants.forEach((k, v) -> values.put(k, v.getReal()));
    Map<String, Double> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : parameters(example.params()).entrySet()) {
      String[] spec = e.getValue();
      double x;
      try {
        x = value(spec[upper && spec.length > 1 ? 1 : 0], values);
      } catch (RuntimeException outOfDomain) {
        return;
      }
      if (!Double.isFinite(x)) {
        return;
      }
      parameters.put(e.getKey(), x);
      values.put(e.getKey(), x);
    }
    double theoretical;
    try {
      theoretical = bound.evaluate(Bindings.of(values));
    } catch (RuntimeException outOfDomain) {
      return;
    }
    Map<String, Binary64> bindings = new HashMap<>(constants);
    parameters.forEach((k, v) -> bindings.put(k, new Binary64(v)));
    double measured = MeasureEvaluator.evaluate(measure, model, bindings, point).scalar().getReal();
    double slack = 1e-9 * Math.abs(theoretical) + 1e-12;
    boolean holds =
        example.relation().equals("<=")
            ? measured <= theoretical + slack
            : measured >= theoretical - slack;
    assertTrue(
        holds,
        example.measure()
            + " at "
            + tasks.get(0).inner()
            + " "
            + parameters
            + " w="
            + coordinate
            + ": "
            + measured
            + " "
            + example.relation()
            + " "
            + theoretical);
  }

  // ---------------------------------------------------------------- the examples' families

  private static int[] range(String spec, String key) {
    Matcher m =
        Pattern.compile(key + ": (\\[(-?[0-9.]+), (-?[0-9.]+)\\]|(-?[0-9.]+))").matcher(spec);
    assertTrue(m.find(), key + " in " + spec);
    if (m.group(4) != null) {
      int v = Integer.parseInt(m.group(4));
      return new int[] {v, v};
    }
    return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  /** A random instance: rotated Hessians with eigenvalues in the spectrum, centres in [−1, 1]^d. */
  private static TaskSet instance(String family, SplittableRandom random) {
    int[] dim = range(family, "dim");
    int[] tasks = range(family, "tasks");
    Matcher s = Pattern.compile("spectrum: \\[(-?[0-9.]+), (-?[0-9.]+)\\]").matcher(family);
    assertTrue(s.find());
    double lo = Double.parseDouble(s.group(1));
    double hi = Double.parseDouble(s.group(2));
    boolean separate = family.contains("outer: separate");
    int d = random.nextInt(dim[0], dim[1] + 1);
    int m = random.nextInt(tasks[0], tasks[1] + 1);
    List<MetaTask> list = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      QuadraticLoss inner = loss(d, lo, hi, random);
      QuadraticLoss outer = separate ? loss(d, lo, hi, random) : inner;
      list.add(new MetaTask(inner, outer, random.nextDouble(0.5, 2)));
    }
    return new TaskSet(list);
  }

  private static QuadraticLoss loss(int d, double lo, double hi, SplittableRandom random) {
    double[] eigenvalues = new double[d];
    for (int k = 0; k < d; k++) {
      // endpoints a fifth of the time: the tight cases (an eigenvalue −L, h = L)
      double u = random.nextDouble();
      eigenvalues[k] = u < 0.1 ? lo : u < 0.2 ? hi : random.nextDouble(lo, hi);
    }
    double[][] gaussian = new double[d][d];
    for (double[] row : gaussian) {
      for (int k = 0; k < d; k++) {
        row[k] = random.nextGaussian();
      }
    }
    RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(gaussian)).getQ();
    double[][] h = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int c = 0; c < d; c++) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
          sum += q.getEntry(r, k) * eigenvalues[k] * q.getEntry(c, k);
        }
        h[r][c] = sum;
      }
    }
    for (int r = 0; r < d; r++) {
      for (int c = 0; c < r; c++) {
        h[r][c] = h[c][r];
      }
    }
    double[] centre = new double[d];
    for (int k = 0; k < d; k++) {
      centre[k] = random.nextDouble(-1, 1);
    }
    return QuadraticLoss.of(h, centre);
  }

  /** {@code {name: value | [lo, hi], …}} with values numbers or quoted expressions. */
  private static Map<String, String[]> parameters(String params) {
    Map<String, String[]> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(\\w+): (\\[([^,\\]]+), ([^\\]]+)\\]|([^,}]+))").matcher(params);
    while (m.find()) {
      out.put(
          m.group(1),
          m.group(5) != null
              ? new String[] {m.group(5).trim()}
              : new String[] {m.group(3).trim(), m.group(4).trim()});
    }
    return out;
  }

  private static Map<String, Double> draw(
      String params, Map<String, Double> constants, SplittableRandom random) {
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Double> scope = new HashMap<>(constants);
    for (Map.Entry<String, String[]> e : parameters(params).entrySet()) {
      String[] spec = e.getValue();
      double lo = value(spec[0], scope);
      double hi = spec.length == 1 ? lo : value(spec[1], scope);
      double u = random.nextDouble();
      double x;
      if (Estimator.isWholeNumberParameter(e.getKey())) {
        x = random.nextInt((int) lo, (int) hi + 1);
      } else {
        x = u < 0.15 ? lo : u < 0.3 ? hi : random.nextDouble(lo, hi);
      }
      values.put(e.getKey(), x);
      scope.put(e.getKey(), x);
    }
    return values;
  }

  private static double value(String text, Map<String, Double> scope) {
    String expression = text.replace("\"", "");
    return Expression.parse(expression).evaluate(Bindings.of(scope));
  }
}
