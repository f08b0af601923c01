package io.metabound.bounds.expr;

import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent test oracle: a textbook recursive-descent evaluator working directly on the text,
 * following the grammar in the {@link Expression} javadoc, with no tree and no shared code. The
 * production parser (shunting-yard) must accept exactly the strings this accepts (for short inputs,
 * far from the nesting caps) and its trees must evaluate to the same doubles.
 */
final class ReferenceEvaluator {

  private static final Pattern NUMBER = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Set<String> FUNCTIONS =
      Set.of("sqrt", "exp", "log", "abs", "ceil", "floor", "min", "max");

  /** Thrown for any malformed input; the oracle only says "rejected", not where. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }

  private final String text;
  private final ToDoubleFunction<String> symbolValue;
  private int position;

  private ReferenceEvaluator(String text, ToDoubleFunction<String> symbolValue) {
    this.text = text;
    this.symbolValue = symbolValue;
  }

  static double evaluate(String text, ToDoubleFunction<String> symbolValue) {
    ReferenceEvaluator evaluator = new ReferenceEvaluator(text, symbolValue);
    double value = evaluator.expression();
    evaluator.skipSpaces();
    if (evaluator.position != text.length()) {
      throw new Rejected("trailing text at " + evaluator.position);
    }
    return value;
  }

  private double expression() {
    double value = term();
    while (true) {
      if (accept('+')) {
        value = value + term();
      } else if (accept('-')) {
        value = value - term();
      } else {
        return value;
      }
    }
  }

  private double term() {
    double value = unary();
    while (true) {
      skipSpaces();
      if (text.startsWith("**", position)) {
        throw new Rejected("**");
      }
      if (accept('*')) {
        value = value * unary();
      } else if (accept('/')) {
        value = value / unary();
      } else {
        return value;
      }
    }
  }

  private double unary() {
    if (accept('-')) {
      return -unary();
    }
    double base = primary();
    if (accept('^')) {
      return Math.pow(base, unary());
    }
    return base;
  }

  private double primary() {
    skipSpaces();
    if (accept('(')) {
      double value = expression();
      require(')');
      return value;
    }
    Matcher number = NUMBER.matcher(text).region(position, text.length());
    if (number.lookingAt()) {
      position = number.end();
      double value = Double.parseDouble(number.group());
      if (Double.isInfinite(value)) {
        throw new Rejected("literal overflows");
      }
      return value;
    }
    Matcher identifier = IDENTIFIER.matcher(text).region(position, text.length());
    if (!identifier.lookingAt()) {
      throw new Rejected("no operand at " + position);
    }
    String name = identifier.group();
    position = identifier.end();
    if (!FUNCTIONS.contains(name)) {
      skipSpaces();
      if (position < text.length() && text.charAt(position) == '(') {
        throw new Rejected("unknown function " + name);
      }
      return symbolValue.applyAsDouble(name);
    }
    require('(');
    double value = expression();
    switch (name) {
      case "min":
      case "max":
        {
          require(',');
          double other = expression();
          value = name.equals("min") ? Math.min(value, other) : Math.max(value, other);
          while (accept(',')) {
            other = expression();
            value = name.equals("min") ? Math.min(value, other) : Math.max(value, other);
          }
          break;
        }
      case "sqrt":
        value = Math.sqrt(value);
        break;
      case "exp":
        value = Math.exp(value);
        break;
      case "log":
        value = Math.log(value);
        break;
      case "abs":
        value = Math.abs(value);
        break;
      case "ceil":
        value = Math.ceil(value);
        break;
      default:
        value = Math.floor(value);
        break;
    }
    require(')');
    return value;
  }

  private boolean accept(char expected) {
    skipSpaces();
    if (position < text.length() && text.charAt(position) == expected) {
      position++;
      return true;
    }
    return false;
  }

  private void require(char expected) {
    if (!accept(expected)) {
      throw new Rejected("expected " + expected + " at " + position);
    }
  }

  private void skipSpaces() {
    while (position < text.length() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
  }
}
