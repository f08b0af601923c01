package io.metabound.reports.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Executes a {@link Notebook} headless through the JDK's {@code jdk.jshell} API, cell by cell,
 * capturing each cell's printed output and the images it writes.
 *
 * <p>The snippets run in this JVM ({@code local} execution engine) with the given class path, so
 * notebooks see the project's classes exactly as the CLI does. Before the first cell the runner
 * defines {@code Path OUT}, the directory where a cell saves its charts; images that appear there
 * during a cell are attached to that cell.
 *
 * <p>A rejected snippet (compile error) or an exception thrown by a snippet stops the notebook and is
 * reported with notebook name, cell number and message: a notebook is a test.
 */
public final class NotebookRunner {

  private final String classPath;

  /** @param classPath class path entries (path-separator separated) the notebook can use */
  public NotebookRunner(String classPath) {
    this.classPath = classPath;
  }

  /** A runner that gives notebooks this JVM's class path. */
  public static NotebookRunner withCurrentClassPath() {
    return new NotebookRunner(System.getProperty("java.class.path"));
  }

  /**
   * Runs every cell.
   *
   * @param notebook the notebook
   * @param outDir where cells save images ({@code OUT} in the notebook); created if missing
   * @return the executed notebook; {@link ExecutedNotebook#failure()} is non-null if a cell failed
   */
  public ExecutedNotebook run(Notebook notebook, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    List<ExecutedNotebook.ExecutedCell> executed = new ArrayList<>();
    String failure = null;
    try (JShell shell =
        JShell.builder().executionEngine("local").out(capture).err(capture).build()) {
      for (String entry : classPath.split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          shell.addToClasspath(entry);
        }
      }
      String setup =
          "java.nio.file.Path OUT = java.nio.file.Path.of(\""
              + outDir.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"")
              + "\");";
      String setupError = evalAll(shell, setup);
      if (setupError != null) {
        throw new IllegalStateException("notebook set-up failed: " + setupError);
      }
      for (Notebook.Cell cell : notebook.cells()) {
        Set<String> before = images(outDir);
        buffer.reset();
        String error;
        System.setOut(capture);
        System.setErr(capture);
        try {
          error = evalAll(shell, cell.code());
        } finally {
          System.setOut(originalOut);
          System.setErr(originalErr);
        }
        Set<String> after = images(outDir);
        after.removeAll(before);
        String output = buffer.toString(StandardCharsets.UTF_8);
        executed.add(new ExecutedNotebook.ExecutedCell(cell, output, List.copyOf(after), error));
        if (error != null) {
          failure = notebook.name() + ", cell " + cell.index() + " (" + cell.title() + "): " + error;
          break;
        }
      }
    }
    return new ExecutedNotebook(notebook, executed, failure, outDir);
  }

  /** Evaluates every complete snippet of {@code source}; returns an error message or null. */
  private static String evalAll(JShell shell, String source) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = source;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
          || info.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE
              && info.source() == null) {
        return "incomplete snippet: " + firstLine(remaining);
      }
      String snippetSource = info.source();
      if (snippetSource == null || snippetSource.isBlank()) {
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
          break;
        }
        return "cannot parse: " + firstLine(remaining);
      }
      for (SnippetEvent event : shell.eval(snippetSource)) {
        if (event.status() == Snippet.Status.REJECTED) {
          String diagnostics =
              shell.diagnostics(event.snippet())
                  .map(d -> d.getMessage(null))
                  .collect(Collectors.joining("; "));
          return "rejected: " + firstLine(snippetSource) + " — " + diagnostics;
        }
        JShellException exception = event.exception();
        if (exception != null) {
          String type =
              exception instanceof EvalException ee ? ee.getExceptionClassName() : exception.getClass().getName();
          return "exception " + type + ": " + exception.getMessage() + " in: " + firstLine(snippetSource);
        }
      }
      remaining = info.remaining();
    }
    return null;
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl) + " …";
  }

  private static Set<String> images(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".png") || n.endsWith(".svg"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
