package io.metabound.reports.cli;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckInputException;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.CheckSuite;
import io.metabound.experiments.check.CounterexampleFile;
import io.metabound.experiments.check.NotCheckable;
import io.metabound.experiments.check.Replay;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.scaling.ScalingChecks;
import io.metabound.experiments.plan.RegistryPlans;
import io.metabound.reports.io.OutputFolder;
import io.metabound.reports.io.TerminalProgress;
import java.io.IOException;
import io.metabound.experiments.io.TextTable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code metabound check}: runs the bound checks of the registry (or of one bound or one paper)
 * and prints the verdict table; {@code --replay FILE} re-runs a counterexample file.
 *
 * <p>The checks come from {@link RegistryPlans}: every registry bound is either checked with its
 * plan or listed as not checkable with the reason. Tests inject another source (planted checks)
 * through the package-private constructor.
 *
 * <p>Exit codes: 0 when no check is VIOLATED (or every violation is a documented expected
 * finding), 1 when some check is VIOLATED and not an expected finding, 2 on an unknown bound or
 * paper, bad options, or a bad replay file (one line naming the file and the field). A replay
 * exits 0 when it reproduces the recorded verdict and 1 when it does not; a replay file edited
 * after it was written (checksum mismatch) is exit 2, one without a checksum replays with a note.
 *
 * <p>{@code --json} prints one object per bound: the fields of {@link SuiteSummary#jsonRows()}
 * (at least {@code bound, verdict, empirical, theoretical, ratio, instance, seed}, where {@code
 * seed} is the seed of the instance's random numbers, the one its counterexample file replays)
 * plus {@code suiteSeed}, the master seed given by {@code --seed}, for checked bounds; and {@code
 * {"bound", "verdict": "NOT_CHECKABLE", "empirical": null, "theoretical": null, "ratio": null,
 * "instance": null, "seed": null, "suiteSeed", "reason"}} for the others.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks registered bounds against exact computation (verdict table).",
      "The table gives bound, instance, empirical, theoretical, ratio, verdict",
      "and seed; bounds without a check are listed with the reason. A violation",
      "is shrunk and written as a counterexample file that --replay re-runs.",
      "Exit 1 if a bound is VIOLATED and not an expected finding.",
      "--replay: exit 0 when it reproduces the recorded verdict, 1 when not,",
      "2 when the file is invalid or was edited (its sha256 does not match).",
      ""
    })
public final class CheckCommand implements Callable<Integer> {

  @Option(names = "--bound", paramLabel = "ID", description = "check one bound")
  String boundId;

  @Option(names = "--paper", paramLabel = "P", description = "check the bounds of one paper (Ji2022, Fallah2020, Takagi2019, Rajeswaran2019)")
  String paper;

  @Option(names = "--all", description = "check every registered bound (the default)")
  boolean all;

  @Option(names = "--seed", paramLabel = "S", description = "master seed (default: the build's seed, " + RegistryPlans.DEFAULT_SEED + ")")
  Long seed;

  @Option(names = "--budget", paramLabel = "SECONDS", description = "wall-clock cap on each check's search (default: none; a hit cap is reported, results then depend on machine speed)")
  Double budget;

  @Option(names = "--json", description = "print a JSON list, one object per bound")
  boolean json;

  @Option(names = "--wide", description = "print every table cell in full (by default the table fits the terminal: $COLUMNS, or 120)")
  boolean wide;

  @Option(names = "--replay", paramLabel = "FILE", description = "re-run the check of a counterexample file on its instance")
  Path replay;

  @Option(names = "--out", paramLabel = "DIR", description = "write check-summary.{json,md} and counterexamples to DIR (default: counterexamples to ./counterexamples)")
  Path out;

  @Spec CommandSpec spec;

  private final Function<String, Optional<BoundCheck>> checks;
  private final Function<List<Bound>, CheckSuite> suites;

  /** The registry's checks ({@link RegistryPlans}). */
  public CheckCommand() {
    this(RegistryPlans::check, RegistryPlans::suite);
  }

  /**
   * Another source of checks (tests: planted checks).
   *
   * @param checks the check of a bound id, also of ids outside the registry; empty when none
   * @param suites the suite over some registry bounds: each checked or listed as not checkable
   */
  CheckCommand(Function<String, Optional<BoundCheck>> checks, Function<List<Bound>, CheckSuite> suites) {
    this.checks = checks;
    this.suites = suites;
  }

