package io.metabound.reports.claims;

import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.probe.ExactProbes;
import io.metabound.experiments.probe.MonteCarloProbes;
import io.metabound.experiments.probe.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project's probes as a claims file names them — a quantity id and an estimator: first the
 * exact probes ({@link ExactProbes}, estimators {@code maml}, {@code fomaml}, {@code hfmaml},
 * {@code imaml}, {@code maml-prox}), then the Monte Carlo ones ({@link MonteCarloProbes}, named
 * after the algorithm whose randomness they sample, e.g. {@code ji2022-resampling}).
 */
public final class StandardProbes {

  private StandardProbes() {}

  /** The resolver over every probe of the experiments module. */
  public static ProbeResolver resolver() {
    return new ProbeResolver() {
      @Override
      public Optional<Probe> probe(String quantity, String estimator) {
        Optional<Probe> exact = Optional.empty();
        try {
          exact = ExactProbes.forQuantity(quantity, estimator);
        } catch (IllegalArgumentException notAnEstimatorName) {
          // a Monte Carlo algorithm name such as ji2022-resampling
        }
        return exact.isPresent() ? exact : MonteCarloProbes.forQuantity(quantity, estimator);
      }

      @Override
      public String describe() {
        Map<String, Set<String>> all = new TreeMap<>();
        for (Map.Entry<String, Set<Estimator>> e : ExactProbes.supported().entrySet()) {
          Set<String> names = all.computeIfAbsent(e.getKey(), k -> new TreeSet<>());
          for (Estimator estimator : e.getValue()) {
            names.add(estimator.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
          }
        }
        for (String quantity : MonteCarloProbes.quantities()) {
          all.computeIfAbsent(quantity, k -> new TreeSet<>())
              .addAll(MonteCarloProbes.estimators(quantity));
        }
        List<String> parts = new ArrayList<>();
        all.forEach((q, names) -> parts.add(q + ": " + String.join(", ", names)));
        return String.join("; ", parts);
      }
    };
  }
}
