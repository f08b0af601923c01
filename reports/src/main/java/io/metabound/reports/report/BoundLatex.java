package io.metabound.reports.report;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.Relation;

/**
 * LaTeX for the report and the paper export: a bound's statement in math mode (needs amsmath for
 * {@code \text} and amssymb for {@code \mathbb}; no macros of its own), and text-mode escaping.
 */
public final class BoundLatex {

  private BoundLatex() {}

  /** {@code \text{quantity} \le formula} (math-mode content, no delimiters). */
  public static String statement(Bound bound) {
    String quantity = "\\text{" + escapeText(bound.quantity()) + "}";
    String formula = bound.formula().toLatex();
    return switch (bound.relation()) {
      case ORDER -> quantity + " = O\\left(" + formula + "\\right)";
      default -> quantity + " " + relation(bound.relation()) + " " + formula;
    };
  }

  /** The relation's LaTeX symbol. */
  static String relation(Relation relation) {
    return switch (relation) {
      case UPPER_BOUND -> "\\le";
      case LOWER_BOUND, SIZE_REQUIREMENT -> "\\ge";
      case STEPSIZE_THRESHOLD -> "<";
      case DEFINITION -> "=";
      case ORDER -> "= O";
    };
  }

  /** Escapes LaTeX's special characters for text mode. */
  public static String escapeText(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{', '}', '#', '$', '%', '&', '_' -> out.append('\\').append(c);
        case '^' -> out.append("\\textasciicircum{}");
        case '~' -> out.append("\\textasciitilde{}");
        case '<' -> out.append("\\textless{}");
        case '>' -> out.append("\\textgreater{}");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * True when every brace opens before it closes and all are closed, ignoring escaped braces
   * ({@code \{}, {@code \}}) and comments.
   */
  public static boolean balancedBraces(String tex) {
    int depth = 0;
    boolean comment = false;
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c == '\n') {
        comment = false;
        continue;
      }
      if (comment) {
        continue;
      }
      if (c == '\\') {
        i++; // the next character is escaped (or starts a control word: harmless)
        continue;
      }
      if (c == '%') {
        comment = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (--depth < 0) {
          return false;
        }
      }
    }
    return depth == 0;
  }
}
