package io.metabound.experiments.measure;

import io.metabound.experiments.measure.MeasureExpression.Binary;
import io.metabound.experiments.measure.MeasureExpression.Call;
import io.metabound.experiments.measure.MeasureExpression.Literal;
import io.metabound.experiments.measure.MeasureExpression.Negation;
import io.metabound.experiments.measure.MeasureExpression.Operator;
import io.metabound.experiments.measure.MeasureExpression.Symbol;
import java.util.ArrayList;
import java.util.List;

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

  /** Longest accepted number literal, in characters. */
  static final int MAX_NUMBER_LENGTH = 100;

  /** The one estimator name with a hyphen, read as a single identifier when written unspaced. */
  static final String HYPHENATED = "maml-prox";

  private enum Kind {
    NUMBER,
    IDENTIFIER,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    CARET,
    LEFT,
    RIGHT,
    COMMA,
    END
  }

  private record Token(Kind kind, String text, int column, double value) {
    String describe() {
      return switch (kind) {
        case END -> "end of input";
        case NUMBER -> "number " + text;
        case IDENTIFIER -> "identifier '" + text + "'";
        default -> "'" + text + "'";
      };
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
    if (parser.peek().kind() == Kind.END) {
      throw new MeasureParseException(parser.peek().column(), "empty measure");
    }
    MeasureExpression expression = parser.expression();
    Token end = parser.peek();
    if (end.kind() != Kind.END) {
      throw new MeasureParseException(
          end.column(), "expected an operator or end of input but found " + end.describe());
    }
    return expression;
  }

  // expression := term (('+' | '-') term)*
  private MeasureExpression expression() {
    MeasureExpression left = term();
    while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
      Token operator = next();
      MeasureExpression right = term();
      Operator op = operator.kind() == Kind.PLUS ? Operator.ADD : Operator.SUBTRACT;
      left = new Binary(op, left, right, operator.column());
    }
    return left;
  }

  // term := unary (('*' | '/') unary)*
  private MeasureExpression term() {
    MeasureExpression left = unary();
    while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH) {
      Token operator = next();
      if (operator.kind() == Kind.STAR && peek().kind() == Kind.STAR) {
        throw new MeasureParseException(
            operator.column(), "'**' is not an operator; write powers with '^'");
      }
      MeasureExpression right = unary();
      Operator op = operator.kind() == Kind.STAR ? Operator.MULTIPLY : Operator.DIVIDE;
      left = new Binary(op, left, right, operator.column());
    }
    return left;
  }

  // unary := '-' unary | power; "-<number>" not raised to a power is a negative literal
  private MeasureExpression unary() {
    Token token = peek();
    if (token.kind() != Kind.MINUS) {
      return power();
    }
    next();
    if (peek().kind() == Kind.NUMBER && peek(1).kind() != Kind.CARET) {
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
    if (peek().kind() != Kind.CARET) {
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
    switch (token.kind()) {
      case NUMBER:
        return new Literal(token.value(), token.column());
      case LEFT:
        {
          open(token);
          MeasureExpression inner = expression();
          expect(Kind.RIGHT, "expected ')'");
          nesting--;
          return inner;
        }
      case IDENTIFIER:
        if (peek().kind() != Kind.LEFT) {
          return new Symbol(token.text(), token.column());
        }
        return call(token);
      default:
        throw new MeasureParseException(
            token.column(), "expected an expression but found " + token.describe());
    }
  }

  private MeasureExpression call(Token name) {
    Token left = next();
    open(left);
    List<MeasureExpression> arguments = new ArrayList<>();
    if (peek().kind() != Kind.RIGHT) {
      arguments.add(expression());
      while (peek().kind() == Kind.COMMA) {
        next();
        arguments.add(expression());
      }
    }
    expect(Kind.RIGHT, "expected ',' or ')'");
    nesting--;
    return new Call(name.text(), arguments, name.column());
  }

  private void expect(Kind kind, String expected) {
    Token token = next();
    if (token.kind() != kind) {
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
        tokens.add(new Token(Kind.END, "", at + 1, Double.NaN));
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
        tokens.add(new Token(Kind.IDENTIFIER, name, start + 1, Double.NaN));
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '.') {
        at = number(text, start, tokens);
        continue;
      }
      Kind kind =
          switch (c) {
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '*' -> Kind.STAR;
            case '/' -> Kind.SLASH;
            case '^' -> Kind.CARET;
            case '(' -> Kind.LEFT;
            case ')' -> Kind.RIGHT;
            case ',' -> Kind.COMMA;
            default ->
                throw new MeasureParseException(
                    start + 1,
                    "unexpected character "
                        + (c >= 0x20 && c < 0x7f
                            ? "'" + c + "'"
                            : String.format("U+%04X", (int) c)));
          };
      tokens.add(new Token(kind, String.valueOf(c), start + 1, Double.NaN));
      at++;
    }
  }

  // number := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits], with digits on one side of '.'
  private static int number(String text, int start, List<Token> tokens) {
    int at = digits(text, start);
    int count = at - start;
    if (at < text.length() && text.charAt(at) == '.') {
      int fraction = at + 1;
      at = digits(text, fraction);
      count += at - fraction;
    }
    if (count == 0) {
      throw new MeasureParseException(
          start + 1, "malformed number '" + text.substring(start, at) + "': no digits");
    }
    if (at < text.length() && text.charAt(at) == '.') {
      throw new MeasureParseException(at + 1, "malformed number: a second decimal point");
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      at++;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        at++;
      }
      int exponent = at;
      at = digits(text, exponent);
      if (at == exponent) {
        throw new MeasureParseException(
            start + 1,
            "malformed number '" + text.substring(start, at) + "': the exponent has no digits");
      }
    }
    String literal = text.substring(start, at);
    if (literal.length() > MAX_NUMBER_LENGTH) {
      throw new MeasureParseException(
          start + 1, "number literal longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    double value = Double.parseDouble(literal);
    if (Double.isInfinite(value)) {
      throw new MeasureParseException(
          start + 1, "number " + literal + " is too large for a double");
    }
    tokens.add(new Token(Kind.NUMBER, literal, start + 1, value));
    return at;
  }

  private static int digits(String text, int at) {
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isIdentifierPart(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }
}
