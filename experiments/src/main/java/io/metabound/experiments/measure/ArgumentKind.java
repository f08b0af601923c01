package io.metabound.experiments.measure;

/** What a call expects in one argument position. */
public enum ArgumentKind {
  /** A scalar expression. */
  SCALAR("scalar"),
  /** A vector expression (length d). */
  VECTOR("vector"),
  /** A matrix expression (d × d). */
  MATRIX("matrix"),
  /** An estimator name: maml, fomaml, hfmaml, imaml, maml-prox, reptile, moreau. */
  ESTIMATOR("estimator"),
  /** A parameter name to bind (argmin's p), not an expression. */
  PARAMETER("parameter name"),
  /** A scalar expression whose value is a whole task number from 1 to m. */
  TASK_INDEX("task number");

  private final String label;

  ArgumentKind(String label) {
    this.label = label;
  }

  /** Lower-case name for messages and signatures. */
  public String label() {
    return label;
  }

  /** The value type an expression in this position must have, or null for a name. */
  MeasureType valueType() {
    return switch (this) {
      case SCALAR, TASK_INDEX -> MeasureType.SCALAR;
      case VECTOR -> MeasureType.VECTOR;
      case MATRIX -> MeasureType.MATRIX;
      case ESTIMATOR, PARAMETER -> null;
    };
  }
}
