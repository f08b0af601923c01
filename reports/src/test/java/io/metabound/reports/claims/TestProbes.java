package io.metabound.reports.claims;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import java.util.Optional;

/**
 * A resolver with one probe, for testing the claims machinery on its own: the exact
 * meta-smoothness ‖∇²F‖₂ of N-step MAML on quadratic tasks, from the oracle.
 */
public final class TestProbes implements ProbeResolver {

  static final Probe META_SMOOTHNESS =
      new Probe() {
        @Override
        public String quantityId() {
          return "meta-smoothness";
        }

        @Override
        public Measurement measure(Instance instance, MeasurementSettings settings) {
          QuadraticMetaOracle oracle =
              QuadraticMetaOracle.maml(
                  instance.tasks(), instance.parameter("alpha"), instance.integerParameter("N"));
          return Measurement.exact(oracle.metaSmoothness().value());
        }
      };

  @Override
  public Optional<Probe> probe(String quantity, String estimator) {
    return quantity.equals("meta-smoothness") && estimator.equals("maml")
        ? Optional.of(META_SMOOTHNESS)
        : Optional.empty();
  }

  @Override
  public String describe() {
    return "meta-smoothness: maml";
  }
}
