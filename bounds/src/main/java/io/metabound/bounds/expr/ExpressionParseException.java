package io.metabound.bounds.expr;

/**
 * Raised by {@link Expression#parse(String)} for malformed text. The message starts with the
 * 1-based column, e.g. {@code column 7: expected ')' but found end of input}; the column just past
 * the last character denotes the end of the input.
 */
public final class ExpressionParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int column;
  private final String problem;

  /**
   * @param column 1-based column of the problem
   * @param problem what is wrong, without the column prefix
   */
  public ExpressionParseException(int column, String problem) {
    super("column " + column + ": " + problem);
    this.column = column;
    this.problem = problem;
  }

  /**
   * @return the 1-based column of the problem
   */
  public int column() {
    return column;
  }

  /**
   * @return the problem without the column prefix
   */
  public String problem() {
    return problem;
  }
}
