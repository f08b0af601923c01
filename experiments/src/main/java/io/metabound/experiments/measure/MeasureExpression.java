package io.metabound.experiments.measure;

import java.util.List;
import java.util.Objects;

/**
 * The measured side of a claim as an immutable tree: numbers, symbols (instance constants,
 * parameters, {@code w}, {@code identity}, {@code origin}, and estimator or parameter names where a
 * call expects them), unary minus, the binary operators {@code + − * / ^}, and calls such as {@code
 * eigmin(meta_hessian(maml))}.
 *
 * <p>The plain syntax is the bounds language's ({@code io.metabound.bounds.expr.Expression}):
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := '-' unary | power
 * power      := primary ('^' unary)?            (right-associative: a^b^c = a^(b^c))
 * primary    := number | identifier | identifier '(' [expression (',' expression)*] ')'
 *             | '(' expression ')'
 * </pre>
 *
 * so {@code -x^2 = -(x^2)}, and a minus sign directly before a number that is not raised to a power
 * is part of the literal ({@code -2} is {@code Literal(-2)}, {@code -(2)} a negation). Identifiers
 * are {@code [A-Za-z][A-Za-z0-9_]*}; the estimator name {@code maml-prox}, written without spaces,
 * is one identifier.
 *
 * <p>Every node records the 1-based column where it starts in the text it was parsed from (0 when
 * built in code) for error messages; the column takes no part in {@code equals}, so equality is
 * structural and {@code MeasureParser.parse(e.toPlain())} equals {@code e}.
 */
public sealed interface MeasureExpression {

  /** 1-based column of the node's first character in its source text (0 when built in code). */
  int column();

  /** The direct sub-expressions, left to right. */
  List<MeasureExpression> children();

  /** The plain syntax with minimal parentheses; parsing it gives an equal tree. */
  default String toPlain() {
    return MeasurePrinter.print(this);
  }

  /** A number (finite). */
  record Literal(double value, int column) implements MeasureExpression {

    public Literal(double value) {
      this(value, 0);
    }

    @Override
    public List<MeasureExpression> children() {
      return List.of();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Literal l && Double.compare(l.value, value) == 0;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(value);
    }
  }

  /** A name: a constant, a parameter, {@code w}, {@code identity}, {@code origin}, an estimator. */
  record Symbol(String name, int column) implements MeasureExpression {

    public Symbol {
      Objects.requireNonNull(name);
    }

    public Symbol(String name) {
      this(name, 0);
    }

    @Override
    public List<MeasureExpression> children() {
      return List.of();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Symbol s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /** {@code -operand}. */
  record Negation(MeasureExpression operand, int column) implements MeasureExpression {

    public Negation {
      Objects.requireNonNull(operand);
    }

    public Negation(MeasureExpression operand) {
      this(operand, 0);
    }

    @Override
    public List<MeasureExpression> children() {
      return List.of(operand);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Negation n && n.operand.equals(operand);
    }

    @Override
    public int hashCode() {
      return 31 * operand.hashCode() + 1;
    }
  }

  /** The binary operators, with their plain-syntax symbols. */
  enum Operator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    POWER("^");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** {@code left operator right}; the column is the operator's. */
  record Binary(Operator operator, MeasureExpression left, MeasureExpression right, int column)
      implements MeasureExpression {

    public Binary {
      Objects.requireNonNull(operator);
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }

    public Binary(Operator operator, MeasureExpression left, MeasureExpression right) {
      this(operator, left, right, 0);
    }

    @Override
    public List<MeasureExpression> children() {
      return List.of(left, right);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Binary b
          && b.operator == operator
          && b.left.equals(left)
          && b.right.equals(right);
    }

    @Override
    public int hashCode() {
      return Objects.hash(operator, left, right);
    }
  }

  /** {@code function(arguments…)}; the column is the function name's. */
  record Call(String function, List<MeasureExpression> arguments, int column)
      implements MeasureExpression {

    public Call {
      Objects.requireNonNull(function);
      arguments = List.copyOf(arguments);
    }

    public Call(String function, List<MeasureExpression> arguments) {
      this(function, arguments, 0);
    }

    @Override
    public List<MeasureExpression> children() {
      return arguments;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Call c && c.function.equals(function) && c.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
      return 31 * function.hashCode() + arguments.hashCode();
    }
  }
}
