package io.metabound.experiments.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.TaskSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The factory's maps against the oracles and the formulas they come from. */
class EstimatorMapsTest {

  private final TaskSet tasks = QuadraticFixtures.random(42, 4, 3, true, true);
  private final EstimatorMaps maps = EstimatorMaps.of(tasks);

  @Test
  void mamlAndFoMamlMapsAreTheOracleMaps() {
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, 0.15, 3);
    assertEquals(oracle.gradientMap(), maps.map(Estimator.MAML, EstimatorParameters.maml(0.15, 3)));
    assertEquals(
        oracle.firstOrderMap(),
        EstimatorMaps.affineMap(Estimator.FOMAML, tasks, EstimatorParameters.maml(0.15, 3)));
  }

  @Test
  void imamlAndMamlProxMapsAreTheOracleMaps() {
    assertEquals(
        QuadraticMetaOracle.imaml(tasks, 2.0).gradientMap(),
        maps.map(Estimator.IMAML, EstimatorParameters.imaml(2.0)));
    assertEquals(
        QuadraticMetaOracle.mamlProx(tasks, 2.0, 5, 0.1).gradientMap(),
        maps.map(Estimator.MAML_PROX, EstimatorParameters.mamlProx(2.0, 5, 0.1)));
  }

  @ParameterizedTest(name = "delta={0}")
  @ValueSource(doubles = {1e-4, 1e-2, 1, 100})
  void hessianFreeMamlIsExactOneStepMamlForEveryDelta(double delta) {
    // the central difference of a quadratic's gradient is exact: d = H v for every δ > 0
    AffineGradientMap hf = maps.map(Estimator.HFMAML, EstimatorParameters.hfMaml(0.15, delta));
    AffineGradientMap maml = maps.map(Estimator.MAML, EstimatorParameters.maml(0.15, 1));
    assertTrue(FiniteDifferences.relativeError(hf.matrix(), maml.matrix()) < 1e-9);
    assertTrue(FiniteDifferences.relativeError(hf.offset(), maml.offset()) < 1e-9);
    // and pointwise, from the formula
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(3), 4);
    QuadraticHessianFreeMaml direct = new QuadraticHessianFreeMaml(tasks, 0.15, delta);
    assertTrue(
        FiniteDifferences.relativeError(
                direct.direction(w).value(),
                QuadraticMetaOracle.maml(tasks, 0.15, 1).metaGradient(w).value())
            < 1e-9);
  }

  @Test
  void hessianFreeMamlFollowsFallahEq11Literally() {
    // an independent evaluation of eqs. (10)–(11) with the tasks' own gradient methods
    double alpha = 0.1;
    double delta = 0.01;
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(8), 4);
    double[] expected = new double[4];
    for (int i = 0; i < tasks.size(); i++) {
      var t = tasks.get(i);
      double[] g = new double[4];
      t.inner().gradient(w, g);
      double[] adapted = new double[4];
      for (int k = 0; k < 4; k++) {
        adapted[k] = w[k] - alpha * g[k];
      }
      double[] v = new double[4];
      t.outer().gradient(adapted, v);
      double[] plus = new double[4];
      double[] minus = new double[4];
      for (int k = 0; k < 4; k++) {
        plus[k] = w[k] + delta * v[k];
        minus[k] = w[k] - delta * v[k];
      }
      double[] gp = new double[4];
      double[] gm = new double[4];
      t.inner().gradient(plus, gp);
      t.inner().gradient(minus, gm);
      for (int k = 0; k < 4; k++) {
        expected[k] += tasks.probability(i) * (v[k] - alpha * (gp[k] - gm[k]) / (2 * delta));
      }
    }
    QuadraticHessianFreeMaml hf = new QuadraticHessianFreeMaml(tasks, alpha, delta);
    assertTrue(FiniteDifferences.relativeError(hf.direction(w).value(), expected) < 1e-13);
    double[] fromMap = new double[4];
    hf.affineMap().apply(w, fromMap);
    assertTrue(FiniteDifferences.relativeError(fromMap, expected) < 1e-12);
  }

  @Test
  void parametersAreValidatedWithTheirNames() {
    IllegalArgumentException steps =
        assertThrows(
            IllegalArgumentException.class,
            () -> maps.map(Estimator.HFMAML, EstimatorParameters.hfMaml(0.1, -1, 1e-3)));
    assertTrue(steps.getMessage().contains("N must be >= 0"), steps.getMessage());
    IllegalArgumentException lambda =
        assertThrows(
            IllegalArgumentException.class,
            () -> maps.map(Estimator.IMAML, EstimatorParameters.maml(0.1, 1)));
    assertTrue(lambda.getMessage().contains("lambda"), lambda.getMessage());
    IllegalArgumentException alpha =
        assertThrows(
            IllegalArgumentException.class,
            () -> maps.map(Estimator.MAML, EstimatorParameters.imaml(1)));
    assertTrue(alpha.getMessage().contains("alpha"), alpha.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> maps.map(Estimator.MAML, EstimatorParameters.maml(0.1, -1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> maps.map(Estimator.MAML_PROX, EstimatorParameters.mamlProx(1, 3, 0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> maps.map(Estimator.HFMAML, EstimatorParameters.hfMaml(0.1, 0)));
  }

  @Test
  void estimatorNamesParse() {
    assertEquals(Estimator.FOMAML, Estimator.parse("fo-maml"));
    assertEquals(Estimator.HFMAML, Estimator.parse("HF_MAML"));
    assertEquals(Estimator.MAML_PROX, Estimator.parse("maml-prox"));
    assertEquals(Estimator.IMAML, Estimator.parse("iMAML"));
    assertEquals(Estimator.REPTILE, Estimator.parse("reptile"));
    assertEquals(Estimator.MOREAU, Estimator.parse("Moreau"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Estimator.parse("sgd"));
    assertTrue(e.getMessage().contains("reptile") && e.getMessage().contains("moreau"));
  }

  @Test
  void mapsForNewAlphasReuseTheDecompositionAndAgreeWithFreshOnes() {
    EstimatorParameters p = EstimatorParameters.maml(0.1, 2);
    for (double alpha : new double[] {0.01, 0.2, 0.4}) {
      assertEquals(
          EstimatorMaps.affineMap(Estimator.MAML, tasks, p.withAlpha(alpha)),
          maps.map(Estimator.MAML, p.withAlpha(alpha)));
    }
    assertEquals(
        EstimatorMaps.affineMap(Estimator.FOMAML, tasks, p.withSteps(5)),
        maps.map(Estimator.FOMAML, p.withSteps(5)));
  }

  @Test
  void fixedPointsOfTheMaps() {
    // MAML's fixed point zeroes the exact meta-gradient
    StationaryPoint point = maps.fixedPoint(Estimator.MAML, EstimatorParameters.maml(0.1, 2));
    assertTrue(point.exists(), point.description());
    double[] g = QuadraticMetaOracle.maml(tasks, 0.1, 2).metaGradient(point.point()).value();
    assertTrue(QuadraticFixtures.norm(g) < 1e-10);
    // FO-MAML on finite-sum tasks: not a gradient field
    assertEquals(
        StationaryPoint.Nature.FIXED_POINT,
        maps.fixedPoint(Estimator.FOMAML, EstimatorParameters.maml(0.1, 2)).nature());
  }
}
