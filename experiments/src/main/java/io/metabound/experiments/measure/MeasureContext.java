package io.metabound.experiments.measure;

import java.util.Set;

/**
 * The names a claim makes available to its measure: the parameters it declares, the instance
 * constants of its family, and whether it declares a point {@code w}.
 *
 * @param parameters declared parameter names ({@code alpha}, {@code N}, {@code beta}, …)
 * @param constants instance constants ({@link Vocabulary#instanceConstants()} for quadratics)
 * @param point true when the claim declares the point {@code w}
 */
public record MeasureContext(Set<String> parameters, Set<String> constants, boolean point) {

  public MeasureContext {
    parameters = Set.copyOf(parameters);
    constants = Set.copyOf(constants);
  }

  /** A context with the quadratic family's constants (L, mu, kappa, rho, d, m, sigma). */
  public static MeasureContext of(Set<String> parameters, boolean point) {
    return new MeasureContext(parameters, Vocabulary.instanceConstants(), point);
  }
}
