package io.metabound.experiments.check;

import java.nio.file.Path;

/**
 * Bad input to the check machinery (a counterexample file, a claims entry): names the file, the
 * field and the problem in one line, so the CLI can print it and exit 2 without a stack trace.
 */
public final class CheckInputException extends RuntimeException {

  private final String file;
  private final String field;

  public CheckInputException(Path file, String field, String problem) {
    super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
    this.file = String.valueOf(file);
    this.field = field;
  }

  public CheckInputException(Path file, String field, String problem, Throwable cause) {
    super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem, cause);
    this.file = String.valueOf(file);
    this.field = field;
  }

  /**
   * Wraps a message that already names the file and field (e.g. from the task-file reader).
   *
   * @param message the complete one-line message
   * @param file the file
   * @param field the field, or empty
   * @param cause the original exception
   */
  public CheckInputException(String message, Path file, String field, Throwable cause) {
    super(message, cause);
    this.file = String.valueOf(file);
    this.field = field;
  }

  /** The file that was being read. */
  public String file() {
    return file;
  }

  /** The offending field (a JSON path such as {@code tasks[0].H}), or empty. */
  public String field() {
    return field;
  }
}
