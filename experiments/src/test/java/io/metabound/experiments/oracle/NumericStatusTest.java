package io.metabound.experiments.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification of values and maps that leave double precision. */
class NumericStatusTest {

  @Test
  void finiteValuesHaveNoStatusInfiniteOnesOverflowNaNIsUndefined() {
    assertNull(NumericStatus.of(0, -1e308, Double.MIN_VALUE));
    assertEquals(NumericStatus.OVERFLOW, NumericStatus.of(1, Double.NEGATIVE_INFINITY));
    assertEquals(NumericStatus.OVERFLOW, NumericStatus.of(Double.NaN, Double.POSITIVE_INFINITY));
    assertEquals(NumericStatus.UNDEFINED, NumericStatus.of(1, Double.NaN));
    assertEquals("overflow", NumericStatus.OVERFLOW.word());
    assertFalse(NumericStatus.UNDEFINED.describe("x").contains("NaN"));
  }

  private static AffineGradientMap map(double a, double b) {
    return new AffineGradientMap(1, new double[] {a}, new double[] {b});
  }

  @ParameterizedTest
  @CsvSource({"Infinity, 1", "NaN, 1", "1, -Infinity"})
  void aNonFiniteMapHasNoPointAndNoThreshold(double a, double b) {
    AffineGradientMap m = map(a, b);
    StationaryPoint p = StationaryPoint.of(m, "test");
    assertEquals(StationaryPoint.Nature.NOT_REPRESENTABLE, p.nature());
    assertFalse(p.exists());
    // the threshold looks at A only
    BetaThreshold t = BetaThreshold.of(m);
    assertEquals(Double.isFinite(a), t.defined(), t.reason());
    assertFalse(t.converges(1e-300) && !Double.isFinite(a));
  }

  @Test
  void aPointThatOverflowsIsNotRepresentable() {
    StationaryPoint p = StationaryPoint.of(map(1e-200, 1e200), "test");
    assertEquals(StationaryPoint.Nature.NOT_REPRESENTABLE, p.nature(), p.description());
  }

  @ParameterizedTest
  @CsvSource({"1e-160", "1e-200", "3e-300"})
  void aTinyEigenvalueKeepsItsThresholdWhereTheFormulaUnderflowed(double mu) {
    BetaThreshold t = BetaThreshold.of(map(mu, 0));
    assertTrue(t.defined(), t.reason());
    assertEquals(2 / mu, t.value(), 1e-14 * (2 / mu));
  }

  @Test
  void aThresholdBeyondDoublePrecisionIsUndefinedNotANullPointer() {
    BetaThreshold t = BetaThreshold.of(map(1e-310, 0));
    assertFalse(t.defined());
    assertTrue(t.reason().startsWith("undefined: ") && t.reason().contains("exceeds double precision"), t.reason());
    assertFalse(t.exists());
  }

  @Test
  void thresholdsInRangeAreComputedAsBefore() {
    assertEquals(2 * 0.16 / (0.16 * 0.16), BetaThreshold.of(map(0.16, 0)).value());
  }

  @Test
  void mamlAdaptationUnderflowsExactlyWhenTheFactorLeavesTheNormalRange() {
    EstimatorMaps maps = EstimatorMaps.of(new TaskSet(List.of(
        MetaTask.same(new QuadraticLoss(new double[] {4}, new double[] {1})))));
    // |1 - 4 alpha|^(2N) < MIN_NORMAL ≈ 2.2e-308
    assertTrue(maps.adaptationUnderflows(Estimator.MAML, EstimatorParameters.maml(0.1325, 1000)));
    assertFalse(maps.adaptationUnderflows(Estimator.MAML, EstimatorParameters.maml(0.1325, 10)));
    // 1 - alpha h = 0 is an exact zero, not an underflow
    assertFalse(maps.adaptationUnderflows(Estimator.MAML, EstimatorParameters.maml(0.25, 1000)));
    assertFalse(maps.adaptationUnderflows(Estimator.IMAML, EstimatorParameters.imaml(1)));
  }
}
