package io.metabound.bounds.registry;

/**
 * Raised by {@link Assumption#parse(String, String)} when a condition is not of the form {@code
 * expression <op> expression} with exactly one of {@code <, <=, >, >=, =}, or when either side is
 * not a valid expression. The message quotes the condition and names the side and column at fault.
 */
public final class AssumptionParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String condition;

  /**
   * @param condition the text that failed to parse
   * @param problem what is wrong with it
   * @param cause the expression parse error, or null
   */
  public AssumptionParseException(String condition, String problem, Throwable cause) {
    super("assumption '" + condition + "': " + problem, cause);
    this.condition = condition;
  }

  /**
   * @return the condition text that failed to parse
   */
  public String condition() {
    return condition;
  }
}
