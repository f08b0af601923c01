package io.metabound.experiments.family.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.field.ExactModel;
import io.metabound.experiments.oracle.field.FieldAffineMap;
import io.metabound.experiments.oracle.field.FieldQuadraticObjective;
import io.metabound.experiments.oracle.field.NoClosedFormException;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;
import org.hipparchus.util.MathArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectedRegressionModelTest {

  private static final Field<Binary64> DOUBLE = Binary64Field.getInstance();

  /** Three Gauss–Hermite nodes: exact for degree ≤ 5 per variable, enough for one inner step. */
  private static final GaussHermite ONE_STEP_RULE = new GaussHermite(3);

  /** (d, n_t, n_v, m, seed): quadrature cost 3^((n_t + n_v)(d + 1)) per task. */
  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(1, 1, 1, 2, 11L),
        Arguments.of(1, 3, 2, 1, 12L),
        Arguments.of(2, 2, 1, 2, 13L),
        Arguments.of(3, 1, 1, 1, 14L));
  }

  static double alpha(long seed) {
    return 0.05 + 0.75 * ((seed * 7919) % 101) / 100.0;
  }

  static <T extends CalculusFieldElement<T>> T[] point(Field<T> field, double[] w) {
    T[] out = MathArrays.buildArray(field, w.length);
    for (int k = 0; k < w.length; k++) {
      out[k] = field.getZero().add(w[k]);
    }
    return out;
  }

  static double[] real(CalculusFieldElement<?>[] x) {
    double[] out = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      out[k] = x[k].getReal();
    }
    return out;
  }

  /**
   * One inner step, data-averaged by exact quadrature over every train and validation variate:
   * {@code [F_i, E∇L_v(u) (FO-MAML), E(I − αS_t)∇L_v(u) (MAML)]} summed with the weights {@code
   * p_i}, with the per-data quantities computed by {@link LeastSquaresLoss}.
   */
  static double[] bruteForceOneStep(LinearRegressionSetting setting, double alpha, double[] w) {
    int d = setting.dimension();
    int nT = setting.trainSamples();
    int nV = setting.validationSamples();
    double[] s = setting.covariance();
    double[] out = new double[1 + 2 * d];
    for (int i = 0; i < setting.taskCount(); i++) {
      double[] theta = setting.taskParameter(i);
      double[] task =
          ONE_STEP_RULE.expectation(
              (nT + nV) * (d + 1),
              1 + 2 * d,
              (g, value) -> {
                LeastSquaresLoss train =
                    RegressionFixtures.dataSet(g, 0, nT, s, theta, setting.noise());
                LeastSquaresLoss validation =
                    RegressionFixtures.dataSet(g, nT * (d + 1), nV, s, theta, setting.noise());
                double[] u = RegressionFixtures.gradientSteps(train, w, alpha, 1);
                double[] outer = new double[d];
                validation.gradient(u, outer);
                double[] curved = new double[d];
                train.hessianVector(w, outer, curved);
                value[0] = validation.value(u);
                for (int k = 0; k < d; k++) {
                  value[1 + k] = outer[k];
                  // (I − αS_t)∇L_v(u)
                  value[1 + d + k] = outer[k] - alpha * curved[k];
                }
              });
      for (int r = 0; r < out.length; r++) {
        out[r] += setting.probability(i) * task[r];
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void oneStepClosedFormsEqualTheQuadratureOverTheData(int d, int nT, int nV, int m, long seed) {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(d, m, nT, nV, seed);
    double alpha = alpha(seed);
    double[] w = RegressionFixtures.randomPoint(d, seed + 100);
    double[] expected = bruteForceOneStep(setting, alpha, w);
    ExpectedRegressionModel<Binary64> model = ExpectedRegressionModel.of(setting, DOUBLE);
    EstimatorParameters p = EstimatorParameters.maml(alpha, 1);
    Binary64[] at = point(DOUBLE, w);
    double objective = model.objective(Estimator.MAML, p).value(at).getReal();
    assertEquals(expected[0], objective, 1e-11 * Math.abs(expected[0]), "MAML objective");
    double[] firstOrder = real(model.direction(Estimator.FOMAML, p).apply(at));
    double[] maml = real(model.direction(Estimator.MAML, p).apply(at));
    for (int k = 0; k < d; k++) {
      assertEquals(expected[1 + k], firstOrder[k], 1e-11, "FO-MAML direction " + k);
      assertEquals(expected[1 + d + k], maml[k], 1e-11, "MAML direction " + k);
    }
    double[] hessianFree =
        real(model.direction(Estimator.HFMAML, EstimatorParameters.hfMaml(alpha, 1e-3)).apply(at));
    assertArrayEquals(maml, hessianFree, 0.0, "HF-MAML equals MAML on least squares");
  }

  /** The MAML direction is the gradient of the MAML objective, and its Jacobian the Hessian. */
  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void mamlDirectionIsTheObjectiveGradient(long seed) {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(3, 3, 2, 4, seed);
    ExpectedRegressionModel<Binary64> model = ExpectedRegressionModel.of(setting, DOUBLE);
    EstimatorParameters p = EstimatorParameters.maml(alpha(seed), 1);
    FieldQuadraticObjective<Binary64> objective = model.objective(Estimator.MAML, p);
    FieldAffineMap<Binary64> direction = model.direction(Estimator.MAML, p);
    assertArrayEquals(real(objective.linear()), real(direction.offset()), 1e-15);
    for (int r = 0; r < 3; r++) {
      assertArrayEquals(real(objective.hessian()[r]), real(direction.jacobian()[r]), 1e-15);
    }
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void adaptedTestLossEqualsTheQuadratureOverTaskAndData(int d, int nT, int nV, int m, long seed) {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(d, m, nT, nV, seed);
    double alpha = alpha(seed);
    double[] w = RegressionFixtures.randomPoint(d, seed + 200);
    double[] s = setting.covariance();
    double[] priorMean = setting.priorMean();
    double spread = setting.prior() / Math.sqrt(d);
    // variates: z (d), train n_t (d + 1), one test sample (d + 1)
    double expected =
        ONE_STEP_RULE.expectation(
            d + (nT + 1) * (d + 1),
            g -> {
              double[] theta = new double[d];
              for (int k = 0; k < d; k++) {
                theta[k] = priorMean[k] + spread * g[k];
              }
              LeastSquaresLoss train =
                  RegressionFixtures.dataSet(g, d, nT, s, theta, setting.noise());
              LeastSquaresLoss test =
                  RegressionFixtures.dataSet(g, d + nT * (d + 1), 1, s, theta, setting.noise());
              return test.value(RegressionFixtures.gradientSteps(train, w, alpha, 1));
            });
    ExpectedRegressionModel<Binary64> model = ExpectedRegressionModel.of(setting, DOUBLE);
    for (Estimator e : List.of(Estimator.MAML, Estimator.FOMAML, Estimator.HFMAML)) {
      double actual =
          model
              .adaptedTestLoss(e, EstimatorParameters.hfMaml(alpha, 1e-3), point(DOUBLE, w))
              .getReal();
      assertEquals(expected, actual, 1e-11 * expected, e.displayName());
    }
  }

  /** No inner step: the expected loss itself, by the same quadrature. */
  @ParameterizedTest
  @MethodSource("shapes")
  void noInnerStepGivesTheExpectedLoss(int d, int nT, int nV, int m, long seed) {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(d, m, nT, nV, seed);
    double[] w = RegressionFixtures.randomPoint(d, seed + 300);
    double[] expected = bruteForceOneStep(setting, 0.0, w);
    ExpectedRegressionModel<Binary64> model = ExpectedRegressionModel.of(setting, DOUBLE);
    // α is ignored without steps
    EstimatorParameters p = EstimatorParameters.maml(Double.NaN, 0);
    Binary64[] at = point(DOUBLE, w);
    assertEquals(expected[0], model.objective(Estimator.MAML, p).value(at).getReal(), 1e-12);
    assertArrayEquals(
        Arrays.copyOfRange(expected, 1, 1 + d),
        real(model.direction(Estimator.FOMAML, p).apply(at)),
        1e-12);
    assertArrayEquals(
        Arrays.copyOfRange(expected, 1, 1 + d),
        real(model.direction(Estimator.MAML, p).apply(at)),
        1e-12);
    // ½[(w − θ̄)ᵀΣ(w − θ̄) + ν² trΣ/d + σ²]
    double[] s = setting.covariance();
    double[] mean = setting.priorMean();
    double sum = 0;
    double trace = 0;
    for (int k = 0; k < d; k++) {
      sum += s[k] * (w[k] - mean[k]) * (w[k] - mean[k]);
      trace += s[k];
    }
    double nu = setting.prior();
    double sigma = setting.noise();
    double loss = 0.5 * (sum + nu * nu * trace / d + sigma * sigma);
    assertEquals(loss, model.adaptedTestLoss(Estimator.MAML, p, at).getReal(), 1e-14 * loss);
  }

  /** d = 1, Σ = 1, ν = 1, θ̄ = 0, w = 0, σ = 0, n_t = 1: ½(1 − 2α + 3α²), least at α = 1/3. */
  @Test
  void handCaseOneSampleOneCoordinate() {
    LinearRegressionSetting setting =
        new LinearRegressionSetting(
            new double[] {1}, new double[][] {{0}}, new double[] {1}, 1, 1, 0, 1, new double[] {0});
    ExpectedRegressionModel<Binary64> model = ExpectedRegressionModel.of(setting, DOUBLE);
    Binary64[] w = point(DOUBLE, new double[] {0});
    for (double alpha : new double[] {0, 0.1, 1.0 / 3, 0.5, 1, 2}) {
      double loss =
          model.adaptedTestLoss(Estimator.MAML, EstimatorParameters.maml(alpha, 1), w).getReal();
      assertEquals(0.5 * (1 - 2 * alpha + 3 * alpha * alpha), loss, 1e-15, "alpha " + alpha);
    }
    double best =
        model.adaptedTestLoss(Estimator.MAML, EstimatorParameters.maml(1.0 / 3, 1), w).getReal();
    assertEquals(1.0 / 3, best, 1e-15); // ½(1 − 2/3 + 1/3)
    for (double alpha = 0; alpha <= 1; alpha += 0.01) {
      double loss =
          model.adaptedTestLoss(Estimator.MAML, EstimatorParameters.maml(alpha, 1), w).getReal();
      assertTrue(loss >= best - 1e-15, "alpha " + alpha + " beats 1/3");
    }
    // the same hand case in 50 digits: exactly 1/3 at α = 1/3 (given as the nearest double)
    DfpField dfp = new DfpField(50);
    ExpectedRegressionModel<Dfp> precise = ExpectedRegressionModel.of(setting, dfp);
    Dfp value =
        precise.adaptedTestLoss(
            Estimator.MAML, EstimatorParameters.maml(0.5, 1), point(dfp, new double[] {0}));
    assertEquals(dfp.newDfp(3).divide(8), value); // ½(1 − 1 + 3/4)
  }

  /** Σ = I: ½[(‖w − θ̄‖² + ν²)(1 − 2α + α²(n + d + 1)/n) + α²σ²d/n + σ²]. */
  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33, 34})
  void identityCovarianceFormula(long seed) {
    int d = 1 + (int) (seed % 4);
    int n = 1 + (int) (seed % 7);
    LinearRegressionSetting random = RegressionFixtures.randomSetting(d, 2, n, 3, seed);
    double[] ones = new double[d];
    Arrays.fill(ones, 1);
    double[][] thetas = {random.taskParameter(0), random.taskParameter(1)};
    LinearRegressionSetting setting =
        new LinearRegressionSetting(
            ones,
            thetas,
            new double[] {1, 1},
            n,
            3,
            random.noise(),
            random.prior(),
            random.priorMean());
    double alpha = alpha(seed);
    double[] w = RegressionFixtures.randomPoint(d, seed);
    double distance = 0;
    for (int k = 0; k < d; k++) {
      distance += Math.pow(w[k] - setting.priorMean()[k], 2);
    }
    double nu = setting.prior();
    double sigma = setting.noise();
    double expected =
        0.5
            * ((distance + nu * nu) * (1 - 2 * alpha + alpha * alpha * (n + d + 1) / n)
                + alpha * alpha * sigma * sigma * d / n
                + sigma * sigma);
    double actual =
        ExpectedRegressionModel.of(setting, DOUBLE)
            .adaptedTestLoss(Estimator.MAML, EstimatorParameters.maml(alpha, 1), point(DOUBLE, w))
            .getReal();
    assertEquals(expected, actual, 1e-14 * expected);
  }

  /** Binary64 and Dfp(50) evaluate the same closed forms to double precision. */
  @ParameterizedTest
  @ValueSource(longs = {41, 42, 43})
  void doubleAndFiftyDigitEvaluationsAgree(long seed) {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(4, 3, 3, 5, seed);
    double[] w = RegressionFixtures.randomPoint(4, seed);
    ExpectedRegressionModel<Binary64> fast = ExpectedRegressionModel.of(setting, DOUBLE);
    DfpField dfp = new DfpField(50);
    ExpectedRegressionModel<Dfp> precise = ExpectedRegressionModel.of(setting, dfp);
    for (int steps = 0; steps <= 1; steps++) {
      EstimatorParameters p = EstimatorParameters.maml(alpha(seed), steps);
      for (Estimator e : List.of(Estimator.MAML, Estimator.FOMAML)) {
        double[] a = real(fast.direction(e, p).apply(point(DOUBLE, w)));
        double[] b = real(precise.direction(e, p).apply(point(dfp, w)));
        assertArrayEquals(b, a, 1e-14 * (1 + RandomTasks.maxAbs(b)), e + " N=" + steps);
        double la = fast.adaptedTestLoss(e, p, point(DOUBLE, w)).getReal();
        double lb = precise.adaptedTestLoss(e, p, point(dfp, w)).getReal();
        assertEquals(lb, la, 1e-14 * lb);
      }
      double fa = fast.objective(Estimator.MAML, p).value(point(DOUBLE, w)).getReal();
      double fb = precise.objective(Estimator.MAML, p).value(point(dfp, w)).getReal();
      assertEquals(fb, fa, 1e-14 * fb);
    }
  }

  /** As n_t → ∞ the Wishart and noise terms vanish: the quadratic model of the expected tasks. */
  @Test
  void largeTrainSetsGiveTheQuadraticModelOfTheExpectedTasks() {
    LinearRegressionSetting small = RegressionFixtures.randomSetting(3, 2, 1, 1, 51);
    int huge = 1_000_000_000;
    List<double[]> thetas = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      thetas.add(small.taskParameter(i));
    }
    LinearRegressionSetting setting =
        new LinearRegressionSetting(
            small.covariance(),
            thetas.toArray(new double[0][]),
            new double[] {small.taskWeight(0), small.taskWeight(1)},
            huge,
            1,
            small.noise(),
            small.prior(),
            small.priorMean());
    List<MetaTask> tasks = new ArrayList<>();
    double[] sigma = new double[9];
    for (int k = 0; k < 3; k++) {
      sigma[4 * k] = setting.covariance()[k];
    }
    for (int i = 0; i < 2; i++) {
      tasks.add(
          new MetaTask(
              new QuadraticLoss(sigma, setting.taskParameter(i)),
              new QuadraticLoss(sigma, setting.taskParameter(i)),
              setting.taskWeight(i)));
    }
    double alpha = 0.3;
    AffineGradientMap quadratic =
        EstimatorMaps.affineMap(
            Estimator.MAML, new TaskSet(tasks), EstimatorParameters.maml(alpha, 1));
    FieldAffineMap<Binary64> expected =
        ExpectedRegressionModel.of(setting, DOUBLE)
            .direction(Estimator.MAML, EstimatorParameters.maml(alpha, 1));
    for (int r = 0; r < 3; r++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(quadratic.matrix()[r * 3 + k], expected.jacobian()[r][k].getReal(), 1e-8);
      }
      assertEquals(quadratic.offset()[r], expected.offset()[r].getReal(), 1e-8);
    }
  }

  @Test
  void requestsWithoutAClosedFormSayWhy() {
    ExactModel<Binary64> model =
        ExpectedRegressionModel.of(RegressionFixtures.randomSetting(2, 2, 3, 3, 61), DOUBLE);
    NoClosedFormException threeSteps =
        assertThrows(
            NoClosedFormException.class,
            () -> model.direction(Estimator.MAML, EstimatorParameters.maml(0.1, 3)));
    assertTrue(threeSteps.getMessage().contains("N = 3"), threeSteps.getMessage());
    assertTrue(threeSteps.getMessage().contains("data: sampled"), threeSteps.getMessage());
    assertThrows(
        NoClosedFormException.class,
        () -> model.objective(Estimator.IMAML, EstimatorParameters.imaml(1)));
    assertThrows(
        NoClosedFormException.class,
        () -> model.direction(Estimator.MAML_PROX, EstimatorParameters.mamlProx(1, 3, 0.1)));
    assertThrows(
        NoClosedFormException.class,
        () ->
            model.adaptedTestLoss(
                Estimator.IMAML, EstimatorParameters.imaml(1), point(DOUBLE, new double[2])));
    NoClosedFormException firstOrder =
        assertThrows(
            NoClosedFormException.class,
            () -> model.objective(Estimator.FOMAML, EstimatorParameters.maml(0.1, 1)));
    assertTrue(firstOrder.getMessage().contains("FO-MAML"), firstOrder.getMessage());
    // HF-MAML adapts as MAML does (its finite differences are exact on least squares): N = 0 too
    assertArrayEquals(
        real(model.direction(Estimator.MAML, EstimatorParameters.maml(0.1, 0)).jacobian()[0]),
        real(model.direction(Estimator.HFMAML, EstimatorParameters.maml(0.1, 0)).jacobian()[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> model.direction(Estimator.MAML, EstimatorParameters.maml(0.1, -1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> model.direction(Estimator.MAML, EstimatorParameters.maml(Double.NaN, 1)));
  }

  @Test
  void taskDataAreTheExpectedLosses() {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(2, 3, 4, 4, 71);
    ExactModel<Binary64> model = ExpectedRegressionModel.of(setting, DOUBLE);
    assertEquals(2, model.dimension());
    assertEquals(3, model.taskCount());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(setting.taskParameter(i), real(model.taskOptimum(i)), 0.0);
      Binary64[][] h = model.taskHessian(i);
      assertEquals(setting.covariance()[0], h[0][0].getReal());
      assertEquals(setting.covariance()[1], h[1][1].getReal());
      assertEquals(0.0, h[0][1].getReal());
    }
    assertThrows(IllegalArgumentException.class, () -> model.taskOptimum(3));
  }
}
