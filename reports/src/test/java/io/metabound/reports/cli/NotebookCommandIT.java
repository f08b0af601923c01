package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code metabound notebook} end to end on a folder of small notebooks: one notebook by name or
 * prefix, all of them with an index, the exit codes, and the failure message naming notebook, cell,
 * line and message. (An IT: every run starts JShell.)
 */
class NotebookCommandIT {

  @TempDir Path dir;
  Path folder;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void notebooks() throws Exception {
    folder = Files.createDirectories(dir.resolve("nb"));
    Files.writeString(
        folder.resolve("01-good.jsh"),
        """
// 01 — A good notebook
// %% Prints and saves a picture
System.out.println("answer " + (6 * 7));
java.nio.file.Files.writeString(OUT.resolve("chart.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
""");
    Files.writeString(
        folder.resolve("02-bad.jsh"),
        """
        // 02 — A notebook whose second cell throws
        // %% Fine
        int n = 3;
        // %% Throws
        if (n == 3) throw new ArithmeticException("n is three");
        """);
  }

  private int run(String... args) {
    CommandLine cl = MetaBoundCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void runsOneNotebookByNameOrPrefix() throws Exception {
    Path target = dir.resolve("one");
    assertEquals(
        0,
        run("notebook", "01", "--dir", folder.toString(), "--out", target.toString()),
        err.toString());
    assertTrue(out.toString().contains("answer 42"), out.toString());
    assertTrue(out.toString().contains("01-good: 1 cells ran"), out.toString());
    String html = Files.readString(target.resolve("01-good.html"));
    assertTrue(html.contains("src=\"01-good/chart.svg\""), html);
    assertTrue(Files.isRegularFile(target.resolve("01-good").resolve("chart.svg")));
    assertFalse(Files.exists(target.resolve("index.html")), "one notebook writes no index");
  }

  @Test
  void allRendersEveryNotebookAndAnIndexAndFailsWithContext() throws Exception {
    Path target = dir.resolve("all");
    assertEquals(
        1, run("notebook", "--all", "--dir", folder.toString(), "--out", target.toString()));
    assertEquals(
        "metabound: notebook 02-bad, cell 2 (Throws), line 5: exception"
            + " java.lang.ArithmeticException: n is three in: if (n == 3) throw new"
            + " ArithmeticException(\"n is three\");",
        err.toString().strip());
    String index = Files.readString(target.resolve("index.html"));
    assertTrue(index.contains("href=\"01-good.html\""), index);
    assertTrue(index.contains("A good notebook"), index);
    assertTrue(index.contains("FAILED: 02-bad, cell 2 (Throws), line 5"), index);
    assertTrue(Files.readString(target.resolve("02-bad.html")).contains("n is three"));
    assertTrue(Files.readString(target.resolve("01-good.html")).contains("href=\"index.html\""));
  }

  @Test
  void badUsageIsExitCodeTwoWithOneLine() {
    assertEquals(2, run("notebook", "99-missing", "--dir", folder.toString()));
    assertTrue(
        err.toString().contains("no such notebook; available: [01-good.jsh, 02-bad.jsh]"),
        err.toString());
    assertEquals(2, run("notebook", "0", "--dir", folder.toString()));
    assertTrue(err.toString().contains("ambiguous notebook name"), err.toString());
    assertEquals(2, run("notebook", "01", "--all", "--dir", folder.toString()));
    assertTrue(err.toString().contains("give exactly one of NAME or --all"), err.toString());
    assertEquals(2, run("notebook", "--all", "--dir", dir.resolve("absent").toString()));
    assertTrue(err.toString().contains("notebook folder not found"), err.toString());
  }
}
