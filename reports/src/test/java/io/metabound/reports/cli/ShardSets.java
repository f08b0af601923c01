package io.metabound.reports.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real {@code heatmap --shard} outputs made once per test class, for the bad-input cases and the
 * mutations of {@code merge}: each shard's CSV and JSON sidecar renamed to {@code <set><i>.csv} and
 * {@code <set><i>.json} in one folder.
 *
 * <ul>
 *   <li>{@code a1}, {@code a2}: shards 1/2 and 2/2 of two tasks in d = 2, α 0:0.3:6, β 0:2:6;
 *   <li>{@code b2}: shard 2/2 of the same tasks on another α grid (0:0.4:6);
 *   <li>{@code c2}: shard 2/2 of other tasks (one task, d = 1) on a's grid;
 *   <li>{@code t1}, {@code t2}, {@code t3}: the three shards of a 3-way split of a's sweep;
 *   <li>{@code w}: the whole (unsharded) map of a's sweep.
 * </ul>
 */
final class ShardSets {

  static final String TWO_TASKS =
      "{\"tasks\":[{\"H\":[[2,0.5],[0.5,1]],\"c\":[1,-1]},{\"H\":[[1,0],[0,3]],\"c\":[0,2]}]}";
  static final String ONE_TASK = "{\"tasks\":[{\"H\":[[4]],\"c\":[1]}]}";

  private ShardSets() {}

  /** Writes every set into {@code folder} (created) and returns it. */
  static Path make(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path scratch = Files.createTempDirectory(folder.getParent(), "shard-runs");
    Path two = scratch.resolve("two.json");
    Path one = scratch.resolve("one.json");
    Files.writeString(two, TWO_TASKS);
    Files.writeString(one, ONE_TASK);
    shard(two, "0:0.3:6", "1/2", scratch, folder, "a1");
    shard(two, "0:0.3:6", "2/2", scratch, folder, "a2");
    shard(two, "0:0.4:6", "2/2", scratch, folder, "b2");
    shard(one, "0:0.3:6", "2/2", scratch, folder, "c2");
    for (int i = 1; i <= 3; i++) {
      shard(two, "0:0.3:6", i + "/3", scratch, folder, "t" + i);
    }
    shard(two, "0:0.3:6", null, scratch, folder, "w");
    return folder;
  }

  private static void shard(Path tasks, String alpha, String shard, Path scratch, Path folder, String name)
      throws IOException {
    Path out = scratch.resolve(name);
    List<String> args = new ArrayList<>(List.of("heatmap", "--tasks", tasks.toString(), "--alpha", alpha,
        "--beta", "0:2:6", "--iters", "100", "--format", "csv", "--out", out.toString()));
    if (shard != null) {
      args.addAll(List.of("--shard", shard));
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    if (run.code() != 0) {
      throw new IllegalStateException("could not make shard " + name + ": " + run);
    }
    Files.move(out.resolve("heatmap.csv"), folder.resolve(name + ".csv"));
    Files.move(out.resolve("heatmap.json"), folder.resolve(name + ".json"));
  }
}
