package io.metabound.reports.cli;

import io.metabound.experiments.sweep.SweepCsv;
import io.metabound.experiments.sweep.SweepInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code metabound merge --out FILE SHARD.csv ...}: joins the CSVs of {@code heatmap --shard i/n}
 * runs into the full map, byte-identical to an unsharded run. The shards may be given in any
 * order; overlapping, duplicated or missing cells are errors. When every shard has its JSON
 * sidecar next to it ({@code X.csv} → {@code X.json}), merge also checks that the shards are
 * exactly {@code 1/n … n/n} of one grid.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Joins the shard CSVs of 'metabound heatmap --shard i/n' into the full map,",
      "byte-identical to an unsharded run. Draw the merged map with",
      "'metabound heatmap ... --from-csv FILE'.",
      ""
    })
public final class MergeCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "merged CSV")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "SHARD.csv", description = "shard CSV files")
  List<Path> shards;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      String sidecarNote = checkSidecars();
      SweepCsv.MergeSummary summary = SweepCsv.merge(shards, out);
      stdout.printf("merged %d shard file%s: %d cells (%d x %d)%n", shards.size(),
          shards.size() == 1 ? "" : "s", summary.cells(), summary.rows(), summary.columns());
      if (sidecarNote != null) {
        stdout.println("note: " + sidecarNote);
      }
      stdout.println("wrote " + out);
      stdout.flush();
      return MetaBoundCommand.OK;
    } catch (SweepInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /**
   * Checks shard specs and grids from the sidecars; returns a note when some sidecar is missing
   * (then only the CSVs' own consistency is checked).
   */
  private String checkSidecars() {
    List<JsonNode> sidecars = new ArrayList<>();
    for (Path shard : shards) {
      Path json = sidecarOf(shard);
      if (json == null || !Files.isRegularFile(json)) {
        return "no JSON sidecar next to " + shard + ": completeness checked from the CSVs alone"
            + " (a missing shard of whole rows at either end cannot be detected)";
      }
      try {
        sidecars.add(JsonMapper.builder().build().readTree(json.toFile()));
      } catch (JacksonException e) {
        throw new UserInputException(json + ": not a readable sweep sidecar: " + e.getOriginalMessage());
      }
    }
    JsonNode firstGrid = sidecars.get(0).get("grid");
    int count = sidecars.get(0).path("shard").path("count").asInt(-1);
    TreeSet<Integer> seen = new TreeSet<>();
    for (int i = 0; i < sidecars.size(); i++) {
      JsonNode s = sidecars.get(i);
      Path json = sidecarOf(shards.get(i));
      if (firstGrid == null || !firstGrid.equals(s.get("grid"))) {
        throw new UserInputException(json + ": grid differs from " + sidecarOf(shards.get(0))
            + "; these shards are not of one sweep");
      }
      if (!s.path("seed").equals(sidecars.get(0).path("seed"))
          || !s.path("criterion").equals(sidecars.get(0).path("criterion"))
          || !s.path("estimator").equals(sidecars.get(0).path("estimator"))) {
        throw new UserInputException(json + ": seed, criterion or estimator differs from "
            + sidecarOf(shards.get(0)) + "; these shards are not of one sweep");
      }
      int n = s.path("shard").path("count").asInt(-1);
      int index = s.path("shard").path("index").asInt(-1);
      if (n != count) {
        throw new UserInputException(json + ": shard " + index + "/" + n + " but "
            + sidecarOf(shards.get(0)) + " is of " + count + " shards");
      }
      if (!seen.add(index)) {
        throw new UserInputException(json + ": shard " + index + "/" + n + " given twice");
      }
    }
    for (int i = 1; i <= count; i++) {
      if (!seen.contains(i)) {
        throw new UserInputException("merge: shard " + i + "/" + count + " is missing");
      }
    }
    return null;
  }

  private static Path sidecarOf(Path csv) {
    String name = csv.getFileName().toString();
    if (!name.endsWith(".csv")) {
      return null;
    }
    return csv.resolveSibling(name.substring(0, name.length() - 4) + ".json");
  }
}
