package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to {@code metabound report}; the full run is ReportCommandIT. */
class ReportCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = MetaBoundCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private void assertOneLine(String expectedStart) {
    String message = err.toString().trim();
    assertTrue(message.startsWith(expectedStart), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void outThatIsAFileIsExitTwo() throws Exception {
    Path file = dir.resolve("file");
    Files.writeString(file, "x");
    assertEquals(2, run("report", "--out", file.toString(), "--quick", "--no-notebooks"));
    assertOneLine("metabound: --out: " + file + " exists and is not a folder");
  }

  @Test
  void latexInTheReportFolderItselfIsExitTwo() {
    Path out = dir.resolve("r");
    assertEquals(2, run("report", "--out", out.toString(), "--latex", out.toString(), "--quick", "--no-notebooks"));
    assertOneLine("metabound: --latex: the LaTeX folder must differ from the report folder");
  }

  @Test
  void missingNotebookFolderAndBadSeedAreExitTwo() {
    assertEquals(2, run("report", "--out", dir.resolve("r").toString(), "--notebooks", dir.resolve("none").toString()));
    assertOneLine("metabound: --notebooks: ");
    err.getBuffer().setLength(0);
    assertEquals(2, run("report", "--out", dir.resolve("r").toString(), "--seed", "x"));
    assertOneLine("metabound: Invalid value for option '--seed'");
  }

  /**
   * The claims file is validated before the report's long work: a bad one is a one-line exit 2
   * within seconds (the checks alone take a minute), naming the file, the claim and the line.
   */
  @Test
  void aBadClaimsFileIsReportedBeforeTheLongWork() throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "claims:\n  - id: a\n    bound: [1\n");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        claims:
          - id: a
            quantity: meta-smoothness
            estimator: maml
            relation: "<="
            bound: "L + Lx"
            family: {type: quadratic, dim: 1, spectrum: [-1, 1]}
            params: {alpha: [0, "1/L"], N: 1}
        """);
    Path out = dir.resolve("r");
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20),
        () -> {
          assertEquals(2, run("report", "--out", out.toString(), "--claims", broken.toString()));
          assertOneLine("metabound: --claims: " + broken + ":3: not valid YAML: ");
          err.getBuffer().setLength(0);
          assertEquals(2, run("report", "--out", out.toString(), "--claims", bad.toString()));
          assertOneLine(
              "metabound: --claims: " + bad + ": claim 'a': line 6: field 'bound': unknown symbol 'Lx'");
        });
    assertTrue(!Files.exists(out), "nothing was written");
  }

  @Test
  void latexThatIsAFileIsExitTwo() throws Exception {
    Path file = dir.resolve("file.tex");
    Files.writeString(file, "x");
    assertEquals(
        2,
        run("report", "--out", dir.resolve("r").toString(), "--latex", file.toString(),
            "--no-claims", "--no-notebooks"));
    assertOneLine("metabound: --latex: " + file + " exists and is not a folder");
  }
}
