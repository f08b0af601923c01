package io.metabound.experiments.reproduction;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Provenance;

/**
 * What a paper claims, with where the statement comes from.
 *
 * @param paper the paper key ({@code Takagi2019}, …)
 * @param result the result or figure as printed ({@code Condition (β)}, {@code Figure 2(a)})
 * @param statement the claim in words and formulas
 * @param provenance the docs/THEOREMS.md tag and source; a {@link Provenance#kind() reconstructed} tag
 *     ({@code [R-…]}, {@code [S]}, {@code [derived]}) must be said prominently in reports
 * @param boundId the registry bound the claim is, or null when it is not a registered bound (a
 *     figure, a table's qualitative statement)
 */
public record PaperClaim(
    String paper, String result, String statement, Provenance provenance, String boundId) {

  public PaperClaim {
    if (paper == null || result == null || statement == null || provenance == null) {
      throw new IllegalArgumentException("a paper claim needs a paper, a result, a statement and a provenance");
    }
  }

  /**
   * A registered bound as a claim: paper, result and provenance are the registry's.
   *
   * @throws IllegalArgumentException when the id is not registered
   */
  public static PaperClaim ofBound(String boundId, String statement) {
    Bound bound =
        BoundRegistry.find(boundId)
            .orElseThrow(() -> new IllegalArgumentException("unknown bound " + boundId));
    return new PaperClaim(
        bound.reference().paper(),
        bound.reference().result() + (bound.reference().equation().isEmpty() ? "" : " " + bound.reference().equation()),
        statement,
        bound.provenance(),
        boundId);
  }

  /** A claim that is not a registered bound, with its docs/THEOREMS.md tag. */
  public static PaperClaim of(String paper, String result, String statement, String tag, String source) {
    return new PaperClaim(paper, result, statement, Provenance.of(tag, source), null);
  }

  /** True when the statement was reconstructed, secondary-sourced or derived (not read verbatim). */
  public boolean reconstructed() {
    return !provenance.isVerbatim();
  }
}
