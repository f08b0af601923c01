package io.metabound.reports.claims;

import io.metabound.experiments.probe.Probe;
import java.util.Optional;

/**
 * Finds the probe that measures a claim's quantity for its estimator on quadratic instances.
 */
public interface ProbeResolver {

  /**
   * @param quantity a quantity id ({@code meta-smoothness}, …)
   * @param estimator an estimator name ({@code maml}, {@code fomaml}, …), lower case
   * @return the probe, or empty when none measures that quantity for that estimator
   */
  Optional<Probe> probe(String quantity, String estimator);

  /** What this resolver can measure, for error messages (e.g. {@code meta-smoothness: maml, …}). */
  String describe();
}
