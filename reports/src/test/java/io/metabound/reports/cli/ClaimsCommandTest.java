package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.reports.claims.ClaimsValidation;
import io.metabound.reports.claims.TestProbes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code metabound claims} end to end with a one-probe resolver (the exact MAML meta-smoothness):
 * a true claim holds and is reported tight where the falsifier attains it, a false claim is
 * VIOLATED with a shrunk counterexample that {@code --replay} reproduces, and bad files are exit 2
 * with one line naming the claim and field.
 */
class ClaimsCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /**
   * Ji2022 Prop 1 with ρ = 0 is attained by one task with H = −L (docs/THEOREMS.md §6.1): the meta
   * Hessian of N-step MAML on ½λw² is λ(1 − αλ)^{2N}, which at λ = −L is (1 + αL)^{2N} L. The
   * "too strong" claim ‖∇²F‖ ≤ L fails there for every α > 0.
   */
  static final String CLAIMS =
      """
      claims:
        - id: prop1-rho0
          statement: "On quadratics the N-step MAML objective is (1 + alpha L)^(2N) L smooth"
          quantity: meta-smoothness
          estimator: maml
          relation: "<="
          bound: "(1 + alpha*L)^(2*N) * L"
          family: {type: quadratic, dim: [1, 2], tasks: [1, 2], spectrum: [-2, 2]}
          params: {alpha: [0.01, "1/L"], N: [1, 3]}
        - id: too-strong
          statement: "The one-step MAML objective is L-smooth"
          quantity: meta-smoothness
          estimator: maml
          relation: "<="
          bound: "L"
          family: {type: quadratic, dim: [1, 3], tasks: [1, 3], spectrum: [-2, 2]}
          params: {alpha: [0.01, "1/L"], N: 1}
      """;

  private int run(String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == ClaimsCommand.class) {
              return cls.cast(new ClaimsCommand(new TestProbes()));
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    CommandLine cl = MetaBoundCommand.commandLine(factory);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void aTrueClaimHoldsTightAndAFalseOneIsViolatedWithAReplayableCounterexample() throws Exception {
    Path file = dir.resolve("claims.yaml");
    Files.writeString(file, CLAIMS);
    Path outDir = dir.resolve("out");
    int code = run("claims", file.toString(), "--out", outDir.toString(), "--json", "--evaluations", "150");
    assertEquals(1, code, err.toString());
    JsonNode rows = JsonMapper.builder().build().readTree(out.toString());
    assertEquals(2, rows.size());
    JsonNode holds = rows.get(0);
    assertEquals("prop1-rho0", holds.get("id").asString());
    assertEquals("HOLDS", holds.get("verdict").asString());
    assertEquals(1.0, holds.get("ratio").doubleValue(), 1e-9, "attained by H = -L");
    assertTrue(holds.get("tight").booleanValue());
    assertTrue(holds.get("counterexample").isNull());
    JsonNode violated = rows.get(1);
    assertEquals("VIOLATED", violated.get("verdict").asString());
    assertTrue(violated.get("ratio").doubleValue() > 1);
    JsonNode ce = violated.get("counterexample");
    // shrunk toward one task in one dimension
    assertEquals(1, ce.get("tasks").size(), ce.toString());
    assertEquals(1, ce.get("tasks").get(0).get("c").size(), ce.toString());
    Path ceFile = Path.of(ce.get("file").asString());
    assertTrue(Files.isRegularFile(ceFile));
    assertTrue(Files.isRegularFile(outDir.resolve(ClaimsValidation.JSON_FILE)));
    String md = Files.readString(outDir.resolve(ClaimsValidation.MARKDOWN_FILE));
    assertTrue(md.contains("SHA-256"), md);

    out.getBuffer().setLength(0);
    int replayed = run("claims", file.toString(), "--replay", ceFile.toString());
    assertEquals(0, replayed, "a replay that reproduces is exit 0\n" + err);
    assertTrue(out.toString().contains("VIOLATED (as recorded)"), out.toString());

    // edited on purpose to record another verdict: replayed unverified, does not reproduce, exit 1
    tools.jackson.databind.node.ObjectNode edited =
        (tools.jackson.databind.node.ObjectNode) JsonMapper.builder().build().readTree(Files.readString(ceFile));
    edited.remove("sha256");
    ((tools.jackson.databind.node.ObjectNode) edited.get("recorded")).put("verdict", "HOLDS");
    Files.writeString(ceFile, edited.toString());
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(1, run("claims", file.toString(), "--replay", ceFile.toString()), err.toString());
    assertTrue(out.toString().contains("VIOLATED (recorded HOLDS): did NOT reproduce"), out.toString());
    assertTrue(err.toString().contains("replaying it unverified"), err.toString());
  }

  @Test
  void sameSeedSameVerdictsFile() throws Exception {
    Path file = dir.resolve("claims.yaml");
    Files.writeString(file, CLAIMS);
    run("claims", file.toString(), "--out", dir.resolve("a").toString(), "--evaluations", "60");
    run("claims", file.toString(), "--out", dir.resolve("b").toString(), "--evaluations", "60");
    assertEquals(
        Files.readString(dir.resolve("a").resolve(ClaimsValidation.JSON_FILE))
            .replace(dir.resolve("a").toString(), "OUT"),
        Files.readString(dir.resolve("b").resolve(ClaimsValidation.JSON_FILE))
            .replace(dir.resolve("b").toString(), "OUT"));
  }

  /**
   * One bad claim costs one claim: the claim that cannot be measured is an ERROR with its reason,
   * the others still get their verdicts, and the exit code is 2.
   */
  @Test
  void anUnmeasurableClaimIsAnErrorAndTheOthersAreStillChecked() throws Exception {
    Path file = dir.resolve("bad.yaml");
    String third =
        """
          - id: fine-too
            quantity: meta-smoothness
            estimator: maml
            relation: "<="
            bound: "4*L"
            family: {type: quadratic, dim: 1, tasks: 1, spectrum: [-1, 1]}
            params: {alpha: [0, "1/L"], N: 1}
        """;
    Files.writeString(file, CLAIMS.replace("bound: \"L\"", "bound: \"L * Lx\"") + third);
    assertEquals(2, run("claims", file.toString(), "--out", dir.resolve("out").toString(), "--evaluations", "60"));
    String table = out.toString();
    assertTrue(
        table.matches("(?s).*too-strong: ERROR: line \\d+: field 'bound': unknown symbol 'Lx'.*"), table);
    assertTrue(table.contains("3 claims: 2 hold, 0 violated"), table);
    assertTrue(table.contains("1 error"), table);

    out.getBuffer().setLength(0);
    // every problem of a claim at once, and a quantity routed through a measure names what it needs
    Files.writeString(
        file,
        CLAIMS.replace(
            "estimator: maml\n    relation: \"<=\"\n    bound: \"L\"",
            "estimator: imaml\n    relation: \"<=\"\n    bound: \"L\"\n    colour: blue"));
    assertEquals(2, run("claims", file.toString(), "--out", dir.resolve("out").toString(), "--evaluations", "60"));
    assertTrue(
        out.toString().matches("(?s).*too-strong: ERROR: line \\d+: field 'colour': unknown field.*"),
        out.toString());

    out.getBuffer().setLength(0);
    Files.writeString(
        file,
        CLAIMS.replace(
            "estimator: maml\n    relation: \"<=\"\n    bound: \"L\"",
            "estimator: imaml\n    relation: \"<=\"\n    bound: \"L\""));
    assertEquals(2, run("claims", file.toString(), "--out", dir.resolve("out").toString(), "--evaluations", "60"));
    assertTrue(out.toString().contains("lambda"), out.toString());

    err.getBuffer().setLength(0);
    assertEquals(2, run("claims", dir.resolve("missing.yaml").toString()));
    assertTrue(err.toString().contains("no such claims file"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
  }

  @Test
  void aLatexDraftCarriesItsClaimsAndItsHash() throws Exception {
    Path draft = dir.resolve("draft.tex");
    Files.writeString(
        draft,
        """
        \\begin{lemma}\\label{lem:too-strong}
        The one-step MAML objective is $L$-smooth.
        \\end{lemma}
        %! metabound
        %!   quantity: meta-smoothness
        %!   estimator: maml
        %!   relation: "<="
        %!   bound: "L"
        %!   family: {type: quadratic, dim: 1, spectrum: [-2, 2]}
        %!   params: {alpha: [0.05, "1/L"], N: 1}
        """);
    Path outDir = dir.resolve("draft-out");
    assertEquals(1, run("claims", draft.toString(), "--out", outDir.toString(), "--evaluations", "60"));
    JsonNode verdicts =
        JsonMapper.builder().build().readTree(Files.readString(outDir.resolve(ClaimsValidation.JSON_FILE)));
    assertEquals(
        io.metabound.reports.claims.DraftClaims.sha256(Files.readAllBytes(draft)),
        verdicts.get("sha256").asString());
    JsonNode claim = verdicts.get("claims").get(0);
    assertEquals("lem:too-strong", claim.get("id").asString());
    assertEquals("lem:too-strong", claim.get("label").asString());
    assertEquals("VIOLATED", claim.get("verdict").asString());
  }

  /**
   * Bad files are one line on stderr, {@code metabound: FILE:LINE: ...}, with nothing of the YAML
   * parser's own format: broken YAML, several documents, a LaTeX include cycle.
   */
  @Test
  void badFilesAreOneLineWithTheirLine() throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "claims:\n  - id: a\n    family: {type: quadratic\n");
    CliRun r = CliRun.of("claims", broken.toString(), "--out", dir.resolve("o").toString());
    assertTrue(r.isOneLineError(), r.toString());
    assertTrue(r.err().startsWith("metabound: " + broken + ":3: not valid YAML: "), r.toString());
    for (String leak : java.util.List.of("JsonToken", "tools.jackson", "in reader", "column")) {
      assertTrue(!r.err().contains(leak), r.toString());
    }

    Path multi = dir.resolve("multi.yaml");
    Files.writeString(multi, CLAIMS + "---\n" + CLAIMS);
    r = CliRun.of("claims", multi.toString(), "--out", dir.resolve("o").toString());
    assertTrue(r.isOneLineError(), r.toString());
    int second = (int) CLAIMS.lines().count() + 1;
    assertTrue(
        r.err().startsWith("metabound: " + multi + ":" + second + ": a second YAML document"),
        r.toString());

    Files.writeString(dir.resolve("a.tex"), "\\input{b}\n");
    Files.writeString(dir.resolve("b.tex"), "\\input{a}\n");
    r = CliRun.of("claims", dir.resolve("a.tex").toString(), "--out", dir.resolve("o").toString());
    assertTrue(r.isOneLineError(), r.toString());
    assertTrue(r.err().contains("a.tex → b.tex → a.tex"), r.toString());
  }

  /** A huge size is the claim's ERROR naming the field, the size and the limit: never exit 3. */
  @Test
  void aHugeSizeIsAnErrorNamingItsLimit() throws Exception {
    Path file = dir.resolve("huge.yaml");
    Files.writeString(
        file,
        CLAIMS.replace("params: {alpha: [0.01, \"1/L\"], N: 1}", "params: {alpha: [0.01, \"1/L\"], N: 2000000000}")
            .replace("tasks: [1, 2], spectrum", "tasks: [1, 100000000000], spectrum"));
    assertEquals(2, run("claims", file.toString(), "--out", dir.resolve("out").toString(), "--evaluations", "5"));
    String table = out.toString();
    assertTrue(
        table.contains("field 'params.N': asked 2000000000, more than the limit of 10000"), table);
    assertTrue(table.contains("field 'family.tasks[1]': asked 100000000000"), table);
    assertTrue(!table.contains("Exception") && !err.toString().contains("Exception"), table + err);
  }

  /**
   * A bound undefined on part of the range is counted and named, and those instances are out of
   * scope (never HOLDS evidence); undefined on the whole range, the claim cannot be measured: an
   * ERROR and exit 2. The measures run through the real measure engine, on 1-d instances.
   */
  @Test
  void undefinedBoundsAreAccountedForAndNeverHold() throws Exception {
    String claim =
        """
          - id: ID
            measure: "opnorm(meta_hessian(maml))"
            relation: "<="
            bound: "BOUND"
            family: {type: quadratic, dim: 1, tasks: 1, spectrum: [0.5, 1]}
            params: {alpha: [0, 0.1], N: [1, 3]}
        """;
    StringBuilder yaml = new StringBuilder("claims:\n");
    String[][] claims = {
      {"part", "4*L + L/(N - 2)^2"},
      {"sqrt", "sqrt(-L)"},
      {"log", "log(alpha - 1) * L"},
      {"zero", "L / (alpha - alpha)"},
      {"huge", "exp(1000 + N) * L"},
    };
    for (String[] c : claims) {
      yaml.append(claim.replace("ID", c[0]).replace("BOUND", c[1]));
    }
    Path file = dir.resolve("undefined.yaml");
    Files.writeString(file, yaml.toString());
    CliRun r =
        CliRun.of(
            "claims", file.toString(), "--out", dir.resolve("o").toString(), "--json",
            "--evaluations", "30");
    assertEquals(2, r.code(), r.toString());
    JsonNode rows = r.json();
    JsonNode part = rows.get(0);
    assertEquals("HOLDS", part.get("verdict").asString(), part.toString());
    String note = part.get("note").asString();
    assertTrue(
        note.matches(".*bound undefined at \\d+ of 30 instances \\(first at N = 2, alpha = [^:]+: division by zero\\).*"),
        note);
    int undefined = Integer.parseInt(note.replaceAll(".*undefined at (\\d+) of.*", "$1"));
    assertTrue(undefined > 0);
    assertTrue(
        part.get("scope").get("inScope").asInt() <= 30 - undefined,
        "an undefined instance is not in scope: " + part);
    String[] causes = {"sqrt of a negative", "log of a non-positive", "division by zero", "overflow"};
    for (int i = 1; i < claims.length; i++) {
      JsonNode row = rows.get(i);
      assertEquals("ERROR", row.get("verdict").asString(), row.toString());
      assertTrue(
          row.get("error").asString().startsWith(
              "the claim cannot be measured: bound undefined at 30 of 30 instances (first at "),
          row.toString());
      assertTrue(row.get("error").asString().endsWith(": " + causes[i - 1] + ")"), row.toString());
    }
  }
}
