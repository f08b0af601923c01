package io.metabound.bounds.symbol;

import java.util.Objects;

/**
 * A named quantity appearing in the bounds: its plain name (used in expressions and claims files),
 * its LaTeX rendering, its meaning (with the paper's assumption it comes from) and its domain.
 *
 * @param name the plain identifier, e.g. {@code sigma_g}
 * @param latex the LaTeX form, e.g. {@code \sigma_g}
 * @param meaning what the quantity is, with provenance where relevant
 * @param domain the values the quantity may take
 */
public record Symbol(String name, String latex, String meaning, Domain domain) {

  /** Validates that every component is present and the textual ones are not blank. */
  public Symbol {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(latex, "latex");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(domain, "domain");
    if (name.isBlank() || latex.isBlank() || meaning.isBlank()) {
      throw new IllegalArgumentException(
          "symbol '" + name + "' needs a non-blank name, LaTeX form and meaning");
    }
  }
}
