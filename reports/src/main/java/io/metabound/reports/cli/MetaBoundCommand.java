package io.metabound.reports.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code metabound} front door.
 *
 * <p>Exit codes are part of the contract: 0 success, 1 a checked claim or bound is violated, 2 bad
 * input or usage (a one-line message on stderr, never a stack trace), 3 an internal error (one
 * line; {@code METABOUND_DEBUG=1} prints the stack trace).
 */
@Command(
    name = "metabound",
    mixinStandardHelpOptions = true,
    version = "metabound 0.1.0",
    description = "Checks the convergence theory of MAML-family meta-learning against exact computation.",
    subcommands = {
      ReportCommand.class,
      BoundsCommand.class,
      OracleCommand.class,
      CheckCommand.class,
      ClaimsCommand.class,
      ReproduceCommand.class,
      FindingsCommand.class,
      NotebookCommand.class,
      HeatmapCommand.class,
      MergeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MetaBoundCommand implements Runnable {

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: a checked claim or bound is violated. */
  public static final int VIOLATED = 1;
  /** Exit code: bad input or usage. */
  public static final int BAD_INPUT = 2;
  /** Exit code: an internal error (a bug in MetaBound; please report it with the command). */
  public static final int INTERNAL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the project's error handling. */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /**
   * The command line with the given factory for the commands (tests inject commands built with
   * test-only collaborators this way).
   */
  public static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine cl = new CommandLine(new MetaBoundCommand(), factory);
    cl.setExitCodeExceptionMapper(t -> BAD_INPUT);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("metabound: " + ex.getMessage());
          return BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UserInputException
              || ex instanceof io.metabound.experiments.io.InputTooLargeException) {
            commandLine.getErr().println("metabound: " + ex.getMessage());
            return BAD_INPUT;
          }
          if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            // a file that cannot be read or written: the environment, not the computation
            commandLine.getErr().println("metabound: I/O error: " + ex.getMessage());
            return BAD_INPUT;
          }
          if (System.getenv("METABOUND_DEBUG") != null) {
            throw ex;
          }
          commandLine.getErr().println(
              "metabound: internal error: "
                  + ex
                  + " (a bug: please report it with the command; METABOUND_DEBUG=1 prints the"
                  + " stack trace)");
          return INTERNAL_ERROR;
        });
    return cl;
  }

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // the last resort: sizes are checked before allocating (SizeLimits), so this is a bug
      System.err.println(
          "metabound: internal error: out of memory (a size that was not checked first; please"
              + " report the command)");
      code = INTERNAL_ERROR;
    }
    System.exit(code);
  }
}
