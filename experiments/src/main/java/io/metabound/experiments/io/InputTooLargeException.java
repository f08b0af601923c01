package io.metabound.experiments.io;

/**
 * A size asked for by the user that does not fit the memory (or an array) of this process. The
 * CLI reports it as bad input (exit 2) with its message, which gives the size asked and the limit.
 */
public final class InputTooLargeException extends IllegalArgumentException {
  public InputTooLargeException(String message) {
    super(message);
  }
}
