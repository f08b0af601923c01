package io.metabound.reports.cli;

import io.metabound.experiments.sweep.ShardMerge;
import io.metabound.experiments.sweep.SweepInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metabound merge --out FILE SHARD.csv ...}: joins the CSVs of {@code heatmap --shard i/n}
 * runs into the full map, byte-identical to an unsharded run, and writes its sidecar next to it.
 * The shards may be given in any order, but only the shards {@code 1/n … n/n} of one sweep are
 * joined ({@link ShardMerge}): every shard needs its sidecar ({@code X.csv} → {@code X.json}) with
 * the same sweep identity, and its CSV unedited. Anything else is exit 2 naming the shard file and
 * the field, with nothing written.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Joins the shard CSVs of 'metabound heatmap --shard i/n' into the full map,",
      "byte-identical to an unsharded run, and writes its JSON sidecar next to it.",
      "Every shard needs its sidecar (X.csv -> X.json); the shards must be exactly",
      "1/n ... n/n of one sweep (same grid, estimator, parameters, tasks and seed)",
      "and unedited. Draw the merged map with 'metabound heatmap ... --from-csv FILE'.",
      ""
    })
public final class MergeCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "merged CSV (its folder must exist); the sidecar goes next to it")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "SHARD.csv", description = "shard CSV files")
  List<Path> shards;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    ShardMerge.Summary summary;
    try {
      summary = ShardMerge.merge(shards, out);
    } catch (SweepInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    stdout.printf("merged %d shard file%s: %d cells (%d x %d)%n", shards.size(),
        shards.size() == 1 ? "" : "s", summary.csv().cells(), summary.csv().rows(),
        summary.csv().columns());
    stdout.println("wrote " + out);
    stdout.println("wrote " + summary.sidecar());
    stdout.flush();
    return MetaBoundCommand.OK;
  }
}
