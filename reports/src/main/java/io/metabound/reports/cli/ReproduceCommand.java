package io.metabound.reports.cli;

import io.metabound.experiments.plan.RegistryPlans;
import io.metabound.experiments.reproduction.Finding;
import io.metabound.experiments.reproduction.PaperClaim;
import io.metabound.experiments.reproduction.Reproduction;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.reproduction.ReproductionSettings;
import io.metabound.experiments.reproduction.Reproductions;
import io.metabound.reports.io.OutputFolder;
import io.metabound.reports.report.ReproductionPages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code metabound reproduce NAME}: one of the papers' figures or tables, measured and judged. */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reproduces a figure or table of the papers: states the claim (with its provenance),",
      "measures it on problems whose answer is known exactly and says whether it agrees.",
      "NAME: takagi-linreg, imaml-fig2a, imaml-table1, fallah-table1, ji-alpha-over-n, or all.",
      "The verdict is data: the exit code is 0 whatever it is (2 on bad input)."
    })
public final class ReproduceCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "the reproduction, or all")
  String name;

  @Option(names = "--out", paramLabel = "DIR", description = "write the figures, CSV, result.json, index.html and README.md here")
  Path out;

  @Option(names = "--json", description = "print the result as JSON (a list for all)")
  boolean json;

  @Option(names = "--seed", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
  long seed = RegistryPlans.DEFAULT_SEED;

  @Option(names = "--quick", description = "smaller grids and fewer runs")
  boolean quick;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<Reproduction> chosen = new ArrayList<>();
    if (name.equals("all")) {
      chosen.addAll(Reproductions.all());
    } else {
      chosen.add(
          Reproductions.find(name)
              .orElseThrow(
                  () ->
                      new UserInputException(
                          "reproduce: unknown reproduction '" + name + "'; known: "
                              + String.join(", ", Reproductions.names()) + ", all")));
    }
    // a folder that cannot be written is refused before the reproductions run
    try (OutputFolder folder = out == null ? null : OutputFolder.open(out, "--out", "reproduce")) {
      return run(chosen, folder);
    }
  }

  private int run(List<Reproduction> chosen, OutputFolder folder) throws IOException {
    List<ReproductionResult> results = new ArrayList<>();
    for (Reproduction r : chosen) {
      results.add(r.run(new ReproductionSettings(seed, quick)));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.print(ReproductionPages.json(results, name.equals("all")));
    } else {
      for (ReproductionResult r : results) {
        print(stdout, r);
      }
    }
    if (out != null) {
      List<String> written = ReproductionPages.write(results, folder, out, name.equals("all"));
      if (!json) {
        written.forEach(f -> stdout.println("wrote " + f));
      }
    }
    stdout.flush();
    return MetaBoundCommand.OK;
  }

  private static void print(PrintWriter out, ReproductionResult r) {
    out.println(r.name() + ": " + r.title());
    for (PaperClaim c : r.claims()) {
      out.println("  claim  " + c.paper() + " " + c.result() + " " + c.provenance().tag()
          + (c.reconstructed() ? " (RECONSTRUCTED)" : "") + ": " + c.statement());
    }
    out.println("  set-up " + r.setup());
    for (Finding f : r.findings()) {
      out.println("  " + f.agreement().words().toUpperCase(java.util.Locale.ROOT) + ": " + f.claim());
      out.println("      measured: " + f.measured());
      out.println("      criterion: " + f.criterion());
    }
    out.println("  verdict: " + r.verdict().words());
    out.println();
  }
}
