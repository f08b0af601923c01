package io.metabound.reports.cli;

import io.metabound.experiments.check.CheckInputException;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.Replay;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.plan.RegistryPlans;
import io.metabound.reports.claims.ClaimCheck;
import io.metabound.reports.claims.ClaimEntry;
import io.metabound.reports.claims.ClaimsFiles;
import io.metabound.reports.claims.ClaimsVocabulary;
import io.metabound.reports.claims.ClaimsFileException;
import io.metabound.reports.claims.ClaimsParser;
import io.metabound.reports.claims.ClaimsValidation;
import io.metabound.reports.claims.ProbeResolver;
import io.metabound.reports.claims.StandardProbes;
import io.metabound.reports.io.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metabound claims FILE}: validates the claims of a paper draft, written as YAML or carried
 * inline by a LaTeX draft in {@code %! metabound} comment blocks.
 */
@Command(
    name = "claims",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Validates the claims of a paper draft against exact computation.",
      "FILE is YAML (claims: [...]) or a LaTeX draft with '%%! metabound' comment blocks,",
      "each tied to the nearest \\label. For each claim: HOLDS with the tightest ratio",
      "found, VIOLATED with a shrunk counterexample (replay it with --replay),",
      "INCONCLUSIVE or OUT_OF_SCOPE; an existential claim WITNESSED or NOT_FOUND; a",
      "claim that cannot be measured ERROR (the others are still checked). Writes",
      "DIR/claims-verdicts.{json,md} with the file's SHA-256 and, for each violation,",
      "DIR/counterexample-<id>.json (shrunk) and DIR/counterexample-<id>-worst.json.",
      "Exit 0 when every claim holds, 1 when one is violated (or not witnessed),",
      "2 when one is an ERROR or the file is bad input. --replay: exit 0 when it",
      "reproduces the recorded verdict, 1 when not.",
      ""
    })
public final class ClaimsCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "claims file (.yaml/.yml) or LaTeX draft (.tex)")
  Path file;

  @Option(
      names = "--vocabulary",
      description =
          "list every measure primitive, estimator, family type and symbol with its meaning,"
              + " parameters and one example claim (with --json: as JSON)")
  boolean vocabulary;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: metabound-claims)")
  Path out = Path.of("metabound-claims");

  @Option(names = "--json", description = "print the verdicts as a JSON list")
  boolean json;

  @Option(names = "--seed", paramLabel = "S", description = "master seed (default: ${DEFAULT-VALUE})")
  long seed = RegistryPlans.DEFAULT_SEED;

  @Option(
      names = "--evaluations",
      paramLabel = "N",
      description = "falsifier evaluations per claim (default: ${DEFAULT-VALUE}, as in the report)")
  int evaluations = ClaimsValidation.DEFAULT_EVALUATIONS;

  @Option(
      names = "--replay",
      paramLabel = "COUNTEREXAMPLE",
      description = "re-run one claim on a counterexample file written by an earlier run")
  Path replay;

  @Spec CommandSpec spec;

  private final ProbeResolver probes;

  public ClaimsCommand() {
    this(StandardProbes.resolver());
  }

  /** With another probe resolver (tests). */
  ClaimsCommand(ProbeResolver probes) {
    this.probes = probes;
  }

  @Override
  public Integer call() throws IOException {
    if (vocabulary) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(json ? ClaimsVocabulary.json() + "\n" : ClaimsVocabulary.text());
      stdout.flush();
      return MetaBoundCommand.OK;
    }
    if (file == null) {
      throw new UserInputException("claims: give a claims FILE (or --vocabulary)");
    }
    if (evaluations < 1) {
      throw new UserInputException("--evaluations: must be >= 1, got " + evaluations);
    }
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(file + ": no such claims file");
    }
    byte[] content = Files.readAllBytes(file);
    String name = file.toString();
    List<ClaimEntry> claims;
    try {
      claims = ClaimsParser.parse(ClaimsFiles.text(content, name), name);
    } catch (ClaimsFileException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (replay != null) {
      return replay(claims, stdout);
    }
    try (OutputFolder folder = OutputFolder.open(out, "--out", "claims")) {
      return validate(name, content, claims, folder, stdout);
    }
  }

  /** Runs the claims into the staging folder and commits it; the exit code. */
  private int validate(String name, byte[] content, List<ClaimEntry> claims, OutputFolder folder, PrintWriter stdout)
      throws IOException {
    CheckSettings settings = ClaimsValidation.settings(seed, evaluations, folder.path());
    PrintWriter err = spec.commandLine().getErr();
    if (!json) {
      err.println(
          "claims " + name + ": " + claims.size() + " claims, seed " + seed + ", "
              + evaluations + " evaluations per claim");
      err.flush();
    }
    ClaimsValidation validation =
        ClaimsValidation.run(
            name, content, claims, probes, settings,
            id -> {
              if (!json) {
                err.println("  checking " + id);
                err.flush();
              }
            });
    validation = validation.mapResults(r -> CheckCommand.relocated(r, folder.path(), out));
    validation.writeTo(folder.path());
    folder.commit();
    if (json) {
      stdout.println(validation.jsonRows().toPrettyString());
    } else {
      stdout.print(validation.toText());
      stdout.println("wrote " + out.resolve(ClaimsValidation.JSON_FILE));
    }
    stdout.flush();
    if (validation.anyError()) {
      return MetaBoundCommand.BAD_INPUT;
    }
    return validation.anyViolated() ? MetaBoundCommand.VIOLATED : MetaBoundCommand.OK;
  }

  private int replay(List<ClaimEntry> claims, PrintWriter stdout) {
    Map<String, ClaimCheck.Built> checks = ClaimsValidation.checks(claims, probes);
    Replay.Outcome outcome;
    try {
      outcome =
          Replay.replay(
              replay,
              id -> {
                ClaimCheck.Built built = checks.get(id);
                if (built != null && built.error() != null) {
                  throw new UserInputException("claim '" + id + "': " + built.error());
                }
                return Optional.ofNullable(built).map(ClaimCheck.Built::check);
              });
    } catch (CheckInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    var r = outcome.result();
    if (!outcome.counterexample().verified()) {
      spec.commandLine().getErr().println("metabound: note: " + CheckCommand.unverifiedNote(replay));
      spec.commandLine().getErr().flush();
    }
    stdout.println(
        "replay "
            + replay
            + ": claim "
            + r.boundId()
            + " on "
            + r.instanceDescription()
            + ": empirical "
            + SuiteSummary.number(r.empirical())
            + ", theoretical "
            + SuiteSummary.number(r.theoretical())
            + ", ratio "
            + SuiteSummary.number(r.ratio())
            + ": "
            + r.verdict()
            + (outcome.reproduced()
                ? " (as recorded)"
                : " (recorded " + outcome.counterexample().recordedVerdict() + "): did NOT reproduce"));
    stdout.flush();
    // a replay answers "does the recorded outcome come back?": 0 yes, 1 no
    return outcome.reproduced() ? MetaBoundCommand.OK : MetaBoundCommand.VIOLATED;
  }
}
