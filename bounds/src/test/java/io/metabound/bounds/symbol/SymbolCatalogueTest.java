package io.metabound.bounds.symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Expression;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SymbolCatalogueTest {

  /** Control words the catalogue's LaTeX may use: standard LaTeX / amsmath / amssymb math. */
  private static final Set<String> KNOWN_COMMANDS =
      Set.of(
          "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
          "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau",
          "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda",
          "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "ell", "nabla", "partial",
          "mathrm", "mathbb", "mathcal", "mathbf", "mathit", "mathsf", "operatorname", "text",
          "overline", "underline", "hat", "widehat", "bar", "tilde", "widetilde", "prime", "|",
          ",", ";", "!", " ");
  private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+|.)");

  static List<Symbol> symbols() {
    return SymbolCatalogue.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("symbols")
  void latexIsWellFormed(Symbol symbol) {
    String latex = symbol.latex();
    assertFalse(latex.isBlank());
    int depth = 0;
    for (int i = 0; i < latex.length(); i++) {
      char c = latex.charAt(i);
      if (c == '\\') {
        i++; // skip the escaped character: \{ and \| are not groups
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        assertTrue(depth >= 0, "unbalanced '}' in " + latex);
      }
    }
    assertEquals(0, depth, "unbalanced braces in " + latex);
    assertEquals(
        latex.chars().filter(c -> c == '(').count(),
        latex.chars().filter(c -> c == ')').count(),
        "unbalanced parentheses in " + latex);
    assertFalse(latex.endsWith("\\") || latex.endsWith("_") || latex.endsWith("^"), latex);
    Matcher matcher = COMMAND.matcher(latex);
    while (matcher.find()) {
      assertTrue(
          KNOWN_COMMANDS.contains(matcher.group(1)),
          "unknown LaTeX command \\" + matcher.group(1) + " in " + latex);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("symbols")
  void namesAreParseableIdentifiers(Symbol symbol) {
    Expression parsed = Expression.parse(symbol.name());
    assertEquals(Set.of(symbol.name()), parsed.symbols());
    assertEquals(symbol.latex(), parsed.toLatex());
  }

  @Test
  void namesAreUniqueAndTheRequiredOnesArePresent() {
    Set<String> seen = new HashSet<>();
    for (Symbol symbol : SymbolCatalogue.all()) {
      assertTrue(seen.add(symbol.name()), "duplicate " + symbol.name());
    }
    for (String required :
        List.of(
            "L",
            "rho",
            "mu",
            "sigma",
            "sigma_g",
            "sigma_H",
            "alpha",
            "beta",
            "N",
            "j",
            "lambda",
            "lambda_i",
            "kappa",
            "delta",
            "delta_prime",
            "epsilon",
            "Delta",
            "K",
            "S",
            "B",
            "D",
            "T",
            "D_in",
            "D_o",
            "D_h",
            "D_test",
            "D_beta",
            "B_prime",
            "D_L",
            "C_beta",
            "b",
            "b_sq",
            "grad_task_mean",
            "grad_meta",
            "M",
            "B_lip",
            "D_sol",
            "L_F",
            "phi",
            "c",
            "x")) {
      assertTrue(SymbolCatalogue.lookup(required).isPresent(), required);
    }
  }

  @Test
  void requiredEntriesHaveTheSpecifiedLatexAndDomain() {
    Map<String, String> latex =
        Map.of(
            "alpha", "\\alpha",
            "sigma_g", "\\sigma_g",
            "D_in", "D_{\\mathrm{in}}",
            "B_prime", "B'",
            "b_sq", "\\overline{b^2}");
    latex.forEach(
        (name, expected) -> assertEquals(expected, SymbolCatalogue.require(name).latex()));
    assertEquals(Domain.POSITIVE_INTEGER, SymbolCatalogue.require("N").domain());
    assertEquals(Domain.NONNEGATIVE_INTEGER, SymbolCatalogue.require("j").domain());
    assertEquals(Domain.REAL, SymbolCatalogue.require("lambda_i").domain());
    assertEquals(Domain.NONNEGATIVE, SymbolCatalogue.require("rho").domain());
    assertEquals(Domain.POSITIVE, SymbolCatalogue.require("L").domain());
  }

  @Test
  void requireNamesTheUnknownSymbol() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> SymbolCatalogue.require("zeta9"));
    assertTrue(error.getMessage().contains("zeta9"), error.getMessage());
  }

  @Test
  void unknownSymbolsAreListedSorted() {
    Expression expression = Expression.parse("zz * L + aa_1 / sigma_g + zz");
    assertEquals(List.of("aa_1", "zz"), SymbolCatalogue.unknownSymbols(expression));
    assertEquals(List.of(), SymbolCatalogue.unknownSymbols(Expression.parse("L * alpha")));
  }

  @Test
  void domainsContainAndExcludeSampleValues() {
    double inf = Double.POSITIVE_INFINITY;
    assertTrue(Domain.REAL.contains(-3.5) && Domain.REAL.contains(-inf));
    assertFalse(Domain.REAL.contains(Double.NaN));
    assertTrue(Domain.NONNEGATIVE.contains(0) && Domain.NONNEGATIVE.contains(inf));
    assertFalse(Domain.NONNEGATIVE.contains(-1e-300));
    assertTrue(Domain.POSITIVE.contains(1e-300));
    assertFalse(Domain.POSITIVE.contains(0) || Domain.POSITIVE.contains(-0.0));
    assertTrue(Domain.NONNEGATIVE_INTEGER.contains(0) && Domain.NONNEGATIVE_INTEGER.contains(7));
    assertFalse(
        Domain.NONNEGATIVE_INTEGER.contains(-1) || Domain.NONNEGATIVE_INTEGER.contains(0.5));
    assertTrue(Domain.POSITIVE_INTEGER.contains(1) && Domain.POSITIVE_INTEGER.contains(1e6));
    assertFalse(Domain.POSITIVE_INTEGER.contains(0) || Domain.POSITIVE_INTEGER.contains(2.5));
    assertFalse(
        Domain.POSITIVE_INTEGER.contains(inf) || Domain.POSITIVE_INTEGER.contains(Double.NaN));
    assertEquals("a positive integer", Domain.POSITIVE_INTEGER.description());
    for (Domain domain : Domain.values()) {
      assertFalse(domain.description().isBlank());
    }
  }
}
