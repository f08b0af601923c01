package io.metabound.reports.cli;

/**
 * Bad input from the user (file, field, value). The CLI prints its message on one line and exits
 * with code 2; it never shows a stack trace.
 */
public final class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
