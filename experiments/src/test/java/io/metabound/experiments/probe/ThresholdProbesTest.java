package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.SETTINGS;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.BetaThreshold;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.oracle.StationaryPoint;
import io.metabound.experiments.task.TaskSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stepsize thresholds (β for Takagi2019, α for Takagi's Cond-α and for the deterministic special
 * case of Fallah2020's theorems) against iterating the outer update, bisection on the surrogate's
 * smallest eigenvalue, and hand-computed d = 1 cases.
 */
class ThresholdProbesTest {

  static LongStream seeds() {
    return LongStream.range(1, 11);
  }

  private static double measure(Probe p, Instance x) {
    return p.measure(x, SETTINGS).value();
  }

  /** True when {@code w ← w − β(Aw − b)} converges (relative to the fixed point) from a start. */
  private static boolean converges(AffineGradientMap map, double beta, double[] start) {
    int d = map.dimension();
    StationaryPoint fixed = StationaryPoint.of(map, "test");
    double[] w = start.clone();
    double[] g = new double[d];
    double initial = ProbeFixtures.distance(w, fixed.exists() ? fixed.point() : new double[d]);
    for (int s = 0; s < 20000; s++) {
      map.apply(w, g);
      for (int k = 0; k < d; k++) {
        w[k] -= beta * g[k];
      }
    }
    map.apply(w, g);
    return ProbeFixtures.norm(g) < 1e-6 * Math.max(1, initial);
  }

  @Test
  void takagiCondBetaIsTheFoMamlThresholdAndExactMamlIsLargerByOneOverOneMinusAlphaLambda() {
    // λ = 4, α = 0.2: FO-MAML 2/(λ − αλ²) = 2/0.8 = 2.5; MAML 2/(λ(1 − αλ)²) = 2/0.16 = 12.5
    Instance x = instance(ProbeFixtures.scalar(4, 1), Map.of("alpha", 0.2));
    assertEquals(2.5, measure(BetaThresholdProbe.of(Estimator.FOMAML), x), 1e-12);
    assertEquals(12.5, measure(BetaThresholdProbe.of(Estimator.MAML), x), 1e-12);
    // Takagi's threshold / exact MAML's = 1 − αλ = 0.2
    assertEquals(
        1 - 0.2 * 4,
        measure(BetaThresholdProbe.of(Estimator.FOMAML), x)
            / measure(BetaThresholdProbe.of(Estimator.MAML), x),
        1e-12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void betaThresholdSeparatesConvergenceFromDivergence(long seed) {
    SplittableRandom r = new SplittableRandom(seed + 1000);
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.random(seed, d, 1 + (int) (seed % 3), 0.05, 2);
    double alpha = 0.9 * r.nextDouble() / ProbeFixtures.lipschitz(tasks);
    Estimator estimator = seed % 2 == 0 ? Estimator.MAML : Estimator.FOMAML;
    Instance x = instance(tasks, Map.of("alpha", alpha));
    double beta = measure(BetaThresholdProbe.of(estimator), x);
    AffineGradientMap map =
        EstimatorMaps.of(tasks).map(estimator, EstimatorParameters.maml(alpha, 1));
    double[] start = ProbeFixtures.gaussian(r, d);
    assertTrue(converges(map, 0.98 * beta, start), "0.98 beta* should converge");
    assertFalse(converges(map, 1.02 * beta, start), "1.02 beta* should diverge");
  }

  @Test
  void surrogateAlphaThresholdOnOneTaskIsOneOverTheLargestEigenvalue() {
    TaskSet tasks = ProbeFixtures.random(5, 3, 1, 0.05, 2);
    double largest = QuadraticTasks.of(tasks).innerEigenvalues(0)[2];
    assertEquals(
        1 / largest, measure(new SurrogateAlphaThresholdProbe(), instance(tasks, Map.of())), 1e-12);
  }

  /** Several tasks: bisection on the sign of λ_min(H̄ − αM) (a second derivation). */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void surrogateAlphaThresholdIsWhereTheAveragedSurrogateStopsBeingPsd(long seed) {
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.random(seed, d, 2 + (int) (seed % 2), 0.05, 2);
    double threshold = measure(new SurrogateAlphaThresholdProbe(), instance(tasks, Map.of()));
    double lo = 0;
    double hi = 100;
    for (int k = 0; k < 200; k++) {
      double mid = 0.5 * (lo + hi);
      if (smallestSurrogateEigenvalue(tasks, mid) >= 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    assertEquals(lo, threshold, 1e-9 * threshold);
    // the multi-task threshold is at least the per-task one, 1/L (each H_i − αH_i² ⪰ 0)
    assertTrue(threshold >= 1 / ProbeFixtures.lipschitz(tasks) * (1 - 1e-12));
  }

  /** {@code λ_min(Σ p (H_i − αH_i²))}, the FO-MAML map's smallest eigenvalue (one step). */
  private static double smallestSurrogateEigenvalue(TaskSet tasks, double alpha) {
    AffineGradientMap map =
        EstimatorMaps.of(tasks).map(Estimator.FOMAML, EstimatorParameters.maml(alpha, 1));
    RealMatrix a = ProbeFixtures.matrix(map.matrix(), map.dimension());
    RealMatrix sym = a.add(a.transpose()).scalarMultiply(0.5);
    double min = Double.POSITIVE_INFINITY;
    for (double e : new EigenDecompositionSymmetric(sym).getEigenvalues()) {
      min = Math.min(min, e);
    }
    return min;
  }

  @Test
  void fallahConvergenceThresholdsByHand() {
    // one task λ = L = 1; MAML with β = 1/(48L): λ(1 − αλ)² < 96 ⟺ α < 1 + √96
    Instance x = instance(ProbeFixtures.scalar(1, 0), Map.of());
    assertEquals(
        1 + Math.sqrt(96),
        measure(ConvergenceAlphaThresholdProbe.fallah(Estimator.MAML, 12), x),
        1e-12);
    // FO-MAML: λ(1 − αλ) must stay ≥ 0: α ≤ 1/λ = 1 (β = 1/(72L) never binds)
    assertEquals(
        1.0, measure(ConvergenceAlphaThresholdProbe.fallah(Estimator.FOMAML, 18), x), 1e-15);
    // HF-MAML = one-step MAML on quadratics, β = 1/(100L): α < 1 + √200
    assertEquals(
        1 + Math.sqrt(200),
        measure(ConvergenceAlphaThresholdProbe.fallah(Estimator.HFMAML, 25), x),
        1e-12);
  }

  /**
   * The closed-form α threshold against the numerical spectrum of each estimator's assembled map
   * (HF-MAML's from its finite-difference formula): along a grid below α*, the fixed meta stepsize
   * is inside the stable interval (β < β*(α)); just above α*, it is not.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void convergenceAlphaThresholdSeparatesConvergenceFromDivergence(long seed) {
    int d = 1 + (int) (seed % 3);
    TaskSet tasks = ProbeFixtures.random(seed, d, 1, 0.05, 2);
    double lipschitz = ProbeFixtures.lipschitz(tasks);
    Estimator estimator = Estimator.values()[(int) (seed % 3)];
    double divisor = new double[] {12, 18, 25}[(int) (seed % 3)];
    double beta = 1 / (divisor * 4 * lipschitz);
    double threshold =
        measure(
            ConvergenceAlphaThresholdProbe.fallah(estimator, divisor), instance(tasks, Map.of()));
    for (int k = 0; k < 200; k++) {
      double alpha = 0.995 * threshold * k / 199;
      assertTrue(
          BetaThreshold.of(map(tasks, estimator, alpha)).converges(beta),
          estimator + " should converge at alpha = " + alpha);
    }
    assertFalse(BetaThreshold.of(map(tasks, estimator, 1.005 * threshold)).converges(beta));
  }

  /** d = 1, MAML with a large β = 0.5: convergence below α*, divergence above, by iterating. */
  @Test
  void convergenceThresholdByIteration() {
    TaskSet tasks = ProbeFixtures.scalar(2, 1);
    double beta = 0.5;
    // λ(1 − αλ)² < 2/β = 4 ⟺ |1 − 2α| < √2 ⟺ α < (1 + √2)/2
    double threshold =
        measure(
            ConvergenceAlphaThresholdProbe.withBeta(Estimator.MAML),
            instance(tasks, Map.of("beta", beta)));
    assertEquals((1 + Math.sqrt(2)) / 2, threshold, 1e-15);
    double[] start = {3};
    assertTrue(converges(map(tasks, Estimator.MAML, 0.98 * threshold), beta, start));
    assertFalse(converges(map(tasks, Estimator.MAML, 1.02 * threshold), beta, start));
  }

  private static AffineGradientMap map(TaskSet tasks, Estimator estimator, double alpha) {
    EstimatorParameters p =
        estimator == Estimator.HFMAML
            ? EstimatorParameters.hfMaml(alpha, 0.1)
            : EstimatorParameters.maml(alpha, 1);
    return EstimatorMaps.of(tasks).map(estimator, p);
  }

  @Test
  void convergenceThresholdNeedsOneTask() {
    Instance x = instance(ProbeFixtures.random(2, 2, 2, 0.1, 1), Map.of());
    assertThrows(
        IllegalArgumentException.class,
        () -> measure(ConvergenceAlphaThresholdProbe.fallah(Estimator.MAML, 12), x));
  }
}
