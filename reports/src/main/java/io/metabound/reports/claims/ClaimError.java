package io.metabound.reports.claims;

import java.util.List;

/**
 * A claim that cannot be measured: every problem found in it, named by field, at once.
 *
 * @param id the claim's id, or its position ({@code #3}) or line when it has none
 * @param label the nearest LaTeX label, or null
 * @param line the 1-based line (0 when unknown)
 * @param problems one line per problem, each {@code field 'x': what is wrong} (or a message about
 *     the claim as a whole)
 */
public record ClaimError(String id, String label, int line, List<String> problems)
    implements ClaimEntry {

  public ClaimError {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a claim error needs at least one problem");
    }
    problems = List.copyOf(problems);
  }

  /** All problems in one line. */
  public String message() {
    return String.join("; ", problems);
  }
}
