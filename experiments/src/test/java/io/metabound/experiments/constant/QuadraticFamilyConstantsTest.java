package io.metabound.experiments.constant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.QuadraticFixtures;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticFamily;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuadraticFamilyConstantsTest {

  private static QuadraticLoss loss(double[][] h, double... c) {
    return QuadraticLoss.of(h, c);
  }

  @Test
  void lipschitzMuAndRhoOfDiagonalTasks() {
    // H_0 = diag(3, −5), H_1 = diag(1, 2): L = max|λ| = 5, μ = −5, ρ = 0
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(loss(new double[][] {{3, 0}, {0, -5}}, 0, 0)),
                MetaTask.same(loss(new double[][] {{1, 0}, {0, 2}}, 1, 1))));
    QuadraticFamilyConstants k = QuadraticFamilyConstants.of(tasks);
    assertEquals(5, k.lipschitz().value(), 1e-14);
    assertEquals(-5, k.mu().value(), 1e-14);
    assertEquals(0, k.rho().value());
    for (FamilyConstant c : List.of(k.lipschitz(), k.mu(), k.rho())) {
      assertEquals(Exactness.EXACT, c.exactness());
    }
    assertEquals(
        List.of("L", "mu", "rho", "sigma", "b", "b_sq"),
        k.asList().stream().map(FamilyConstant::symbol).toList());
  }

  @Test
  void lipschitzCountsTheQueryHessians() {
    // rotated query Hessian with eigenvalues {7, 1}: [[4, 3], [3, 4]]
    TaskSet tasks =
        new TaskSet(
            List.of(
                new MetaTask(
                    loss(new double[][] {{2, 0}, {0, 1}}, 0, 0),
                    loss(new double[][] {{4, 3}, {3, 4}}, 0, 0),
                    1)));
    assertEquals(7, QuadraticFamilyConstants.of(tasks).lipschitz().value(), 1e-13);
    assertEquals(1, QuadraticFamilyConstants.of(tasks).mu().value(), 1e-14);
  }

  @Test
  void sigmaIsExactWhenTheHessianIsShared() {
    // H = diag(1, 2), c_0 = (1, 0), c_1 = (−1, 0), equal weights: mean c = 0,
    // H(c_i − c̄) = (±1, 0), so σ² = ½·1 + ½·1 = 1 for every w
    double[][] h = {{1, 0}, {0, 2}};
    TaskSet tasks =
        new TaskSet(List.of(MetaTask.same(loss(h, 1, 0)), MetaTask.same(loss(h, -1, 0))));
    FamilyConstant sigma = QuadraticFamilyConstants.of(tasks).sigma();
    assertEquals(1, sigma.value(), 1e-15);
    assertEquals(Exactness.EXACT, sigma.exactness());
    assertEquals(1, QuadraticFamilyConstants.sigmaAt(tasks, new double[] {3, -7}).value(), 1e-14);
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void sharedHessianSigmaEqualsThePointwiseSpreadEverywhere(long seed) {
    TaskSet tasks = new QuadraticFamily(4, 5, 0.1, 3, 2.0, 0.0, true, seed).generate();
    double sigma = QuadraticFamilyConstants.of(tasks).sigma().value();
    SplittableRandom random = new SplittableRandom(seed);
    for (int s = 0; s < 5; s++) {
      double[] w = QuadraticFixtures.gaussian(random, 4);
      for (int k = 0; k < 4; k++) {
        w[k] *= 100;
      }
      assertEquals(sigma, QuadraticFamilyConstants.sigmaAt(tasks, w).value(), 1e-9 * sigma);
    }
  }

  @Test
  void heterogeneousSigmaIsInfiniteOnTheWholeSpace() {
    TaskSet tasks = QuadraticFixtures.random(5, 3, 3, false, false);
    FamilyConstant sigma = QuadraticFamilyConstants.of(tasks).sigma();
    assertEquals(Double.POSITIVE_INFINITY, sigma.value());
    assertEquals(Exactness.EXACT, sigma.exactness());
    assertTrue(sigma.note().contains("+infinity"), sigma.note());
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {21, 22, 23, 24})
  void sigmaOverABallBoundsEverySampledPointAndBeatsTheTriangleBound(long seed) {
    int d = 3;
    TaskSet tasks = QuadraticFixtures.random(seed, d, 4, seed % 2 == 0, seed % 3 == 0);
    SplittableRandom random = new SplittableRandom(seed);
    double[] centre = QuadraticFixtures.gaussian(random, d);
    double radius = 2.5;
    FamilyConstant sigma = QuadraticFamilyConstants.of(tasks, new Ball(centre, radius)).sigma();
    assertEquals(Exactness.CERTIFIED_UPPER_BOUND, sigma.exactness());
    assertTrue(sigma.note().contains("ball"), sigma.note());

    // the bound holds at random points of the ball and on its boundary
    double sampled = 0;
    for (int s = 0; s < 2000; s++) {
      double[] u = QuadraticFixtures.gaussian(random, d);
      double scale =
          radius
              * (s % 2 == 0 ? 1 : Math.pow(random.nextDouble(), 1.0 / d))
              / QuadraticFixtures.norm(u);
      double[] w = new double[d];
      for (int k = 0; k < d; k++) {
        w[k] = centre[k] + scale * u[k];
      }
      sampled = Math.max(sampled, QuadraticFamilyConstants.sigmaAt(tasks, w).value());
    }
    assertTrue(sampled <= sigma.value(), sampled + " > " + sigma.value());

    // the brief's simpler certificate ‖∇l_i − ∇l̄‖ ≤ ‖G_i − Ḡ‖R + ‖a_i‖ is never smaller
    assertTrue(sigma.value() <= triangleBound(tasks, centre, radius) * (1 + 1e-12));
  }

  @Test
  void sigmaOverAnIntervalIsExactInOneDimension() {
    // d = 1: σ²(z + u) = Σp(a_i + D_i u)² is a convex parabola in u; its maximum on [−R, R] is
    // at an end and equals Σp a_i² + 2R|Σp D_i a_i| + R² Σp D_i², the certified bound itself
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(loss(new double[][] {{1}}, 2)),
                MetaTask.same(loss(new double[][] {{3}}, -1)),
                new MetaTask(loss(new double[][] {{0.5}}, 0), loss(new double[][] {{0.5}}, 0), 2)));
    double z = 0.7;
    double radius = 1.3;
    double bound =
        QuadraticFamilyConstants.of(tasks, new Ball(new double[] {z}, radius)).sigma().value();
    double ends =
        Math.max(
            QuadraticFamilyConstants.sigmaAt(tasks, new double[] {z - radius}).value(),
            QuadraticFamilyConstants.sigmaAt(tasks, new double[] {z + radius}).value());
    assertEquals(ends, bound, 1e-11 * ends);
  }

  @Test
  void supportQueryGapIsExactWhenTheHessiansAgree() {
    // H = G = diag(2, 1), c = (1, 1), e = (0, 3): H(c − e) = (2, −2), b = 2√2
    double[][] h = {{2, 0}, {0, 1}};
    TaskSet tasks =
        new TaskSet(
            List.of(new MetaTask(loss(h, 1, 1), loss(h, 0, 3), 1), MetaTask.same(loss(h, 5, 5))));
    QuadraticFamilyConstants k = QuadraticFamilyConstants.of(tasks);
    assertEquals(2 * Math.sqrt(2), k.taskGaps().get(0).value(), 1e-15);
    assertEquals(0, k.taskGaps().get(1).value());
    // b = ½·2√2 + ½·0 = √2, b_sq = ½·8 = 4
    assertEquals(Math.sqrt(2), k.meanGap().value(), 1e-15);
    assertEquals(4, k.meanSquaredGap().value(), 1e-14);
    assertEquals(Exactness.EXACT, k.meanGap().exactness());
  }

  @Test
  void supportQueryGapIsInfiniteWhenTheHessiansDifferAndCertifiedOnABall() {
    // l_S = ½·2(w − 1)², l_T = ½·1(w − 0)²: ∇l_S − ∇l_T = 2w − 2 − w = w − 2
    // sup over R = ∞; sup over |w| ≤ 3 is |−3 − 2| = 5 = ‖a‖ + ‖H − G‖R = 2 + 1·3
    TaskSet tasks =
        new TaskSet(
            List.of(new MetaTask(loss(new double[][] {{2}}, 1), loss(new double[][] {{1}}, 0), 1)));
    FamilyConstant global = QuadraticFamilyConstants.of(tasks).taskGaps().get(0);
    assertEquals(Double.POSITIVE_INFINITY, global.value());
    assertEquals(Exactness.EXACT, global.exactness());
    FamilyConstant regional =
        QuadraticFamilyConstants.of(tasks, Ball.origin(1, 3)).taskGaps().get(0);
    assertEquals(5, regional.value(), 1e-11);
    assertEquals(Exactness.CERTIFIED_UPPER_BOUND, regional.exactness());
    assertEquals(
        Exactness.CERTIFIED_UPPER_BOUND,
        QuadraticFamilyConstants.of(tasks, Ball.origin(1, 3)).meanGap().exactness());
  }

  @Test
  void meanTaskGradientNormAtAPoint() {
    // ∇l_0(w) = diag(1, 2)(w − 0) at w = (3, 2): (3, 4), norm 5; ∇l_1 = 4(w − 2) at w: (4, 0), norm
    // 4
    // weights 1 and 3: E‖∇l_i‖ = ¼·5 + ¾·4 = 4.25
    TaskSet tasks =
        new TaskSet(
            List.of(
                new MetaTask(
                    loss(new double[][] {{1, 0}, {0, 2}}, 0, 0),
                    loss(new double[][] {{1, 0}, {0, 2}}, 0, 0),
                    1),
                new MetaTask(
                    loss(new double[][] {{4, 0}, {0, 4}}, 2, 2),
                    loss(new double[][] {{4, 0}, {0, 4}}, 2, 2),
                    3)));
    FamilyConstant mean = QuadraticFamilyConstants.meanTaskGradientNorm(tasks, new double[] {3, 2});
    assertEquals(4.25, mean.value(), 1e-15);
    assertEquals("grad_task_mean", mean.symbol());
    assertEquals(Exactness.EXACT, mean.exactness());
  }

  /** sqrt(Σ p (‖G_i − Ḡ‖₂R + ‖a_i‖)²): the triangle-inequality certificate. */
  private static double triangleBound(TaskSet tasks, double[] z, double radius) {
    int d = tasks.dimension();
    int m = tasks.size();
    double[] gBar = new double[d * d];
    double[] geBar = new double[d];
    for (int i = 0; i < m; i++) {
      QuadraticLoss o = (QuadraticLoss) tasks.get(i).outer();
      double[] g = o.hessian();
      double[] ge = new double[d];
      o.hessianVector(null, o.centre(), ge);
      for (int k = 0; k < d * d; k++) {
        gBar[k] += tasks.probability(i) * g[k];
      }
      for (int k = 0; k < d; k++) {
        geBar[k] += tasks.probability(i) * ge[k];
      }
    }
    double sum = 0;
    for (int i = 0; i < m; i++) {
      QuadraticLoss o = (QuadraticLoss) tasks.get(i).outer();
      double[] di = o.hessian();
      for (int k = 0; k < d * d; k++) {
        di[k] -= gBar[k];
      }
      double[] ge = new double[d];
      o.hessianVector(null, o.centre(), ge);
      double[] a = new double[d];
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          a[r] += di[r * d + k] * z[k];
        }
        a[r] -= ge[r] - geBar[r];
      }
      double[] eig =
          new org.hipparchus.linear.EigenDecompositionSymmetric(
                  org.hipparchus.linear.MatrixUtils.createRealMatrix(rows(di, d)))
              .getEigenvalues();
      double norm = Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1]));
      double t = norm * radius + QuadraticFixtures.norm(a);
      sum += tasks.probability(i) * t * t;
    }
    return Math.sqrt(sum);
  }

  private static double[][] rows(double[] flat, int d) {
    double[][] r = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(flat, i * d, r[i], 0, d);
    }
    return r;
  }
}
