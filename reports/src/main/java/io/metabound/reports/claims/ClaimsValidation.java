package io.metabound.reports.claims;

import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.CounterexampleFile;
import io.metabound.experiments.check.InstanceJson;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.io.TextTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the claims of one file: each claim becomes a {@link ClaimCheck}, is searched by the
 * falsifier, and gets a verdict — HOLDS with the tightest ratio found (equality within the
 * relative tolerance holds and is reported as tight), VIOLATED with a shrunk counterexample file
 * that {@code metabound claims FILE --replay COUNTEREXAMPLE} re-runs, INCONCLUSIVE, or
 * OUT_OF_SCOPE.
 *
 * <p>All checks are built before any runs, so a bad claim stops the run before minutes of search.
 * Output is a deterministic function of the file and the seed.
 *
 * @param file the claims file as given
 * @param sha256 the SHA-256 of its bytes (a LaTeX draft's verdicts say which version they checked)
 * @param seed the master seed
 * @param claims the claims, in file order
 * @param results their results, in the same order
 */
public record ClaimsValidation(
    String file, String sha256, long seed, List<Claim> claims, List<CheckResult> results) {

  /** The verdicts file written into the output directory. */
  public static final String JSON_FILE = "claims-verdicts.json";

  /** The Markdown table written next to it. */
  public static final String MARKDOWN_FILE = "claims-verdicts.md";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  public ClaimsValidation {
    claims = List.copyOf(claims);
    results = List.copyOf(results);
  }

  /**
   * Builds every check, then runs them.
   *
   * @param file the file name (for messages and the output)
   * @param content the file's bytes (for its hash)
   * @param claims the parsed claims
   * @param checks their checks by claim id ({@link #checks})
   * @param settings seed, budgets and where counterexamples go
   * @param progress called with each claim's id before it runs
   */
  public static ClaimsValidation run(
      String file,
      byte[] content,
      List<Claim> claims,
      Map<String, BoundCheck> checks,
      CheckSettings settings,
      Consumer<String> progress) {
    List<CheckResult> results = new ArrayList<>();
    for (Claim claim : claims) {
      progress.accept(claim.id());
      try {
        results.add(checks.get(claim.id()).run(settings));
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        // a probe that cannot measure an instance of the claim's domain: the claim is bad input
        throw new ClaimsFileException(
            file, claim.id(), "", "the check cannot run on this family: " + e.getMessage());
      }
    }
    return new ClaimsValidation(file, DraftClaims.sha256(content), settings.seed(), claims, results);
  }

  /** The checks of the claims by id, each built and dry-run (bad input fails here). */
  public static Map<String, BoundCheck> checks(
      String file, List<Claim> claims, ProbeResolver probes) {
    Map<String, BoundCheck> checks = new LinkedHashMap<>();
    for (Claim claim : claims) {
      checks.put(claim.id(), ClaimCheck.of(claim, probes, file));
    }
    return checks;
  }

  /** True when some claim is VIOLATED (the CLI's exit code 1). */
  public boolean anyViolated() {
    return results.stream().anyMatch(r -> r.verdict() == Verdict.VIOLATED);
  }

  /**
   * The {@code --json} list: per claim {@code {"id", "verdict", "ratio", "tight", "empirical",
   * "theoretical", "instance", "seed", "counterexample"}} where {@code counterexample} is {@code
   * null} or {@code {"file", "tasks", "params", "seed"}}.
   */
  public ArrayNode jsonRows() {
    ArrayNode rows = JSON.createArrayNode();
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      CheckResult r = results.get(i);
      ObjectNode o = rows.addObject();
      o.put("id", c.id());
      o.put("verdict", r.verdict().name());
      o.set("ratio", InstanceJson.number(r.ratio()));
      o.put("tight", r.tight());
      o.set("empirical", InstanceJson.number(r.empirical()));
      o.set("theoretical", InstanceJson.number(r.theoretical()));
      o.put("instance", r.instance() == null ? null : r.instance().describe());
      o.put("seed", r.seed());
      if (c.label() != null) {
        o.put("label", c.label());
        o.put("line", c.line());
      }
      o.put("statement", c.statement());
      o.put("claim", c.relationText());
      if (c.registryId() != null) {
        o.put("registry", c.registryId());
      }
      o.put("note", r.note());
      if (r.negativeControl() != null) {
        o.put("negativeControl", r.negativeControl().status().name());
      }
      if (r.verdict() == Verdict.VIOLATED && r.instance() != null) {
        ObjectNode ce = o.putObject("counterexample");
        ce.put("file", r.counterexample());
        InstanceJson.write(r.instance(), ce);
      } else {
        o.putNull("counterexample");
      }
    }
    return rows;
  }

  /** The verdicts file: the file, its SHA-256, the seed and the rows. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("file", file);
    root.put("sha256", sha256);
    root.put("seed", seed);
    root.set("claims", jsonRows());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** A Markdown table of the verdicts with the file's hash. */
  public String toMarkdown() {
    StringBuilder s = new StringBuilder("# Claims of ").append(file).append("\n\n");
    s.append("SHA-256 `").append(sha256).append("` · seed ").append(seed).append("\n\n");
    s.append("Ratio ≤ 1 holds, 1 is tight, > 1 violates.\n\n");
    s.append("| claim | statement | checked | instance | empirical | theoretical | ratio | verdict |\n");
    s.append("|---|---|---|---|---|---|---|---|\n");
    for (String[] row : table()) {
      s.append("| ").append(String.join(" | ", escape(row))).append(" |\n");
    }
    return s.toString();
  }

  /** A fixed-width table for the terminal. */
  public String toText() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"claim", "verdict", "ratio", "empirical", "theoretical", "instance"});
    for (String[] r : table()) {
      rows.add(new String[] {r[0], r[7], r[6], r[4], r[5], r[3]});
    }
    StringBuilder s = new StringBuilder();
    s.append(file).append("  sha256 ").append(sha256, 0, 12).append("…  seed ").append(seed).append('\n');
    TextTable.appendTo(s, rows);
    for (int i = 0; i < results.size(); i++) {
      CheckResult r = results.get(i);
      if (r.counterexample() != null) {
        s.append(claims.get(i).id()).append(": counterexample ").append(r.counterexample()).append('\n');
      }
    }
    long violated = results.stream().filter(r -> r.verdict() == Verdict.VIOLATED).count();
    s.append(String.format(
        Locale.ROOT, "%d claims: %d hold, %d violated, %d inconclusive, %d out of scope%n",
        results.size(),
        results.stream().filter(r -> r.verdict() == Verdict.HOLDS).count(),
        violated,
        results.stream().filter(r -> r.verdict() == Verdict.INCONCLUSIVE).count(),
        results.stream().filter(r -> r.verdict() == Verdict.OUT_OF_SCOPE).count()));
    return s.toString();
  }

  /** Writes {@value #JSON_FILE} and {@value #MARKDOWN_FILE} atomically into {@code directory}. */
  public void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    AtomicFiles.writeString(directory.resolve(JSON_FILE), toJson());
    AtomicFiles.writeString(directory.resolve(MARKDOWN_FILE), toMarkdown());
  }

  private List<String[]> table() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      CheckResult r = results.get(i);
      String verdict = r.verdict().name() + (r.tight() && r.verdict() == Verdict.HOLDS ? " (tight)" : "");
      rows.add(new String[] {
        c.label() == null ? c.id() : c.id() + " (\\label{" + c.label() + "})",
        c.statement(),
        c.relationText(),
        r.instance() == null ? "—" : r.instance().describe(),
        SuiteSummary.number(r.empirical()),
        SuiteSummary.number(r.theoretical()),
        SuiteSummary.number(r.ratio()),
        verdict
      });
    }
    return rows;
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
