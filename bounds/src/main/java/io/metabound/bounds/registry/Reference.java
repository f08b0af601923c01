package io.metabound.bounds.registry;

import java.util.Objects;

/**
 * The paper and the numbered result a bound comes from.
 *
 * @param paper short key, e.g. {@code Ji2022}
 * @param citation full citation: authors, title, venue, arXiv identifier
 * @param result the result as printed, e.g. {@code Proposition 1}, {@code Lemma 4.8}, {@code
 *     Condition (β)}
 * @param equation the paper's equation number, e.g. {@code (13)}, or empty when unknown or
 *     unnumbered
 */
public record Reference(String paper, String citation, String result, String equation) {

  /** Requires paper, citation and result to be non-blank; the equation may be empty. */
  public Reference {
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(equation, "equation");
    if (paper.isBlank() || citation.isBlank() || result.isBlank()) {
      throw new IllegalArgumentException(
          "a reference needs a paper, a citation and a result (got '"
              + paper
              + "', '"
              + result
              + "')");
    }
  }

  /**
   * A short human label, e.g. {@code Ji2022 Proposition 1 (13)}.
   *
   * @return the label
   */
  public String label() {
    return paper + " " + result + (equation.isEmpty() ? "" : " " + equation);
  }
}
