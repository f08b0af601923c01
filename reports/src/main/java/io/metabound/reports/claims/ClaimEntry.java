package io.metabound.reports.claims;

/**
 * One entry of a claims file: a claim that parsed, or one that did not ({@link ClaimError}, which
 * becomes an ERROR verdict while the file's other claims are still checked).
 */
public sealed interface ClaimEntry permits Claim, ClaimError {

  /** The claim's id (or its position {@code #3} / line when it has none). */
  String id();

  /** The nearest LaTeX label, or null. */
  String label();

  /** The 1-based line in its file (0 when unknown). */
  int line();
}
