package io.metabound.bounds.expr;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable symbolic expression: the form in which every bound of the registry is written.
 *
 * <p>Expressions are trees of records, so {@code equals} is structural. They evaluate against
 * {@link Bindings} (checking each catalogued symbol's domain), render to LaTeX and to a plain
 * syntax, and parse back from that plain syntax:
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := '-' unary | power
 * power      := primary ('^' unary)?            (right-associative: a^b^c = a^(b^c))
 * primary    := number | identifier | identifier '(' expression (',' expression)* ')'
 *             | '(' expression ')'
 * </pre>
 *
 * so that {@code -x^2 = -(x^2)}. A minus sign written directly before a number literal that is not
 * raised to a power is part of the literal: {@code -2} parses as {@code Constant(-2)}, whereas
 * {@code -(2)} parses as {@code Negation(Constant(2))}. With this rule {@code parse(e.toPlain())}
 * equals {@code e} for every expression whose tree is at most {@value ExpressionParser#MAX_DEPTH}
 * levels high. The parser refuses deeper trees; evaluation and printing recurse over the tree, so
 * trees built in code should likewise stay within a few thousand levels.
 */
public sealed interface Expression
    permits Constant,
        SymbolRef,
        Sum,
        Difference,
        Product,
        Quotient,
        Power,
        Negation,
        Function,
        Minimum,
        Maximum {

  /**
   * Evaluates the expression in IEEE double arithmetic. Division by zero, square roots of negative
   * numbers and logarithms of non-positive numbers give infinities or NaN as IEEE specifies; they
   * are results, not errors (a diverging bound is data).
   *
   * @param bindings values of the symbols
   * @return the value
   * @throws EvaluationException naming the symbol when a symbol is unbound or its value lies
   *     outside the domain of the catalogued symbol of that name
   */
  double evaluate(Bindings bindings);

  /**
   * Replaces symbols simultaneously (a replacement is not itself searched for further symbols).
   *
   * @param replacements expression to put in place of each named symbol; other symbols stay
   * @return the substituted expression
   */
  Expression substitute(Map<String, Expression> replacements);

  /**
   * The direct sub-expressions, left to right.
   *
   * @return an unmodifiable list, empty for constants and symbols
   */
  List<Expression> children();

  /**
   * The plain syntax with minimal parentheses; {@code parse(toPlain())} equals this expression.
   *
   * @return the plain text, e.g. {@code (1 + alpha * L)^(2 * N) * L}
   */
  default String toPlain() {
    return PlainPrinter.print(this);
  }

  /**
   * A LaTeX rendering (math mode content, without the surrounding dollars), using the catalogue's
   * LaTeX for symbols.
   *
   * @return the LaTeX text, e.g. {@code \left(1 + \alpha L\right)^{2 N} L}
   */
  default String toLatex() {
    return LatexPrinter.print(this);
  }

  /**
   * The names of the symbols used.
   *
   * @return an unmodifiable set sorted by name
   */
  default Set<String> symbols() {
    TreeSet<String> names = new TreeSet<>();
    collectSymbols(this, names);
    return Collections.unmodifiableSet(names);
  }

  private static void collectSymbols(Expression expression, Set<String> names) {
    if (expression instanceof SymbolRef symbol) {
      names.add(symbol.name());
      return;
    }
    for (Expression child : expression.children()) {
      collectSymbols(child, names);
    }
  }

  /**
   * Parses the plain syntax (see the grammar in the class documentation).
   *
   * @param text the expression text
   * @return the expression
   * @throws ExpressionParseException with the 1-based column of the problem; no other exception is
   *     ever thrown
   */
  static Expression parse(String text) {
    return ExpressionParser.parse(text);
  }
}
