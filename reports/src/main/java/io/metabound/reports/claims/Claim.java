package io.metabound.reports.claims;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.Assumption;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.check.ParameterRange;
import java.util.ArrayList;
import java.util.List;

/**
 * One claim of a draft, parsed and validated.
 *
 * @param id the draft's own label for the claim (unique in the file)
 * @param statement the claim in words, as the draft states it
 * @param quantifier universal ("for every instance") or existential ("there is an instance")
 * @param measured the measured side: a quantity of the catalogue for an estimator, or a measure
 *     expression over exact primitives
 * @param comparison {@code <=} ({@link Comparison#AT_MOST}) or {@code >=} ({@link
 *     Comparison#AT_LEAST}) of the measured side against the bound
 * @param bound the bound's formula
 * @param boundText the bound as written in the file (an expression or a registry id)
 * @param registryId the registry id when the bound names one, else null
 * @param assumptions the registry bound's assumptions (empty for an expression)
 * @param family the instance family the claim speaks of
 * @param parameters the parameter ranges, in declaration order (later ranges may use earlier
 *     parameters)
 * @param rangeSymbols the symbols the ranges' ends use (a parameter used there is used)
 * @param point the point variable {@code w} the claim is universal (or existential) over, or null
 * @param label the nearest {@code \label} in a LaTeX draft, else null
 * @param line the 1-based line of the claim in its file (0 when unknown)
 */
public record Claim(
    String id,
    String statement,
    Quantifier quantifier,
    Measured measured,
    Comparison comparison,
    Expression bound,
    String boundText,
    String registryId,
    List<Assumption> assumptions,
    ClaimFamily family,
    List<ParameterRange> parameters,
    java.util.Set<String> rangeSymbols,
    PointSpec point,
    String label,
    int line)
    implements ClaimEntry {

  public Claim {
    assumptions = List.copyOf(assumptions);
    parameters = List.copyOf(parameters);
    rangeSymbols = java.util.Set.copyOf(rangeSymbols);
  }

  /** The claim as one line: {@code measured <= bound}, prefixed {@code exists:} when existential. */
  public String relationText() {
    String relation = measured.text() + " " + comparison.symbol() + " " + bound.toPlain();
    return quantifier == Quantifier.EXISTS ? "exists: " + relation : relation;
  }

  /** The names of the declared parameters, in declaration order. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (ParameterRange p : parameters) {
      names.add(p.name());
    }
    return names;
  }

  /** Universal or existential. */
  public enum Quantifier {
    /** For every instance of the family and parameter domain (the default). */
    FOR_ALL,
    /** For some instance: the search looks for a witness. */
    EXISTS
  }

  /**
   * A point variable: the claim speaks of every (or some) {@code w} with coordinates in {@code [−R,
   * R]}, searched by the falsifier like any other dimension.
   *
   * @param radius R
   */
  public record PointSpec(double radius) {}
}
