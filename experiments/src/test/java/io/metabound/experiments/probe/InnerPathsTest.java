package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.algorithm.InnerGradientDescent;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.family.SeparableCosineLoss;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import io.metabound.experiments.linalg.Vectors;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The general inner-path forms of the Ji2022 Lemma 11–14 and Corollary 6 probes ({@link
 * InnerPaths}): the quadratic closed forms on quadratic tasks (to 1e-12), finite differences on
 * separable cosine tasks, and the attained values at the cosine stationary point {@code w = c + π}.
 */
class InnerPathsTest {

  static LongStream seeds() {
    return LongStream.range(1, 13);
  }

  /** Random α ∈ (0, 2/L_max], N ∈ 1…5 for an eigenvalue range [−2, 2]. */
  private record Setting(double alpha, int steps, double[] w) {}

  private static Setting setting(long seed, int d) {
    SplittableRandom r = new SplittableRandom(seed * 7 + 1);
    return new Setting(0.01 + 0.99 * r.nextDouble(), 1 + r.nextInt(5), ProbeFixtures.gaussian(r, d));
  }

  private static Instance quadratic(TaskSet tasks, Setting s) {
    return ProbeFixtures.instance(
        tasks, Map.of("alpha", s.alpha, "N", (double) s.steps, "j", (double) s.steps));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pathSensitivityAndProductDeviationEqualTheClosedFormsOnQuadratics(long seed) {
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.random(seed, d, 1 + (int) (seed % 2), -2, 2);
    Setting s = setting(seed, d);
    Instance x = quadratic(tasks, s);
    for (int power = 1; power <= 2; power++) {
      Probe closed =
          power == 1 ? PathSensitivityProbe.expansionFactor() : PathSensitivityProbe.expansionFactorSquared();
      double expected = closed.measure(x, SETTINGS).value();
      assertEquals(
          expected, InnerPaths.pathSensitivity(tasks, s.alpha, s.steps, s.w, power), 1e-12 * expected);
    }
    double product = new ProductDeviationProbe().measure(x, SETTINGS).value();
    assertEquals(
        product, InnerPaths.productDeviation(tasks, s.alpha, s.steps, s.w), 1e-12 * Math.max(1, product));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pointwiseRatiosEqualTheClosedFormsAlongTheExtremeEigenvector(long seed) {
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.random(seed, d, 1, -2, 2);
    Setting s = setting(seed, d);
    QuadraticLoss loss = (QuadraticLoss) tasks.get(0).inner();
    QuadraticTasks q = QuadraticTasks.of(tasks);
    EigenDecompositionSymmetric eig =
        new EigenDecompositionSymmetric(ProbeFixtures.matrix(q.innerHessian(0), d));
    Instance x = quadratic(tasks, s);
    // w = c + v with v the eigenvector of the eigenvalue where |1 − αλ|^N is largest
    double[] w =
        along(eig, loss.centre(), lambda -> Math.pow(Math.abs(1 - s.alpha * lambda), s.steps));
    double growth = new GradientGrowthProbe().measure(x, SETTINGS).value();
    assertEquals(growth, InnerPaths.gradientGrowth(tasks, s.alpha, s.steps, w), 1e-12 * growth);
    // and where |(1 − αλ)^{2N} − 1| is largest
    double[] u =
        along(
            eig,
            loss.centre(),
            lambda -> Math.abs(Math.pow(1 - s.alpha * lambda, 2 * s.steps) - 1));
    double deviation = new MetaGradientDeviationProbe().measure(x, SETTINGS).value();
    assertEquals(
        deviation,
        InnerPaths.metaGradientDeviation(tasks, s.alpha, s.steps, u, "test"),
        1e-12 * Math.max(1, deviation));
    // at any other point the pointwise ratios stay below the suprema
    double[] other = ProbeFixtures.gaussian(new SplittableRandom(seed), d);
    assertTrue(InnerPaths.gradientGrowth(tasks, s.alpha, s.steps, other) <= growth * (1 + 1e-12));
    assertTrue(
        InnerPaths.metaGradientDeviation(tasks, s.alpha, s.steps, other, "test")
            <= deviation * (1 + 1e-12) + 1e-15);
  }

  /** {@code c + v} with {@code v} the unit eigenvector whose eigenvalue maximises {@code f}. */
  private static double[] along(
      EigenDecompositionSymmetric eig, double[] c, java.util.function.DoubleUnaryOperator f) {
    int best = 0;
    for (int k = 1; k < c.length; k++) {
      if (f.applyAsDouble(eig.getEigenvalue(k)) > f.applyAsDouble(eig.getEigenvalue(best))) {
        best = k;
      }
    }
    double[] w = eig.getEigenvector(best).toArray();
    for (int k = 0; k < c.length; k++) {
      w[k] += c[k];
    }
    return w;
  }

  /** One to two random cosine tasks (resampling case) of dimension d. */
  private static TaskSet cosineTasks(long seed, int d) {
    SplittableRandom r = new SplittableRandom(seed);
    List<MetaTask> tasks = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(2); i++) {
      double[] a = new double[d];
      double[] c = new double[d];
      for (int k = 0; k < d; k++) {
        a[k] = 0.1 + 0.9 * r.nextDouble();
        c[k] = -1 + 2 * r.nextDouble();
      }
      tasks.add(MetaTask.same(new SeparableCosineLoss(a, c)));
    }
    return new TaskSet(tasks);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void cosineTasksAgreeWithFiniteDifferencesOfThePath(long seed) {
    int d = 1 + (int) (seed % 2);
    TaskSet tasks = cosineTasks(seed, d);
    Setting s = setting(seed, d);
    double h = 1e-6;
    double sensitivity = 0;
    double product = 0;
    double deviation = 0;
    double growth = 0;
    for (MetaTask t : tasks.tasks()) {
      SmoothLoss loss = t.inner();
      // ∂w̃_N/∂w by central differences of the end point
      double[] jac =
          RandomTasks.numericalJacobian(
              (w, out) ->
                  System.arraycopy(
                      InnerGradientDescent.endPoint(loss, s.alpha, s.steps, w), 0, out, 0, d),
              s.w,
              h);
      sensitivity = Math.max(sensitivity, ProbeSupport.spectralNorm(jac, d));
      double[] minusI = jac.clone();
      for (int k = 0; k < d; k++) {
        minusI[k * d + k] -= 1;
      }
      product = Math.max(product, ProbeSupport.spectralNorm(minusI, d));
      // ∇L_i(w) = ∇_w l(w̃_N(w)) by central differences of the task objective
      double[] meta =
          RandomTasks.numericalGradient(
              w -> loss.value(InnerGradientDescent.endPoint(loss, s.alpha, s.steps, w)), s.w, h);
      double[] g = new double[d];
      loss.gradient(s.w, g);
      double[] end = new double[d];
      loss.gradient(InnerGradientDescent.endPoint(loss, s.alpha, s.steps, s.w), end);
      deviation = Math.max(deviation, Vectors.distance(meta, g) / Vectors.norm(g));
      growth = Math.max(growth, Vectors.norm(end) / Vectors.norm(g));
    }
    assertEquals(sensitivity, InnerPaths.pathSensitivity(tasks, s.alpha, s.steps, s.w, 1), 1e-7);
    assertEquals(product, InnerPaths.productDeviation(tasks, s.alpha, s.steps, s.w), 1e-7);
    assertEquals(
        deviation, InnerPaths.metaGradientDeviation(tasks, s.alpha, s.steps, s.w, "test"), 1e-6);
    assertEquals(growth, InnerPaths.gradientGrowth(tasks, s.alpha, s.steps, s.w), 1e-12 * growth);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theBoundsAreAttainedAtTheCosineStationaryPoint(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double a = 0.1 + 0.9 * r.nextDouble();
    double c = -1 + 2 * r.nextDouble();
    double alpha = (0.01 + 1.99 * r.nextDouble()) / a;
    int n = 1 + r.nextInt(5);
    TaskSet tasks =
        new TaskSet(List.of(MetaTask.same(new SeparableCosineLoss(new double[] {a}, new double[] {c}))));
    Map<String, Double> p =
        ProbeFixtures.withVector(
            Map.of("alpha", alpha, "N", (double) n, "j", (double) n), "w", new double[] {c + Math.PI});
    Instance x = ProbeFixtures.instance(tasks, p);
    double factor = 1 + alpha * a;
    // Lemma 11 / Cor 6: ‖∂w̃_N/∂w‖ = (1 + αL)^N, squared (1 + αL)^{2N}
    assertEquals(Math.pow(factor, n), PathSensitivityProbe.atStep().measure(x, SETTINGS).value(), 1e-12 * Math.pow(factor, n));
    assertEquals(
        Math.pow(factor, 2 * n),
        PathSensitivityProbe.expansionFactorSquared().measure(x, SETTINGS).value(),
        1e-12 * Math.pow(factor, 2 * n));
    // Lemma 13: (1 + αL)^N − 1
    assertEquals(
        Math.pow(factor, n) - 1, new ProductDeviationProbe().measure(x, SETTINGS).value(), 1e-12 * Math.pow(factor, n));
    // Prop 1: ‖∇²L(w)‖ = (1 + αL)^{2N} L (the gradient vanishes), Taylor remainder half of it
    double smooth = Math.pow(factor, 2 * n) * a;
    assertEquals(smooth, new LocalMetaSmoothnessProbe().measure(x, SETTINGS).value(), 1e-10 * smooth);
    assertEquals(
        smooth / 2, LocalMetaSmoothnessProbe.taylorRemainder().measure(x, SETTINGS).value(), 1e-10 * smooth);
    // Lemmas 12 and 14 at w = c + π + ε tend to (1 + αL)^N and (1 + αL)^{2N} − 1 as ε → 0 (the
    // relative gap is of order (ε(1 + αL)^N)², below 1e-4 at ε = 1e-5)
    Instance near =
        ProbeFixtures.instance(
            tasks,
            ProbeFixtures.withVector(
                Map.of("alpha", alpha, "N", (double) n, "j", (double) n),
                "w",
                new double[] {c + Math.PI + 1e-5}));
    assertEquals(
        Math.pow(factor, n), new GradientGrowthProbe().measure(near, SETTINGS).value(), 1e-4 * Math.pow(factor, n));
    double c14 = Math.pow(factor, 2 * n) - 1;
    assertEquals(c14, new MetaGradientDeviationProbe().measure(near, SETTINGS).value(), 1e-4 * (1 + c14));
    assertEquals(1 - c14, new StabilityMarginProbe().measure(near, SETTINGS).value(), 1e-4 * (1 + c14));
    // at the double c + π the gradient (~1e-16 a) is below the rounding floor: no ratio, 0
    assertEquals(0, new GradientGrowthProbe().measure(x, SETTINGS).value(), 0);
    assertEquals(0, new MetaGradientDeviationProbe().measure(x, SETTINGS).value(), 0);
  }

  @Test
  void nonQuadraticTasksNeedAPointAndTheResamplingCase() {
    SeparableCosineLoss s = new SeparableCosineLoss(new double[] {1}, new double[] {0});
    TaskSet same = new TaskSet(List.of(MetaTask.same(s)));
    Instance noPoint = ProbeFixtures.instance(same, Map.of("alpha", 0.1, "N", 1.0, "j", 1.0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PathSensitivityProbe.atStep().measure(noPoint, SETTINGS));
    assertTrue(e.getMessage().contains("point w"), e.getMessage());
    TaskSet finiteSum =
        new TaskSet(List.of(new MetaTask(s, s.withCentre(new double[] {0.5}), 1.0)));
    Instance x =
        ProbeFixtures.instance(
            finiteSum, ProbeFixtures.withVector(Map.of("alpha", 0.1, "N", 1.0), "w", new double[] {1}));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new MetaGradientDeviationProbe().measure(x, SETTINGS));
    assertTrue(e.getMessage().contains("resampling"), e.getMessage());
  }

}
