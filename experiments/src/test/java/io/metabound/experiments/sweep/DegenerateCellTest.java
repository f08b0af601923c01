package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.AffineGradientMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cells whose convergence test underflows are degenerate, never "converged at rate 0". */
class DegenerateCellTest {

  private static final ConvergenceCriterion CRITERION = ConvergenceCriterion.of(100);

  @ParameterizedTest
  @CsvSource({"1e-145, -2", "1e-200, -2", "4.9e-324, -2", "1e-140, 1", "0, 1", "1, 1"})
  void aStartGradientTooSmallToSquareIsDegenerate(double offset, int expected) {
    AffineIteration iteration = new AffineIteration(2);
    int code = iteration.run(new double[] {1, 0, 0, 1}, new double[] {offset, 0}, 0.5,
        new double[2], CRITERION);
    assertEquals(expected, code);
    if (expected == CellStatus.DEGENERATE.code()) {
      assertTrue(Double.isNaN(iteration.rate()));
    }
  }

  @Test
  void theCodeRoundTrips() {
    assertEquals(CellStatus.DEGENERATE, CellStatus.ofCode(-2));
    assertEquals(-2, CellStatus.DEGENERATE.code());
  }

  /** A source whose map is zero, flagged as underflowed (or not). */
  private static EstimatorMapSource zeroMap(boolean underflowed) {
    return new EstimatorMapSource() {
      @Override
      public AffineGradientMap map(int innerSteps, double alpha) {
        return new AffineGradientMap(1, new double[] {0}, new double[] {0});
      }

      @Override
      public boolean underflows(int innerSteps, double alpha) {
        return underflowed;
      }
    };
  }

  @ParameterizedTest
  @CsvSource({"true, -2", "false, 1"})
  void aZeroMapIsConvergedOnlyWhenItDidNotUnderflow(boolean underflowed, int expected) {
    SweepGrid grid = new SweepGrid.AlphaBeta(new GridAxis("alpha", 0, 1, 2), new GridAxis("beta", 0, 1, 2), 1);
    CellModel.RowEvaluator row = new AffineCellModel(zeroMap(underflowed), new double[1], CRITERION).row(grid, 0);
    assertEquals(expected, row.evaluate(0, 0));
    assertEquals(underflowed ? Double.NaN : 0.0, row.rate());
  }
}
