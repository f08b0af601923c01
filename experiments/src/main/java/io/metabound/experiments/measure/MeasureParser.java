package io.metabound.experiments.measure;

import io.metabound.bounds.expr.Constant;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.ExpressionParseException;
import io.metabound.experiments.measure.MeasureExpression.Binary;
import io.metabound.experiments.measure.MeasureExpression.Call;
import io.metabound.experiments.measure.MeasureExpression.Literal;
import io.metabound.experiments.measure.MeasureExpression.Negation;
import io.metabound.experiments.measure.MeasureExpression.Operator;
import io.metabound.experiments.measure.MeasureExpression.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser of the measure syntax (grammar in {@link MeasureExpression}). It checks
 * syntax only: which functions and symbols exist and whether types fit is {@link
 * MeasureValidator}'s job, so that all such problems can be reported at once. The first syntax
 * problem from the left is a {@link MeasureParseException} with its column; nothing else is ever
 * thrown. Nesting deeper than {@link #MAX_NESTING} levels is refused, which keeps the recursion
 * (here and in the printer, validator and evaluator) far from the thread's stack limit.
 */
public final class MeasureParser {

  /** The most parentheses, calls, minus signs and powers open at one point of the text. */
  public static final int MAX_NESTING = 200;

  /** The one estimator name with a hyphen, read as a single identifier when written unspaced. */
  static final String HYPHENATED = "maml-prox";

  /** The single characters that are tokens of their own. */
  private static final String PUNCTUATION = "+-*/^(),";

  /** A number, an identifier, one of {@link #PUNCTUATION}, or the end of the text. */
  private record Token(String text, int column, double value, boolean identifier) {

    static Token end(int column) {
      return new Token("", column, Double.NaN, false);
    }

    boolean isEnd() {
      return text.isEmpty();
    }

    boolean isNumber() {
      return !Double.isNaN(value);
    }

    /** True for the punctuation character {@code c}. */
    boolean is(char c) {
      return !identifier && !isNumber() && text.length() == 1 && text.charAt(0) == c;
    }

    String describe() {
      if (isEnd()) {
        return "end of input";
      }
      return isNumber()
          ? "number " + text
          : identifier ? "identifier '" + text + "'" : "'" + text + "'";
    }
  }

  private final List<Token> tokens;
  private int position;
  private int nesting;

  private MeasureParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Parses measure text.
   *
   * @throws MeasureParseException with the column of the first problem
   */
  public static MeasureExpression parse(String text) {
    if (text == null) {
      throw new MeasureParseException(1, "no measure text (null)");
    }
    MeasureParser parser = new MeasureParser(scan(text));
    if (parser.peek().isEnd()) {
      throw new MeasureParseException(parser.peek().column(), "empty measure");
    }
    MeasureExpression expression = parser.expression();
    Token end = parser.peek();
    if (!end.isEnd()) {
      throw new MeasureParseException(
          end.column(), "expected an operator or end of input but found " + end.describe());
    }
    return expression;
  }

  // expression := term (('+' | '-') term)*
  private MeasureExpression expression() {
    return leftAssociative('+', Operator.ADD, '-', Operator.SUBTRACT);
  }

  // term := unary (('*' | '/') unary)*
  private MeasureExpression term() {
    return leftAssociative('*', Operator.MULTIPLY, '/', Operator.DIVIDE);
  }

  /** One left-associative level: operands of the next level joined by its two operators. */
  private MeasureExpression leftAssociative(
      char first, Operator firstOperator, char second, Operator secondOperator) {
    boolean additive = first == '+';
    MeasureExpression left = additive ? term() : unary();
    while (peek().is(first) || peek().is(second)) {
      Token operator = next();
      if (operator.is('*') && peek().is('*')) {
        throw new MeasureParseException(
            operator.column(), "'**' is not an operator; write powers with '^'");
      }
      MeasureExpression right = additive ? term() : unary();
      Operator op = operator.is(first) ? firstOperator : secondOperator;
      left = new Binary(op, left, right, operator.column());
    }
    return left;
  }

  // unary := '-' unary | power; "-<number>" not raised to a power is a negative literal
  private MeasureExpression unary() {
    Token token = peek();
    if (!token.is('-')) {
      return power();
    }
    next();
    if (peek().isNumber() && !peek(1).is('^')) {
      return new Literal(-next().value(), token.column());
    }
    open(token);
    MeasureExpression operand = unary();
    nesting--;
    return new Negation(operand, token.column());
  }

  // power := primary ('^' unary)?
  private MeasureExpression power() {
    MeasureExpression base = primary();
    if (!peek().is('^')) {
      return base;
    }
    Token caret = next();
    open(caret);
    MeasureExpression exponent = unary();
    nesting--;
    return new Binary(Operator.POWER, base, exponent, caret.column());
  }

  private MeasureExpression primary() {
    Token token = next();
    if (token.isNumber()) {
      return new Literal(token.value(), token.column());
    }
    if (token.is('(')) {
      open(token);
      MeasureExpression inner = expression();
      expect(')', "expected ')'");
      nesting--;
      return inner;
    }
    if (token.identifier()) {
      return peek().is('(') ? call(token) : new Symbol(token.text(), token.column());
    }
    throw new MeasureParseException(
        token.column(), "expected an expression but found " + token.describe());
  }

  private MeasureExpression call(Token name) {
    Token left = next();
    open(left);
    List<MeasureExpression> arguments = new ArrayList<>();
    if (!peek().is(')')) {
      arguments.add(expression());
      while (peek().is(',')) {
        next();
        arguments.add(expression());
      }
    }
    expect(')', "expected ',' or ')'");
    nesting--;
    return new Call(name.text(), arguments, name.column());
  }

  private void expect(char punctuation, String expected) {
    Token token = next();
    if (!token.is(punctuation)) {
      throw new MeasureParseException(token.column(), expected + " but found " + token.describe());
    }
  }

  private void open(Token at) {
    if (++nesting > MAX_NESTING) {
      throw new MeasureParseException(
          at.column(),
          "measure nested more than "
              + MAX_NESTING
              + " levels deep (parentheses, calls, minus signs and powers)");
    }
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token peek(int offset) {
    return tokens.get(Math.min(position + offset, tokens.size() - 1));
  }

  private Token next() {
    Token token = tokens.get(position);
    if (position < tokens.size() - 1) {
      position++;
    }
    return token;
  }

  // ---------------------------------------------------------------- lexer

  private static List<Token> scan(String text) {
    List<Token> tokens = new ArrayList<>();
    int at = 0;
    while (true) {
      while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (at >= text.length()) {
        tokens.add(Token.end(at + 1));
        return tokens;
      }
      char c = text.charAt(at);
      int start = at;
      if (isLetter(c)) {
        at++;
        while (at < text.length() && isIdentifierPart(text.charAt(at))) {
          at++;
        }
        String name = text.substring(start, at);
        // maml-prox: the hyphenated estimator name, when nothing but letters follow "-prox"
        if (HYPHENATED.startsWith(name + "-")) {
          String rest = HYPHENATED.substring(name.length());
          int end = at + rest.length();
          if (text.startsWith(rest, at)
              && (end >= text.length() || !isIdentifierPart(text.charAt(end)))) {
            at = end;
            name = HYPHENATED;
          }
        }
        tokens.add(new Token(name, start + 1, Double.NaN, true));
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '.') {
        at = number(text, start, tokens);
        continue;
      }
      if (PUNCTUATION.indexOf(c) < 0) {
        throw new MeasureParseException(
            start + 1,
            "unexpected character "
                + (c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c)));
      }
      tokens.add(new Token(String.valueOf(c), start + 1, Double.NaN, false));
      at++;
    }
  }

  /**
   * {@code number := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]}, with digits on at least
   * one side of the point: the longest match at {@code start}, then what follows it is checked for
   * the two common slips (a second point, an exponent without digits).
   */
  private static final Pattern NUMBER =
      Pattern.compile("(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private static final Pattern DANGLING_EXPONENT = Pattern.compile("[eE][+-]?(?![0-9])");

  private static int number(String text, int start, List<Token> tokens) {
    Matcher matcher = NUMBER.matcher(text).region(start, text.length());
    if (!matcher.lookingAt()) {
      throw new MeasureParseException(start + 1, "malformed number '.': no digits");
    }
    int end = matcher.end();
    Matcher exponent = DANGLING_EXPONENT.matcher(text).region(end, text.length());
    if (exponent.lookingAt()) {
      throw new MeasureParseException(
          start + 1,
          "malformed number '"
              + text.substring(start, exponent.end())
              + "': the exponent has no digits");
    }
    if (end < text.length() && text.charAt(end) == '.') {
      throw new MeasureParseException(end + 1, "malformed number: a second decimal point");
    }
    String literal = matcher.group();
    double value;
    try {
      // the bounds language's reading of a literal: its length cap and its overflow check
      value = ((Constant) Expression.parse(literal)).value();
    } catch (ExpressionParseException e) {
      throw new MeasureParseException(start + e.column(), e.problem());
    }
    tokens.add(new Token(literal, start + 1, value, false));
    return end;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isIdentifierPart(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }
}
