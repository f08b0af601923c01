package io.metabound.experiments.family.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.field.NoClosedFormException;
import io.metabound.experiments.probe.Measurement;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegressionMonteCarloTest {

  /** Level of every interval here: a fixed seed that fails is a real discrepancy, not bad luck. */
  private static final double LEVEL = 0.999;

  private static final int SAMPLES = 20_000;

  private static String describe(Measurement m, double reference) {
    return "mean " + m.value() + " in [" + m.lower() + ", " + m.upper() + "] vs " + reference;
  }

  private static void assertCovers(Measurement m, double reference) {
    assertTrue(m.lower() <= reference && reference <= m.upper(), describe(m, reference));
  }

  private static Binary64[] point(double[] w) {
    return ExpectedRegressionModelTest.point(Binary64Field.getInstance(), w);
  }

  /** The one-step closed forms lie in the Monte Carlo intervals (fixed seeds). */
  @ParameterizedTest
  @ValueSource(longs = {101, 102, 103, 104, 105})
  void oneStepIntervalsContainTheClosedForms(long seed) {
    int d = 1 + (int) (seed % 3);
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(d, 2, 2, 3, seed);
    double[] w = RegressionFixtures.randomPoint(d, seed + 1);
    EstimatorParameters p = EstimatorParameters.maml(0.4, 1);
    ExpectedRegressionModel<Binary64> model =
        ExpectedRegressionModel.of(setting, Binary64Field.getInstance());
    RegressionMonteCarlo monteCarlo = new RegressionMonteCarlo(setting);
    double objective = model.objective(Estimator.MAML, p).value(point(w)).getReal();
    Measurement estimate = monteCarlo.metaObjective(Estimator.MAML, p, w, SAMPLES, seed, LEVEL);
    assertCovers(estimate, objective);
    assertEquals(SAMPLES, estimate.samples());
    assertTrue(estimate.standardError() > 0);
    for (Estimator e : new Estimator[] {Estimator.MAML, Estimator.FOMAML, Estimator.HFMAML}) {
      double loss = model.adaptedTestLoss(e, p, point(w)).getReal();
      assertCovers(monteCarlo.adaptedTestLoss(e, p, w, SAMPLES, seed + 7, LEVEL), loss);
    }
  }

  /**
   * The one-step directions against a Monte Carlo mean of the per-data directions, coordinate by
   * coordinate: FO-MAML {@code ∇L_v(u)} and MAML {@code (I − αS_t)∇L_v(u)}, weighted over tasks.
   */
  @ParameterizedTest
  @ValueSource(longs = {171, 172})
  void oneStepDirectionsLieInMonteCarloIntervals(long seed) {
    int d = 2;
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(d, 2, 2, 3, seed);
    double alpha = 0.4;
    double[] w = RegressionFixtures.randomPoint(d, seed + 1);
    int variates = (setting.trainSamples() + setting.validationSamples()) * (d + 1);
    StreamingStatistics[] firstOrder = new StreamingStatistics[d];
    StreamingStatistics[] maml = new StreamingStatistics[d];
    for (int k = 0; k < d; k++) {
      firstOrder[k] = new StreamingStatistics();
      maml[k] = new StreamingStatistics();
    }
    RandomGenerator random = new Well19937c(seed);
    double[] g = new double[variates];
    for (int t = 0; t < SAMPLES; t++) {
      double[] sumFirstOrder = new double[d];
      double[] sumMaml = new double[d];
      for (int i = 0; i < setting.taskCount(); i++) {
        for (int j = 0; j < variates; j++) {
          g[j] = random.nextGaussian();
        }
        double[] theta = setting.taskParameter(i);
        LeastSquaresLoss train =
            RegressionFixtures.dataSet(
                g, 0, setting.trainSamples(), setting.covariance(), theta, setting.noise());
        LeastSquaresLoss validation =
            RegressionFixtures.dataSet(
                g,
                setting.trainSamples() * (d + 1),
                setting.validationSamples(),
                setting.covariance(),
                theta,
                setting.noise());
        double[] outer = new double[d];
        validation.gradient(RegressionFixtures.gradientSteps(train, w, alpha, 1), outer);
        double[] curved = new double[d];
        train.hessianVector(w, outer, curved);
        for (int k = 0; k < d; k++) {
          sumFirstOrder[k] += setting.probability(i) * outer[k];
          sumMaml[k] += setting.probability(i) * (outer[k] - alpha * curved[k]);
        }
      }
      for (int k = 0; k < d; k++) {
        firstOrder[k].addValue(sumFirstOrder[k]);
        maml[k].addValue(sumMaml[k]);
      }
    }
    ExpectedRegressionModel<Binary64> model =
        ExpectedRegressionModel.of(setting, Binary64Field.getInstance());
    EstimatorParameters p = EstimatorParameters.maml(alpha, 1);
    Binary64[] fo = model.direction(Estimator.FOMAML, p).apply(point(w));
    Binary64[] exact = model.direction(Estimator.MAML, p).apply(point(w));
    for (int k = 0; k < d; k++) {
      assertCovers(Measurement.ofStatistics(firstOrder[k], LEVEL), fo[k].getReal());
      assertCovers(Measurement.ofStatistics(maml[k], LEVEL), exact[k].getReal());
    }
  }

  /** No inner step: the interval contains the expected loss. */
  @ParameterizedTest
  @ValueSource(longs = {111, 112})
  void noInnerStepIntervalsContainTheClosedForms(long seed) {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(2, 3, 4, 2, seed);
    double[] w = RegressionFixtures.randomPoint(2, seed + 1);
    EstimatorParameters p = EstimatorParameters.maml(0.4, 0);
    ExpectedRegressionModel<Binary64> model =
        ExpectedRegressionModel.of(setting, Binary64Field.getInstance());
    RegressionMonteCarlo monteCarlo = new RegressionMonteCarlo(setting);
    assertCovers(
        monteCarlo.metaObjective(Estimator.MAML, p, w, SAMPLES, seed, LEVEL),
        model.objective(Estimator.MAML, p).value(point(w)).getReal());
    assertCovers(
        monteCarlo.adaptedTestLoss(Estimator.MAML, p, w, SAMPLES, seed, LEVEL),
        model.adaptedTestLoss(Estimator.MAML, p, point(w)).getReal());
  }

  /**
   * The intervals are informative: with n_t = 1 the Wishart term moves the adapted test loss far
   * outside the interval of the value it would have without it (the n_t → ∞ quadratic model).
   */
  @Test
  void intervalsResolveTheWishartCorrection() {
    LinearRegressionSetting setting =
        new LinearRegressionSetting(
            new double[] {1, 1},
            new double[][] {{0, 0}},
            new double[] {1},
            1,
            1,
            0.5,
            1,
            new double[] {0.5, -0.5});
    double alpha = 0.5;
    double[] w = {0, 0};
    Measurement m =
        new RegressionMonteCarlo(setting)
            .adaptedTestLoss(
                Estimator.MAML, EstimatorParameters.maml(alpha, 1), w, SAMPLES, 7, LEVEL);
    // without the 1/n terms: ½[(‖w − θ̄‖² + ν²)(1 − α)² + σ²]
    double infiniteData = 0.5 * ((0.5 + 1) * (1 - alpha) * (1 - alpha) + 0.25);
    assertFalse(m.lower() <= infiniteData && infiniteData <= m.upper(), describe(m, infiniteData));
    double closedForm =
        ExpectedRegressionModel.of(setting, Binary64Field.getInstance())
            .adaptedTestLoss(Estimator.MAML, EstimatorParameters.maml(alpha, 1), point(w))
            .getReal();
    assertCovers(m, closedForm);
  }

  /**
   * Two inner steps (no closed form in the model): the Monte Carlo interval contains the exact
   * quadrature over the data (5 Gauss–Hermite nodes: exact to degree 9 per variable).
   */
  @ParameterizedTest
  @ValueSource(longs = {121, 122, 123})
  void twoStepEstimatesAgreeWithQuadrature(long seed) {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(1, 1, 2, 1, seed);
    double alpha = 0.3;
    double[] w = RegressionFixtures.randomPoint(1, seed + 1);
    double[] s = setting.covariance();
    double[] theta = setting.taskParameter(0);
    double exact =
        new GaussHermite(5)
            .expectation(
                6,
                g -> {
                  LeastSquaresLoss train =
                      RegressionFixtures.dataSet(g, 0, 2, s, theta, setting.noise());
                  LeastSquaresLoss validation =
                      RegressionFixtures.dataSet(g, 4, 1, s, theta, setting.noise());
                  return validation.value(RegressionFixtures.gradientSteps(train, w, alpha, 2));
                });
    EstimatorParameters p = EstimatorParameters.maml(alpha, 2);
    assertCovers(
        new RegressionMonteCarlo(setting).metaObjective(Estimator.MAML, p, w, SAMPLES, seed, LEVEL),
        exact);
    assertThrows(
        NoClosedFormException.class,
        () ->
            ExpectedRegressionModel.of(setting, Binary64Field.getInstance())
                .objective(Estimator.MAML, p));
  }

  /** iMAML's exact proximal adaptation against a fine quadrature (smooth, not polynomial). */
  @ParameterizedTest
  @ValueSource(longs = {131, 132})
  void proximalEstimatesAgreeWithQuadrature(long seed) {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(1, 1, 1, 1, seed);
    double lambda = 0.7;
    double[] w = RegressionFixtures.randomPoint(1, seed + 1);
    double s = setting.covariance()[0];
    double theta = setting.taskParameter(0)[0];
    double sigma = setting.noise();
    double exact =
        new GaussHermite(40)
            .expectation(
                4,
                g -> {
                  double x = Math.sqrt(s) * g[0];
                  double y = x * theta + sigma * g[1];
                  // u* = (x² + λ)⁻¹(x y + λ w) for one sample
                  double u = (x * y + lambda * w[0]) / (x * x + lambda);
                  double xv = Math.sqrt(s) * g[2];
                  double yv = xv * theta + sigma * g[3];
                  return 0.5 * (xv * u - yv) * (xv * u - yv);
                });
    Measurement m =
        new RegressionMonteCarlo(setting)
            .metaObjective(
                Estimator.IMAML, EstimatorParameters.imaml(lambda), w, SAMPLES, seed, LEVEL);
    assertCovers(m, exact);
  }

  /**
   * MAML-prox with many small steps reaches the proximal point: with the same seed the data are the
   * same, so the estimates agree far below their standard error.
   */
  @Test
  void proximalGradientStepsConvergeToTheProximalPoint() {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(2, 2, 3, 3, 141);
    double[] w = RegressionFixtures.randomPoint(2, 142);
    RegressionMonteCarlo monteCarlo = new RegressionMonteCarlo(setting);
    Measurement exact =
        monteCarlo.adaptedTestLoss(new InnerAdaptation.Proximal(1.0), w, 200, 5, LEVEL);
    Measurement steps =
        monteCarlo.adaptedTestLoss(
            new InnerAdaptation.ProximalSteps(1.0, 3000, 0.02), w, 200, 5, LEVEL);
    assertEquals(exact.value(), steps.value(), 1e-9 * exact.value());
    // K = 0 proximal steps and N = 0 gradient steps both leave w unchanged
    assertEquals(
        monteCarlo
            .adaptedTestLoss(new InnerAdaptation.GradientSteps(0.1, 0), w, 200, 5, LEVEL)
            .value(),
        monteCarlo
            .adaptedTestLoss(new InnerAdaptation.ProximalSteps(1, 0, 0.1), w, 200, 5, LEVEL)
            .value());
  }

  @Test
  void estimatesAreDeterministicInTheSeed() {
    LinearRegressionSetting setting = RegressionFixtures.randomSetting(2, 2, 3, 3, 151);
    double[] w = RegressionFixtures.randomPoint(2, 152);
    RegressionMonteCarlo monteCarlo = new RegressionMonteCarlo(setting);
    EstimatorParameters p = EstimatorParameters.maml(0.2, 3);
    Measurement a = monteCarlo.metaObjective(Estimator.MAML, p, w, 500, 9, LEVEL);
    Measurement b = monteCarlo.metaObjective(Estimator.MAML, p, w, 500, 9, LEVEL);
    Measurement c = monteCarlo.metaObjective(Estimator.MAML, p, w, 500, 10, LEVEL);
    assertEquals(a, b);
    assertNotEquals(a.value(), c.value());
  }

  @Test
  void requestsOutsideTheEstimatesAreRejected() {
    RegressionMonteCarlo monteCarlo =
        new RegressionMonteCarlo(RegressionFixtures.randomSetting(2, 1, 3, 3, 161));
    double[] w = {0, 0};
    assertThrows(
        NoClosedFormException.class,
        () ->
            monteCarlo.metaObjective(
                Estimator.FOMAML, EstimatorParameters.maml(0.1, 1), w, 10, 1, LEVEL));
    // HF-MAML adapts by N GD steps as MAML does: the same samples give the same estimate
    assertEquals(
        monteCarlo.adaptedTestLoss(Estimator.MAML, EstimatorParameters.maml(0.1, 2), w, 10, 1, LEVEL),
        monteCarlo.adaptedTestLoss(
            Estimator.HFMAML, EstimatorParameters.maml(0.1, 2), w, 10, 1, LEVEL));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            monteCarlo.adaptedTestLoss(
                Estimator.MAML, EstimatorParameters.maml(0.1, 1), w, 1, 1, LEVEL));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            monteCarlo.adaptedTestLoss(
                Estimator.MAML, EstimatorParameters.maml(0.1, 1), new double[3], 10, 1, LEVEL));
    assertThrows(IllegalArgumentException.class, () -> new InnerAdaptation.Proximal(0));
  }
}
