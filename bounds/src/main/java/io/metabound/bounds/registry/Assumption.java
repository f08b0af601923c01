package io.metabound.bounds.registry;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.ExpressionParseException;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hypothesis of a theorem. Either <em>checkable</em>, an inequality {@code lhs <op> rhs} over the
 * catalogued symbols (e.g. {@code alpha <= 1/L}) that can be evaluated on an instance, or
 * <em>descriptive</em> (e.g. "Assumption 1: l_i bounded below, L-smooth, rho-Hessian-Lipschitz"),
 * which is recorded for the reader and always {@link #holds holds}: whether a task family satisfies
 * it is the business of the family's constants, not of a formula.
 *
 * <p>An instance violating a checkable assumption is outside the theorem's scope; a bound is never
 * reported as violated there.
 *
 * @param description what the assumption says, with its origin (e.g. "Lemma 4.8: alpha in [0,1/L]")
 * @param lhs left-hand side, or null for a descriptive assumption
 * @param comparison the operator, or null for a descriptive assumption
 * @param rhs right-hand side, or null for a descriptive assumption
 */
public record Assumption(
    String description, Expression lhs, Comparison comparison, Expression rhs) {

  /** Requires a description and either all three condition parts or none. */
  public Assumption {
    Objects.requireNonNull(description, "description");
    if (description.isBlank()) {
      throw new IllegalArgumentException("an assumption needs a non-blank description");
    }
    boolean none = lhs == null && comparison == null && rhs == null;
    boolean all = lhs != null && comparison != null && rhs != null;
    if (!none && !all) {
      throw new IllegalArgumentException(
          "assumption '" + description + "' must give all of lhs, comparison and rhs, or none");
    }
  }

  /**
   * Parses a checkable assumption {@code lhs <op> rhs}, where {@code <op>} is the only occurrence
   * of one of {@code <, <=, >, >=, =} (the expression syntax uses none of these characters).
   *
   * @param condition e.g. {@code "alpha <= 1/L"} or {@code "2 - (1+alpha*L)^(2*N) > 0"}
   * @param description what the condition means and where it comes from
   * @return the assumption
   * @throws AssumptionParseException naming the condition, the side and the column of the problem
   */
  public static Assumption parse(String condition, String description) {
    Objects.requireNonNull(condition, "condition");
    int start = -1;
    for (int i = 0; i < condition.length(); i++) {
      if (isComparisonCharacter(condition.charAt(i))) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw new AssumptionParseException(
          condition, "no comparison operator (<, <=, >, >=, =) found", null);
    }
    int end = start + 1;
    while (end < condition.length() && isComparisonCharacter(condition.charAt(end))) {
      end++;
    }
    String operator = condition.substring(start, end);
    Comparison comparison =
        Comparison.bySymbol(operator)
            .orElseThrow(
                () ->
                    new AssumptionParseException(
                        condition,
                        "unknown comparison operator '"
                            + operator
                            + "' at column "
                            + (1 + condition.indexOf(operator))
                            + " (use <, <=, >, >= or =)",
                        null));
    for (int i = end; i < condition.length(); i++) {
      if (isComparisonCharacter(condition.charAt(i))) {
        throw new AssumptionParseException(
            condition,
            "more than one comparison (column "
                + (i + 1)
                + "); write a chained condition as separate assumptions",
            null);
      }
    }
    Expression left = parseSide(condition, condition.substring(0, start), "left-hand side", 0);
    Expression right = parseSide(condition, condition.substring(end), "right-hand side", end);
    return new Assumption(description, left, comparison, right);
  }

  /**
   * A descriptive assumption with no checkable condition.
   *
   * @param description the hypothesis in words, with its origin
   * @return the assumption
   */
  public static Assumption descriptive(String description) {
    return new Assumption(description, null, null, null);
  }

  /**
   * @return true when the assumption has a condition that {@link #holds} evaluates
   */
  public boolean isCheckable() {
    return lhs != null;
  }

  /**
   * Evaluates the condition on an instance. Descriptive assumptions hold trivially; a condition
   * whose sides evaluate to NaN does not hold.
   *
   * @param bindings values of the condition's symbols
   * @return whether the condition holds
   * @throws io.metabound.bounds.expr.EvaluationException naming the symbol when a symbol of the
   *     condition is unbound or outside its domain
   */
  public boolean holds(Bindings bindings) {
    if (!isCheckable()) {
      return true;
    }
    return comparison.test(lhs.evaluate(bindings), rhs.evaluate(bindings));
  }

  /**
   * @return the symbols of the condition, sorted; empty for a descriptive assumption
   */
  public Set<String> symbols() {
    if (!isCheckable()) {
      return Set.of();
    }
    TreeSet<String> names = new TreeSet<>(lhs.symbols());
    names.addAll(rhs.symbols());
    return Collections.unmodifiableSet(names);
  }

  /**
   * The condition in plain syntax, e.g. {@code alpha <= 1 / L}; it parses back to an equal
   * assumption.
   *
   * @return the condition, or empty for a descriptive assumption
   */
  public Optional<String> condition() {
    if (!isCheckable()) {
      return Optional.empty();
    }
    return Optional.of(lhs.toPlain() + " " + comparison.symbol() + " " + rhs.toPlain());
  }

  /**
   * @return the condition in LaTeX, or empty for a descriptive assumption
   */
  public Optional<String> conditionLatex() {
    if (!isCheckable()) {
      return Optional.empty();
    }
    return Optional.of(lhs.toLatex() + " " + comparison.latex() + " " + rhs.toLatex());
  }

  @Override
  public String toString() {
    return condition().map(text -> text + " (" + description + ")").orElse(description);
  }

  private static boolean isComparisonCharacter(char c) {
    return c == '<' || c == '>' || c == '=' || c == '!';
  }

  private static Expression parseSide(String condition, String side, String name, int offset) {
    try {
      return Expression.parse(side);
    } catch (ExpressionParseException e) {
      throw new AssumptionParseException(
          condition, name + ": column " + (offset + e.column()) + ": " + e.problem(), e);
    }
  }
}
