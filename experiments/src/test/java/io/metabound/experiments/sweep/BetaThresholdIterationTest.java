package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.BetaThreshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sweep's iterate classification against the oracle's exact spectral threshold: away from the
 * boundary (and where T is long enough for the contraction to reach the tolerance) they agree.
 */
class BetaThresholdIterationTest {

  @Test
  void complexEigenvalues() {
    // A = [[1, −2], [2, 1]]: μ = 1 ± 2i, β* = 2·1/(1 + 4) = 0.4
    AffineGradientMap map = new AffineGradientMap(2, new double[] {1, -2, 2, 1}, new double[] {1, 1});
    assertEquals(0.4, BetaThreshold.of(map).value(), 1e-12);
    AffineIteration it = new AffineIteration(2);
    double[] origin = {0, 0};
    assertEquals(1, it.run(map, 0.38, origin, ConvergenceCriterion.of(20000)));
    assertEquals(-1, it.run(map, 0.42, origin, ConvergenceCriterion.of(20000)));
  }

  @Test
  void nonPositiveRealPartMeansNoStepConverges() {
    AffineGradientMap saddle = new AffineGradientMap(2, new double[] {2, 0, 0, -1}, new double[] {1, 1});
    assertEquals(0, BetaThreshold.of(saddle).value(), 0);
    AffineIteration it = new AffineIteration(2);
    for (double beta : new double[] {0.01, 0.1, 0.5}) {
      assertEquals(-1, it.run(saddle, beta, new double[2], ConvergenceCriterion.of(20000)));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void iterateClassificationAgreesWithTheSpectrumAwayFromTheBoundary(long seed) {
    int d = 6;
    double[] h = TestMaps.randomSpd(d, 0.5, 5, seed);
    double[] c = TestMaps.randomVector(d, seed + 100);
    EstimatorMapSource maml = TestMaps.maml(h, c);
    int iterations = 3000;
    ConvergenceCriterion criterion = ConvergenceCriterion.of(iterations);
    AffineIteration it = new AffineIteration(d);
    double[] start = TestMaps.randomVector(d, seed + 200);
    int checked = 0;
    for (double alpha : new double[] {0.02, 0.1, 0.25}) {
      AffineGradientMap map = maml.map(2, alpha);
      double threshold = BetaThreshold.of(map).value();
      double[] eig = SymmetricEigenvalues.of(map.matrix(), d);
      for (double fraction = 0.05; fraction < 2; fraction += 0.05) {
        if (Math.abs(fraction - 1) < 0.05) {
          continue; // on the boundary: finite T decides nothing
        }
        double beta = fraction * threshold;
        // spectral radius of I − βA
        double rho = 0;
        for (double mu : eig) {
          rho = Math.max(rho, Math.abs(1 - beta * mu));
        }
        int status = it.run(map, beta, start, criterion);
        if (fraction < 1 && Math.pow(rho, iterations) < 1e-9) {
          assertEquals(1, status, "α=" + alpha + " β=" + beta + " ρ=" + rho);
          checked++;
        } else if (fraction > 1) {
          assertEquals(-1, status, "α=" + alpha + " β=" + beta + " ρ=" + rho);
          checked++;
        }
      }
    }
    assertTrue(checked > 60, "checked " + checked);
  }
}