  @Override
  public Integer call() {
    int selectors = (boundId != null ? 1 : 0) + (paper != null ? 1 : 0) + (all ? 1 : 0);
    if (selectors > 1) {
      throw new UserInputException("check: give at most one of --bound ID, --paper P, --all");
    }
    if (budget != null && !(budget > 0 && !budget.isNaN())) {
      throw new UserInputException("--budget: must be a number of seconds > 0, got " + budget);
    }
    if (replay != null) {
      if (selectors > 0) {
        throw new UserInputException("--replay re-runs the bound named in the file; it cannot be combined"
            + " with --bound, --paper or --all");
      }
      return replay();
    }
    // --out DIR: the summary and the counterexamples are staged and committed as one folder
    try (OutputFolder folder = out == null ? null : OutputFolder.open(out, "--out", "check")) {
      CheckSettings settings = RegistryPlans.defaultSettings(seed == null ? RegistryPlans.DEFAULT_SEED : seed)
          .withCounterexampleDirectory(folder != null ? folder.path() : Path.of("counterexamples"));
      if (budget != null) {
        settings = settings.withTimeCapSeconds(budget);
      }
      String scope;
      CheckSuite suite;
      if (boundId != null) {
        suite = suiteOfBound(boundId);
        scope = "bound " + boundId;
      } else if (paper != null) {
        List<Bound> bounds = BoundsCommand.ofPaper(paper);
        suite = suites.apply(bounds);
        scope = bounds.size() + " bounds of " + bounds.get(0).reference().paper();
      } else {
        suite = suites.apply(BoundRegistry.all());
        scope = "all " + BoundRegistry.all().size() + " registered bounds";
      }
      String header = String.format(Locale.ROOT, "check: seed %d, %s: %d checked, %d not checkable; time cap per check: %s",
          settings.seed(), scope, suite.checks().size(), suite.notCheckable().size(),
          budget == null ? "none" : SuiteSummary.number(budget) + " s");
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter stderr = spec.commandLine().getErr();
      if (json) {
        stderr.println("metabound: " + header);
        stderr.flush();
      } else {
        stdout.println(header);
        stdout.flush();
      }
      SuiteSummary summary;
      try {
        // a terminal shows progress (quiet when not a TTY)
        try (TerminalProgress progress =
            TerminalProgress.start("check", suite.checks().size(), " bounds", 2)) {
          summary =
              suite.run(
                  settings,
                  (done, check) -> {
                    progress.accept(done);
                    progress.message(check.boundId());
                  },
                  result -> folder == null ? result : relocated(result, folder.path(), out));
          progress.accept(suite.checks().size());
          // the shapes of the vacuous checks in this suite
          summary =
              summary.withScaling(
  ScalingChecks.outcomes(settings.seed(), suite));
        }
      } catch (UncheckedIOException e) {
        throw new UserInputException(e.getMessage() + ": " + e.getCause().getMessage(), e);
      }
      List<String> written = new ArrayList<>();
      if (out != null) {
        try {
          summary.writeTo(folder.path());
          folder.commit();
        } catch (IOException e) {
          throw new UserInputException("--out: cannot write the summary to " + out + ": " + e.getMessage(), e);
        }
        written.add(out.resolve(SuiteSummary.JSON_FILE).toString());
        written.add(out.resolve(SuiteSummary.MARKDOWN_FILE).toString());
      }
      if (json) {
        stdout.print(CliJson.write(jsonRows(summary)));
      } else {
        printText(stdout, summary, written);
      }
      stdout.flush();
      return summary.unexpectedViolations().isEmpty() ? MetaBoundCommand.OK : MetaBoundCommand.VIOLATED;
    }
  }

  /** One registry bound (checked, or listed with its reason), or a check known only to the source. */
  private CheckSuite suiteOfBound(String id) {
    Optional<Bound> bound = BoundRegistry.find(id);
    if (bound.isPresent()) {
      return suites.apply(List.of(bound.get()));
    }
    Optional<BoundCheck> check = checks.apply(id);
    if (check.isPresent()) {
      return new CheckSuite().add(check.get());
    }
    throw BoundsCommand.unknownBound(id);
  }

