package io.metabound.experiments.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * N-step MAML and FO-MAML closed forms against finite differences of the closed-form meta-objective
 * and against an independent simulation of the inner GD path with the product of Ji2022 eq. (3).
 */
class QuadraticMetaOracleTest {

  static Stream<Arguments> instances() {
    List<Arguments> list = new ArrayList<>();
    long seed = 1000;
    for (int d : new int[] {1, 2, 5}) {
      for (int m : new int[] {1, 3}) {
        for (int n : new int[] {1, 2, 4}) {
          for (boolean finiteSum : new boolean[] {false, true}) {
            for (boolean indefinite : new boolean[] {false, true}) {
              list.add(Arguments.of(seed++, d, m, n, finiteSum, indefinite));
            }
          }
        }
      }
    }
    return list.stream();
  }

  private static double alpha(long seed) {
    // αL ≤ 0.55 with L ≤ 2
    return 0.025 + 0.25 * new SplittableRandom(seed * 31 + 5).nextDouble();
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} N={3} finiteSum={4} indefinite={5}")
  @MethodSource("instances")
  void metaGradientMatchesFiniteDifferencesOfTheMetaObjective(
      long seed, int d, int m, int n, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, alpha(seed), n);
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed), d);

    MetaGradient exact = oracle.metaGradient(w);
    double[] fd = FiniteDifferences.gradient(oracle::metaObjective, w, 1e-4);

    assertTrue(exact.exact());
    assertTrue(
        FiniteDifferences.relativeError(fd, exact.value()) < 1e-6,
        () -> "∇F " + exact + " vs FD " + java.util.Arrays.toString(fd));
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} N={3} finiteSum={4} indefinite={5}")
  @MethodSource("instances")
  void metaHessianMatchesFiniteDifferencesOfTheMetaGradient(
      long seed, int d, int m, int n, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, alpha(seed), n);
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed), d);

    double[] hessian = oracle.metaHessian().matrix();
    double[] fd = FiniteDifferences.jacobian(x -> oracle.metaGradient(x).value(), w, 1e-3);

    assertTrue(FiniteDifferences.relativeError(fd, hessian) < 1e-6);
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} N={3} finiteSum={4} indefinite={5}")
  @MethodSource("instances")
  void metaGradientMatchesTheSimulatedInnerPathAndTheProductOfJi2022Eq3(
      long seed, int d, int m, int n, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    double alpha = alpha(seed);
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed), d);

    double[] reference = referenceMamlGradient(tasks, alpha, n, w, true);
    double[] exact = QuadraticMetaOracle.maml(tasks, alpha, n).metaGradient(w).value();

    assertTrue(FiniteDifferences.relativeError(exact, reference) < 1e-10);
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} N={3} finiteSum={4} indefinite={5}")
  @MethodSource("instances")
  void firstOrderDirectionIsTheOuterGradientAtTheSimulatedAdaptedPoint(
      long seed, int d, int m, int n, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    double alpha = alpha(seed);
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed), d);
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, alpha, n);

    double[] reference = referenceMamlGradient(tasks, alpha, n, w, false);
    double[] direction = oracle.firstOrderDirection(w).value();
    double[] fromMap = new double[d];
    oracle.firstOrderMap().apply(w, fromMap);

    assertTrue(FiniteDifferences.relativeError(direction, reference) < 1e-10);
    assertTrue(FiniteDifferences.relativeError(fromMap, reference) < 1e-10);
  }

  @ParameterizedTest(name = "seed={0} d={1} m={2} N={3} finiteSum={4} indefinite={5}")
  @MethodSource("instances")
  void gradientMapReproducesTheMetaGradient(
      long seed, int d, int m, int n, boolean finiteSum, boolean indefinite) {
    TaskSet tasks = QuadraticFixtures.random(seed, d, m, finiteSum, indefinite);
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, alpha(seed), n);
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed + 1), d);

    double[] fromMap = new double[d];
    oracle.gradientMap().apply(w, fromMap);

    assertTrue(FiniteDifferences.relativeError(fromMap, oracle.metaGradient(w).value()) < 1e-10);
    // the adapted point is the N-step GD iterate
    for (int i = 0; i < m; i++) {
      double[] path = simulatedPath(tasks.get(i), alpha(seed), n, w).get(n);
      assertTrue(FiniteDifferences.relativeError(oracle.adaptedPoint(i, w), path) < 1e-10);
    }
  }

  /**
   * Ji2022 eq. (3) evaluated literally: run the N inner GD steps with {@code
   * QuadraticLoss.gradient}, take the outer gradient at {@code w̃_N}, and multiply by {@code (I −
   * α∇²l(w̃_j))} for j = N−1 down to 0 (so the j = 0 factor ends up leftmost).
   *
   * @param throughProduct false drops the product (FO-MAML, Fallah2020 eq. (8))
   */
  static double[] referenceMamlGradient(
      TaskSet tasks, double alpha, int n, double[] w, boolean throughProduct) {
    int d = w.length;
    double[] total = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      MetaTask task = tasks.get(i);
      List<double[]> path = simulatedPath(task, alpha, n, w);
      double[] v = new double[d];
      task.outer().gradient(path.get(n), v);
      if (throughProduct) {
        double[] hessian = new double[d * d];
        for (int j = n - 1; j >= 0; j--) {
          task.inner().hessian(path.get(j), hessian);
          double[] next = new double[d];
          for (int r = 0; r < d; r++) {
            double s = v[r];
            for (int k = 0; k < d; k++) {
              s -= alpha * hessian[r * d + k] * v[k];
            }
            next[r] = s;
          }
          v = next;
        }
      }
      for (int k = 0; k < d; k++) {
        total[k] += tasks.probability(i) * v[k];
      }
    }
    return total;
  }

  /** {@code w̃_0 = w, w̃_{j+1} = w̃_j − α∇l_S(w̃_j)} (Ji2022 eq. (1)/(9)). */
  static List<double[]> simulatedPath(MetaTask task, double alpha, int n, double[] w) {
    int d = w.length;
    List<double[]> path = new ArrayList<>();
    double[] current = w.clone();
    path.add(current);
    double[] g = new double[d];
    for (int j = 0; j < n; j++) {
      task.inner().gradient(current, g);
      double[] next = new double[d];
      for (int k = 0; k < d; k++) {
        next[k] = current[k] - alpha * g[k];
      }
      path.add(next);
      current = next;
    }
    return path;
  }

  @Test
  void oneDimensionalHandCase() {
    // H = 4, c = 1 (resampling), α = 0.2, N = 1: 1 − αH = 0.2
    // adapted point 1 + 0.2(w − 1); at w = 3: 1.4
    // F(w) = ½·4·(0.2(w − 1))² = 0.08 (w − 1)²  → F(3) = 0.32
    // ∇F(w) = 0.2·4·0.2(w − 1) = 0.16 (w − 1)   → ∇F(3) = 0.32; ∇²F = 0.16
    // FO-MAML: g = 4·0.2(w − 1) = 0.8(w − 1)    → g(3) = 1.6
    TaskSet tasks =
        new TaskSet(
            List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{4}}, new double[] {1}))));
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, 0.2, 1);
    double[] w = {3};
    assertEquals(1.4, oracle.adaptedPoint(0, w)[0], 1e-15);
    assertEquals(0.32, oracle.metaObjective(w), 1e-15);
    assertEquals(0.32, oracle.metaGradient(w).get(0), 1e-15);
    assertEquals(0.16, oracle.metaHessian().get(0, 0), 1e-15);
    assertEquals(1.6, oracle.firstOrderDirection(w).get(0), 1e-14);
    assertEquals(0.16, oracle.metaSmoothness().value(), 1e-15);
    assertEquals(Exactness.EXACT, oracle.metaSmoothness().exactness());
    assertEquals("L_F", oracle.metaSmoothness().symbol());
    assertArrayEquals(new double[] {1}, oracle.stationaryPoint().point(), 1e-14);
    assertEquals(StationaryPoint.Nature.MINIMUM, oracle.stationaryPoint().nature());
  }

  @Test
  void metaSmoothnessOfAnEigenvalueMinusLAttainsJi2022Prop1() {
    // H = −L = −2, α = 1/(2L) = 0.25, N = 3: ∇²F = H(1 − αH)^{2N} = −2·1.5⁶ = −22.78125,
    // ‖∇²F‖ = 2·1.5⁶ = (1 + αL)^{2N} L: Ji2022 Prop 1 with ρ = 0 is attained
    TaskSet tasks =
        new TaskSet(
            List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{-2}}, new double[] {0}))));
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, 0.25, 3);
    assertEquals(2 * Math.pow(1.5, 6), oracle.metaSmoothness().value(), 1e-12);
    assertEquals(StationaryPoint.Nature.MAXIMUM, oracle.stationaryPoint().nature());
    assertEquals(0, BetaThreshold.of(oracle.gradientMap()).value());
  }

  @Test
  void indefiniteMetaHessianIsReportedAsASaddle() {
    // H = diag(1, −1), α = 0.1, N = 1: ∇²F = diag(1·0.9², −1·1.1²) = diag(0.81, −1.21)
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(
                    QuadraticLoss.of(new double[][] {{1, 0}, {0, -1}}, new double[] {2, 3}))));
    StationaryPoint point = QuadraticMetaOracle.maml(tasks, 0.1, 1).stationaryPoint();
    assertEquals(StationaryPoint.Nature.SADDLE, point.nature());
    // ∇F = J H J (w − c) vanishes at w = c
    assertArrayEquals(new double[] {2, 3}, point.point(), 1e-13);
    assertTrue(point.description().contains("saddle"), point.description());
  }

  @Test
  void singularMetaHessianIsReportedWithoutAPoint() {
    // H = diag(2, 0): the second direction has zero curvature, so ∇²F = diag(2·(1−2α)², 0)
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(
                    QuadraticLoss.of(new double[][] {{2, 0}, {0, 0}}, new double[] {1, 1}))));
    StationaryPoint point = QuadraticMetaOracle.maml(tasks, 0.1, 2).stationaryPoint();
    assertEquals(StationaryPoint.Nature.SINGULAR, point.nature());
    assertEquals(null, point.point());
    assertTrue(point.description().contains("singular"), point.description());
  }

  @Test
  void noAdaptationIsTheAverageOuterLoss() {
    // N = 0 (or α = 0): F(w) = Σ p ½(w − e)ᵀG(w − e), ∇F = Σ p G(w − e)
    TaskSet tasks = QuadraticFixtures.random(77, 3, 2, true, false);
    double[] w = {0.3, -1, 2};
    double[] expected = new double[3];
    double[] g = new double[3];
    for (int i = 0; i < 2; i++) {
      tasks.get(i).outer().gradient(w, g);
      for (int k = 0; k < 3; k++) {
        expected[k] += tasks.probability(i) * g[k];
      }
    }
    assertTrue(
        FiniteDifferences.relativeError(
                QuadraticMetaOracle.maml(tasks, 0.3, 0).metaGradient(w).value(), expected)
            < 1e-12);
    assertTrue(
        FiniteDifferences.relativeError(
                QuadraticMetaOracle.maml(tasks, 0.0, 5).metaGradient(w).value(), expected)
            < 1e-12);
  }
}
