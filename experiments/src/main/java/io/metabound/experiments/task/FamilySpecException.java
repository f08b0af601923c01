package io.metabound.experiments.task;

/**
 * A task-family specification that cannot be parsed or is out of range. The message names the key
 * and the problem, e.g. {@code quadratic spec: spectrum: expected LO:HI, got '3'}.
 */
public class FamilySpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FamilySpecException(String message) {
    super(message);
  }

  public FamilySpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
