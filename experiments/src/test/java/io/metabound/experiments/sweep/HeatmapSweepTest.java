package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapSweepTest {

  @TempDir Path dir;

  private static final int D = 4;
  private static final double[] H = TestMaps.randomSpd(D, 0.5, 4, 7);
  private static final double[] C = TestMaps.randomVector(D, 8);

  private static HeatmapSweep sweep(EstimatorMapSource maps, SweepGrid grid, int iterations) {
    CellModel model = new AffineCellModel(maps, new double[D], ConvergenceCriterion.of(iterations));
    return new HeatmapSweep(grid, model, 42);
  }

  private static SweepGrid grid(int alphas, int betas) {
    return new SweepGrid.AlphaBeta(
        GridAxis.parse("alpha", "0:0.3:" + alphas), GridAxis.parse("beta", "0:3:" + betas), 1);
  }

  @Test
  void sameSeedSameCsvByteForByte() {
    SweepGrid grid = grid(17, 23);
    String first = SweepCsv.toText(sweep(TestMaps.maml(H, C), grid, 300).run());
    String second = SweepCsv.toText(sweep(TestMaps.maml(H, C), grid, 300).run());
    assertEquals(first, second);
    assertTrue(first.startsWith("alpha,beta,status,rate\n"));
    assertEquals(17 * 23 + 1, first.split("\n").length);
  }

  @Test
  void outputDoesNotDependOnTheNumberOfThreads() throws Exception {
    SweepGrid grid = grid(9, 4100); // rows split into several blocks of BLOCK cells
    HeatmapSweep sweep = sweep(TestMaps.foMaml(H, C), grid, 50);
    String parallel = SweepCsv.toText(sweep.run());
    ForkJoinPool single = new ForkJoinPool(1);
    try {
      String sequential = SweepCsv.toText(single.submit(() -> sweep.run()).get());
      assertEquals(parallel, sequential);
    } finally {
      single.shutdown();
    }
  }

  @Test
  void shardsMergeToTheUnshardedCsvByteForByte() throws Exception {
    SweepGrid grid = grid(13, 11);
    HeatmapSweep sweep = sweep(TestMaps.maml(H, C), grid, 200);
    Path whole = dir.resolve("whole.csv");
    SweepCsv.write(sweep.run(), whole);
    int n = 5;
    List<Path> shards = new ArrayList<>();
    for (int i = n; i >= 1; i--) { // any order on the command line
      Path p = dir.resolve("shard-" + i + ".csv");
      SweepCsv.write(sweep.run(new Shard(i, n), done -> {}), p);
      shards.add(p);
    }
    Path merged = dir.resolve("merged.csv");
    SweepCsv.MergeSummary summary = SweepCsv.merge(shards, merged);
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(merged));
    assertEquals(13 * 11, summary.cells());
    assertEquals(13, summary.rows());
    assertEquals(11, summary.columns());
  }

  @Test
  void mergeRejectsMissingAndOverlappingShards() throws Exception {
    SweepGrid grid = grid(6, 7);
    HeatmapSweep sweep = sweep(TestMaps.maml(H, C), grid, 100);
    List<Path> shards = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Path p = dir.resolve("s" + i + ".csv");
      SweepCsv.write(sweep.run(new Shard(i, 4), done -> {}), p);
      shards.add(p);
    }
    Path out = dir.resolve("out.csv");
    SweepInputException missing =
        assertThrows(SweepInputException.class,
            () -> SweepCsv.merge(List.of(shards.get(0), shards.get(2), shards.get(3)), out));
    assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    SweepInputException overlap =
        assertThrows(SweepInputException.class,
            () -> SweepCsv.merge(List.of(shards.get(0), shards.get(1), shards.get(1)), out));
    assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
    assertTrue(Files.notExists(out), "a failed merge writes nothing");
  }

  @Test
  void everyCellReplaysAlone() {
    SweepGrid grid = grid(7, 9);
    HeatmapSweep sweep = sweep(TestMaps.maml(H, C), grid, 250);
    SweepResult result = sweep.run();
    for (int r = 0; r < grid.rows(); r++) {
      for (int c = 0; c < grid.columns(); c++) {
        double[] cell = sweep.evaluateCell(r, c);
        assertEquals(result.status(r, c), (int) cell[0]);
        assertEquals(Double.doubleToLongBits(result.rate(r, c)), Double.doubleToLongBits(cell[1]));
      }
    }
  }

  @Test
  void cellSeedsDependOnSeedAndCellOnly() {
    assertEquals(CellSeeds.of(5, 123), CellSeeds.of(5, 123));
    assertTrue(CellSeeds.of(5, 123) != CellSeeds.of(5, 124));
    assertTrue(CellSeeds.of(5, 123) != CellSeeds.of(6, 123));
  }

  @Test
  void progressReachesTheShardSize() {
    SweepGrid grid = grid(10, 10);
    long[] last = {0};
    SweepResult result =
        sweep(TestMaps.maml(H, C), grid, 20).run(new Shard(2, 3), done -> {
          synchronized (last) {
            last[0] = Math.max(last[0], done);
          }
        });
    assertEquals(result.size(), last[0]);
    assertEquals(33, result.firstCell());
    assertEquals(33, result.size());
  }

  @Test
  void stepsAlphaMapUsesTheStepsOfEachRow() {
    SweepGrid grid =
        new SweepGrid.StepsAlpha(StepsRange.parse("1:4"), GridAxis.parse("alpha", "0:0.3:6"), 0.5);
    HeatmapSweep sweep = sweep(TestMaps.maml(H, C), grid, 400);
    SweepResult result = sweep.run();
    String csv = SweepCsv.toText(result);
    // N written as an integer, α = 0 + 0.3·1/6 exactly as the formula computes it
    assertTrue(csv.startsWith("steps,alpha,status,rate\n1," + (0.3 * 1 / 6) + ","), csv);
    AffineIteration it = new AffineIteration(D);
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 6; c++) {
        int status = it.run(TestMaps.maml(H, C).map(r + 1, grid.alpha(r, c)), 0.5, new double[D],
            ConvergenceCriterion.of(400));
        assertEquals(status, result.status(r, c));
      }
    }
  }
}
