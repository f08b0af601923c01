package io.metabound.experiments.measure;

/**
 * Malformed measure text. The message starts with the 1-based column, e.g. {@code column 7:
 * expected ')' but found end of input}; the column just past the last character denotes the end.
 */
public final class MeasureParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int column;
  private final String problem;

  public MeasureParseException(int column, String problem) {
    super("column " + column + ": " + problem);
    this.column = column;
    this.problem = problem;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }

  /** The problem without the column prefix. */
  public String problem() {
    return problem;
  }
}
