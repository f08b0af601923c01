package io.metabound.reports.report;

import java.util.Map;

/**
 * A rough estimate of how wide math-mode LaTeX sets, in points at 10 pt in display style, used to
 * decide where a long statement is broken. It reads the tokens the export produces (letters,
 * digits, control words, {@code \frac}, {@code ^}/{@code _}, {@code \left}/{@code \right}, {@code
 * \sqrt}, font switches such as {@code \mathrm{…}}): a fraction is as wide as its wider part,
 * scripts are set smaller, binary operators and relations carry their spacing. It errs on the wide
 * side, so a line it accepts fits.
 */
final class LatexWidth {

  /** Width of an average italic letter or digit. */
  private static final double CHARACTER = 5.5;

  /** A binary operator ({@code +}, {@code -}, {@code \cdot}) with its medium spaces. */
  private static final double BINARY = 12.5;

  /** A relation ({@code =}, {@code \le}, {@code <}) with its thick spaces. */
  private static final double RELATION = 14.0;

  /** Script size relative to the enclosing size. */
  private static final double SCRIPT = 0.72;

  private static final Map<String, Double> WORDS =
      Map.ofEntries(
          Map.entry("\\cdot", BINARY),
          Map.entry("\\times", BINARY),
          Map.entry("\\pm", BINARY),
          Map.entry("\\le", RELATION),
          Map.entry("\\ge", RELATION),
          Map.entry("\\leq", RELATION),
          Map.entry("\\geq", RELATION),
          Map.entry("\\mid", RELATION),
          Map.entry("\\quad", 10.0),
          Map.entry("\\qquad", 20.0),
          Map.entry("\\min", 22.0),
          Map.entry("\\max", 22.0),
          Map.entry("\\log", 17.0),
          Map.entry("\\exp", 19.0),
          Map.entry("\\prod", 14.0),
          Map.entry("\\sum", 14.0),
          Map.entry("\\nabla", 8.5),
          Map.entry("\\infty", 10.0),
          Map.entry("\\|", 5.0),
          Map.entry("\\{", 5.0),
          Map.entry("\\}", 5.0),
          Map.entry("\\lceil", 4.5),
          Map.entry("\\rceil", 4.5),
          Map.entry("\\lfloor", 4.5),
          Map.entry("\\rfloor", 4.5),
          Map.entry("\\Bigl", 0.0),
          Map.entry("\\Bigr", 0.0),
          Map.entry("\\bigl", 0.0),
          Map.entry("\\bigr", 0.0),
          Map.entry("\\,", 1.7),
          Map.entry("\\;", 2.8),
          Map.entry("\\!", -1.7));

  private final String tex;
  private int position;

  private LatexWidth(String tex) {
    this.tex = tex;
  }

  /**
   * @param mathTex math-mode content
   * @return its estimated width in points when set in display style at 10 pt
   */
  static double of(String mathTex) {
    LatexWidth w = new LatexWidth(mathTex);
    return w.sequence(1.0, false);
  }

  /** Reads tokens up to the end or a closing brace (consumed) when {@code inGroup}. */
  private double sequence(double scale, boolean inGroup) {
    double width = 0;
    while (position < tex.length()) {
      char c = tex.charAt(position);
      if (c == '}') {
        position++;
        if (inGroup) {
          return width;
        }
        continue;
      }
      width += token(scale);
    }
    return width;
  }

  /** The width of one token (with its arguments) starting at {@link #position}. */
  private double token(double scale) {
    char c = tex.charAt(position);
    if (c == '{') {
      position++;
      return sequence(scale, true);
    }
    if (c == '^' || c == '_') {
      position++;
      return scale < 0.6 ? argument(scale) : argument(scale * SCRIPT);
    }
    if (c == '\\') {
      return controlSequence(scale);
    }
    position++;
    if (Character.isWhitespace(c) || c == '&') {
      return 0;
    }
    if (c == '+' || c == '-') {
      return BINARY * scale;
    }
    if (c == '=' || c == '<' || c == '>') {
      return RELATION * scale;
    }
    if (c == ',' || c == ';') {
      return 4.5 * scale;
    }
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '\'' || c == '.') {
      return 3.9 * scale;
    }
    return CHARACTER * scale;
  }

  private double controlSequence(double scale) {
    int start = position++;
    if (position < tex.length() && !Character.isLetter(tex.charAt(position))) {
      position++;
    } else {
      while (position < tex.length() && Character.isLetter(tex.charAt(position))) {
        position++;
      }
    }
    String word = tex.substring(start, position);
    switch (word) {
      case "\\frac", "\\tfrac", "\\dfrac" -> {
        double inner = word.equals("\\dfrac") ? scale : scale >= 1.0 ? scale : scale * SCRIPT;
        double top = argument(inner);
        double bottom = argument(inner);
        return Math.max(top, bottom) + 2.4 * scale;
      }
      case "\\sqrt" -> {
        return argument(scale) + 9.0 * scale;
      }
      case "\\left", "\\right" -> {
        return position < tex.length() ? token(scale) + 0.6 * scale : 0;
      }
      case "\\mathrm", "\\text", "\\operatorname", "\\mathit", "\\textrm" -> {
        return argument(scale) * 0.95;
      }
      case "\\mathbb", "\\mathcal", "\\mathbf", "\\boldsymbol" -> {
        return argument(scale) * 1.3;
      }
      case "\\widetilde", "\\widehat", "\\overline", "\\tilde", "\\hat", "\\bar" -> {
        return argument(scale);
      }
      default -> {
        Double known = WORDS.get(word);
        return (known == null ? CHARACTER * 1.15 : known) * scale;
      }
    }
  }

  /** One argument: a braced group, a control sequence or one character. */
  private double argument(double scale) {
    while (position < tex.length() && Character.isWhitespace(tex.charAt(position))) {
      position++;
    }
    if (position >= tex.length()) {
      return 0;
    }
    return token(scale);
  }
}
