package io.metabound.experiments.measure;

/**
 * A measure that cannot be evaluated on an instance: a singular matrix, an estimator without an
 * objective, a parameter out of its range (iMAML with λ + λ_min ≤ 0), a symbol without a value, a
 * static problem found before evaluation. The message is one line and starts with the column of the
 * sub-expression that failed.
 */
public final class MeasureEvaluationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int column;

  public MeasureEvaluationException(int column, String problem) {
    this(column, problem, null);
  }

  /** A failure caused by {@code cause} (e.g. a model without a closed form), which is kept. */
  public MeasureEvaluationException(int column, String problem, Throwable cause) {
    super("column " + column + ": " + problem, cause);
    this.column = column;
  }

  /** The 1-based column of the failing sub-expression (0 when the tree was built in code). */
  public int column() {
    return column;
  }
}
