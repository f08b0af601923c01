package io.metabound.experiments.linalg;

/**
 * A linear system whose matrix is singular, exactly or to the working precision of its field. The
 * message says which, with the offending pivot.
 */
public final class SingularMatrixException extends ArithmeticException {

  private static final long serialVersionUID = 1L;

  public SingularMatrixException(String message) {
    super(message);
  }
}
