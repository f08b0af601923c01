package io.metabound.reports.report;

import java.util.Map;

/**
 * Text for pdflatex from any string: LaTeX's special characters escaped ({@link
 * BoundLatex#escapeText}) and the non-ASCII characters the report's words use (dashes, {@code ·},
 * {@code ≤}, Greek letters, {@code ∇}, sub- and superscripts) written as LaTeX (combining accents
 * dropped), so a claim's statement or a figure's axis
 * label never stops the compilation with "Unicode character not set up"; any other non-ASCII
 * character becomes {@code ?}.
 */
final class LatexText {

  private static final Map<Character, String> NON_ASCII =
      Map.ofEntries(
          Map.entry('—', "---"),
          Map.entry('–', "--"),
          Map.entry('·', "\\textperiodcentered{}"),
          Map.entry('…', "\\ldots{}"),
          Map.entry('“', "``"),
          Map.entry('”', "''"),
          Map.entry('‘', "`"),
          Map.entry('’', "'"),
          Map.entry('≤', "$\\le$"),
          Map.entry('≥', "$\\ge$"),
          Map.entry('≈', "$\\approx$"),
          Map.entry('≠', "$\\ne$"),
          Map.entry('×', "$\\times$"),
          Map.entry('±', "$\\pm$"),
          Map.entry('∞', "$\\infty$"),
          Map.entry('∇', "$\\nabla$"),
          Map.entry('→', "$\\to$"),
          Map.entry('‖', "$\\|$"),
          Map.entry('²', "\\textsuperscript{2}"),
          Map.entry('³', "\\textsuperscript{3}"),
          Map.entry('√', "$\\surd$"),
          Map.entry('∈', "$\\in$"),
          Map.entry('α', "$\\alpha$"),
          Map.entry('β', "$\\beta$"),
          Map.entry('γ', "$\\gamma$"),
          Map.entry('δ', "$\\delta$"),
          Map.entry('ε', "$\\epsilon$"),
          Map.entry('ζ', "$\\zeta$"),
          Map.entry('η', "$\\eta$"),
          Map.entry('θ', "$\\theta$"),
          Map.entry('κ', "$\\kappa$"),
          Map.entry('λ', "$\\lambda$"),
          Map.entry('μ', "$\\mu$"),
          Map.entry('ν', "$\\nu$"),
          Map.entry('ξ', "$\\xi$"),
          Map.entry('π', "$\\pi$"),
          Map.entry('ρ', "$\\rho$"),
          Map.entry('σ', "$\\sigma$"),
          Map.entry('τ', "$\\tau$"),
          Map.entry('φ', "$\\phi$"),
          Map.entry('χ', "$\\chi$"),
          Map.entry('ψ', "$\\psi$"),
          Map.entry('ω', "$\\omega$"),
          Map.entry('Γ', "$\\Gamma$"),
          Map.entry('Δ', "$\\Delta$"),
          Map.entry('Θ', "$\\Theta$"),
          Map.entry('Λ', "$\\Lambda$"),
          Map.entry('Σ', "$\\Sigma$"),
          Map.entry('Φ', "$\\Phi$"),
          Map.entry('Ψ', "$\\Psi$"),
          Map.entry('Ω', "$\\Omega$"),
          Map.entry('−', "$-$"),
          Map.entry('ᵢ', "$_i$"),
          Map.entry('₂', "$_2$"),
          Map.entry('ᵀ', "$^{\\top}$"),
          Map.entry('⁻', "$^{-}$"),
          Map.entry('¹', "\\textsuperscript{1}"),
          Map.entry('′', "$'$"),
          Map.entry('½', "$\\frac{1}{2}$"),
          Map.entry('§', "\\S{}"),
          Map.entry('∝', "$\\propto$"),
          Map.entry('←', "$\\leftarrow$"),
          Map.entry('↦', "$\\mapsto$"),
          Map.entry('∘', "$\\circ$"),
          Map.entry('ȳ', "$\\bar{y}$"),
          Map.entry('ŷ', "$\\hat{y}$"),
          Map.entry('Õ', "$\\tilde{O}$"),
          Map.entry('\u0304', ""),
          Map.entry('\u0303', ""),
          Map.entry('\u0302', ""),
          Map.entry('\u00a0', "~"));

  /** Characters after which a {@link #breakableCode code} string may break. */
  private static final String BREAK_AFTER = ".-_/+*^,=)";

  private LatexText() {}

  /** {@code s} as pdflatex-safe text. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      append(out, character(s.charAt(i)));
    }
    return out.toString();
  }

  /** Appends, joining {@code $a$} and {@code $b$} into {@code $ab$} ({@code $$} would open a display). */
  private static void append(StringBuilder out, String piece) {
    int n = out.length();
    boolean endsInMath = n > 0 && out.charAt(n - 1) == '$' && (n < 2 || out.charAt(n - 2) != '\\');
    if (endsInMath && piece.startsWith("$")) {
      out.setLength(n - 1);
      out.append(piece, 1, piece.length());
    } else {
      out.append(piece);
    }
  }

  /**
   * {@code s} in {@code \texttt} with a permitted line break after each {@code .}, {@code -},
   * {@code _}, operator and comma, so a long bound id or formula wraps inside a table column.
   */
  static String breakableCode(String s) {
    StringBuilder out = new StringBuilder("\\texttt{");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      append(out, character(c));
      if (BREAK_AFTER.indexOf(c) >= 0 && i < s.length() - 1) {
        out.append("\\allowbreak{}");
      }
    }
    return out.append('}').toString();
  }

  private static String character(char c) {
    if (c < 128) {
      if (c == '\n' || c == '\r' || c == '\t') {
        return " ";
      }
      return c < 32 ? "" : BoundLatex.escapeText(String.valueOf(c));
    }
    return NON_ASCII.getOrDefault(c, "?");
  }
}
