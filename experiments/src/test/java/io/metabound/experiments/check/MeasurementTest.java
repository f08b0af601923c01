package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.probe.Measurement;
import org.junit.jupiter.api.Test;

class MeasurementTest {

  @Test
  void sampleMeanIntervalMatchesHandComputation() {
    // samples 1, 2, 3, 4, 5: mean 3, s² = 10/4 = 2.5, se = √(2.5/5) = 0.70711;
    // t_{4, 0.975} = 2.776445 → 95 % interval 3 ± 1.963243
    Measurement m = Measurement.ofSamples(new double[] {1, 2, 3, 4, 5}, 0.95);
    assertEquals(3.0, m.value(), 1e-15);
    assertEquals(Math.sqrt(0.5), m.standardError(), 1e-15);
    assertEquals(3 - 1.963243, m.lower(), 1e-6);
    assertEquals(3 + 1.963243, m.upper(), 1e-6);
    assertEquals(5, m.samples());
    assertFalse(m.exact());
    assertTrue(m.isStochastic());
  }

  @Test
  void pValueAndIntervalAgree() {
    Measurement m = Measurement.monteCarlo(0.0, 1.0, 50, 0.95);
    double reference = 2.3;
    double p = m.twoSidedPValue(reference);
    // the interval at level 1 − p has the reference exactly on its edge
    assertEquals(reference, m.atLevel(1 - p).upper(), 1e-9);
    assertTrue(m.atLevel(1 - 1.01 * p).upper() < reference);
    assertTrue(m.atLevel(1 - 0.99 * p).upper() > reference);
  }

  @Test
  void exactMeasurementsAreDegenerate() {
    Measurement m = Measurement.exact(2.5);
    assertEquals(2.5, m.lower());
    assertEquals(2.5, m.upper());
    assertEquals(Measurement.Kind.EXACT, m.kind());
    assertEquals(m, m.atLevel(0.5));
    assertEquals(0.0, m.twoSidedPValue(3));
    assertEquals(1.0, m.twoSidedPValue(2.5));
  }

  @Test
  void invalidMeasurementsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Measurement.bracketed(2, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Measurement.monteCarlo(0, 1, 1, 0.9));
    assertThrows(IllegalArgumentException.class, () -> Measurement.monteCarlo(0, 1, 10, 1.0));
  }
}
