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
public final class MetaBoundCommand implements java.util.concurrent.Callable<Integer> {

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: a checked claim or bound is violated. */
  public static final int VIOLATED = 1;
  /** Exit code: bad input or usage. */
  public static final int BAD_INPUT = 2;
  /** Exit code: an internal error (a bug in MetaBound; please report it with the command). */
  public static final int INTERNAL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Without a command: one line naming the commands, exit 2 (a usage error, not a success). */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println(
        "metabound: no command given; one of "
            + String.join(", ", spec.commandLine().getSubcommands().keySet())
            + " ('metabound --help' says what each does)");
    return BAD_INPUT;
  }

  /**
   * The command list of {@code metabound --help}: each command with its header, or else the first
   * sentence of its description, in full (picocli's own list shows only the description's first line, which cut
   * several sentences mid-way), wrapped to the usage width.
   */
  static String commandList(CommandLine.Help help) {
    java.util.Map<String, CommandLine.Help> commands = help.subcommands();
    if (commands.isEmpty()) {
      return "";
    }
    int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    int width = help.commandSpec().usageMessage().width();
    StringBuilder out = new StringBuilder();
    for (java.util.Map.Entry<String, CommandLine.Help> c : commands.entrySet()) {
      // descriptions are format strings: %n is a line break, %% a per cent sign
      CommandLine.Model.UsageMessageSpec usage = c.getValue().commandSpec().usageMessage();
      String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
      String description = String.join(" ", lines).replace("%n", " ").replace("%%", "%");
      String sentence = firstSentence(description);
      String indent = " ".repeat(2 + nameWidth);
      StringBuilder line = new StringBuilder("  " + c.getKey() + " ".repeat(nameWidth - c.getKey().length()));
      int column = line.length();
      for (String word : sentence.split(" ")) {
        if (column + word.length() + 1 > width && column > indent.length()) {
          out.append(line.toString().stripTrailing()).append('\n');
          line = new StringBuilder(indent);
          column = indent.length();
        }
        line.append(word).append(' ');
        column += word.length() + 1;
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The text up to and including the first full stop followed by a space (or the whole text). */
  static String firstSentence(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    int stop = t.indexOf(". ");
    return stop < 0 ? t : t.substring(0, stop + 1);
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
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, MetaBoundCommand::commandList);
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
