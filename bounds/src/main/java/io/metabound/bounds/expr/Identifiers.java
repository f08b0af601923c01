package io.metabound.bounds.expr;

/** Lexical rules for symbol and function names, shared by the parser and {@link SymbolRef}. */
final class Identifiers {

  private Identifiers() {}

  static boolean isIdentifierStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '_';
  }

  static boolean isIdentifier(String name) {
    if (name.isEmpty() || !isIdentifierStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!isIdentifierPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Function names cannot be symbols: {@code sqrt} alone would be ambiguous with a call. */
  static boolean isReserved(String name) {
    return name.equals("min")
        || name.equals("max")
        || FunctionKind.byFunctionName(name).isPresent();
  }
}
