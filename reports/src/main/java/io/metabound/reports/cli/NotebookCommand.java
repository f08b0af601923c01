package io.metabound.reports.cli;

import io.metabound.reports.notebook.ExecutedNotebook;
import io.metabound.reports.notebook.NotebookBook;
import io.metabound.reports.notebook.NotebookRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code metabound notebook NAME | --all}: runs notebooks headless and renders them as HTML. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a JShell notebook from notebooks-java/ headless and renders it as HTML (opens nothing).",
      "Open one interactively with: jshell --class-path reports/target/metabound.jar notebooks-java/NAME.jsh"
    })
public final class NotebookCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "notebook name, e.g. 01-quickstart")
  String name;

  @Option(names = "--all", description = "run and render every notebook")
  boolean all;

  @Option(names = "--out", description = "output folder (default: target/notebooks)")
  Path out = Path.of("target", "notebooks");

  @Option(names = "--dir", description = "notebook folder (default: notebooks-java/ of the MetaBound checkout)")
  Path dir;

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
    NotebookBook book = new NotebookBook(NotebookRunner.withCurrentClassPath());
    List<ExecutedNotebook> runs;
    if (all) {
      runs = book.renderAll(folder, out);
    } else {
      String file = name.endsWith(".jsh") ? name : name + ".jsh";
      Path notebook = folder.resolve(file);
      if (!Files.isRegularFile(notebook)) {
        throw new UserInputException(notebook + ": no such notebook; available: "
            + NotebookBook.notebooks(folder).stream().map(p -> p.getFileName().toString()).toList());
      }
      runs = List.of(book.render(notebook, out));
    }
    boolean failed = false;
    for (ExecutedNotebook run : runs) {
      for (ExecutedNotebook.ExecutedCell cell : run.cells()) {
        outWriter.print(cell.output());
      }
      if (run.succeeded()) {
        outWriter.println(run.notebook().name() + ": " + run.cells().size() + " cells ran -> "
            + out.resolve(run.notebook().name() + ".html"));
      } else {
        spec.commandLine().getErr().println("metabound: notebook " + run.failure());
        failed = true;
      }
    }
    outWriter.flush();
    return failed ? MetaBoundCommand.VIOLATED : MetaBoundCommand.OK;
  }
}
