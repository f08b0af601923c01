package io.metabound.experiments.check;

import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.MetaSmoothnessProbe;
import io.metabound.experiments.probe.Probe;
import java.util.List;
import org.hipparchus.random.Well19937c;

/** Domains, bounds and probes shared by the check tests. */
final class Fixtures {

  private Fixtures() {}

  /** alpha ≤ 1/L, the step-size hypothesis of the MAML smoothness results. */
  static final ScopeCondition ALPHA_AT_MOST_ONE_OVER_L =
      new ScopeCondition(
          "alpha <= 1/L",
          x ->
              x.parameter("alpha") * QuadraticInstanceConstants.of(x.tasks()).get("L")
                  <= 1 + 1e-12);

  /**
   * Quadratic tasks with possibly negative curvature: d ∈ 1…3, m ∈ 1…3, eigenvalues in [−2, 2], N ∈
   * {1, 2, 3}, alpha ∈ [0.01, 1/L].
   */
  static QuadraticDomain indefiniteQuadratics() {
    return QuadraticDomain.builder("quadratic")
        .dimensions(1, 3)
        .taskCounts(1, 3)
        .eigenvalues(-2, 2)
        .centreRadius(1)
        .rotations(true)
        .parameter(ParameterRange.integers("N", 1, 3))
        .parameter(ParameterRange.of("alpha", c -> 0.01, c -> 1 / c.get("L"), "[0.01, 1/L]"))
        .build();
  }

  /** The exact meta-smoothness of N-step MAML, {@code ‖Σ p_i (I − αH_i)^N G_i (I − αH_i)^N‖₂}. */
  static Probe metaSmoothness() {
    return MetaSmoothnessProbe.of(Estimator.MAML);
  }

  static double lipschitz(Instance x) {
    return QuadraticInstanceConstants.of(x.tasks()).get("L");
  }

  /** (1 + αL)^{2N} L: a true upper bound on ‖∇²F‖ for N-step MAML on quadratics. */
  static TheoreticalBound trueSmoothnessBound() {
    return TheoreticalBound.of(
        "(1 + alpha*L)^(2*N) * L",
        x -> {
          double l = lipschitz(x);
          return Math.pow(1 + x.parameter("alpha") * l, 2 * x.integerParameter("N")) * l;
        },
        List.of(ALPHA_AT_MOST_ONE_OVER_L));
  }

  /**
   * PLANTED VIOLATION: "‖∇²F‖ ≤ L" — false for tasks with negative curvature, where one task with H
   * = −L gives ‖∇²F‖ = (1 + αL)^{2N} L.
   */
  static BoundCheck plantedViolation() {
    return new BoundCheck(
        "test.planted.meta-smoothness-at-most-L",
        Comparison.AT_MOST,
        TheoreticalBound.of("L", Fixtures::lipschitz, List.of(ALPHA_AT_MOST_ONE_OVER_L)),
        metaSmoothness(),
        indefiniteQuadratics());
  }

  static BoundCheck trueSmoothness() {
    return new BoundCheck(
        "test.true.meta-smoothness",
        Comparison.AT_MOST,
        trueSmoothnessBound(),
        metaSmoothness(),
        indefiniteQuadratics());
  }

  /** The true bound made 100 times looser: holds with ratio ≤ 0.01. */
  static BoundCheck looseSmoothness() {
    return new BoundCheck(
        "test.loose.meta-smoothness",
        Comparison.AT_MOST,
        trueSmoothnessBound().scaled(100),
        metaSmoothness(),
        indefiniteQuadratics());
  }

  /**
   * A Monte Carlo version of the meta-smoothness probe: the exact value plus Gaussian noise of
   * standard deviation {@code noise}, averaged over the requested samples with the instance's seed.
   */
  static Probe noisy(double noise) {
    Probe exact = metaSmoothness();
    return new Probe() {
      @Override
      public String quantityId() {
        return "meta-smoothness";
      }

      @Override
      public Measurement measure(Instance instance, MeasurementSettings settings) {
        double value = exact.measure(instance, settings).value();
        Well19937c random = new Well19937c(instance.seed());
        double[] samples = new double[settings.samples()];
        for (int i = 0; i < samples.length; i++) {
          samples[i] = value + noise * random.nextGaussian();
        }
        return Measurement.ofSamples(samples, settings.confidenceLevel());
      }
    };
  }

  /** A probe returning a fixed measurement (verdict logic tests). */
  static Probe fixed(Measurement m) {
    return new Probe() {
      @Override
      public String quantityId() {
        return "synthetic";
      }

      @Override
      public Measurement measure(Instance instance, MeasurementSettings settings) {
        return m;
      }
    };
  }
}
