package io.metabound.experiments.reproduction;

/**
 * One testable part of a paper's claim, side by side with what was measured.
 *
 * @param claim what the paper says, in one sentence (e.g. "β_c = min_i 2/(λ_i − αλ_i²) is FO-MAML's
 *     divergence threshold")
 * @param measured what was measured, with the numbers (e.g. "largest relative difference 3e-16
 *     over 40 values of α")
 * @param criterion the rule the agreement was computed with (e.g. "relative difference ≤ 1e-9")
 * @param agreement the computed agreement
 */
public record Finding(String claim, String measured, String criterion, Agreement agreement) {

  public Finding {
    if (claim == null || claim.isBlank() || measured == null || criterion == null) {
      throw new IllegalArgumentException("a finding needs a claim, a measurement and a criterion");
    }
    if (agreement == null) {
      throw new IllegalArgumentException("a finding needs an agreement");
    }
  }
}
