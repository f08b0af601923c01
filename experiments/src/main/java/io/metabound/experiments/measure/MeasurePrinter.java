package io.metabound.experiments.measure;

import io.metabound.experiments.measure.MeasureExpression.Binary;
import io.metabound.experiments.measure.MeasureExpression.Call;
import io.metabound.experiments.measure.MeasureExpression.Literal;
import io.metabound.experiments.measure.MeasureExpression.Negation;
import io.metabound.experiments.measure.MeasureExpression.Operator;
import io.metabound.experiments.measure.MeasureExpression.Symbol;
import java.util.stream.Collectors;

/**
 * Prints the plain syntax with as few parentheses as round-tripping allows, plus parentheses around
 * a right operand or exponent that would start with a minus sign ({@code x + (-y)}, {@code
 * 2^(-1)}), as the bounds language's printer does.
 */
final class MeasurePrinter {

  private static final int ADDITIVE = 1;
  private static final int MULTIPLICATIVE = 2;
  private static final int UNARY = 3;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  private MeasurePrinter() {}

  static String print(MeasureExpression expression) {
    if (expression instanceof Literal literal) {
      return number(literal.value());
    }
    if (expression instanceof Symbol symbol) {
      return symbol.name();
    }
    if (expression instanceof Negation negation) {
      String text = print(negation.operand());
      // a bare number after '-' would read back as a negative literal, hence "-(2)"
      boolean wrap =
          precedence(negation.operand()) < POWER
              || negation.operand() instanceof Literal
              || text.startsWith("-");
      return "-" + wrap(text, wrap);
    }
    if (expression instanceof Binary binary) {
      String left = print(binary.left());
      String right = print(binary.right());
      if (binary.operator() == Operator.POWER) {
        // the base must be an atom; the exponent may be another power (right-associative)
        return wrap(left, precedence(binary.left()) < ATOM)
            + "^"
            + wrap(right, precedence(binary.right()) < POWER || right.startsWith("-"));
      }
      int own = precedence(binary);
      return wrap(left, precedence(binary.left()) < own)
          + " "
          + binary.operator().symbol()
          + " "
          + wrap(right, precedence(binary.right()) <= own || right.startsWith("-"));
    }
    Call call = (Call) expression;
    return call.function()
        + call.arguments().stream()
            .map(MeasurePrinter::print)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static int precedence(MeasureExpression expression) {
    if (expression instanceof Binary binary) {
      return switch (binary.operator()) {
        case ADD, SUBTRACT -> ADDITIVE;
        case MULTIPLY, DIVIDE -> MULTIPLICATIVE;
        case POWER -> POWER;
      };
    }
    if (expression instanceof Negation) {
      return UNARY;
    }
    if (expression instanceof Literal literal && Double.compare(literal.value(), 0.0) < 0) {
      return UNARY;
    }
    return ATOM;
  }

  /** Integers without ".0"; otherwise the shortest round-tripping form, "1.0E-5" as "1e-5". */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      String sign = Double.compare(value, 0.0) < 0 && value == 0 ? "-" : "";
      return sign + (long) value;
    }
    String text = Double.toString(value).replace(".0E", "E");
    return text.replace('E', 'e');
  }

  private static String wrap(String text, boolean parenthesise) {
    return parenthesise ? "(" + text + ")" : text;
  }
}
