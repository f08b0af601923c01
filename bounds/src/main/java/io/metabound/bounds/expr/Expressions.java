package io.metabound.bounds.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Static builders for writing formulas compactly in Java, e.g. {@code (1 + alpha L)^{2N} L}:
 *
 * <pre>{@code
 * import static io.metabound.bounds.expr.Expressions.*;
 * Expression bound = mul(pow(add(num(1), mul(sym("alpha"), sym("L"))), mul(num(2), sym("N"))),
 *     sym("L"));
 * }</pre>
 *
 * <p>Builders with more than two operands fold to the left: {@code add(a, b, c) = (a + b) + c},
 * which is also how the parser reads {@code a + b + c}.
 */
public final class Expressions {

  private Expressions() {}

  /** A symbol reference. */
  public static Expression sym(String name) {
    return new SymbolRef(name);
  }

  /** A finite constant (negative values give a negative {@link Constant}). */
  public static Expression num(double value) {
    return new Constant(value);
  }

  /** Parses the plain syntax; see {@link Expression#parse(String)}. */
  public static Expression parse(String text) {
    return Expression.parse(text);
  }

  /** {@code first + second + ...}, folded to the left. */
  public static Expression add(Expression first, Expression second, Expression... more) {
    Expression result = new Sum(first, second);
    for (Expression next : more) {
      result = new Sum(result, next);
    }
    return result;
  }

  /** {@code left - right}. */
  public static Expression sub(Expression left, Expression right) {
    return new Difference(left, right);
  }

  /** {@code first * second * ...}, folded to the left. */
  public static Expression mul(Expression first, Expression second, Expression... more) {
    Expression result = new Product(first, second);
    for (Expression next : more) {
      result = new Product(result, next);
    }
    return result;
  }

  /** {@code numerator / denominator}. */
  public static Expression div(Expression numerator, Expression denominator) {
    return new Quotient(numerator, denominator);
  }

  /** {@code base ^ exponent}. */
  public static Expression pow(Expression base, Expression exponent) {
    return new Power(base, exponent);
  }

  /** {@code base ^ exponent} with a constant exponent. */
  public static Expression pow(Expression base, double exponent) {
    return new Power(base, new Constant(exponent));
  }

  /** {@code base ^ 2}. */
  public static Expression square(Expression base) {
    return pow(base, 2);
  }

  /** {@code -operand} (always a {@link Negation}, even of a constant). */
  public static Expression neg(Expression operand) {
    return new Negation(operand);
  }

  /** {@code sqrt(argument)}. */
  public static Expression sqrt(Expression argument) {
    return new Function(FunctionKind.SQRT, argument);
  }

  /** {@code exp(argument)}. */
  public static Expression exp(Expression argument) {
    return new Function(FunctionKind.EXP, argument);
  }

  /** {@code log(argument)}, the natural logarithm. */
  public static Expression log(Expression argument) {
    return new Function(FunctionKind.LOG, argument);
  }

  /** {@code abs(argument)}. */
  public static Expression abs(Expression argument) {
    return new Function(FunctionKind.ABS, argument);
  }

  /** {@code ceil(argument)}. */
  public static Expression ceil(Expression argument) {
    return new Function(FunctionKind.CEIL, argument);
  }

  /** {@code floor(argument)}. */
  public static Expression floor(Expression argument) {
    return new Function(FunctionKind.FLOOR, argument);
  }

  /** {@code min(first, second, ...)}. */
  public static Expression min(Expression first, Expression second, Expression... more) {
    return new Minimum(concat(first, second, more));
  }

  /** {@code max(first, second, ...)}. */
  public static Expression max(Expression first, Expression second, Expression... more) {
    return new Maximum(concat(first, second, more));
  }

  private static List<Expression> concat(Expression first, Expression second, Expression... more) {
    Expression[] all = new Expression[more.length + 2];
    all[0] = Objects.requireNonNull(first, "first");
    all[1] = Objects.requireNonNull(second, "second");
    System.arraycopy(more, 0, all, 2, more.length);
    return Arrays.asList(all);
  }
}
