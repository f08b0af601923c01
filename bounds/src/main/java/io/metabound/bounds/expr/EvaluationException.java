package io.metabound.bounds.expr;

/**
 * Raised when an expression cannot be evaluated because a symbol is unbound or bound to a value
 * outside its catalogued domain. Non-finite arithmetic results are never reported this way.
 */
public final class EvaluationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String symbol;

  /**
   * @param message the problem, naming the symbol
   * @param symbol the offending symbol's name
   */
  public EvaluationException(String message, String symbol) {
    super(message);
    this.symbol = symbol;
  }

  /**
   * @return the name of the symbol that could not be evaluated
   */
  public String symbol() {
    return symbol;
  }
}
