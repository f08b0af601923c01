package io.metabound.bounds.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionParseErrorTest {

  private static final int DEEP = 10_000;

  static Stream<Arguments> malformedInputs() {
    return Stream.of(
        // input, expected column, fragment the message must contain
        Arguments.of("", 1, "expected an expression but found end of input"),
        Arguments.of("   ", 4, "found end of input"),
        Arguments.of("(", 2, "expected an expression but found end of input"),
        Arguments.of("(1 + 2", 7, "expected ')' but found end of input"),
        Arguments.of("1+", 3, "expected an expression but found end of input"),
        Arguments.of("a b", 3, "expected an operator or end of input but found identifier 'b'"),
        Arguments.of("2x", 2, "found identifier 'x'"),
        Arguments.of("1**2", 2, "'**' is not an operator"),
        Arguments.of("min(1)", 6, "min needs at least 2 arguments, got 1"),
        Arguments.of("max()", 5, "max needs at least 2 arguments, got 0"),
        Arguments.of("foo(1)", 1, "unknown function 'foo'"),
        Arguments.of("2^", 3, "expected an expression but found end of input"),
        Arguments.of(")", 1, "expected an expression but found ')'"),
        Arguments.of("1)", 2, "expected an operator or end of input but found ')'"),
        Arguments.of("1,2", 2, "found ','"),
        Arguments.of("sqrt()", 6, "sqrt takes exactly 1 argument, got 0"),
        Arguments.of("sqrt(1, 2)", 9, "sqrt takes exactly 1 argument"),
        Arguments.of("sqrt", 5, "expected '(' after function name 'sqrt'"),
        Arguments.of("min + 1", 5, "expected '(' after function name 'min'"),
        Arguments.of("#", 1, "unexpected character '#'"),
        Arguments.of("x $ y", 3, "unexpected character '$'"),
        Arguments.of("_x", 1, "unexpected character '_'"),
        Arguments.of("x \u00b2", 3, "unexpected character U+00B2"),
        Arguments.of("1e", 1, "malformed number '1e': the exponent has no digits"),
        Arguments.of("2 * 1e+", 5, "the exponent has no digits"),
        Arguments.of("..5", 1, "malformed number '.': no digits"),
        Arguments.of("1.2.3", 4, "a second decimal point"),
        Arguments.of("1e999", 1, "is too large for a double"),
        Arguments.of("x + " + "9".repeat(90) + "e300", 5, "number 999"),
        Arguments.of("x + " + "9".repeat(400), 5, "number literal longer than 100 characters"),
        Arguments.of("1." + "0".repeat(200), 1, "number literal longer than 100 characters"),
        Arguments.of("min(1, 2", 9, "expected ',' or ')' but found end of input"),
        Arguments.of("min(1 2)", 7, "expected ',' or ')' but found number 2"),
        Arguments.of("(1 + 2))", 8, "found ')'"),
        Arguments.of("()", 2, "expected an expression but found ')'"),
        Arguments.of("1 + * 2", 5, "expected an expression but found '*'"),
        Arguments.of("x(2)", 1, "unknown function 'x'"),
        // nesting caps: 1000 open parentheses / calls / minus signs / powers, tree height 500
        Arguments.of("(".repeat(DEEP) + "x" + ")".repeat(DEEP), 1001, "nested more than 1000"),
        Arguments.of("-".repeat(DEEP) + "x", 1001, "nested more than 1000"),
        Arguments.of("x^".repeat(DEEP) + "x", 2002, "nested more than 1000"),
        Arguments.of("sqrt(".repeat(DEEP) + "x" + ")".repeat(DEEP), 5001, "nested more than 1000"),
        // the 500th '+' (column 1000) would make a tree of height 501
        Arguments.of("1" + "+1".repeat(DEEP), 1000, "expression tree deeper than 500 levels"));
  }

  @ParameterizedTest(name = "[{index}] column {1}: {2}")
  @MethodSource("malformedInputs")
  void malformedInputIsReportedWithColumn(String input, int column, String fragment) {
    ExpressionParseException error =
        assertThrows(ExpressionParseException.class, () -> Expression.parse(input));
    assertEquals(column, error.column(), error.getMessage());
    assertTrue(error.getMessage().startsWith("column " + column + ": "), error.getMessage());
    assertTrue(error.getMessage().contains(fragment), error.getMessage());
  }

  @Test
  void nullTextIsAParseError() {
    ExpressionParseException error =
        assertThrows(ExpressionParseException.class, () -> Expression.parse(null));
    assertEquals(1, error.column());
  }

  @Test
  void whitespaceAndNumberFormsAreAccepted() {
    assertEquals(new Constant(0.5), Expression.parse(" \t.5\n"));
    assertEquals(new Constant(5), Expression.parse("5."));
    assertEquals(new Constant(1e-3), Expression.parse("1e-3"));
    assertEquals(new Constant(1500), Expression.parse("1.5E+3"));
    assertEquals(new Constant(-2), Expression.parse("- 2"));
    assertEquals(new Negation(new Constant(2)), Expression.parse("-(2)"));
  }

  private static final String CHARACTER_ALPHABET = "0123456789.eE+-*/^(),  xyLN_sqrtminalogfc#";

  private static final String[] OPERAND_STARTS = {
    "1", "2.5", ".5", "1e-3", "0", "x", "alpha", "N", "-", "(", "sqrt(", "min(", "max(", "log(",
    "ceil(", "abs(", "exp(", "floor("
  };

  private static final String[] OPERATORS = {"+", "-", "*", "/", "^", " "};

  private static final String[] ANY_TOKEN = {
    "1", "x", "+", "-", "*", "/", "^", "(", ")", ",", "sqrt(", "min(", " ", "1e", "..", "#", "**",
    "foo(", "sqrt", "2x"
  };

  /**
   * A token sequence that follows the grammar (an operand start where an operand is due, an
   * operator, ',' or ')' after an operand, every group closed at the end), except that 5% of the
   * tokens are drawn from every token, including broken ones, so that both accepted and rejected
   * texts are frequent. Arity is not tracked, so {@code sqrt(1, 2)} and {@code min(1)} occur.
   */
  private static String grammarLikeText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(25);
    java.util.ArrayDeque<Boolean> openGroupIsCall = new java.util.ArrayDeque<>();
    boolean expectOperand = true;
    for (int k = 0; k < length; k++) {
      String token;
      if (random.nextInt(20) == 0) {
        token = ANY_TOKEN[random.nextInt(ANY_TOKEN.length)];
      } else if (expectOperand) {
        token = OPERAND_STARTS[random.nextInt(OPERAND_STARTS.length)];
      } else if (!openGroupIsCall.isEmpty() && random.nextInt(4) == 0) {
        token = openGroupIsCall.peek() && random.nextBoolean() ? "," : ")";
      } else {
        token = OPERATORS[random.nextInt(OPERATORS.length)];
      }
      text.append(token);
      if (token.endsWith("(")) {
        openGroupIsCall.push(!token.equals("("));
      } else if (token.equals(")") && !openGroupIsCall.isEmpty()) {
        openGroupIsCall.pop();
      }
      char last = token.charAt(token.length() - 1);
      expectOperand = token.equals(" ") ? expectOperand : "+-*/^(,".indexOf(last) >= 0;
    }
    if (expectOperand) {
      text.append('x');
    }
    text.append(")".repeat(openGroupIsCall.size()));
    return text.toString();
  }

  static IntStream fuzzBatches() {
    return IntStream.range(0, 20);
  }

  /** 20 batches of 100 random strings over the grammar's characters: 2000 cases. */
  @ParameterizedTest(name = "character batch {0}")
  @MethodSource("fuzzBatches")
  void randomCharacterStringsParseOrFailCleanly(int batch) {
    Random random = new Random(1_000 + batch);
    for (int i = 0; i < 100; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int k = 0; k < length; k++) {
        text.append(CHARACTER_ALPHABET.charAt(random.nextInt(CHARACTER_ALPHABET.length())));
      }
      checkParsesOrFailsCleanly(text.toString());
    }
  }

  /** 20 batches of 100 grammar-like token sequences: 2000 cases. */
  @ParameterizedTest(name = "token batch {0}")
  @MethodSource("fuzzBatches")
  void grammarLikeTokenSequencesParseOrFailCleanly(int batch) {
    Random random = new Random(2_000 + batch);
    for (int i = 0; i < 100; i++) {
      checkParsesOrFailsCleanly(grammarLikeText(random));
    }
  }

  @Test
  void fuzzCorporaContainBothAcceptedAndRejectedTexts() {
    int accepted = 0;
    Random random = new Random(2_000);
    for (int i = 0; i < 1000; i++) {
      try {
        Expression.parse(grammarLikeText(random));
        accepted++;
      } catch (ExpressionParseException expected) {
        // counted as rejected
      }
    }
    // a fuzz corpus that is all-accepted or all-rejected would test only one branch
    assertTrue(accepted > 200 && accepted < 800, "accepted " + accepted + " of 1000");
  }

  /** Any in-domain value for every catalogued symbol: a small positive integer. */
  private static double symbolValue(String name) {
    return 1 + Math.floorMod(name.hashCode(), 5);
  }

  /**
   * The parser either fails with a column inside the text, and then the independent {@link
   * ReferenceEvaluator} rejects the text too, or it succeeds, and then the reference accepts the
   * text with the same value, and the expression round-trips through its plain form.
   */
  private static void checkParsesOrFailsCleanly(String text) {
    Expression parsed;
    try {
      parsed = Expression.parse(text);
    } catch (ExpressionParseException error) {
      assertTrue(
          error.column() >= 1 && error.column() <= text.length() + 1,
          "column " + error.column() + " outside '" + text + "'");
      assertThrows(
          ReferenceEvaluator.Rejected.class,
          () -> ReferenceEvaluator.evaluate(text, ExpressionParseErrorTest::symbolValue),
          "the reference accepts '" + text + "' but the parser said: " + error.getMessage());
      return;
    } catch (RuntimeException | Error other) {
      fail("'" + text + "' threw " + other, other);
      return;
    }
    Bindings bindings = Bindings.empty();
    for (String name : parsed.symbols()) {
      bindings = bindings.with(name, symbolValue(name));
    }
    double expected = ReferenceEvaluator.evaluate(text, ExpressionParseErrorTest::symbolValue);
    assertEquals(
        Double.doubleToLongBits(expected),
        Double.doubleToLongBits(parsed.evaluate(bindings)),
        () -> "'" + text + "' parsed as " + parsed.toPlain());
    assertEquals(parsed, Expression.parse(parsed.toPlain()), text);
  }
}
