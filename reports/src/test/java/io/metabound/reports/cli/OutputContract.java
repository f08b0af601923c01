package io.metabound.reports.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three rules every run on bad input must obey, shared by the bad-input corpus and the mutation
 * property test: a documented exit code (never 3, the internal error); on exit 2 a message that is
 * one line (or, for a claims file, a short list of at most {@value #CLAIMS_PROBLEM_LINES} lines);
 * and no Java class name or stack frame anywhere in what the user sees. The fourth rule, no file
 * left behind, is {@link FolderSnapshot}'s.
 */
final class OutputContract {

  /** The most stderr lines a claims file's list of problems may take. */
  static final int CLAIMS_PROBLEM_LINES = 10;

  /**
   * What must never reach the user: a package of the JDK or of a dependency, an exception or error
   * class, a Jackson token type, or a stack frame.
   */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\bjava\\.|\\bjavax\\.|tools\\.jackson|com\\.fasterxml|org\\.hipparchus|\\bpicocli\\."
              + "|Exception|\\b[A-Z][a-z]+[A-Za-z]*Error\\b|JsonToken|JsonReadFeature|StreamReadFeature|DeserializationFeature|JsonParser|\\tat ");

  private OutputContract() {}

  /** How a run's stderr is allowed to look on exit 2. */
  enum ErrorShape {
    /** exactly one line starting {@code metabound: } */
    ONE_LINE,
    /** at most {@value #CLAIMS_PROBLEM_LINES} non-blank lines (a claims file's problems) */
    SHORT_LIST
  }

  /**
   * Every rule the run breaks, as sentences for the failure message; empty when it keeps them all.
   *
   * @param run the run
   * @param shape how stderr may look on exit 2
   */
  static List<String> violations(CliRun run, ErrorShape shape) {
    List<String> problems = new ArrayList<>();
    int code = run.code();
    if (code < MetaBoundCommand.OK || code > MetaBoundCommand.BAD_INPUT) {
      problems.add("exit " + code + " is not 0, 1 or 2");
    }
    if (code == MetaBoundCommand.BAD_INPUT) {
      List<String> lines = run.err().strip().lines().filter(l -> !l.isBlank()).toList();
      if (shape == ErrorShape.ONE_LINE) {
        if (lines.size() != 1 || !lines.get(0).startsWith("metabound: ")) {
          problems.add("stderr is not one line starting 'metabound: ' (" + lines.size() + " lines)");
        }
      } else if (lines.isEmpty() && run.out().isBlank() || lines.size() > CLAIMS_PROBLEM_LINES) {
        problems.add("stderr is not a short list of problems (" + lines.size() + " lines)");
      }
    }
    leak("stdout", run.out()).ifPresent(problems::add);
    leak("stderr", run.err()).ifPresent(problems::add);
    return problems;
  }

  private static java.util.Optional<String> leak(String stream, String text) {
    Matcher m = LEAK.matcher(text);
    if (!m.find()) {
      return java.util.Optional.empty();
    }
    int from = Math.max(0, m.start() - 40);
    int to = Math.min(text.length(), m.end() + 40);
    return java.util.Optional.of(
        stream + " shows an implementation detail '" + m.group() + "' in: …"
            + text.substring(from, to).replace("\n", "⏎") + "…");
  }
}
