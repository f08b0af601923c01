package io.metabound.bounds.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser for the plain syntax documented in {@link Expression}: operator precedence by the
 * shunting-yard method, with explicit stacks instead of recursion, so that no input can overflow
 * the thread's stack. Tokens are read lazily, so the first problem from the left is the one
 * reported. Every failure is an {@link ExpressionParseException}. Two caps keep the expressions the
 * parser builds safe for the (recursive) evaluation and printing code: the tree height is at most
 * {@link #MAX_DEPTH}, and at most {@link #MAX_NESTING} parentheses, calls, minus signs and powers
 * may be open at once (the printed form of a tree of height h opens at most 2h).
 */
final class ExpressionParser {

  /** The largest tree height (a lone number or symbol has height 1) the parser builds. */
  static final int MAX_DEPTH = 500;

  /** The most parentheses, calls, unary minus signs and powers open at one point of the text. */
  static final int MAX_NESTING = 2 * MAX_DEPTH;

  /** Longest accepted number literal, in characters. */
  static final int MAX_NUMBER_LENGTH = 100;

  private enum Kind {
    NUMBER,
    IDENTIFIER,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    CARET,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
  }

  private record Token(Kind kind, String text, int column, double value) {
    String describe() {
      switch (kind) {
        case END:
          return "end of input";
        case NUMBER:
          return "number " + text;
        case IDENTIFIER:
          return "identifier '" + text + "'";
        default:
          return "'" + text + "'";
      }
    }
  }

  /** An expression with its tree height, so the height cap needs no second pass. */
  private record Node(Expression expression, int height) {}

  /** Entries of the operator stack; parentheses and calls are barriers (precedence 0). */
  private enum Pending {
    ADD(Precedence.ADDITIVE),
    SUBTRACT(Precedence.ADDITIVE),
    MULTIPLY(Precedence.MULTIPLICATIVE),
    DIVIDE(Precedence.MULTIPLICATIVE),
    NEGATE(Precedence.UNARY),
    POWER(Precedence.POWER),
    PAREN(0),
    CALL(0);

    final int precedence;

    Pending(int precedence) {
      this.precedence = precedence;
    }

    boolean isBarrier() {
      return precedence == 0;
    }

    boolean countsAsNesting() {
      return this != ADD && this != SUBTRACT && this != MULTIPLY && this != DIVIDE;
    }
  }

  /** One open operator with the token it came from and, for calls, the arguments so far. */
  private static final class Open {
    final Pending pending;
    final Token token;
    int argumentCount;

    Open(Pending pending, Token token) {
      this.pending = pending;
      this.token = token;
    }
  }

  private final String text;
  private final List<Token> lookahead = new ArrayList<>();
  private final ArrayDeque<Node> operands = new ArrayDeque<>();
  private final ArrayDeque<Open> operators = new ArrayDeque<>();
  private int scanPosition;
  private int nesting;

  private ExpressionParser(String text) {
    this.text = text;
  }

  static Expression parse(String text) {
    if (text == null) {
      throw new ExpressionParseException(1, "no expression text (null)");
    }
    return new ExpressionParser(text).parseAll();
  }

  private Expression parseAll() {
    boolean expectOperand = true;
    while (true) {
      expectOperand = expectOperand ? readOperand() : readOperator();
      if (!expectOperand && peek(0).kind() == Kind.END) {
        reduceToBarrier();
        if (!operators.isEmpty()) {
          Token end = peek(0);
          throw error(end, expectedInside(operators.peek()) + " but found end of input");
        }
        return operands.pop().expression();
      }
    }
  }

  /**
   * Reads what may start an operand: a number, a symbol, a call, '(' or a unary minus.
   *
   * @return whether an operand is still expected next
   */
  private boolean readOperand() {
    Token token = next();
    switch (token.kind()) {
      case NUMBER:
        operands.push(new Node(new Constant(token.value()), 1));
        return false;
      case MINUS:
        // "-<number>" not raised to a power is a negative literal: -2 is Constant(-2)
        if (peek(0).kind() == Kind.NUMBER && peek(1).kind() != Kind.CARET) {
          operands.push(new Node(new Constant(-next().value()), 1));
          return false;
        }
        open(Pending.NEGATE, token);
        return true;
      case LEFT_PAREN:
        open(Pending.PAREN, token);
        return true;
      case IDENTIFIER:
        return readIdentifier(token);
      default:
        throw error(token, "expected an expression but found " + token.describe());
    }
  }

  private boolean readIdentifier(Token name) {
    String identifier = name.text();
    if (peek(0).kind() != Kind.LEFT_PAREN) {
      if (Identifiers.isReserved(identifier)) {
        Token found = peek(0);
        throw error(
            found,
            "expected '(' after function name '" + identifier + "' but found " + found.describe());
      }
      operands.push(new Node(new SymbolRef(identifier), 1));
      return false;
    }
    if (!Identifiers.isReserved(identifier)) {
      throw error(
          name,
          "unknown function '"
              + identifier
              + "' (known: sqrt, exp, log, abs, ceil, floor, min, max)");
    }
    open(Pending.CALL, name).argumentCount = 1;
    next(); // '('
    if (peek(0).kind() == Kind.RIGHT_PAREN) {
      throw error(peek(0), arityProblem(identifier, 0));
    }
    return true;
  }

  /**
   * Reads what may follow an operand: a binary operator, '^', ',' or ')'.
   *
   * @return whether an operand is expected next
   */
  private boolean readOperator() {
    Token token = next();
    switch (token.kind()) {
      case PLUS:
        return binary(Pending.ADD, token);
      case MINUS:
        return binary(Pending.SUBTRACT, token);
      case STAR:
        if (peek(0).kind() == Kind.STAR) {
          throw error(token, "'**' is not an operator; write powers with '^'");
        }
        return binary(Pending.MULTIPLY, token);
      case SLASH:
        return binary(Pending.DIVIDE, token);
      case CARET:
        // right-associative and above unary minus: nothing is reduced before a power
        open(Pending.POWER, token);
        return true;
      case COMMA:
        return comma(token);
      case RIGHT_PAREN:
        return closeParenthesis(token);
      default:
        {
          Open innermost = innermostBarrier();
          String expected =
              innermost == null
                  ? "expected an operator or end of input"
                  : expectedInside(innermost);
          throw error(token, expected + " but found " + token.describe());
        }
    }
  }

  private boolean binary(Pending operator, Token token) {
    // left-associative: first apply every pending operator that binds at least as tightly
    while (!operators.isEmpty()
        && !operators.peek().pending.isBarrier()
        && operators.peek().pending.precedence >= operator.precedence) {
      apply(operators.pop());
    }
    open(operator, token);
    return true;
  }

  private boolean comma(Token token) {
    reduceToBarrier();
    Open barrier = operators.peek();
    if (barrier == null) {
      throw error(token, "expected an operator or end of input but found ','");
    }
    if (barrier.pending == Pending.PAREN) {
      throw error(token, "expected ')' but found ','");
    }
    String name = barrier.token.text();
    if (!isVariadic(name)) {
      throw error(peek(0), arityProblem(name, barrier.argumentCount + 1));
    }
    barrier.argumentCount++;
    return true;
  }

  private boolean closeParenthesis(Token token) {
    reduceToBarrier();
    Open barrier = operators.peek();
    if (barrier == null) {
      throw error(token, "expected an operator or end of input but found ')'");
    }
    operators.pop();
    nesting--;
    if (barrier.pending == Pending.PAREN) {
      return false; // the parenthesised operand stays on the operand stack as it is
    }
    String name = barrier.token.text();
    if (isVariadic(name) && barrier.argumentCount < 2) {
      throw error(token, arityProblem(name, barrier.argumentCount));
    }
    Expression[] arguments = new Expression[barrier.argumentCount];
    int height = 0;
    for (int i = arguments.length - 1; i >= 0; i--) {
      Node argument = operands.pop();
      arguments[i] = argument.expression();
      height = Math.max(height, argument.height());
    }
    Expression call;
    if (name.equals("min")) {
      call = new Minimum(List.of(arguments));
    } else if (name.equals("max")) {
      call = new Maximum(List.of(arguments));
    } else {
      call = new Function(FunctionKind.byFunctionName(name).orElseThrow(), arguments[0]);
    }
    operands.push(checkedHeight(call, height + 1, barrier.token));
    return false;
  }

  private static boolean isVariadic(String functionName) {
    return functionName.equals("min") || functionName.equals("max");
  }

  private static String arityProblem(String functionName, int count) {
    if (isVariadic(functionName)) {
      return VariadicArguments.tooFew(functionName, count);
    }
    return functionName + " takes exactly 1 argument, got " + (count == 0 ? "0" : "more");
  }

  private static String expectedInside(Open barrier) {
    return barrier.pending == Pending.PAREN ? "expected ')'" : "expected ',' or ')'";
  }

  private Open innermostBarrier() {
    for (Open open : operators) {
      if (open.pending.isBarrier()) {
        return open;
      }
    }
    return null;
  }

  private void reduceToBarrier() {
    while (!operators.isEmpty() && !operators.peek().pending.isBarrier()) {
      apply(operators.pop());
    }
  }

  private Open open(Pending pending, Token token) {
    if (pending.countsAsNesting() && ++nesting > MAX_NESTING) {
      throw error(
          token,
          "expression nested more than "
              + MAX_NESTING
              + " levels deep (parentheses, calls, minus signs and powers)");
    }
    Open open = new Open(pending, token);
    operators.push(open);
    return open;
  }

  private void apply(Open operator) {
    if (operator.pending == Pending.NEGATE) {
      nesting--;
      Node operand = operands.pop();
      operands.push(
          checkedHeight(new Negation(operand.expression()), operand.height() + 1, operator.token));
      return;
    }
    Node right = operands.pop();
    Node left = operands.pop();
    Expression l = left.expression();
    Expression r = right.expression();
    Expression combined;
    switch (operator.pending) {
      case ADD:
        combined = new Sum(l, r);
        break;
      case SUBTRACT:
        combined = new Difference(l, r);
        break;
      case MULTIPLY:
        combined = new Product(l, r);
        break;
      case DIVIDE:
        combined = new Quotient(l, r);
        break;
      case POWER:
        nesting--;
        combined = new Power(l, r);
        break;
      default:
        throw new AssertionError(operator.pending);
    }
    operands.push(
        checkedHeight(combined, Math.max(left.height(), right.height()) + 1, operator.token));
  }

  private static Node checkedHeight(Expression expression, int height, Token at) {
    if (height > MAX_DEPTH) {
      throw error(at, "expression tree deeper than " + MAX_DEPTH + " levels");
    }
    return new Node(expression, height);
  }

  private static ExpressionParseException error(Token at, String problem) {
    return new ExpressionParseException(at.column(), problem);
  }

  // ---------------------------------------------------------------- lexer

  private Token peek(int offset) {
    while (lookahead.size() <= offset) {
      lookahead.add(scan());
    }
    return lookahead.get(offset);
  }

  private Token next() {
    Token token = peek(0);
    lookahead.remove(0);
    return token;
  }

  private Token scan() {
    while (scanPosition < text.length() && isWhitespace(text.charAt(scanPosition))) {
      scanPosition++;
    }
    int start = scanPosition;
    if (start >= text.length()) {
      return new Token(Kind.END, "", start + 1, Double.NaN);
    }
    char c = text.charAt(start);
    if (Identifiers.isIdentifierStart(c)) {
      int end = start + 1;
      while (end < text.length() && Identifiers.isIdentifierPart(text.charAt(end))) {
        end++;
      }
      scanPosition = end;
      return new Token(Kind.IDENTIFIER, text.substring(start, end), start + 1, Double.NaN);
    }
    if (isDigit(c) || c == '.') {
      return scanNumber(start);
    }
    Kind kind;
    switch (c) {
      case '+':
        kind = Kind.PLUS;
        break;
      case '-':
        kind = Kind.MINUS;
        break;
      case '*':
        kind = Kind.STAR;
        break;
      case '/':
        kind = Kind.SLASH;
        break;
      case '^':
        kind = Kind.CARET;
        break;
      case '(':
        kind = Kind.LEFT_PAREN;
        break;
      case ')':
        kind = Kind.RIGHT_PAREN;
        break;
      case ',':
        kind = Kind.COMMA;
        break;
      default:
        throw new ExpressionParseException(
            start + 1, "unexpected character " + describeCharacter(c));
    }
    scanPosition = start + 1;
    return new Token(kind, String.valueOf(c), start + 1, Double.NaN);
  }

  // number := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits], with digits on one side of '.'
  private Token scanNumber(int start) {
    int position = skipDigits(start);
    int digits = position - start;
    if (position < text.length() && text.charAt(position) == '.') {
      int fractionStart = position + 1;
      position = skipDigits(fractionStart);
      digits += position - fractionStart;
    }
    if (digits == 0) {
      throw new ExpressionParseException(
          start + 1, "malformed number '" + text.substring(start, position) + "': no digits");
    }
    if (position < text.length() && text.charAt(position) == '.') {
      throw new ExpressionParseException(position + 1, "malformed number: a second decimal point");
    }
    if (position < text.length()
        && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
      position++;
      if (position < text.length()
          && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
        position++;
      }
      int exponentStart = position;
      position = skipDigits(exponentStart);
      if (position == exponentStart) {
        throw new ExpressionParseException(
            start + 1,
            "malformed number '"
                + text.substring(start, position)
                + "': the exponent has no digits");
      }
    }
    String literal = text.substring(start, position);
    if (literal.length() > MAX_NUMBER_LENGTH) {
      throw new ExpressionParseException(
          start + 1, "number literal longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    double value = Double.parseDouble(literal);
    if (Double.isInfinite(value)) {
      throw new ExpressionParseException(
          start + 1, "number " + literal + " is too large for a double");
    }
    scanPosition = position;
    return new Token(Kind.NUMBER, literal, start + 1, value);
  }

  private int skipDigits(int position) {
    while (position < text.length() && isDigit(text.charAt(position))) {
      position++;
    }
    return position;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static String describeCharacter(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }
}
