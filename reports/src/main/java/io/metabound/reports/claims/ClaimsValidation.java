package io.metabound.reports.claims;

import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.check.CounterexampleFile;
import io.metabound.experiments.check.InstanceJson;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.io.TextTable;
import io.metabound.experiments.plan.RegistryPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the claims of one file. Each claim becomes a {@link ClaimCheck}, is searched by the
 * falsifier and gets a verdict: HOLDS with the tightest ratio found (equality within the relative
 * tolerance, or in extended precision, holds and is reported as tight), VIOLATED with the worst
 * instance found and a shrunk one (both replayable with {@code metabound claims FILE --replay
 * COUNTEREXAMPLE}), INCONCLUSIVE (an interval straddles the bound, or too little of the domain was
 * in scope), OUT_OF_SCOPE; an existential claim WITNESSED or NOT_FOUND; a claim that cannot be
 * measured ERROR with its reason. One bad claim costs one claim: the others are still checked.
 *
 * <p>The search budget is part of the verdict ({@link #DEFAULT_EVALUATIONS} unless set), written
 * into the verdict files, and the same for {@code metabound claims} and the report, so the same
 * seed gives the same instances in both. Output is a deterministic function of the file and the
 * seed.
 *
 * @param file the claims file as given
 * @param sha256 the SHA-256 of its bytes (a LaTeX draft's verdicts say which version they checked)
 * @param seed the master seed
 * @param evaluations the falsifier's evaluation budget per claim
 * @param shrinkEvaluations the shrinker's budget per violated claim
 * @param entries the claims (and claim errors), in file order
 * @param results their results, in the same order (an ERROR result for each claim error)
 */
public record ClaimsValidation(
    String file,
    String sha256,
    long seed,
    int evaluations,
    int shrinkEvaluations,
    List<ClaimEntry> entries,
    List<CheckResult> results) {

  /** The verdicts file written into the output directory. */
  public static final String JSON_FILE = "claims-verdicts.json";

  /** The Markdown table written next to it. */
  public static final String MARKDOWN_FILE = "claims-verdicts.md";

  /** Falsifier evaluations per claim, for {@code metabound claims} and the report alike. */
  public static final int DEFAULT_EVALUATIONS = 400;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  public ClaimsValidation {
    entries = List.copyOf(entries);
    results = List.copyOf(results);
    if (entries.size() != results.size()) {
      throw new IllegalArgumentException(
          entries.size() + " claims but " + results.size() + " results");
    }
  }

  /** The settings a claims run uses: the registry's defaults with the claims' budget. */
  public static CheckSettings settings(long seed, int evaluations, Path counterexamples) {
    return RegistryPlans.defaultSettings(seed)
        .withEvaluationBudget(evaluations)
        .withCounterexampleDirectory(counterexamples);
  }

  /**
   * Builds every check (a claim that cannot be built is an ERROR), then runs them; a check that
   * throws while it runs is an ERROR for its claim alone.
   *
   * @param file the file name (for messages and the output)
   * @param content the file's bytes (for its hash)
   * @param entries the parsed claims
   * @param probes the probes of catalogue quantities
   * @param settings seed, budgets and where counterexamples go
   * @param progress called with each claim's id before it runs
   */
  public static ClaimsValidation run(
      String file,
      byte[] content,
      List<ClaimEntry> entries,
      ProbeResolver probes,
      CheckSettings settings,
      Consumer<String> progress) {
    Map<String, ClaimCheck.Built> built = checks(entries, probes);
    List<CheckResult> results = new ArrayList<>();
    for (ClaimEntry entry : entries) {
      progress.accept(entry.id());
      results.add(result(entry, built.get(entry.id()), settings));
    }
    return new ClaimsValidation(
        file,
        DraftClaims.sha256(content),
        settings.seed(),
        settings.evaluationBudget(),
        settings.shrinkBudget(),
        entries,
        results);
  }

  /** The checks of the claims by id, each built and dry-run (a claim error has none). */
  public static Map<String, ClaimCheck.Built> checks(List<ClaimEntry> entries, ProbeResolver probes) {
    Map<String, ClaimCheck.Built> checks = new LinkedHashMap<>();
    for (ClaimEntry entry : entries) {
      if (entry instanceof Claim claim) {
        checks.put(claim.id(), ClaimCheck.of(claim, probes));
      }
    }
    return checks;
  }

  private static CheckResult result(
      ClaimEntry entry, ClaimCheck.Built built, CheckSettings settings) {
    if (entry instanceof ClaimError error) {
      return error(entry.id(), error.message());
    }
    Claim claim = (Claim) entry;
    if (built.error() != null) {
      return error(claim.id(), built.error());
    }
    CheckResult r;
    try {
      r = built.run(settings);
    } catch (RuntimeException e) {
      return error(claim.id(), "the check failed while it ran: " + ClaimCheck.message(e));
    }
    return claim.quantifier() == Claim.Quantifier.EXISTS ? existential(r) : r;
  }

  /** An ERROR result with its reason. */
  static CheckResult error(String id, String reason) {
    return CheckResult.builder(id, "", Comparison.AT_MOST)
        .verdict(Verdict.ERROR)
        .note(reason)
        .build();
  }

  /**
   * The result of an existential claim from its negation's: a violation of "for all, not
   * RELATION" is a witness (the worst and the shrunk one), anything else is NOT_FOUND — except an
   * interval that straddles, which stays INCONCLUSIVE.
   */
  static CheckResult existential(CheckResult negation) {
    Verdict v =
        switch (negation.verdict()) {
          case VIOLATED -> Verdict.WITNESSED;
          case INCONCLUSIVE -> negation.search() != null && negation.search().scopeProblem() != null
              ? Verdict.NOT_FOUND
              : Verdict.INCONCLUSIVE;
          case ERROR -> Verdict.ERROR;
          default -> Verdict.NOT_FOUND;
        };
    String note =
        v == Verdict.WITNESSED
            ? "witness: " + negation.instanceDescription()
                + (negation.note().isEmpty() ? "" : "; " + negation.note())
            : v == Verdict.NOT_FOUND
                ? "no witness among "
                    + (negation.search() == null ? 0 : negation.search().inScopeEvaluations())
                    + " in-scope instances searched (best ratio "
                    + SuiteSummary.number(negation.ratio())
                    + ", a witness needs > 1)"
                    + (negation.note().isEmpty() ? "" : "; " + negation.note())
                : negation.note();
    return negation.toBuilder()
        .comparison(ClaimCheck.negation(negation.comparison()))
        .verdict(v)
        .note(note)
        .build();
  }

  /** True when some claim is VIOLATED or an existential claim was NOT_FOUND. */
  public boolean anyViolated() {
    return results.stream()
        .anyMatch(r -> r.verdict() == Verdict.VIOLATED || r.verdict() == Verdict.NOT_FOUND);
  }

  /** True when some claim is an ERROR (the CLI's exit code 2). */
  public boolean anyError() {
    return results.stream().anyMatch(r -> r.verdict() == Verdict.ERROR);
  }

  /** The same validation with every result passed through {@code f} (e.g. relative paths). */
  public ClaimsValidation mapResults(UnaryOperator<CheckResult> f) {
    return new ClaimsValidation(
        file,
        sha256,
        seed,
        evaluations,
        shrinkEvaluations,
        entries,
        results.stream().map(f).toList());
  }

  /** Verdicts counted, every verdict present (maybe 0). */
  public Map<Verdict, Integer> counts() {
    Map<Verdict, Integer> c = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      c.put(v, 0);
    }
    results.forEach(r -> c.merge(r.verdict(), 1, Integer::sum));
    return c;
  }

  /**
   * The {@code --json} list: per claim {@code {"id", "verdict", "ratio", "tight", "empirical",
   * "theoretical", "instance", "seed", "precision", "scope": {"inScope", "outOfScope"},
   * "counterexample", "worst", "error"}} where {@code counterexample} (the shrunk instance) and
   * {@code worst} (the instance of largest ratio) are {@code null} unless the claim is VIOLATED (or
   * an existential claim WITNESSED).
   */
  public ArrayNode jsonRows() {
    ArrayNode rows = JSON.createArrayNode();
    for (int i = 0; i < entries.size(); i++) {
      ClaimEntry e = entries.get(i);
      CheckResult r = results.get(i);
      ObjectNode o = rows.addObject();
      o.put("id", e.id());
      o.put("verdict", r.verdict().name());
      o.set("ratio", InstanceJson.number(r.ratio()));
      o.put("tight", r.tight());
      o.set("empirical", InstanceJson.number(r.empirical()));
      o.set("theoretical", InstanceJson.number(r.theoretical()));
      o.put("instance", r.instance() == null ? null : r.instance().describe());
      o.put("seed", r.seed());
      o.put("precision", r.precision().name().toLowerCase(Locale.ROOT));
      SuiteSummary.writeConfirmation(r.confirmation(), o);
      ObjectNode scope = o.putObject("scope");
      if (r.search() != null) {
        scope.put("evaluations", r.search().evaluations());
        scope.put("inScope", r.search().inScopeEvaluations());
        scope.put("outOfScope", r.search().outOfScopeEvaluations());
        ArrayNode collapsed = scope.putArray("collapsed");
        r.search().collapsed().forEach(collapsed::add);
      }
      if (e.label() != null) {
        o.put("label", e.label());
        o.put("line", e.line());
      }
      if (e instanceof Claim c) {
        o.put("statement", c.statement());
        o.put("claim", c.relationText());
        o.put("quantifier", c.quantifier() == Claim.Quantifier.EXISTS ? "exists" : "forall");
        if (c.registryId() != null) {
          o.put("registry", c.registryId());
        }
      }
      if (r.verdict() == Verdict.ERROR) {
        o.put("error", r.note());
      } else {
        o.putNull("error");
      }
      o.put("note", r.note());
      if (r.negativeControl() != null) {
        o.put("negativeControl", r.negativeControl().status().name());
      }
      boolean failing = r.verdict() == Verdict.VIOLATED || r.verdict() == Verdict.WITNESSED;
      if (failing && r.instance() != null) {
        ObjectNode ce = o.putObject("counterexample");
        ce.put("file", r.counterexample());
        ce.set("ratio", InstanceJson.number(r.ratio()));
        InstanceJson.write(r.instance(), ce);
      } else {
        o.putNull("counterexample");
      }
      SuiteSummary.writeWorst(failing ? r.worst() : null, o);
    }
    return rows;
  }

  /** The verdicts file: the file, its SHA-256, the seed, the budget and the rows. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("file", file);
    root.put("sha256", sha256);
    root.put("seed", seed);
    ObjectNode budget = root.putObject("budget");
    budget.put("evaluations", evaluations);
    budget.put("shrinkEvaluations", shrinkEvaluations);
    ObjectNode counts = root.putObject("counts");
    counts().forEach((v, n) -> counts.put(v.name(), n));
    root.set("claims", jsonRows());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** A Markdown table of the verdicts with the file's hash and the budget. */
  public String toMarkdown() {
    StringBuilder s = new StringBuilder("# Claims of ").append(file).append("\n\n");
    s.append("SHA-256 `").append(sha256).append("` · seed ").append(seed)
        .append(" · ").append(evaluations).append(" falsifier evaluations per claim\n\n");
    s.append("Ratio ≤ 1 holds, 1 is tight, > 1 violates. \"in scope\" counts the evaluations whose")
        .append(" instance met the claim's hypotheses.\n\n");
    s.append(
        "| claim | statement | checked | instance | empirical | theoretical | ratio | verdict |"
            + " precision | in scope |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String[] row : table()) {
      s.append("| ").append(String.join(" | ", escape(row))).append(" |\n");
    }
    StringBuilder notes = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      List<String> parts = notes(results.get(i));
      if (!parts.isEmpty()) {
        notes.append("- **").append(entries.get(i).id()).append("**: ")
            .append(String.join("; ", parts)).append('\n');
      }
    }
    if (notes.length() > 0) {
      s.append("\n## Notes\n\n").append(notes);
    }
    return s.toString();
  }

  private static List<String> notes(CheckResult r) {
    List<String> parts = new ArrayList<>();
    if (!r.note().isEmpty()) {
      parts.add(r.verdict() == Verdict.ERROR ? "ERROR: " + r.note() : r.note());
    }
    if (r.worst() != null) {
      parts.add(
          "worst instance "
              + r.worst().instance().describe()
              + ", ratio "
              + SuiteSummary.number(r.worst().ratio())
              + (r.worst().counterexample() == null ? "" : " (`" + r.worst().counterexample() + "`)"));
    }
    if (r.counterexample() != null) {
      parts.add("shrunk: ratio " + SuiteSummary.number(r.ratio()) + " (`" + r.counterexample() + "`)");
    }
    if (r.confirmation() != null) {
      parts.add("precision: " + r.confirmation().note());
    }
    return parts;
  }

  /** A fixed-width table for the terminal, then one line per counterexample and the counts. */
  public String toText() {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"claim", "verdict", "ratio", "empirical", "theoretical", "precision",
          "in scope", "instance"});
    for (String[] r : table()) {
      rows.add(new String[] {r[0], r[7], r[6], r[4], r[5], r[8], r[9], r[3]});
    }
    StringBuilder s = new StringBuilder();
    s.append(file).append("  sha256 ").append(sha256, 0, 12).append("…  seed ").append(seed)
        .append("  ").append(evaluations).append(" evaluations per claim\n");
    TextTable.appendTo(s, rows);
    for (int i = 0; i < results.size(); i++) {
      CheckResult r = results.get(i);
      String id = entries.get(i).id();
      if (r.verdict() == Verdict.ERROR) {
        s.append(id).append(": ERROR: ").append(r.note()).append('\n');
      }
      if (r.worst() != null && r.worst().counterexample() != null) {
        s.append(id).append(": worst instance (ratio ")
            .append(SuiteSummary.number(r.worst().ratio())).append(") ")
            .append(r.worst().counterexample()).append('\n');
      }
      if (r.counterexample() != null) {
        s.append(id).append(": shrunk counterexample (ratio ")
            .append(SuiteSummary.number(r.ratio())).append(") ")
            .append(r.counterexample()).append('\n');
      }
      if (r.verdict() == Verdict.INCONCLUSIVE
          || r.verdict() == Verdict.NOT_FOUND
          || (r.verdict() != Verdict.ERROR && UndefinedTally.accounted(r.note()))) {
        s.append(id).append(": ").append(r.note()).append('\n');
      }
    }
    s.append(countLine()).append('\n');
    return s.toString();
  }

  /** {@code 7 claims: 4 hold, 1 violated, …} with every verdict that occurs. */
  public String countLine() {
    Map<Verdict, Integer> c = counts();
    List<String> parts = new ArrayList<>();
    parts.add(c.get(Verdict.HOLDS) + " hold");
    parts.add(c.get(Verdict.VIOLATED) + " violated");
    parts.add(c.get(Verdict.INCONCLUSIVE) + " inconclusive");
    parts.add(c.get(Verdict.OUT_OF_SCOPE) + " out of scope");
    if (c.get(Verdict.WITNESSED) + c.get(Verdict.NOT_FOUND) > 0) {
      parts.add(c.get(Verdict.WITNESSED) + " witnessed");
      parts.add(c.get(Verdict.NOT_FOUND) + " not found");
    }
    parts.add(c.get(Verdict.ERROR) + " error" + (c.get(Verdict.ERROR) == 1 ? "" : "s"));
    return results.size() + " claims: " + String.join(", ", parts);
  }

  /** Writes {@value #JSON_FILE} and {@value #MARKDOWN_FILE} atomically into {@code directory}. */
  public void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    AtomicFiles.writeString(directory.resolve(JSON_FILE), toJson());
    AtomicFiles.writeString(directory.resolve(MARKDOWN_FILE), toMarkdown());
  }

  private List<String[]> table() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      ClaimEntry e = entries.get(i);
      CheckResult r = results.get(i);
      String verdict =
          r.verdict().name() + (r.tight() && r.verdict() == Verdict.HOLDS ? " (tight)" : "");
      rows.add(
          new String[] {
            e.label() == null ? e.id() : e.id() + " (\\label{" + e.label() + "})",
            e instanceof Claim c ? c.statement() : "",
            e instanceof Claim c ? c.relationText() : "—",
            r.instance() == null ? "—" : r.instance().describe(),
            measured(r, r.empirical()),
            measured(r, r.theoretical()),
            measured(r, r.ratio()),
            verdict,
            r.verdict() == Verdict.ERROR ? "—" : r.precision().name().toLowerCase(Locale.ROOT),
            SuiteSummary.scopeText(r)
          });
    }
    return rows;
  }

  /** A number of the table; "—" where nothing was measured (an ERROR, or no instance in scope). */
  private static String measured(CheckResult r, double v) {
    return r.verdict() == Verdict.ERROR || Double.isNaN(v) ? "—" : SuiteSummary.number(v);
  }

  private static String[] escape(String[] row) {
    String[] out = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = row[i].replace("|", "\\|").replace("\n", " ");
    }
    return out;
  }

  /** The name a claim's counterexample file gets (the check framework's convention). */
  public static String counterexampleName(String claimId) {
    return CounterexampleFile.fileName(claimId);
  }
}
