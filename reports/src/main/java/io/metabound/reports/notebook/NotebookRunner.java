package io.metabound.reports.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Executes a {@link Notebook} headless through the JDK's {@code jdk.jshell} API, cell by cell,
 * capturing each cell's printed output and the files it writes.
 *
 * <p>The snippets run in this JVM ({@code local} execution engine) with the given class path, so
 * notebooks see the project's classes exactly as the CLI does, and a snippet costs a few tens of
 * milliseconds (the JDI engine of the {@code jshell} tool costs about 0.2 s per snippet in socket
 * round trips). The local engine cannot redefine a loaded class: when a later snippet makes JShell
 * recompile an earlier variable, the variable is silently reset to null. Two measures keep that
 * from happening unnoticed: each snippet is sent without its leading blank and comment lines (with
 * them, JShell 17 treats an {@code import} as touching every earlier variable and recompiles them
 * all), and a snippet that still resets a variable (for instance by redefining a type a variable is
 * declared with) fails its cell, naming the variables.
 *
 * <p>Before the first cell the runner defines {@code Path OUT}, the directory where a cell saves
 * its charts. Files that appear in {@code OUT} during a cell, or are rewritten by it, are attached
 * to that cell: pictures ({@code png}, {@code svg}, {@code jpg}, {@code gif}) to be shown inline,
 * other files (CSV, JSON, LaTeX) to be linked.
 *
 * <p>A notebook is a test. The first failing cell stops the notebook and is reported as {@code
 * "NAME, cell K (TITLE), line L: MESSAGE"}, L being the line in the notebook file. A cell fails
 * when a snippet is rejected (compile error), when a snippet throws, when a snippet resets earlier
 * variables, when a declaration is left with unresolved references at the end of its cell (JShell
 * would accept it and fail only at first use), or when the cell runs longer than the time limit.
 */
public final class NotebookRunner {

  /** Longest a single cell may run before it is stopped and reported. */
  public static final Duration DEFAULT_CELL_TIME_LIMIT = Duration.ofMinutes(2);

