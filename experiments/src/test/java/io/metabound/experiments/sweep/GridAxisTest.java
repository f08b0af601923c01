package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridAxisTest {

  @Test
  void pointsFollowTheIssueFormula() {
    GridAxis axis = GridAxis.parse("alpha", "0:1:4");
    // LO + (HI − LO)(k+1)/COUNT = 0.25, 0.5, 0.75, 1 — LO excluded, HI included
    assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1.0}, axis.points(), 0);
    GridAxis beta = GridAxis.parse("beta", "0.1:0.7:3");
    assertEquals(0.1 + (0.7 - 0.1) * 1 / 3, beta.point(0), 0);
    assertEquals(0.1 + (0.7 - 0.1) * 3 / 3, beta.point(2), 0);
    assertEquals(0.7, beta.point(2), 0);
  }

  @Test
  void pointsAreStrictlyIncreasing() {
    GridAxis axis = GridAxis.parse("beta", "1e-3:7.3:997");
    double[] x = axis.points();
    for (int k = 1; k < x.length; k++) {
      assertTrue(x[k] > x[k - 1], "k = " + k);
    }
    assertEquals(997, x.length);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "0:1:0; COUNT must be a positive integer",
        "0:1:-3; COUNT must be a positive integer",
        "1:1:10; LO must be smaller than HI",
        "2:1:10; LO must be smaller than HI",
        "-0.5:1:10; step sizes must be non-negative",
        "0:1; expected LO:HI:COUNT",
        "a:1:10; LO is not a number",
        "0:1:x; COUNT must be a positive integer",
        "0:NaN:3; must be finite",
        "0:Infinity:3; must be finite"
      })
  void rejectsBadRanges(String spec, String message) {
    SweepInputException e =
        assertThrows(SweepInputException.class, () -> GridAxis.parse("beta", spec));
    assertTrue(e.getMessage().startsWith("--beta: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void rejectsGridsTooLargeForMemory() {
    SweepGrid grid =
        new SweepGrid.AlphaBeta(GridAxis.parse("alpha", "0:1:3000"), GridAxis.parse("beta", "0:1:3000"), 1);
    SweepInputException e =
        assertThrows(SweepInputException.class, () -> grid.checkSize(Shard.WHOLE));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
    // the same grid in three shards fits
    grid.checkSize(new Shard(1, 3));
  }

  @Test
  void stepsRangeAndShardParse() {
    StepsRange steps = StepsRange.parse("1:20");
    assertEquals(20, steps.count());
    assertEquals(20, steps.steps(19));
    assertThrows(SweepInputException.class, () -> StepsRange.parse("0:5"));
    assertThrows(SweepInputException.class, () -> StepsRange.parse("5:2"));
    assertThrows(SweepInputException.class, () -> StepsRange.parse("5"));
    Shard shard = Shard.parse("2/3");
    assertEquals(2, shard.index());
    assertThrows(SweepInputException.class, () -> Shard.parse("0/3"));
    assertThrows(SweepInputException.class, () -> Shard.parse("4/3"));
    assertThrows(SweepInputException.class, () -> Shard.parse("1-3"));
  }

  @ParameterizedTest
  @CsvSource({"10,3", "10000,7", "5,8", "1,1", "101,101"})
  void shardsPartitionTheCellsInOrder(long cells, int n) {
    long expectedStart = 0;
    for (int i = 1; i <= n; i++) {
      Shard shard = new Shard(i, n);
      assertEquals(expectedStart, shard.firstCell(cells));
      long size = shard.endCell(cells) - shard.firstCell(cells);
      // sizes differ by at most one
      assertTrue(size == cells / n || size == cells / n + 1, "size " + size);
      expectedStart = shard.endCell(cells);
    }
    assertEquals(cells, expectedStart);
  }
}
