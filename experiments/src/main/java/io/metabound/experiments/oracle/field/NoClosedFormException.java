package io.metabound.experiments.oracle.field;

/**
 * A quantity that this model cannot compute exactly (for example FO-MAML's meta-objective, which
 * does not exist because its direction is not a gradient, or an N-step data average with no
 * Gaussian closed form). The message says why, in one line a user can act on.
 */
public final class NoClosedFormException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoClosedFormException(String message) {
    super(message);
  }
}
