package io.metabound.experiments.measure;

/**
 * Malformed measure text: the first syntax problem from the left, as a {@link MeasureProblem}. The
 * message starts with the 1-based column, e.g. {@code column 7: expected ')' but found end of
 * input}; the column just past the last character denotes the end.
 */
public final class MeasureParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient MeasureProblem where;

  public MeasureParseException(int column, String problem) {
    this(new MeasureProblem(column, problem));
  }

  private MeasureParseException(MeasureProblem where) {
    super(where.toString());
    this.where = where;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return where.column();
  }

  /** The problem without the column prefix. */
  public String problem() {
    return where.message();
  }
}