  private Integer replay() {
    Replay.Outcome outcome;
    try {
      outcome = Replay.replay(replay, checks);
    } catch (CheckInputException e) {
      throw new UserInputException(e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // the file parsed but does not fit the check (a parameter the bound or probe needs is missing)
      throw new UserInputException(replay + ": params: " + e.getMessage(), e);
    }
    CheckResult result = outcome.result();
    CheckSettings settings = outcome.counterexample().settings();
    SuiteSummary summary = CheckSuite.summarise(List.of(result), List.of(), settings);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (!outcome.counterexample().verified()) {
      stderr.println("metabound: note: " + unverifiedNote(replay));
      stderr.flush();
    }
    String verdictLine =
        (outcome.reproduced() ? "reproduced the recorded verdict " : "did NOT reproduce the recorded verdict ")
            + outcome.counterexample().recordedVerdict() + (outcome.reproduced() ? "" : "; now " + result.verdict())
            + " (recorded ratio " + SuiteSummary.number(outcome.counterexample().recordedRatio())
            + ", now " + SuiteSummary.number(result.ratio()) + ")";
    String header = "check --replay " + replay + ": bound " + outcome.counterexample().boundId()
        + ", instance seed " + settings.seed() + ": " + verdictLine;
    if (json) {
      stderr.println("metabound: " + header);
      stderr.flush();
      stdout.print(CliJson.write(summary.jsonRows()));
    } else {
      stdout.println(header);
      stdout.print(summary.toText());
    }
    stdout.flush();
    // a replay answers "does the recorded outcome come back?": 0 yes, 1 no
    return outcome.reproduced() ? MetaBoundCommand.OK : MetaBoundCommand.VIOLATED;
  }

  /** The note for a counterexample file without a checksum (hand-written or edited on purpose). */
  static String unverifiedNote(Path file) {
    return file + " has no " + CounterexampleFile.CHECKSUM + " checksum: replaying it unverified";
  }

  private static ArrayNode jsonRows(SuiteSummary summary) {
    ArrayNode rows = summary.jsonRows();
    for (int i = 0; i < rows.size(); i++) {
      ((ObjectNode) rows.get(i)).put("suiteSeed", summary.seed());
    }
    for (NotCheckable n : summary.notCheckable()) {
      ObjectNode o = rows.addObject();
      o.put("bound", n.boundId());
      o.put("verdict", "NOT_CHECKABLE");
      o.putNull("empirical");
      o.putNull("theoretical");
      o.putNull("ratio");
      o.putNull("instance");
      o.putNull("seed");
      o.put("suiteSeed", summary.seed());
      o.put("reason", n.reason());
    }
    return rows;
  }

  /**
   * The result with its counterexample files named where they will be after the commit: under
   * {@code out} as the user gave it instead of under the staging folder they were written into.
   */
  static CheckResult relocated(CheckResult r, Path staging, Path out) {
    CheckResult moved = r;
    if (r.counterexample() != null) {
      moved = moved.withCounterexample(relocated(r.counterexample(), staging, out));
    }
    if (r.worst() != null && r.worst().counterexample() != null) {
      moved = moved.withWorst(r.worst().withCounterexample(relocated(r.worst().counterexample(), staging, out)));
    }
    return moved;
  }

  private static String relocated(String file, Path staging, Path out) {
    Path written = Path.of(file);
    return written.startsWith(staging) ? out.resolve(staging.relativize(written)).toString() : file;
  }

  private void printText(PrintWriter stdout, SuiteSummary summary, List<String> written) {
    stdout.print(summary.toText(wide ? TextTable.UNLIMITED : TextTable.consoleWidth()));
    if (!summary.notCheckable().isEmpty()) {
      stdout.println("not checkable (" + summary.notCheckable().size() + "):");
      for (NotCheckable n : summary.notCheckable()) {
        stdout.println("  " + n.boundId() + ": " + n.reason());
      }
    }
    for (CheckResult r : summary.results()) {
      if (r.counterexample() != null) {
        stdout.println("counterexample for " + r.boundId() + ": " + r.counterexample()
            + " (re-run: metabound check --replay " + r.counterexample() + ")");
      }
    }
    for (CheckResult r : summary.failedNegativeControls()) {
      stdout.println("warning: the negative control of " + r.boundId() + " could not make it fail: "
          + r.negativeControl().note());
    }
    for (String file : written) {
      stdout.println("wrote " + file);
    }
  }
}
