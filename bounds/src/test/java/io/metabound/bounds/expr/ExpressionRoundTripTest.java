package io.metabound.bounds.expr;

import static io.metabound.bounds.expr.Expressions.add;
import static io.metabound.bounds.expr.Expressions.div;
import static io.metabound.bounds.expr.Expressions.mul;
import static io.metabound.bounds.expr.Expressions.neg;
import static io.metabound.bounds.expr.Expressions.num;
import static io.metabound.bounds.expr.Expressions.pow;
import static io.metabound.bounds.expr.Expressions.sub;
import static io.metabound.bounds.expr.Expressions.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionRoundTripTest {

  static Stream<Expression> trickyExpressions() {
    Expression a = sym("a");
    Expression b = sym("b");
    Expression c = sym("c");
    return Stream.of(
        add(a, add(b, c)), // a + (b + c) keeps its parentheses
        add(add(a, b), c),
        sub(a, sub(b, c)),
        sub(sub(a, b), c),
        sub(a, add(b, c)),
        mul(a, mul(b, c)),
        div(a, div(b, c)),
        div(div(a, b), c),
        div(a, mul(b, c)),
        mul(div(a, b), c),
        pow(pow(a, b), c), // (a^b)^c
        pow(a, pow(b, c)), // a^b^c
        neg(pow(a, num(2))), // -a^2
        pow(neg(a), num(2)), // (-a)^2
        neg(num(2)), // -(2), distinct from the literal -2
        num(-2),
        neg(num(-2)),
        neg(neg(a)),
        pow(num(-2), num(2)),
        neg(pow(num(2), num(2))), // -2^2
        pow(num(2), num(-1)),
        pow(num(2), neg(num(1))),
        add(a, num(-3)),
        sub(a, num(-3)),
        mul(num(-3), a),
        mul(a, num(-3)),
        add(neg(a), b),
        add(a, mul(num(-2), a)), // a + (-2 * a)
        neg(mul(num(-2), a)), // -(-2 * a)
        pow(a, div(num(-1), b)), // a^(-1 / b)
        mul(a, div(neg(b), c)), // a * (-b / c)
        sub(mul(num(-2), a), b), // -2 * a - b
        mul(neg(a), b),
        neg(mul(a, b)),
        neg(add(a, b)),
        pow(div(a, b), num(0.5)),
        pow(mul(num(2), a), sym("N")),
        num(0),
        num(-0.0), // prints as -0
        num(1e-300),
        num(Double.MIN_VALUE),
        num(Double.MAX_VALUE),
        num(-Double.MAX_VALUE),
        num(1e15),
        num(999999999999999.0),
        num(0.1),
        num(1.0 / 3.0),
        num(123456789.5),
        Expression.parse("(1 + alpha*L)^(2*N) * L"),
        Expression.parse("min(a, b - c, -c, max(1, 2, 3))^2"),
        Expression.parse("sqrt(sigma_g^2 / S + sigma^2 / B) / (1 - exp(-lambda_i))"),
        Expression.parse("ceil(2 * alpha^2 * sigma_H^2) + floor(abs(log(x)))"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trickyExpressions")
  void fixedExpressionsRoundTrip(Expression expression) {
    String plain = expression.toPlain();
    assertEquals(expression, Expression.parse(plain), plain);
    // printing is a fixed point after one round
    assertEquals(plain, Expression.parse(plain).toPlain());
  }

  @Test
  void printsWithMinimalParentheses() {
    assertEquals(
        "(1 + alpha * L)^(2 * N) * L", Expression.parse("((1+(alpha*L))^(2*N))*L").toPlain());
    assertEquals("a + b + c", Expression.parse("(a + b) + c").toPlain());
    assertEquals("a + (b + c)", Expression.parse("a + (b + c)").toPlain());
    assertEquals("a - (b - c)", Expression.parse("a-(b-c)").toPlain());
    assertEquals("a^b^c", Expression.parse("a^(b^c)").toPlain());
    assertEquals("(a^b)^c", Expression.parse("(a^b)^c").toPlain());
    assertEquals("-a^2", Expression.parse("-(a^2)").toPlain());
    assertEquals("x + (-y)", Expression.parse("x + -y").toPlain());
    assertEquals("x + (-2 * y)", Expression.parse("x + -2 * y").toPlain());
    assertEquals("x * (-y / 2)", Expression.parse("x * (-y / 2)").toPlain());
    assertEquals("-2 * y - x", Expression.parse("-2 * y - x").toPlain());
    assertEquals("2^(-1)", Expression.parse("2^-1").toPlain());
    assertEquals("-(2)", neg(num(2)).toPlain());
    assertEquals("-2", num(-2).toPlain());
    assertEquals("min(a, b)", Expression.parse("min( a ,b )").toPlain());
  }

  @Test
  void printsNumbersInShortRoundTripForm() {
    assertEquals("3", num(3).toPlain());
    assertEquals("0", num(0.0).toPlain());
    assertEquals("-0", num(-0.0).toPlain());
    assertEquals("0.5", num(0.5).toPlain());
    assertEquals("1e-5", num(1e-5).toPlain());
    assertEquals("1.5e20", num(1.5e20).toPlain());
    assertEquals("1e15", num(1e15).toPlain());
    assertEquals("999999999999999", num(999999999999999.0).toPlain());
    assertEquals("0.1", num(0.1).toPlain());
  }

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomExpressionsRoundTripAndEvaluateAlike(long seed) {
    RandomExpressions generator = new RandomExpressions(seed);
    Expression expression = generator.next(7);
    Bindings bindings = generator.bindings();
    String plain = expression.toPlain();
    Expression reparsed = Expression.parse(plain);
    assertEquals(expression, reparsed, plain);
    assertEquals(
        Double.doubleToLongBits(expression.evaluate(bindings)),
        Double.doubleToLongBits(reparsed.evaluate(bindings)),
        plain);
    assertEquals(expression.symbols(), reparsed.symbols());
  }

  @Test
  void nestingUpToTheCapRoundTrips() {
    // powers and negations alternating above a symbol: tree height 500, the parser's cap
    Expression deep = sym("x");
    for (int i = 1; i < ExpressionParser.MAX_DEPTH; i++) {
      deep = i % 2 == 0 ? neg(deep) : pow(num(2), deep);
    }
    assertEquals(deep, Expression.parse(deep.toPlain()));

    List<Expression> terms = new ArrayList<>();
    IntStream.range(0, ExpressionParser.MAX_DEPTH).forEach(i -> terms.add(num(i)));
    Expression longSum = terms.stream().reduce(Sum::new).orElseThrow();
    assertEquals(longSum, Expression.parse(longSum.toPlain()));

    // one level more than the cap is refused with a parse error, not a stack overflow later
    Expression tooDeep = new Sum(longSum, num(1));
    ExpressionParseException error =
        assertThrows(ExpressionParseException.class, () -> Expression.parse(tooDeep.toPlain()));
    assertTrue(error.getMessage().contains("deeper than 500"), error.getMessage());
  }
}
