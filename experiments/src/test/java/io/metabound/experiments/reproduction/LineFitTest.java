package io.metabound.experiments.reproduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LineFitTest {

  @Test
  void exactPowerLawGivesItsExponentWithACollapsedInterval() {
    // y = 3 x^{1/2}: ln y = ln 3 + ½ ln x exactly
    double[] x = Numbers.logSpaced(1, 1e4, 9);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 3 * Math.sqrt(x[i]);
    }
    LineFit fit = LineFit.logLog("sqrt", x, y, 0.95);
    assertEquals(0.5, fit.slope(), 1e-12);
    assertEquals(Math.log(3), fit.intercept(), 1e-12);
    assertEquals(0.5, fit.slopeLower(), 1e-9);
    assertEquals(0.5, fit.slopeUpper(), 1e-9);
    assertEquals(3 * Math.sqrt(50), fit.predict(50), 1e-9);
    assertEquals(1, fit.rSquared(), 1e-12);
  }

  @Test
  void handComputedLine() {
    // points (0, 1), (1, 2), (2, 2): x̄ = 1, ȳ = 5/3, Sxx = 2, Sxy = 1 → slope ½, intercept 7/6;
    // residuals −1/6, 1/3, −1/6 → SSR = 1/6, s = √(1/6); SE = s/√2; t_{1, 0.975} = 12.7062
    LineFit fit = LineFit.of("hand", new double[] {0, 1, 2}, new double[] {1, 2, 2}, 0.95);
    assertEquals(0.5, fit.slope(), 1e-15);
    assertEquals(7.0 / 6, fit.intercept(), 1e-15);
    double half = 12.706204736174707 * Math.sqrt(1.0 / 6) / Math.sqrt(2);
    assertEquals(0.5 - half, fit.slopeLower(), 1e-9);
    assertEquals(0.5 + half, fit.slopeUpper(), 1e-9);
    // band at x̄: t s √(1/n)
    double[] band = fit.band(1);
    assertEquals(5.0 / 3 - 12.706204736174707 * Math.sqrt(1.0 / 6) / Math.sqrt(3), band[0], 1e-9);
  }

  /** Noisy data with a known slope: the 95 % interval covers it (seeded, so deterministic). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void intervalCoversTheTrueSlopeOnNoisyData(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 40;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = 2 - 0.7 * i + 0.5 * random.nextGaussian();
    }
    LineFit fit = LineFit.of("noisy", x, y, 0.95);
    assertTrue(fit.slopeIntervalContains(-0.7), fit.describe());
    assertTrue(fit.slopeUpper() - fit.slopeLower() < 0.1, fit.describe());
  }

  @Test
  void nonFiniteAndNonPositivePointsAreLeftOut() {
    LineFit fit =
        LineFit.logLog(
            "gaps", new double[] {1, 2, 4, 8}, new double[] {1, Double.NaN, 16, 0}, 0.95);
    assertEquals(2, fit.points());
    assertEquals(2, fit.slope(), 1e-12);
    assertThrows(
        IllegalArgumentException.class,
        () -> LineFit.of("flat", new double[] {1, 1}, new double[] {1, 2}, 0.95));
  }
}
