package io.metabound.experiments.sweep;

/**
 * Bad sweep input: a malformed or empty grid range, a negative step size, a grid too large for
 * memory, a shard outside its count, a start point of the wrong dimension, a CSV that is not a
 * sweep's. The message is one line naming the option or file and the problem, so the CLI can
 * print it and exit 2 without a stack trace.
 */
public final class SweepInputException extends IllegalArgumentException {

  public SweepInputException(String message) {
    super(message);
  }

  public SweepInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
