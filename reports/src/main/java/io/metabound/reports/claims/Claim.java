package io.metabound.reports.claims;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.Assumption;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.check.ParameterRange;
import java.util.List;

/**
 * One claim of a draft, parsed and validated.
 *
 * @param id the draft's own label for the claim (unique in the file)
 * @param statement the claim in words, as the draft states it
 * @param quantity the measured quantity's id ({@code meta-smoothness}, …)
 * @param estimator the estimator the quantity is measured for ({@code maml}, {@code fomaml}, …)
 * @param comparison {@code <=} ({@link Comparison#AT_MOST}) or {@code >=} ({@link
 *     Comparison#AT_LEAST}) of the measured quantity against the bound
 * @param bound the bound's formula
 * @param boundText the bound as written in the file (an expression or a registry id)
 * @param registryId the registry id when the bound names one, else null
 * @param assumptions the registry bound's assumptions (empty for an expression)
 * @param family the instance family the claim speaks of
 * @param parameters the parameter ranges, in declaration order (later ranges may use earlier
 *     parameters)
 * @param label the nearest {@code \label} in a LaTeX draft, else null
 * @param line the 1-based line of the claim in its file (0 when unknown)
 */
public record Claim(
    String id,
    String statement,
    String quantity,
    String estimator,
    Comparison comparison,
    Expression bound,
    String boundText,
    String registryId,
    List<Assumption> assumptions,
    ClaimFamily family,
    List<ParameterRange> parameters,
    String label,
    int line) {

  public Claim {
    assumptions = List.copyOf(assumptions);
    parameters = List.copyOf(parameters);
  }

  /** The claim as one line: {@code quantity <= bound}. */
  public String relationText() {
    return quantity + " " + comparison.symbol() + " " + bound.toPlain();
  }
}