  private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "svg", "jpg", "jpeg", "gif");

  private final String classPath;
  private final Duration cellTimeLimit;

  /**
   * @param classPath class path entries (path-separator separated) the notebook can use
   */
  public NotebookRunner(String classPath) {
    this(classPath, DEFAULT_CELL_TIME_LIMIT);
  }

  /**
   * @param classPath class path entries (path-separator separated) the notebook can use
   * @param cellTimeLimit longest a cell may run; a cell still running then is stopped and fails
   */
  public NotebookRunner(String classPath, Duration cellTimeLimit) {
    if (cellTimeLimit.isNegative() || cellTimeLimit.isZero()) {
      throw new IllegalArgumentException(
          "the cell time limit must be positive, got " + cellTimeLimit);
    }
    this.classPath = classPath;
    this.cellTimeLimit = cellTimeLimit;
  }

  /** A runner that gives notebooks this JVM's class path. */
  public static NotebookRunner withCurrentClassPath() {
    return new NotebookRunner(System.getProperty("java.class.path"));
  }

  /**
   * Runs every cell.
   *
   * @param notebook the notebook
   * @param outDir where cells save files ({@code OUT} in the notebook); created if missing
   * @return the executed notebook; {@link ExecutedNotebook#failure()} is non-null if a cell failed
   * @throws IOException if {@code outDir} cannot be created or listed
   * @throws IllegalStateException if the definition of {@code OUT} fails
   */
  public ExecutedNotebook run(Notebook notebook, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    List<ExecutedNotebook.ExecutedCell> executed = new ArrayList<>();
    String failure = null;
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "notebook-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
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
      String setupError = evalCell(shell, new Notebook.Cell(0, "set-up", "", setup, 0));
      if (setupError != null) {
        throw new IllegalStateException("notebook set-up failed: " + setupError);
      }
      for (Notebook.Cell cell : notebook.cells()) {
        Map<String, List<Object>> before = snapshot(outDir);
        buffer.reset();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm =
            watchdog.schedule(
                () -> {
                  timedOut.set(true);
                  shell.stop();
                },
                cellTimeLimit.toMillis(),
                TimeUnit.MILLISECONDS);
        String error;
        long started = System.nanoTime();
        System.setOut(capture);
        System.setErr(capture);
        try {
          error = evalCell(shell, cell);
        } finally {
          alarm.cancel(false);
          System.setOut(originalOut);
          System.setErr(originalErr);
        }
        if (timedOut.get()) {
          error =
              "stopped: the cell ran longer than the time limit of "
                  + cellTimeLimit.toSeconds()
                  + " s"
                  + (error == null ? "" : " (" + error + ")");
        }
        capture.flush();
        List<String> images = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String name : changed(before, snapshot(outDir))) {
          (isImage(name) ? images : files).add(name);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        double seconds = (System.nanoTime() - started) * 1e-9;
        executed.add(
            new ExecutedNotebook.ExecutedCell(cell, output, images, files, error, seconds));
        if (error != null) {
          failure =
              notebook.name() + ", cell " + cell.index() + " (" + cell.title() + "), " + error;
          break;
        }
      }
    } finally {
      watchdog.shutdownNow();
    }
    return new ExecutedNotebook(notebook, executed, failure, outDir);
  }

  /**
   * Evaluates every complete snippet of a cell; returns {@code "line L: MESSAGE"} for the first
   * problem, or null.
   */
  private static String evalCell(JShell shell, Notebook.Cell cell) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String source = cell.code();
    String remaining = source;
    Map<Snippet, Integer> declared = new LinkedHashMap<>();
    while (!remaining.isBlank()) {
      int line = cell.lineOf(firstCodeOffset(source, source.length() - remaining.length()));
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
          || info.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE
              && info.source() == null) {
        return "line " + line + ": incomplete snippet: " + firstLine(remaining);
      }
      String snippetSource = info.source();
      if (snippetSource != null) {
        snippetSource = snippetSource.substring(firstCodeOffset(snippetSource, 0));
      }
      if (snippetSource == null || snippetSource.isBlank()) {
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
          break;
        }
        return "line " + line + ": cannot parse: " + firstLine(remaining);
      }
      List<String> reset = new ArrayList<>();
      for (SnippetEvent event : shell.eval(snippetSource)) {
        if (event.causeSnippet() == null && event.snippet() instanceof DeclarationSnippet) {
          declared.put(event.snippet(), line);
        }
        if (event.causeSnippet() != null
            && event.snippet() instanceof VarSnippet variable
            && event.status().isDefined()) {
          reset.add(variable.name());
        }
        if (event.status() == Snippet.Status.REJECTED) {
          String diagnostics =
              shell
                  .diagnostics(event.snippet())
                  .map(d -> d.getMessage(Locale.ROOT).replaceAll("\\s+", " ").strip())
                  .collect(Collectors.joining("; "));
          return "line " + line + ": rejected: " + firstLine(snippetSource) + " — " + diagnostics;
        }
        JShellException exception = event.exception();
        if (exception != null) {
          return "line " + line + ": " + describe(exception) + " in: " + firstLine(snippetSource);
        }
      }
      if (!reset.isEmpty()) {
        return "line "
            + line
            + ": "
            + firstLine(snippetSource)
            + " made JShell recompile the variable(s) "
            + String.join(", ", reset)
            + ", which resets them to null in the headless runner; put imports and type"
            + " declarations before the variables that use them";
      }
      remaining = info.remaining();
    }
    // a declaration may refer to one declared later in the same cell, but not beyond it
    for (Map.Entry<Snippet, Integer> entry : declared.entrySet()) {
      Snippet.Status status = shell.status(entry.getKey());
      if (status == Snippet.Status.RECOVERABLE_DEFINED
          || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        String missing =
            shell
                .unresolvedDependencies((DeclarationSnippet) entry.getKey())
                .collect(Collectors.joining(", "));
        return "line "
            + entry.getValue()
            + ": unresolved reference to "
            + (missing.isEmpty() ? "an undefined name" : missing)
            + " in: "
            + firstLine(entry.getKey().source());
      }
    }
    return null;
  }

  /** The exception's type and message, and where it was thrown when that is project code. */
  private static String describe(JShellException exception) {
    if (exception instanceof UnresolvedReferenceException unresolved) {
      return "unresolved reference: "
          + firstLine(unresolved.getSnippet().source())
          + " uses a name that is not defined";
    }
    String type =
        exception instanceof EvalException ee
            ? ee.getExceptionClassName()
            : exception.getClass().getName();
    StringBuilder text = new StringBuilder("exception ").append(type);
    if (exception.getMessage() != null) {
      text.append(": ").append(exception.getMessage());
    }
    StackTraceElement[] trace = exception.getStackTrace();
    // JShell maps frames of snippet code to the file name "#ID"; name only library frames
    if (trace.length > 0
        && trace[0].getFileName() != null
        && !trace[0].getFileName().startsWith("#")
        && !trace[0].getClassName().startsWith("REPL.")) {
      text.append(" (at ").append(trace[0]).append(')');
    }
    return text.toString();
  }

  /** Offset of the first character at or after {@code from} that is not blank or a line comment. */
  private static int firstCodeOffset(String source, int from) {
    int i = from;
    while (i < source.length()) {
      char ch = source.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end + 1;
      } else {
        break;
      }
    }
    return Math.min(i, source.length());
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl) + " …";
  }

  private static boolean isImage(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot >= 0
        && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Name → (modification time, size) of the regular, non-hidden files directly in {@code dir}. */
  private static Map<String, List<Object>> snapshot(Path dir) throws IOException {
    Map<String, List<Object>> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(dir)) {
      for (Path p : (Iterable<Path>) listing::iterator) {
        String name = p.getFileName().toString();
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException vanished) {
          continue; // a temporary file moved away meanwhile
        }
        if (attributes.isRegularFile() && !name.startsWith(".")) {
          files.put(name, List.of(attributes.lastModifiedTime(), attributes.size()));
        }
      }
    }
    return files;
  }

  /** Files that are new in {@code after} or differ from {@code before}, in name order. */
  private static List<String> changed(
      Map<String, List<Object>> before, Map<String, List<Object>> after) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, List<Object>> entry : after.entrySet()) {
      if (!entry.getValue().equals(before.get(entry.getKey()))) {
        names.add(entry.getKey());
      }
    }
    return names;
  }
}
