package io.metabound.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.metabound.reports.notebook.ExecutedNotebook;
import io.metabound.reports.notebook.NotebookBook;
import io.metabound.reports.notebook.NotebookRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Runs every numbered notebook of this module twice:
 *
 * <ul>
 *   <li>headless through {@link NotebookRunner}, rendering it to {@code target/notebooks/} (pages,
 *       charts, index): a rejected snippet or an exception in any cell, including a failed
 *       expectation of the notebook's own {@code check(...)}, fails the build with the notebook,
 *       cell, line and message;
 *   <li>through the {@code jshell} tool itself, reading {@code prelude.jshell} and the notebook
 *       line by line as a person opening it interactively would: this catches what the tool reads
 *       differently from the runner (a chained call whose dot starts a line, an {@code else} on the
 *       line after its {@code if}'s brace).
 * </ul>
 */
class NotebooksIT {

  private static final Path FOLDER = Path.of(".");
  private static final Path OUT = Path.of("target", "notebooks");

  /** What the jshell tool prints when a snippet fails: {@code Error:} or {@code Exception …}. */
  private static final Pattern TOOL_FAILURE =
      Pattern.compile("(?m)^(?:\\|\\s+)?(?:Error:|Exception\\s).*$");

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsHeadless() throws Exception {
    List<Path> notebooks = NotebookBook.notebooks(FOLDER);
    assertTrue(notebooks.size() >= 7, "expected 00 … 06 in " + FOLDER.toAbsolutePath());
    NotebookBook book = new NotebookBook(NotebookRunner.withCurrentClassPath());
    List<ExecutedNotebook> runs = new ArrayList<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : notebooks) {
      tests.add(
          DynamicTest.dynamicTest(
              file.getFileName().toString(),
              () -> {
                ExecutedNotebook run = book.render(file, OUT, true);
                runs.add(run);
                assertRan(run);
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "index.html",
            () -> {
              Path index = NotebookBook.writeIndex(runs, OUT);
              String html = Files.readString(index);
              for (ExecutedNotebook run : runs) {
                assertTrue(html.contains(run.notebook().name() + ".html"), run.notebook().name());
              }
            }));
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsInTheJshellTool() throws Exception {
    return NotebookBook.notebooks(FOLDER).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String output = runInJshellTool(file);
                      Matcher failure = TOOL_FAILURE.matcher(output);
                      if (failure.find()) {
                        fail(
                            file + " fails in the jshell tool: " + failure.group() + "\n" + output);
                      }
                      assertFalse(output.contains("reset to null"), output);
                    }));
  }

  /**
   * The failure path the build relies on: a failing cell fails the notebook's test, with context.
   */
  @Test
  void failingNotebookFailsItsTestNamingNotebookCellLineAndMessage(@TempDir Path dir)
      throws Exception {
    Path notebook = dir.resolve("99-broken.jsh");
    Files.writeString(
        notebook,
        """
        // 99 — a notebook whose expectation fails
        // %% Setup
        void check(boolean ok, String expectation) {
          if (!ok) throw new IllegalStateException("expectation failed: " + expectation);
        }
        // %% A wrong expectation
        double x = Math.sqrt(2);
        check(x * x == 2, "sqrt(2) squared is exactly 2");
        """);
    ExecutedNotebook run =
        new NotebookBook(NotebookRunner.withCurrentClassPath())
            .render(notebook, dir.resolve("out"));
    AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> assertRan(run));
    assertEquals(
        "notebook 99-broken, cell 2 (A wrong expectation), line 8: exception"
            + " java.lang.IllegalStateException: expectation failed: sqrt(2) squared is exactly 2"
            + " in: check(x * x == 2, \"sqrt(2) squared is exactly 2\");",
        error.getMessage());
    // the page still renders, with the failure at the top and in its cell
    String html = Files.readString(dir.resolve("out").resolve("99-broken.html"));
    assertTrue(html.contains("FAILED: 99-broken, cell 2"), html);
  }

  /** The jshell-tool check can fail: a dot starting a line is read differently by the tool. */
  @Test
  void jshellToolCheckCatchesADotStartingALine(@TempDir Path dir) throws Exception {
    Path notebook = dir.resolve("98-dots.jsh");
    Files.writeString(
        notebook,
        "// 98 — dots\n// %% A chained call\nString s = \"abc\"\n    .toUpperCase();\n"
            + "System.out.println(s);\n");
    // the headless runner reads the snippet as one statement...
    ExecutedNotebook run =
        new NotebookBook(NotebookRunner.withCurrentClassPath())
            .render(notebook, dir.resolve("out"));
    assertTrue(run.succeeded(), run.failure());
    // ...the tool ends it at the first line and rejects the second
    Matcher failure = TOOL_FAILURE.matcher(runInJshellTool(notebook));
    assertTrue(failure.find(), "the tool's error was not detected");
  }

  private static void assertRan(ExecutedNotebook run) throws Exception {
    if (!run.succeeded()) {
      fail("notebook " + run.failure());
    }
    Path page = OUT.resolve(run.notebook().name() + ".html");
    assertTrue(Files.size(page) > 0, page + " is empty");
    String html = Files.readString(page);
    for (ExecutedNotebook.ExecutedCell cell : run.cells()) {
      for (String image : cell.images()) {
        // every chart a cell saved is shown inline, from the folder next to the page
        assertTrue(
            html.contains("src=\"" + run.notebook().name() + "/" + image + "\""),
            image + " is not shown in " + page);
        assertTrue(Files.size(run.outputDirectory().resolve(image)) > 0, image + " is empty");
      }
    }
  }

  /**
   * Runs {@code jshell --execution local --class-path CP prelude.jshell NOTEBOOK} in this JVM with
   * {@code /exit} as input, returning everything it printed.
   */
  private static String runInJshellTool(Path notebook) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    System.setOut(capture);
    System.setErr(capture);
    try {
      JavaShellToolBuilder.builder()
          .out(capture)
          .err(capture)
          .in(new ByteArrayInputStream("/exit\n".getBytes(StandardCharsets.UTF_8)), null)
          .persistence(new HashMap<>())
          .interactiveTerminal(false)
          .start(
              "--execution",
              "local",
              "--class-path",
              System.getProperty("java.class.path"),
              FOLDER.resolve("prelude.jshell").toString(),
              notebook.toString());
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
