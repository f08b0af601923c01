package io.metabound.reports.cli;

import io.metabound.reports.notebook.ExecutedNotebook;
import io.metabound.reports.notebook.NotebookBook;
import io.metabound.reports.notebook.NotebookRunner;
import io.metabound.reports.io.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code metabound notebook NAME | --all}: runs notebooks headless and renders them as HTML. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a JShell notebook from notebooks-java/ headless and renders it as HTML with its output"
          + " and charts (opens nothing). Exit code 1 when a cell fails (the message names the"
          + " notebook, cell and line).",
      "Open one interactively (from the checkout, after one ./metabound run built the jar):",
      "  jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell"
          + " notebooks-java/NAME.jsh"
    })
public final class NotebookCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "notebook name, e.g. 01-quickstart, or a unique prefix of one, e.g. 01")
  String name;

  @Option(names = "--all", description = "run and render every notebook")
  boolean all;

  @Option(names = "--out", description = "output folder (default: target/notebooks)")
  Path out = Path.of("target", "notebooks");

  @Option(
      names = "--dir",
      description = "notebook folder (default: notebooks-java/ of the MetaBound checkout)")
  Path dir;

  @Option(names = "--timings", hidden = true, description = "print each cell's time to stderr")
  boolean timings;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path folder = dir != null ? dir : Home.path().resolve("notebooks-java");
    if (!Files.isDirectory(folder)) {
      throw new UserInputException(folder + ": notebook folder not found (use --dir)");
    }
    if (all == (name != null)) {
      throw new UserInputException("notebook: give exactly one of NAME or --all");
    }
    PrintWriter outWriter = spec.commandLine().getOut();
    // pages are added to the book's folder (one notebook keeps the others' pages): marked, not staged
    OutputFolder.claimInPlace(out, "--out", "notebook");
    NotebookBook book = new NotebookBook(NotebookRunner.withCurrentClassPath());
    List<ExecutedNotebook> runs;
    if (all) {
      runs = book.renderAll(folder, out);
    } else {
      runs = List.of(book.render(find(folder, name), out));
    }
    boolean failed = false;
    for (ExecutedNotebook run : runs) {
      for (ExecutedNotebook.ExecutedCell cell : run.cells()) {
        outWriter.print(cell.output());
        if (timings) {
          spec.commandLine()
              .getErr()
              .printf(
                  java.util.Locale.ROOT,
                  "timing: %s cell %d %-40s %7.3f s%n",
                  run.notebook().name(),
                  cell.cell().index(),
                  cell.cell().title(),
                  cell.seconds());
        }
      }
      if (run.succeeded()) {
        outWriter.println(
            run.notebook().name()
                + ": "
                + run.cells().size()
                + " cells ran -> "
                + out.resolve(run.notebook().name() + ".html"));
      } else {
        spec.commandLine().getErr().println("metabound: notebook " + run.failure());
        failed = true;
      }
    }
    if (all) {
      outWriter.println("index -> " + out.resolve("index.html"));
    }
    outWriter.flush();
    return failed ? MetaBoundCommand.VIOLATED : MetaBoundCommand.OK;
  }

  /** The notebook file of a name, a file name, or a unique prefix of a name. */
  static Path find(Path folder, String name) throws IOException {
    String file = name.endsWith(".jsh") ? name : name + ".jsh";
    Path exact = folder.resolve(file);
    if (Files.isRegularFile(exact)) {
      return exact;
    }
    List<Path> all = NotebookBook.notebooks(folder);
    List<Path> matching =
        all.stream().filter(p -> p.getFileName().toString().startsWith(name)).toList();
    if (matching.size() == 1) {
      return matching.get(0);
    }
    List<String> names = all.stream().map(p -> p.getFileName().toString()).toList();
    throw new UserInputException(
        folder.resolve(file)
            + (matching.isEmpty() ? ": no such notebook" : ": ambiguous notebook name")
            + "; available: "
            + names);
  }
}
