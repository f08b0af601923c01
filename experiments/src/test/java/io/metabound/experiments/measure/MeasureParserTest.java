package io.metabound.experiments.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.measure.MeasureExpression.Binary;
import io.metabound.experiments.measure.MeasureExpression.Call;
import io.metabound.experiments.measure.MeasureExpression.Literal;
import io.metabound.experiments.measure.MeasureExpression.Negation;
import io.metabound.experiments.measure.MeasureExpression.Operator;
import io.metabound.experiments.measure.MeasureExpression.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, printing and the columns of syntax errors. */
class MeasureParserTest {

  private static MeasureExpression parse(String text) {
    return MeasureParser.parse(text);
  }

  private static Symbol s(String name) {
    return new Symbol(name);
  }

  private static Literal n(double value) {
    return new Literal(value);
  }

  private static Binary b(Operator op, MeasureExpression left, MeasureExpression right) {
    return new Binary(op, left, right);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "eigmin(meta_hessian(maml))",
        "dist(stationary_point(maml), stationary_point(fomaml))",
        "norm(meta_gradient(reptile, w) - N*alpha*task_hessian(1)*(w - task_optimum(1)))",
        "spectral_radius(identity - beta*meta_hessian(maml))",
        "argmin(meta_objective(maml, origin), alpha, -1, 1)",
        "eigmin(meta_hessian(maml-prox))",
        "-x^2",
        "(-x)^2",
        "2^-1",
        "2^3^2",
        "a - (b - c)",
        "a / (b * c)",
        "-(2)",
        "-(-2)",
        "x * -3",
        "x + -y",
        "(-2)^2",
        "-2^2",
        "1e-5 * 3.25e20 + 0.1",
        "max(L, abs(mu)*(1 + alpha*abs(mu))^2)",
        "task_hessian(1)^-1"
      })
  void printedFormParsesBackToAnEqualTree(String text) {
    MeasureExpression e = parse(text);
    assertEquals(e, parse(e.toPlain()), e.toPlain());
    assertEquals(e.toPlain(), parse(e.toPlain()).toPlain());
  }

  @Test
  void precedenceAndAssociativity() {
    assertEquals(b(Operator.ADD, s("a"), b(Operator.MULTIPLY, s("b"), s("c"))), parse("a + b*c"));
    assertEquals(
        b(Operator.SUBTRACT, b(Operator.SUBTRACT, s("a"), s("b")), s("c")), parse("a - b - c"));
    assertEquals(
        b(Operator.DIVIDE, b(Operator.DIVIDE, s("a"), s("b")), s("c")), parse("a / b / c"));
    assertEquals(b(Operator.POWER, n(2), b(Operator.POWER, n(3), n(2))), parse("2^3^2"));
    // unary minus binds below ^: -x^2 = -(x^2)
    assertEquals(new Negation(b(Operator.POWER, s("x"), n(2))), parse("-x^2"));
    assertEquals(new Negation(b(Operator.POWER, n(2), n(2))), parse("-2^2"));
    // a minus directly before an unraised number is part of the literal
    assertEquals(n(-2), parse("-2"));
    assertEquals(new Negation(n(2)), parse("-(2)"));
    assertEquals(b(Operator.POWER, n(2), n(-1)), parse("2^-1"));
    assertEquals(b(Operator.MULTIPLY, new Negation(s("a")), s("b")), parse("-a * b"));
    assertEquals(new Call("f", List.of(s("x"), b(Operator.ADD, n(1), n(2)))), parse("f(x, 1 + 2)"));
    assertEquals(new Call("identity_like", List.of()), parse("identity_like()"));
  }

  @Test
  void mamlProxIsOneIdentifierOnlyWhenUnspaced() {
    assertEquals(new Call("eigmin", List.of(s("maml-prox"))), parse("eigmin(maml-prox)"));
    assertEquals(b(Operator.SUBTRACT, s("maml"), s("prox")), parse("maml - prox"));
    assertEquals(b(Operator.SUBTRACT, s("maml"), s("proxy")), parse("maml-proxy"));
    assertEquals(b(Operator.SUBTRACT, s("maml-prox"), n(1)), parse("maml-prox-1"));
  }

  @Test
  void columnsArePartOfTheNodesButNotOfEquality() {
    MeasureExpression e = parse("  eigmin(meta_hessian(maml))");
    assertEquals(3, e.column());
    assertEquals(10, ((Call) e).arguments().get(0).column());
    assertEquals(23, ((Call) ((Call) e).arguments().get(0)).arguments().get(0).column());
    assertEquals(e, new Call("eigmin", List.of(new Call("meta_hessian", List.of(s("maml"))))));
    assertEquals(3, parse("a + b").column());
  }

  @ParameterizedTest(name = "''{0}'' -> column {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|1|empty measure",
        "1 +|4|expected an expression but found end of input",
        "(1|3|expected ')' but found end of input",
        "f(1,)|5|expected an expression but found ')'",
        "f(1|4|expected ',' or ')' but found end of input",
        "1 2|3|expected an operator or end of input but found number 2",
        "a # b|3|unexpected character '#'",
        "2**3|2|'**' is not an operator",
        "1.2.3|4|a second decimal point",
        "1e+|1|the exponent has no digits",
        ".|1|no digits",
        "1e999|1|too large for a double",
        "f(a)(b)|5|expected an operator or end of input but found '('",
        ")|1|expected an expression but found ')'",
        "a ^|4|expected an expression but found end of input"
      })
  void syntaxErrorsCarryTheirColumn(String text, int column, String message) {
    MeasureParseException e = assertThrows(MeasureParseException.class, () -> parse(text));
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.problem().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith("column " + column + ": "));
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "(".repeat(MeasureParser.MAX_NESTING + 1) + "1" + ")".repeat(201);
    MeasureParseException e = assertThrows(MeasureParseException.class, () -> parse(deep));
    assertEquals(MeasureParser.MAX_NESTING + 1, e.column());
    String fine = "(".repeat(MeasureParser.MAX_NESTING) + "1" + ")".repeat(200);
    assertEquals(n(1), parse(fine));
    assertThrows(MeasureParseException.class, () -> parse(null));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  /** Random trees, printed and parsed back: the printer's parentheses are always enough. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomTreesRoundTrip(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < 20; k++) {
      MeasureExpression e = randomTree(random, 5);
      assertEquals(e, parse(e.toPlain()), e.toPlain());
    }
  }

  private static MeasureExpression randomTree(SplittableRandom random, int depth) {
    int choice = depth == 0 ? random.nextInt(2) : random.nextInt(6);
    switch (choice) {
      case 0:
        {
          double[] values = {0, 1, 2.5, -3, 1e-7, -0.25, 1e20, -0.0};
          return n(values[random.nextInt(values.length)]);
        }
      case 1:
        return s(new String[] {"alpha", "L", "w", "maml-prox", "N"}[random.nextInt(5)]);
      case 2:
        return new Negation(randomTree(random, depth - 1));
      case 3:
      case 4:
        {
          Operator op = Operator.values()[random.nextInt(Operator.values().length)];
          return b(op, randomTree(random, depth - 1), randomTree(random, depth - 1));
        }
      default:
        {
          List<MeasureExpression> arguments = new ArrayList<>();
          int count = random.nextInt(4);
          for (int i = 0; i < count; i++) {
            arguments.add(randomTree(random, depth - 1));
          }
          return new Call(new String[] {"f", "eigmin", "dist"}[random.nextInt(3)], arguments);
        }
    }
  }
}
