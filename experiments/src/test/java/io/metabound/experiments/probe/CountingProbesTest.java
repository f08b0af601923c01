package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.SETTINGS;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static io.metabound.experiments.probe.ProbeFixtures.withVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.algorithm.AcceleratedGradientDescent;
import io.metabound.experiments.algorithm.ConjugateGradient;
import io.metabound.experiments.algorithm.ImplicitMaml;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probes that count work by running an implementation (AGD steps, CG steps, iMAML's total cost,
 * meta-gradient calls, memory), against hand-computed cases, the algorithms' textbook guarantees
 * and minimality.
 */
class CountingProbesTest {

  static LongStream seeds() {
    return LongStream.range(1, 11);
  }

  private static double measure(Probe p, Instance x) {
    return p.measure(x, SETTINGS).value();
  }

  @Test
  void agdTakesOneStepWhenTheConditionNumberIsOne() {
    // H = 2I: q = 0 and x_2 = 0 − ∇f(0)/β = c exactly
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(
                    QuadraticLoss.of(new double[][] {{2, 0}, {0, 2}}, new double[] {1, -1}))));
    assertEquals(1, measure(new AgdIterationsProbe(), instance(tasks, Map.of("delta", 1e-9))));
    // δ ≥ ‖x*‖: x_1 = 0 is already accurate
    assertEquals(0, measure(new AgdIterationsProbe(), instance(tasks, Map.of("delta", 2.0))));
  }

  /**
   * The count is minimal (the iterate one step earlier is not δ-accurate) and within Bubeck's
   * guarantee ‖x_{t+1} − x*‖² ≤ (1 + κ)‖x*‖² e^{−(t−1)/√κ}, i.e. t ≤ 1 + √κ ln((1 + κ)‖x*‖²/δ²).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agdCountIsMinimalAndWithinTheTextbookGuarantee(long seed) {
    SplittableRandom r = new SplittableRandom(seed + 77);
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.random(seed, d, 1, 0.05, 2);
    QuadraticLoss f = (QuadraticLoss) tasks.get(0).inner();
    double[] eig = QuadraticTasks.of(tasks).innerEigenvalues(0);
    double kappa = eig[d - 1] / eig[0];
    double optimum = ProbeFixtures.norm(f.centre());
    double delta = optimum * Math.pow(10, -8 * r.nextDouble());
    int count = (int) measure(new AgdIterationsProbe(), instance(tasks, Map.of("delta", delta)));
    AcceleratedGradientDescent agd = new AcceleratedGradientDescent(d, eig[d - 1], eig[0]);
    if (count > 0) {
      double[] before = new double[d];
      agd.iterate(f::gradient, new double[d], count - 1, before);
      assertTrue(ProbeFixtures.distance(before, f.centre()) > delta, "not minimal");
    }
    double[] at = new double[d];
    agd.iterate(f::gradient, new double[d], count, at);
    assertTrue(ProbeFixtures.distance(at, f.centre()) <= delta);
    double guarantee =
        1 + Math.sqrt(kappa) * Math.log((1 + kappa) * optimum * optimum / (delta * delta));
    assertTrue(count <= Math.ceil(guarantee), count + " > " + guarantee);
  }

  @Test
  void agdMomentumAndArguments() {
    assertEquals((2 - 1) / 3.0, new AcceleratedGradientDescent(1, 4, 1).momentum(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> new AcceleratedGradientDescent(1, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new AcceleratedGradientDescent(1, 1, 0));
  }

  @Test
  void cgCountsByHand() {
    // d = 1: one CG step solves (1 + h/λ) g = v exactly; δ' ≥ ‖g*‖ needs none
    TaskSet one = ProbeFixtures.scalarFiniteSum(1, 0, 1, 2);
    // φ* = Alg*(0) = 0, v = ∇L(0) = −2, g* = v/(1 + 1) = −1
    assertEquals(
        1,
        measure(new CgIterationsProbe(), instance(one, Map.of("lambda", 1.0, "delta_prime", 0.5))));
    assertEquals(
        0,
        measure(new CgIterationsProbe(), instance(one, Map.of("lambda", 1.0, "delta_prime", 1.5))));
    // two distinct eigenvalues in d = 3: exact after at most 2 steps
    TaskSet two =
        new TaskSet(
            List.of(
                new MetaTask(
                    QuadraticLoss.of(
                        new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 3}}, new double[] {0, 0, 0}),
                    QuadraticLoss.of(
                        new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 1}}, new double[] {1, 1, 1}),
                    1.0)));
    assertEquals(
        2,
        measure(
            new CgIterationsProbe(), instance(two, Map.of("lambda", 1.0, "delta_prime", 1e-10))));
  }

  /** The count is minimal, and never above the ceiling of the standard CG guarantee. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void cgCountIsMinimalAndWithinTheCeilingOfTheGuarantee(long seed) {
    SplittableRandom r = new SplittableRandom(seed + 5);
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.randomFiniteSum(seed, d, -1, 2);
    double lambda = 1.2 + 3 * r.nextDouble();
    QuadraticTasks q = QuadraticTasks.of(tasks);
    MetaTask task = tasks.get(0);
    double[] phi = QuadraticMetaOracle.imaml(q, lambda).adaptedPoint(0, new double[d]);
    double[] v = new double[d];
    task.outer().gradient(phi, v);
    double[] exact = new double[d];
    ImplicitMaml.exactSolve(task.inner(), phi, v, lambda, exact);
    double deltaPrime = ProbeFixtures.norm(exact) * Math.pow(10, -6 * r.nextDouble());
    int count =
        (int)
            measure(
                new CgIterationsProbe(),
                instance(tasks, Map.of("lambda", lambda, "delta_prime", deltaPrime)));
    double[] eig = q.innerEigenvalues(0);
    double kappa = (lambda + eig[d - 1]) / (lambda + eig[0]);
    // ‖g_m − g*‖ ≤ 2√κ ((√κ − 1)/(√κ + 1))^m ‖g*‖ ≤ δ' once m ≥ (√κ/2) ln(2√κ‖g*‖/δ')
    double guarantee =
        Math.sqrt(kappa)
            / 2
            * Math.log(2 * Math.sqrt(kappa) * ProbeFixtures.norm(exact) / deltaPrime);
    assertTrue(count <= Math.max(0, Math.ceil(guarantee)), count + " > ceil(" + guarantee + ")");
    assertTrue(count <= d, "CG needs at most d steps in exact arithmetic");
    ConjugateGradient cg = new ConjugateGradient(d);
    double[] g = new double[d];
    double[] hv = new double[d];
    if (count > 0) {
      cg.solve(
          (x, out) -> {
            task.inner().hessianVector(phi, x, hv);
            for (int k = 0; k < d; k++) {
              out[k] = x[k] + hv[k] / lambda;
            }
          },
          v,
          count - 1,
          g);
      assertTrue(ProbeFixtures.distance(g, exact) > deltaPrime, "not minimal");
    }
  }

  /**
   * Inner ½|φ|², outer ½(φ − 1)ᵀ diag(1, 2) (φ − 1): AGD and CG are exact after one step at λ = 1.
   */
  private static TaskSet identityInnerTask() {
    return new TaskSet(
        List.of(
            new MetaTask(
                QuadraticLoss.of(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0}),
                QuadraticLoss.of(new double[][] {{1, 0}, {0, 2}}, new double[] {1, 1}),
                1.0)));
  }

  @Test
  void implicitGradientCostByHand() {
    // quadratic inner H = I, λ = 1: G = ½|φ|² + ½|φ − θ|² has κ = 1, AGD is exact after one step;
    // the system (I + H/λ) g = v is 2I g = v, exact after one CG step: 2 computations
    TaskSet tasks = identityInnerTask();
    Map<String, Double> p = withVector(Map.of("lambda", 1.0), "theta", new double[] {2, -2});
    Map<String, Double> tight = new java.util.TreeMap<>(p);
    tight.put("epsilon", 1e-10);
    assertEquals(2, measure(new ImplicitGradientCostProbe(), instance(tasks, tight)));
    // ε above ‖d_θL‖: g = 0 from K = 0, k = 0 is accurate
    Map<String, Double> loose = new java.util.TreeMap<>(p);
    loose.put("epsilon", 100.0);
    assertEquals(0, measure(new ImplicitGradientCostProbe(), instance(tasks, loose)));
  }

  /**
   * Algorithm 2 with prescribed accuracies (audit M6). The by-hand instance above: AGD is exact
   * after one step (K = 1 for any δ), CG after one step (k = 1 for any δ' below ‖g*‖ = ‖(2I)^{-1}
   * v‖): K + k = 2 and the result is exact, so ε-accurate. With δ' above ‖g*(φ_K)‖, k = 0 returns g
   * = 0, whose error ‖d_θL‖ exceeds a small ε: the schedule misses ε and the count is +∞.
   */
  @Test
  void prescribedScheduleCountsBothSolvesAndChecksTheAccuracy() {
    TaskSet tasks = identityInnerTask();
    Map<String, Double> p =
        new java.util.TreeMap<>(withVector(Map.of("lambda", 1.0), "theta", new double[] {2, -2}));
    p.put("epsilon", 1e-6);
    ImplicitGradientCostProbe accurate =
        ImplicitGradientCostProbe.prescribed(
            x -> new ImplicitGradientCostProbe.Schedule(1e-7, 5e-7));
    assertEquals(2, measure(accurate, instance(tasks, p)));
    ImplicitGradientCostProbe careless =
        ImplicitGradientCostProbe.prescribed(
            x -> new ImplicitGradientCostProbe.Schedule(1e-7, 100));
    assertEquals(Double.POSITIVE_INFINITY, measure(careless, instance(tasks, p)));
  }

  /**
   * On separable tasks a prescribed schedule (δ = ε/100, δ' = ε/2) reaches ε (checked, not assumed)
   * and never needs fewer computations than the best schedule.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void prescribedScheduleNeedsAtLeastTheOptimalCount(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TaskSet tasks = ProbeFixtures.separable(seed, 1 + (int) (seed % 2), 1, true);
    double[] theta = ProbeFixtures.gaussian(r, tasks.dimension());
    for (double epsilon = 1e-2; epsilon >= 1e-8; epsilon /= 100) {
      Map<String, Double> p =
          new java.util.TreeMap<>(withVector(Map.of("lambda", 2.0), "theta", theta));
      p.put("epsilon", epsilon);
      double eps = epsilon;
      ImplicitGradientCostProbe prescribed =
          ImplicitGradientCostProbe.prescribed(
              x -> new ImplicitGradientCostProbe.Schedule(eps / 100, eps / 2));
      double count = measure(prescribed, instance(tasks, p));
      double best = measure(new ImplicitGradientCostProbe(), instance(tasks, p));
      assertTrue(Double.isFinite(count), "missed epsilon = " + epsilon);
      assertTrue(count >= best, count + " < optimal " + best);
    }
  }

  /** Smaller ε never needs fewer computations; separable inner and outer losses. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void implicitGradientCostGrowsAsEpsilonShrinks(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TaskSet tasks = ProbeFixtures.separable(seed, 1 + (int) (seed % 2), 1, true);
    double[] theta = ProbeFixtures.gaussian(r, tasks.dimension());
    double previous = 0;
    for (double epsilon = 1e-1; epsilon >= 1e-9; epsilon /= 10) {
      Map<String, Double> p =
          new java.util.TreeMap<>(withVector(Map.of("lambda", 0.6), "theta", theta));
      p.put("epsilon", epsilon);
      double count = measure(new ImplicitGradientCostProbe(), instance(tasks, p));
      assertTrue(count >= previous, "count fell from " + previous + " to " + count);
      assertTrue(count <= ImplicitGradientCostProbe.MAX_TOTAL);
      previous = count;
    }
  }

  /**
   * The vectors iMAML keeps, listed by hand: input θ and output g, ImplicitMaml's φ, gradient and
   * target buffers, the CG solver's residual, direction and product, and the base class's two
   * scratch vectors: 10, i.e. 5 gradient evaluations (input + output each), whatever K and k.
   */
  @Test
  void memoryIsMeasuredOnTheImplementation() {
    TaskSet tasks = ProbeFixtures.random(3, 3, 1, 0.1, 1);
    for (int inner : new int[] {0, 7, 300}) {
      for (int cg : new int[] {0, 3, 50}) {
        Map<String, Double> p =
            Map.of(
                "lambda",
                1.0,
                "inner_steps",
                (double) inner,
                "inner_rate",
                0.1,
                "cg_steps",
                (double) cg);
        assertEquals(5.0, measure(MemoryProbe.imaml(), instance(tasks, p)));
      }
    }
    // MAML through its inner path: base 2 + path N + 1 + 3 buffers + input + output = N + 8
    for (int n : new int[] {1, 5, 40}) {
      assertEquals(
          (n + 8) / 2.0,
          measure(MemoryProbe.maml(), instance(tasks, Map.of("alpha", 0.1, "N", (double) n))));
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            measure(
                MemoryProbe.maml(),
                instance(ProbeFixtures.random(3, 2, 2, 0.1, 1), Map.of("alpha", 0.1, "N", 1.0))));
  }

  @Test
  void metaGradientCallsByHand() {
    // d = 1, M = 1, inner h = 1, outer g = 1 centred at 2, λ = 1: J = λ/(λ + h) = 1/2, A = J g J =
    // 1/4; GD with step 1/L_F = 4 reaches the minimum in one step: 1 call
    TaskSet tasks = ProbeFixtures.scalarFiniteSum(1, 0, 1, 2);
    assertEquals(
        1,
        measure(
            new MetaGradientCallsProbe(), instance(tasks, Map.of("lambda", 1.0, "epsilon", 1e-9))));
    // ε above ‖∇F(0)‖: no call needed
    assertEquals(
        0,
        measure(
            new MetaGradientCallsProbe(), instance(tasks, Map.of("lambda", 1.0, "epsilon", 10.0))));
  }

  /**
   * d = 2, M = 2 tasks with diagonal Hessians: ∇F(θ_K) = (I − A/L_F)^K ∇F(0) in closed form, so the
   * iteration count is the least K with that norm ≤ ε; calls = M·K.
   */
  @Test
  void metaGradientCallsMatchTheClosedFormIteration() {
    QuadraticLoss inner = QuadraticLoss.of(new double[][] {{1, 0}, {0, 0.2}}, new double[] {0, 0});
    TaskSet tasks =
        new TaskSet(
            List.of(
                new MetaTask(
                    inner,
                    QuadraticLoss.of(new double[][] {{1, 0}, {0, 1}}, new double[] {1, 1}),
                    1.0),
                new MetaTask(
                    inner,
                    QuadraticLoss.of(new double[][] {{2, 0}, {0, 0.5}}, new double[] {-1, 2}),
                    1.0)));
    double lambda = 0.5;
    QuadraticMetaOracle oracle = QuadraticMetaOracle.imaml(tasks, lambda);
    double[] a = oracle.metaHessian().matrix();
    double lf = Math.max(a[0], a[3]);
    double[] g0 = oracle.metaGradient(new double[2]).value();
    double epsilon = 1e-6;
    int k = 0;
    while (Math.hypot(g0[0] * Math.pow(1 - a[0] / lf, k), g0[1] * Math.pow(1 - a[3] / lf, k))
        > epsilon) {
      k++;
    }
    assertEquals(
        2.0 * k,
        measure(
            new MetaGradientCallsProbe(),
            instance(tasks, Map.of("lambda", lambda, "epsilon", epsilon))));
  }
}
