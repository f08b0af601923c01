package io.metabound.reports.cli;

import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.finding.Finding;
import io.metabound.experiments.finding.FindingFiles;
import io.metabound.experiments.finding.FindingValue;
import io.metabound.experiments.finding.Findings;
import io.metabound.reports.io.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metabound findings [--paper P] [--json] [--out DIR]}: the places where exact computation
 * disagrees with or sharpens a paper's statement ({@link Findings}), each computed now from the
 * exact oracles.
 *
 * <p>Text: one block per finding (id, paper, bounds, statement, what is shown, instance, measured
 * vs stated with the ratio, the commands that reproduce the numbers). {@code --json}: the array of
 * {@link FindingFiles#json(List)}. {@code --out DIR}: each finding's task file {@code
 * finding-<id>.json} (what the reproduce commands read) and {@code findings.json}, written
 * atomically. An unknown paper is bad input (exit 2) naming the known papers.
 */
@Command(
    name = "findings",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Places where exact computation disagrees with or sharpens a paper's statement,",
      "computed from the exact oracles, with the task file and oracle commands",
      "that reproduce each number.",
      ""
    })
public final class FindingsCommand implements Callable<Integer> {

  @Option(names = "--paper", paramLabel = "P", description = "only this paper's findings: ji2022, fallah2020, takagi2019, rajeswaran2019")
  String paper;

  @Option(names = "--json", description = "print a JSON array (one object per finding)")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "write finding-<id>.json (the task file of each finding) and findings.json here")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<Finding> findings;
    try {
      findings = Findings.ofPaper(paper);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--paper: " + e.getMessage(), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.print(FindingFiles.text(FindingFiles.json(findings)));
    } else {
      if (findings.isEmpty()) {
        stdout.println("no findings for " + paper);
      }
      findings.forEach(f -> print(stdout, f));
    }
    if (out != null) {
      List<Path> written = new ArrayList<>();
      try (OutputFolder folder = OutputFolder.open(out, "--out", "findings")) {
        for (Path staged : FindingFiles.write(findings, folder.path())) {
          written.add(out.resolve(folder.path().relativize(staged)));
        }
        folder.commit();
      }
      if (!json) {
        written.forEach(f -> stdout.println("wrote " + f));
      }
    }
    stdout.flush();
    return MetaBoundCommand.OK;
  }

  private static void print(PrintWriter out, Finding f) {
    out.println(f.id() + " (" + f.paper() + ", " + f.kind().label() + ")");
    out.println("  bounds:    " + String.join(", ", f.bounds()));
    out.println("  statement: " + f.statement());
    out.println("  shown:     " + f.shown());
    out.println("  instance:  " + f.instance().describe());
    out.println("  measured vs stated:");
    for (FindingValue v : f.values()) {
      out.println("    - " + v.what() + ": measured " + SuiteSummary.number(v.measured()) + ", stated "
          + SuiteSummary.number(v.stated()) + ", ratio "
          + (v.ratio() == null ? "none" : SuiteSummary.number(v.ratio()) + " (" + v.ratioIs() + ")"));
    }
    out.println("  reproduce (task file " + f.taskFile() + ", written by --out DIR):");
    f.reproduce().forEach(c -> out.println("    " + c));
    out.println();
  }
}
