package io.metabound.reports.cli;

import io.metabound.experiments.plan.RegistryPlans;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.reports.claims.ClaimsFileException;
import io.metabound.reports.claims.ClaimsFiles;
import io.metabound.reports.report.ReportGenerator;
import io.metabound.reports.report.ReportRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metabound report}: the whole report, offline HTML and Markdown, optionally LaTeX. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs every registry check, a profile per checked bound, the reproductions of the papers'",
      "figures and tables, the convergence heatmaps and the notebooks, and writes",
      "DIR/index.html (offline: no CDN) and DIR/report.md with the data next to every picture.",
      "Exit code 1 when a check has an unexpected violation (the report is still written)."
    })
public final class ReportCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "report folder (replaced atomically)")
  Path out;

  @Option(
      names = "--latex",
      paramLabel = "DIR2",
      arity = "0..1",
      fallbackValue = "",
      description = "also write the LaTeX export (statements, booktabs table, pgfplots .dat) to DIR2;"
          + " without a value: DIR/latex")
  String latex;

  @Option(names = "--seed", paramLabel = "S", description = "master seed (default: ${DEFAULT-VALUE})")
  long seed = RegistryPlans.DEFAULT_SEED;

  @Option(names = "--quick", description = "small budgets and grids (tests, previews)")
  boolean quick;

  @Option(names = "--notebooks", paramLabel = "DIR", description = "notebook folder to run and link (default: notebooks-java/ of the checkout)")
  Path notebooks;

  @Option(names = "--no-notebooks", description = "do not run the notebooks")
  boolean noNotebooks;

  @Option(
      names = "--claims",
      paramLabel = "FILE",
      description = "claims file (YAML or LaTeX draft) to validate in the report (default: examples/claims/papers.yaml)")
  Path claims;

  @Option(names = "--no-claims", description = "do not validate a claims file")
  boolean noClaims;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path latexDir = latex == null ? null : latex.isBlank() ? out.resolve("latex") : Path.of(latex);
    Path notebookFolder = null;
    if (!noNotebooks) {
      notebookFolder = notebooks != null ? notebooks : Home.path().resolve("notebooks-java");
      if (notebooks != null && !Files.isDirectory(notebooks)) {
        throw new UserInputException("--notebooks: " + notebooks + " is not a folder");
      }
    }
    String command = "metabound " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    if (latexDir != null && Files.exists(latexDir) && !Files.isDirectory(latexDir)) {
      throw new UserInputException("--latex: " + latexDir + " exists and is not a folder");
    }
    Path claimsFile = null;
    if (!noClaims) {
      claimsFile = claims != null ? claims : Home.path().resolve("examples/claims/papers.yaml");
      if (!Files.isRegularFile(claimsFile)) {
        if (claims != null) {
          throw new UserInputException("--claims: " + claims + " is not a file");
        }
        claimsFile = null; // a checkout without the example claims
      } else {
        // before the long work: a bad claims file is reported in a second, not after the checks
        try {
          ClaimsFiles.validate(claimsFile);
        } catch (ClaimsFileException e) {
          throw new UserInputException("--claims: " + e.getMessage(), e);
        }
      }
    }
    ReportRequest request =
        ReportRequest.defaults(out, latexDir, seed, quick, command, notebookFolder, spec.root().version()[0])
            .withClaims(claimsFile);
    ReportGenerator.Outcome outcome = ReportGenerator.generate(request);
    PrintWriter stdout = spec.commandLine().getOut();
    // the table itself is in the report; the console gets the counts and what failed
    stdout.println(outcome.summary().countLine());
    for (io.metabound.experiments.check.CheckResult r : outcome.summary().unexpectedViolations()) {
      stdout.println("VIOLATED " + r.boundId() + " on " + r.instanceDescription()
          + (r.counterexample() == null ? "" : " (" + outcome.out().resolve(r.counterexample()) + ")"));
    }
    outcome
        .failingClaims()
        .forEach(
            (id, verdict) ->
                stdout.println(
                    verdict + " claim " + id + " (see " + outcome.out().resolve("claims") + ")"));
    for (ReproductionResult r : outcome.reproductions()) {
      stdout.println("reproduction " + r.name() + ": " + r.verdict().words());
    }
    stdout.printf(Locale.ROOT, "wrote %s and %s in %.1f s%n",
        outcome.out().resolve("index.html"), outcome.out().resolve("report.md"), outcome.seconds());
    if (outcome.latex() != null) {
      stdout.println("wrote the LaTeX export to " + outcome.latex());
    }
    stdout.flush();
    if (outcome.failingClaims().containsValue(io.metabound.experiments.check.Verdict.ERROR)) {
      return MetaBoundCommand.BAD_INPUT;
    }
    return outcome.unexpectedViolations() > 0 || !outcome.failingClaims().isEmpty()
        ? MetaBoundCommand.VIOLATED
        : MetaBoundCommand.OK;
  }
}
