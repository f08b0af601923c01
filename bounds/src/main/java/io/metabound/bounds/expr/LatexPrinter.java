package io.metabound.bounds.expr;

import io.metabound.bounds.symbol.Symbol;
import io.metabound.bounds.symbol.SymbolCatalogue;
import java.util.Optional;
import java.util.Set;

/**
 * Renders LaTeX (math-mode content). Quotients become {@code \frac}, powers {@code ^{...}},
 * products juxtaposition (or {@code \cdot} before a number or after a number before a fraction),
 * and parentheses {@code \left( \right)} appear only where precedence needs them or where an
 * operand after an operator would start with a minus sign ({@code a + \left(-2 x\right)}). Symbols
 * use the catalogue's LaTeX; uncatalogued names get a best-effort rendering ({@code foo_bar}
 * becomes {@code \mathrm{foo}_{\mathrm{bar}}}).
 */
final class LatexPrinter {

  private static final Set<String> GREEK =
      Set.of(
          "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
          "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
          "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi",
          "Psi", "Omega");

  private LatexPrinter() {}

  static String print(Expression expression) {
    StringBuilder out = new StringBuilder();
    write(expression, out);
    return out.toString();
  }

  private static void write(Expression expression, StringBuilder out) {
    if (expression instanceof Constant constant) {
      out.append(NumberText.latex(constant.value()));
    } else if (expression instanceof SymbolRef symbol) {
      out.append(symbolLatex(symbol.name()));
    } else if (expression instanceof Sum sum) {
      write(sum.left(), out);
      out.append(" + ");
      String right = print(sum.right());
      out.append(parenthesised(right, right.startsWith("-")));
    } else if (expression instanceof Difference difference) {
      write(difference.left(), out);
      out.append(" - ");
      String right = print(difference.right());
      out.append(
          parenthesised(
              right,
              Precedence.of(difference.right()) == Precedence.ADDITIVE || right.startsWith("-")));
    } else if (expression instanceof Product product) {
      writeProduct(product, out);
    } else if (expression instanceof Quotient quotient) {
      out.append("\\frac{");
      write(quotient.left(), out);
      out.append("}{");
      write(quotient.right(), out);
      out.append('}');
    } else if (expression instanceof Power power) {
      writeOperand(power.base(), needsParenthesesAsBase(power.base()), out);
      out.append("^{");
      write(power.exponent(), out);
      out.append('}');
    } else if (expression instanceof Negation negation) {
      String operand = print(negation.operand());
      out.append('-');
      out.append(
          parenthesised(
              operand,
              Precedence.of(negation.operand()) == Precedence.ADDITIVE || operand.startsWith("-")));
    } else if (expression instanceof Function function) {
      writeFunction(function, out);
    } else if (expression instanceof Minimum minimum) {
      writeExtremum("\\min", minimum, out);
    } else if (expression instanceof Maximum maximum) {
      writeExtremum("\\max", maximum, out);
    } else {
      throw new AssertionError(expression);
    }
  }

  private static void writeProduct(Product product, StringBuilder out) {
    String left =
        parenthesised(print(product.left()), Precedence.of(product.left()) == Precedence.ADDITIVE);
    String rightText = print(product.right());
    String right =
        parenthesised(
            rightText,
            Precedence.of(product.right()) == Precedence.ADDITIVE || rightText.startsWith("-"));
    out.append(left);
    // "2 3" would read as 23 and "2 \frac{1}{3}" as a mixed number
    boolean rightStartsWithDigit = Character.isDigit(right.charAt(0));
    boolean leftEndsWithDigit = Character.isDigit(left.charAt(left.length() - 1));
    if (rightStartsWithDigit || (leftEndsWithDigit && right.startsWith("\\frac"))) {
      out.append(" \\cdot ");
    } else {
      out.append(' ');
    }
    out.append(right);
  }

  private static boolean needsParenthesesAsBase(Expression base) {
    if (base instanceof SymbolRef symbol) {
      return isCompound(symbolLatex(symbol.name()));
    }
    if (base instanceof Function function) {
      return function.kind() == FunctionKind.EXP || function.kind() == FunctionKind.LOG;
    }
    return Precedence.of(base) < Precedence.ATOM
        || (base instanceof Constant constant && NumberText.latex(constant.value()).contains("^"));
  }

  /** LaTeX such as {@code \mathbb{E}_i\|\nabla l_i(w)\|} cannot take an exponent unbracketed. */
  private static boolean isCompound(String latex) {
    return latex.contains(" ") || latex.contains("(") || latex.contains("\\|");
  }

  private static void writeFunction(Function function, StringBuilder out) {
    String argument = print(function.argument());
    switch (function.kind()) {
      case SQRT:
        out.append("\\sqrt{").append(argument).append('}');
        break;
      case EXP:
        out.append("\\exp\\left(").append(argument).append("\\right)");
        break;
      case LOG:
        out.append("\\log\\left(").append(argument).append("\\right)");
        break;
      case ABS:
        out.append("\\left|").append(argument).append("\\right|");
        break;
      case CEIL:
        out.append("\\left\\lceil ").append(argument).append(" \\right\\rceil");
        break;
      case FLOOR:
        out.append("\\left\\lfloor ").append(argument).append(" \\right\\rfloor");
        break;
      default:
        throw new AssertionError(function.kind());
    }
  }

  private static void writeExtremum(String operator, Expression call, StringBuilder out) {
    out.append(operator).append("\\{");
    boolean first = true;
    for (Expression argument : call.children()) {
      if (!first) {
        out.append(", ");
      }
      write(argument, out);
      first = false;
    }
    out.append("\\}");
  }

  private static void writeOperand(Expression operand, boolean parenthesise, StringBuilder out) {
    out.append(parenthesised(print(operand), parenthesise));
  }

  private static String parenthesised(String latex, boolean parenthesise) {
    return parenthesise ? "\\left(" + latex + "\\right)" : latex;
  }

  /** The catalogue's LaTeX, or a best-effort rendering of an uncatalogued name. */
  static String symbolLatex(String name) {
    Optional<Symbol> symbol = SymbolCatalogue.lookup(name);
    if (symbol.isPresent()) {
      return symbol.get().latex();
    }
    int underscore = name.indexOf('_');
    if (underscore < 0) {
      return nameLatex(name);
    }
    String subscript = name.substring(underscore + 1);
    return nameLatex(name.substring(0, underscore)) + "_{" + subscriptLatex(subscript) + "}";
  }

  private static String nameLatex(String name) {
    if (GREEK.contains(name)) {
      return "\\" + name;
    }
    return name.length() == 1 ? name : "\\mathrm{" + name + "}";
  }

  private static String subscriptLatex(String subscript) {
    if (subscript.isEmpty()) {
      return "";
    }
    if (GREEK.contains(subscript) || subscript.length() == 1) {
      return nameLatex(subscript);
    }
    return "\\mathrm{" + subscript.replace("_", "\\_") + "}";
  }
}
