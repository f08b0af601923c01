package io.metabound.reports.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One in-process run of the {@code metabound} command line, with its exit code and what it printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int code, String out, String err) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Runs the real command line. */
  static CliRun of(String... args) {
    return with(CommandLine.defaultFactory(), args);
  }

  /** Runs the command line with commands created by {@code factory} (injected sources). */
  static CliRun with(CommandLine.IFactory factory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = MetaBoundCommand.commandLine(factory);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Standard output parsed as JSON. */
  JsonNode json() {
    return JSON.readTree(out);
  }

  /**
   * The error contract of exit code 2: exactly one line on stderr, starting {@code metabound: },
   * and no stack trace.
   */
  boolean isOneLineError() {
    String text = err.strip();
    return code == MetaBoundCommand.BAD_INPUT
        && text.startsWith("metabound: ")
        && !text.contains("\n")
        && !text.contains("Exception")
        && !text.contains("\tat ");
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
