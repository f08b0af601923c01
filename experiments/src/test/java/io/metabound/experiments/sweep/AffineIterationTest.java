package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.BetaThreshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AffineIterationTest {

  private static final ConvergenceCriterion LONG = ConvergenceCriterion.of(5000);

  // d = 1, one task f(w) = ½·4·(w − 1)², α = 0.2, N = 1:
  //   exact MAML  A = λ(1 − αλ)² = 4·0.2² = 0.16  → β* = 2/0.16 = 12.5
  //   FO-MAML     A = λ(1 − αλ)  = 4·0.2  = 0.8   → β* = 2/0.8  = 2.5
  private static final double[] H = {4};
  private static final double[] C = {1};

  @Test
  void exactMamlHandCase() {
    AffineGradientMap maml = TestMaps.maml(H, C).map(1, 0.2);
    assertEquals(0.16, maml.matrix()[0], 1e-15);
    AffineIteration it = new AffineIteration(1);
    double[] origin = {0};
    assertEquals(1, it.run(maml, 12.4, origin, LONG));
    assertEquals(1, it.run(maml, 10, origin, LONG));
    assertEquals(1, it.run(maml, 0.5, origin, LONG));
    assertEquals(-1, it.run(maml, 12.6, origin, LONG));
    assertEquals(-1, it.run(maml, 20, origin, LONG));
    assertEquals(12.5, BetaThreshold.of(maml).value(), 1e-12);
  }

  @Test
  void foMamlHandCase() {
    AffineGradientMap fo = TestMaps.foMaml(H, C).map(1, 0.2);
    assertEquals(0.8, fo.matrix()[0], 1e-15);
    AffineIteration it = new AffineIteration(1);
    double[] origin = {0};
    assertEquals(1, it.run(fo, 2.45, origin, LONG));
    assertEquals(-1, it.run(fo, 2.55, origin, LONG));
    assertEquals(2.5, BetaThreshold.of(fo).value(), 1e-12);
  }

  @Test
  void undecidedWhenTooFewIterations() {
    AffineGradientMap fo = TestMaps.foMaml(H, C).map(1, 0.2);
    AffineIteration it = new AffineIteration(1);
    // |1 − βμ| = |1 − 2.45·0.8| = 0.96; 0.96^10 ≈ 0.66 > 1e-6, and |w| stays bounded
    assertEquals(0, it.run(fo, 2.45, new double[] {0}, ConvergenceCriterion.of(10)));
    // just above the threshold growth 1.04^T stays below the cap after 10 iterations
    assertEquals(0, it.run(fo, 2.55, new double[] {0}, ConvergenceCriterion.of(10)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.0, 1.7, 2.2})
  void rateIsTheContractionFactorInOneDimension(double beta) {
    AffineGradientMap fo = TestMaps.foMaml(H, C).map(1, 0.2);
    AffineIteration it = new AffineIteration(1);
    it.run(fo, beta, new double[] {0}, ConvergenceCriterion.of(200));
    // g_{k+1} = (1 − βμ) g_k exactly in d = 1, so r = |1 − βμ| up to rounding
    assertEquals(Math.abs(1 - beta * 0.8), it.rate(), 1e-6);
  }

  @Test
  void divergedCellsHaveNanRateAndStartAtTheOptimumConverges() {
    AffineGradientMap fo = TestMaps.foMaml(H, C).map(1, 0.2);
    AffineIteration it = new AffineIteration(1);
    assertEquals(-1, it.run(fo, 3, new double[] {0}, LONG));
    assertTrue(Double.isNaN(it.rate()));
    // ∇F(w_0) = 0 at the task centre: converged by definition, rate 0
    assertEquals(1, it.run(fo, 100, new double[] {1}, LONG));
    assertEquals(0, it.rate());
  }

  @Test
  void capAndNonFiniteValuesDiverge() {
    AffineIteration it = new AffineIteration(1);
    AffineGradientMap map = new AffineGradientMap(1, new double[] {1}, new double[] {0});
    // a start beyond the cap is diverged at iteration 0
    assertEquals(-1, it.run(map, 0.5, new double[] {2e8}, LONG));
    // cap 0.5, w_0 = 0.4, β = 2.5: w_1 = 0.4 − 2.5·0.4 = −0.6, above the cap at iteration 1
    assertEquals(-1, it.run(map, 2.5, new double[] {0.4}, new ConvergenceCriterion(10, 1e-6, 0.5)));
    // β = 0.5 contracts by 0.5 a step: 0.5^10 ≈ 1e-3 > 1e-6 after 10 steps, undecided, not diverged
    assertEquals(0, it.run(map, 0.5, new double[] {0.4}, new ConvergenceCriterion(10, 1e-6, 0.5)));
    AffineGradientMap huge = new AffineGradientMap(1, new double[] {Double.MAX_VALUE}, new double[] {0});
    assertEquals(-1, it.run(huge, 1, new double[] {10}, LONG));
  }

  @Test
  void classificationIsDefinedAtTNotByEarlyStopping() {
    // a 2-d map with one fast and one slow mode: ‖g‖ passes below tol·‖g_0‖ only late
    AffineGradientMap map =
        new AffineGradientMap(2, new double[] {1, 0, 0, 0.001}, new double[] {1, 1e-3});
    AffineIteration it = new AffineIteration(2);
    double[] origin = {0, 0};
    // β = 1: fast mode exact in one step; slow mode contracts by 0.999 per step
    // g_0 = (−1, −1e-3), ‖g_0‖ ≈ 1; after k steps ‖g_k‖ = 1e-3·0.999^k ≤ 1e-6 needs k ≥ 6905
    assertEquals(0, it.run(map, 1, origin, ConvergenceCriterion.of(6000)));
    assertEquals(1, it.run(map, 1, origin, ConvergenceCriterion.of(7000)));
  }
}
