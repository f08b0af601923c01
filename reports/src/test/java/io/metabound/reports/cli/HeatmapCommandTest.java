package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HeatmapCommandTest {

  @TempDir Path dir;
  Path oneTask;
  Path twoTasks;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void tasks() throws Exception {
    // f(w) = ½·4·(w − 1)²: FO-MAML threshold 2/(4 − 16α), exact MAML 2/(4(1 − 4α)²)
    oneTask = dir.resolve("one.json");
    Files.writeString(oneTask, "{\"tasks\":[{\"H\":[[4]],\"c\":[1]}]}");
    twoTasks = dir.resolve("two.json");
    Files.writeString(twoTasks, "{\"tasks\":[{\"H\":[[2,0.5],[0.5,1]],\"c\":[1,-1]},"
        + "{\"H\":[[3,0],[0,0.5]],\"c\":[0,2],\"weight\":2}]}");
  }

  private int run(String... args) {
    CommandLine cl = MetaBoundCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private String[] args(Path tasks, Path outDir, String... extra) {
    List<String> a = new ArrayList<>(List.of("heatmap", "--tasks", tasks.toString(),
        "--alpha", "0:0.3:30", "--beta", "0:4:40", "--iters", "2000", "--out", outDir.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void writesEveryFileAndTakagiSitsOnTheFoMamlBoundary() throws Exception {
    Path outDir = dir.resolve("fo");
    assertEquals(0, run(args(oneTask, outDir, "--estimator", "fomaml", "--steps", "1")), err.toString());
    for (String name : List.of("heatmap.csv", "heatmap.json", "heatmap.png", "heatmap.svg",
        "heatmap.pdf", "heatmap-overlays.csv")) {
      assertTrue(Files.size(outDir.resolve(name)) > 0, name);
    }
    assertNotNull(ImageIO.read(outDir.resolve("heatmap.png").toFile()));
    assertEquals(30 * 40 + 1, Files.readAllLines(outDir.resolve("heatmap.csv")).size());
    JsonNode json = JsonMapper.builder().build().readTree(outDir.resolve("heatmap.json").toFile());
    assertEquals("fomaml", json.get("estimator").asString());
    assertEquals(1200, json.get("grid").get("cells").asInt());
    boolean takagi = false;
    for (JsonNode o : json.get("overlays")) {
      JsonNode gap = o.get("gap");
      if (gap == null) {
        continue; // the per-eigenvalue curves predict no single threshold
      }
      // both overlays are exact here: on the empirical boundary in every α row
      assertEquals(gap.get("rowsCompared").asInt(), gap.get("rowsOnBoundary").asInt(), o.toString());
      takagi |= o.get("id").asString().startsWith("takagi");
    }
    assertTrue(takagi);
    assertTrue(out.toString().contains("overlay takagi2019.envelope: on the empirical boundary in 30/30"),
        out.toString());
  }

  @Test
  void takagiMissesTheExactMamlBoundaryAndTheReportSaysByHowMuch() throws Exception {
    Path outDir = dir.resolve("maml");
    assertEquals(0, run(args(oneTask, outDir, "--estimator", "maml", "--format", "csv")), err.toString());
    assertFalse(Files.exists(outDir.resolve("heatmap.png")), "--format csv draws nothing");
    JsonNode json = JsonMapper.builder().build().readTree(outDir.resolve("heatmap.json").toFile());
    for (JsonNode o : json.get("overlays")) {
      JsonNode gap = o.get("gap");
      if (gap == null) {
        continue;
      }
      if (o.get("id").asString().startsWith("spectral")) {
        assertEquals(gap.get("rowsCompared").asInt(), gap.get("rowsOnBoundary").asInt());
      } else {
        // Takagi's 2/(λ − αλ²) is (1 − αλ) times the exact MAML threshold 2/(λ(1 − αλ)²)
        assertTrue(gap.get("rowsOnBoundary").asInt() < gap.get("rowsCompared").asInt());
        assertTrue(gap.get("medianRatioToEmpirical").asDouble() < 0.9, gap.toString());
      }
    }
  }

  @Test
  void shardsMergedByTheCliEqualTheUnshardedCsv() throws Exception {
    Path whole = dir.resolve("whole");
    assertEquals(0, run(args(twoTasks, whole, "--steps", "3", "--format", "csv", "--seed", "9")));
    List<String> shardCsvs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path shardDir = dir.resolve("shard" + i);
      assertEquals(0, run(args(twoTasks, shardDir, "--steps", "3", "--seed", "9", "--shard", i + "/3")),
          err.toString());
      assertFalse(Files.exists(shardDir.resolve("heatmap.png")), "a shard draws no picture");
      shardCsvs.add(shardDir.resolve("heatmap.csv").toString());
    }
    Path merged = dir.resolve("merged.csv");
    List<String> merge = new ArrayList<>(List.of("merge", "--out", merged.toString()));
    merge.addAll(List.of(shardCsvs.get(2), shardCsvs.get(0), shardCsvs.get(1)));
    assertEquals(0, run(merge.toArray(String[]::new)), err.toString());
    assertArrayEquals(Files.readAllBytes(whole.resolve("heatmap.csv")), Files.readAllBytes(merged));

    // a missing shard is named, exit 2
    assertEquals(2, run("merge", "--out", dir.resolve("bad.csv").toString(), shardCsvs.get(0), shardCsvs.get(2)));
    assertTrue(err.toString().contains("shard 2/3 is missing"), err.toString());

    // draw the merged map without recomputing
    Path drawn = dir.resolve("drawn");
    assertEquals(0, run(args(twoTasks, drawn, "--steps", "3", "--seed", "9", "--format", "png",
        "--from-csv", merged.toString())), err.toString());
    assertNotNull(ImageIO.read(drawn.resolve("heatmap.png").toFile()));
    assertArrayEquals(Files.readAllBytes(merged), Files.readAllBytes(drawn.resolve("heatmap.csv")));
  }

  @Test
  void sameSeedSameCsv() throws Exception {
    assertEquals(0, run(args(twoTasks, dir.resolve("a"), "--format", "csv", "--estimator", "imaml", "--lambda", "2")));
    assertEquals(0, run(args(twoTasks, dir.resolve("b"), "--format", "csv", "--estimator", "imaml", "--lambda", "2")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("a/heatmap.csv")), Files.readAllBytes(dir.resolve("b/heatmap.csv")));
  }

  @Test
  void generatedFamilyAndTheOtherEstimators() throws Exception {
    String family = "quadratic:dim=3,tasks=4,spectrum=0.5:3,seed=7";
    Path a = dir.resolve("fam-a");
    assertEquals(0, run("heatmap", "--family", family, "--alpha", "0:0.3:10", "--beta", "0:2:10",
        "--steps", "2", "--format", "csv", "--out", a.toString()), err.toString());
    Path b = dir.resolve("fam-b");
    assertEquals(0, run("heatmap", "--family", family, "--alpha", "0:0.3:10", "--beta", "0:2:10",
        "--steps", "2", "--format", "csv", "--out", b.toString()), err.toString());
    // the family is regenerated from its seed: the same map
    assertArrayEquals(Files.readAllBytes(a.resolve("heatmap.csv")), Files.readAllBytes(b.resolve("heatmap.csv")));
    JsonNode json = JsonMapper.builder().build().readTree(a.resolve("heatmap.json").toFile());
    assertTrue(json.get("tasks").get("family").asString().contains("seed=7"));
    for (String estimator : List.of("hfmaml", "maml-prox", "imaml", "fomaml")) {
      assertEquals(0, run("heatmap", "--family", family, "--estimator", estimator, "--alpha", "0:0.3:6",
          "--beta", "0:2:6", "--format", "csv", "--out", dir.resolve(estimator).toString()), err.toString());
      assertTrue(out.toString().contains("overlay spectral.exact: on the empirical boundary in 6/6"), out.toString());
    }
    assertEquals(2, run("heatmap", "--family", "quadratic:dim=3", "--alpha", "0:0.3:6", "--beta", "0:2:6",
        "--out", dir.resolve("bad").toString()));
    assertTrue(err.toString().contains("--family: quadratic spec"), err.toString());
    assertEquals(2, run("heatmap", "--family", family, "--estimator", "hfmaml", "--steps", "2",
        "--alpha", "0:0.3:6", "--beta", "0:2:6", "--out", dir.resolve("bad").toString()));
    assertTrue(err.toString().contains("HF-MAML takes one inner step"), err.toString());
  }

  @Test
  void stochasticSweepsRunTheRealSamplingAndReplay() throws Exception {
    String[] grid = {"--alpha", "0:0.3:6", "--beta", "0:2:8", "--iters", "150", "--steps", "2",
        "--format", "csv"};
    List<String> base = new ArrayList<>(List.of("heatmap", "--tasks", twoTasks.toString()));
    base.addAll(List.of(grid));
    // noise-free sampling: the same iterates as the deterministic sweep, up to rounding
    assertEquals(0, run(with(base, "--out", dir.resolve("det").toString())), err.toString());
    assertEquals(0, run(with(base, "--noise", "0", "--out", dir.resolve("zero").toString())), err.toString());
    List<String> det = Files.readAllLines(dir.resolve("det/heatmap.csv"));
    List<String> zero = Files.readAllLines(dir.resolve("zero/heatmap.csv"));
    int same = 0;
    for (int i = 1; i < det.size(); i++) {
      same += det.get(i).split(",")[2].equals(zero.get(i).split(",")[2]) ? 1 : 0;
    }
    assertTrue(same >= 46, same + " of 48 cells agree");
    // with noise: same seed, same bytes; shards merge to the unsharded file
    List<String> noisy = with(base, "--noise", "0.3,0.3", "--batches", "2,2,2", "--task-batch", "1", "--seed", "5");
    assertEquals(0, run(with(noisy, "--out", dir.resolve("n1").toString())), err.toString());
    assertEquals(0, run(with(noisy, "--out", dir.resolve("n2").toString())), err.toString());
    assertArrayEquals(Files.readAllBytes(dir.resolve("n1/heatmap.csv")), Files.readAllBytes(dir.resolve("n2/heatmap.csv")));
    List<String> shards = new ArrayList<>(List.of("merge", "--out", dir.resolve("nm.csv").toString()));
    for (int i = 1; i <= 2; i++) {
      assertEquals(0, run(with(noisy, "--shard", i + "/2", "--out", dir.resolve("ns" + i).toString())), err.toString());
      shards.add(dir.resolve("ns" + i + "/heatmap.csv").toString());
    }
    assertEquals(0, run(shards.toArray(String[]::new)), err.toString());
    assertArrayEquals(Files.readAllBytes(dir.resolve("n1/heatmap.csv")), Files.readAllBytes(dir.resolve("nm.csv")));
    JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("n1/heatmap.json").toFile());
    assertTrue(json.get("cellModel").asString().startsWith("stochastic: Ji2022 Algorithm 1"), json.get("cellModel").asString());
    // a different seed samples differently
    assertEquals(0, run(with(with(base, "--noise", "0.3,0.3", "--batches", "2,2,2", "--task-batch", "1", "--seed", "6"),
        "--out", dir.resolve("n3").toString())), err.toString());
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("n1/heatmap.csv")),
        Files.readAllBytes(dir.resolve("n3/heatmap.csv"))));
    // no stochastic iMAML
    assertEquals(2, run(with(base, "--estimator", "imaml", "--noise", "0.1", "--out", dir.resolve("x").toString())));
    assertTrue(err.toString().contains("no stochastic version"), err.toString());
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  private int run(List<String> args) {
    return run(args.toArray(String[]::new));
  }

  @Test
  void stepsAlphaMapWithJiCurves() throws Exception {
    Path outDir = dir.resolve("na");
    assertEquals(0, run("heatmap", "--tasks", twoTasks.toString(), "--map", "n-alpha",
        "--steps-range", "1:8", "--alpha", "0:1.2:40", "--beta", "0.3", "--iters", "500",
        "--format", "png", "--out", outDir.toString()), err.toString());
    List<String> lines = Files.readAllLines(outDir.resolve("heatmap.csv"));
    assertEquals("steps,alpha,status,rate", lines.get(0));
    assertEquals(8 * 40 + 1, lines.size());
    String overlays = Files.readString(outDir.resolve("heatmap-overlays.csv"));
    assertTrue(overlays.contains("ji2022.alpha-c-1over8"));
    assertTrue(overlays.contains("ji2022.alpha-c-ln2over2"));
    assertTrue(out.toString().contains("overlay spectral.exact: on the empirical boundary in 8/8 steps rows"),
        out.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "--alpha;0:1:0;COUNT must be a positive integer",
        "--alpha;1:0.5:10;LO must be smaller than HI",
        "--beta;-1:2:10;step sizes must be non-negative",
        "--beta;0:1:3000000;too large",
        "--estimator;sgd;unknown estimator",
        "--estimator;reptile;reptile is not swept; heatmaps support maml, fomaml, hfmaml, imaml and maml-prox",
        "--estimator;moreau;moreau is not swept",
        "--start;1,2,3;--start: has 3 coordinates",
        "--shard;4/3;--shard",
        "--format;gif;--format",
        "--map;n-beta;--map",
        "--colour;blue;--colour"
      })
  void badInputIsExitTwoWithOneLine(String option, String value, String message) {
    List<String> a = new ArrayList<>(List.of("heatmap", "--tasks", twoTasks.toString(),
        "--alpha", "0:0.3:5", "--beta", "0:2:5", "--out", dir.resolve("x").toString()));
    int at = a.indexOf(option);
    if (at >= 0) {
      a.set(at + 1, value);
    } else {
      a.addAll(List.of(option, value));
    }
    assertEquals(2, run(a.toArray(String[]::new)));
    String e = err.toString();
    assertTrue(e.contains(message), e);
    assertEquals(1, e.strip().lines().count(), "one line: " + e);
    assertFalse(e.contains("Exception") || e.contains("\tat "), e);
  }

  @Test
  void badTaskFilesAreExitTwo() throws Exception {
    assertEquals(2, run(args(dir.resolve("missing.json"), dir.resolve("m"))));
    assertTrue(err.toString().contains("missing.json"), err.toString());
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"tasks\":[{\"H\":[[1,2],[3,1]],\"c\":[0,0]}]}");
    assertEquals(2, run(args(broken, dir.resolve("m"))));
    assertTrue(err.toString().contains("not symmetric"), err.toString());
    assertEquals(2, run("merge", "--out", dir.resolve("o.csv").toString(), broken.toString()));
  }
}
