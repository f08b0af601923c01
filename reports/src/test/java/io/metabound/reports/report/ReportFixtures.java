package io.metabound.reports.report;

import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.CheckSuite;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.Profile;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.check.RegistryChecks;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.ScopeCondition;
import io.metabound.experiments.check.TheoreticalBound;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hipparchus.random.Well19937c;

/**
 * A small suite for report tests (the registry's plans are written elsewhere): Ji2022 Prop 1 on
 * quadratics with its exact meta-smoothness (true and tight), a planted false bound ("‖∇²F‖ ≤ L",
 * violated by negative curvature) and a Monte Carlo version of a true bound.
 */
final class ReportFixtures {

  private ReportFixtures() {}

  /** The exact N-step MAML meta-smoothness ‖∇²F‖ of a quadratic instance (the oracle's). */
  static final class MetaSmoothnessProbe implements Probe {
    @Override
    public String quantityId() {
      return "meta-smoothness";
    }

    @Override
    public Measurement measure(Instance x, MeasurementSettings settings) {
      return Measurement.exact(
          QuadraticMetaOracle.maml(x.tasks(), x.parameter("alpha"), x.integerParameter("N"))
              .metaSmoothness()
              .value());
    }
  }

  /** The exact value plus Gaussian noise, averaged over the samples (seeded by the instance). */
  static Probe noisy(double noise) {
    Probe exact = new MetaSmoothnessProbe();
    return new Probe() {
      @Override
      public String quantityId() {
        return "meta-smoothness";
      }

      @Override
      public Measurement measure(Instance x, MeasurementSettings settings) {
        double value = exact.measure(x, settings).value();
        Well19937c random = new Well19937c(x.seed());
        double[] samples = new double[settings.samples()];
        for (int i = 0; i < samples.length; i++) {
          samples[i] = value + noise * random.nextGaussian();
        }
        return Measurement.ofSamples(samples, settings.confidenceLevel());
      }
    };
  }

  static QuadraticDomain indefiniteQuadratics() {
    return QuadraticDomain.builder("quadratic")
        .dimensions(1, 2)
        .taskCounts(1, 2)
        .eigenvalues(-1, 1)
        .centreRadius(1)
        .rotations(true)
        .parameter(ParameterRange.integers("N", 1, 2))
        .parameter(ParameterRange.of("alpha", c -> 0.01, c -> 1 / c.get("L"), "[0.01, 1/L]"))
        .build();
  }

  /** Quadratic constants plus E‖∇l_i‖ = 0 (it multiplies ρ = 0 in Prop 1). */
  static final Function<Instance, Map<String, Double>> CONSTANTS =
      x -> {
        Map<String, Double> c = new TreeMap<>(QuadraticInstanceConstants.of(x.tasks()));
        c.put("grad_task_mean", 0.0);
        return c;
      };

  static final Profile ALPHA_PROFILE =
      new Profile(ParameterRange.of("alpha", c -> 0.01, c -> 1 / c.get("L"), "[0.01, 1/L]"), 12);

  static final ScopeCondition ALPHA_AT_MOST_ONE_OVER_L =
      new ScopeCondition(
          "alpha <= 1/L",
          x -> x.parameter("alpha") * QuadraticInstanceConstants.of(x.tasks()).get("L") <= 1 + 1e-12);

  static Plan plan(Probe probe) {
    return new Plan(probe, indefiniteQuadratics(), CONSTANTS, List.of(), null, ALPHA_PROFILE, null);
  }

  static final String PLANTED = "test.planted.meta-smoothness-at-most-L";

  /**
   * A claims file with a true claim (Fallah2020 Lemma 4.8 on quadratics, attained: HOLDS, tight)
   * and a false one (L-smoothness: VIOLATED).
   */
  static final String TWO_CLAIMS =
      """
      claims:
        - id: four-l
          statement: "one-step MAML is 4L-smooth for alpha <= 1/L"
          quantity: meta-smoothness
          estimator: maml
          relation: "<="
          bound: "4*L"
          family: {type: quadratic, dim: [1, 2], tasks: [1, 2], spectrum: [-1, 1]}
          params: {N: 1, alpha: [0, "1/L"]}
        - id: too-strong
          statement: "one-step MAML is L-smooth"
          quantity: meta-smoothness
          estimator: maml
          relation: "<="
          bound: "L"
          family: {type: quadratic, dim: [1, 2], tasks: [1, 2], spectrum: [-1, 1]}
          params: {N: 1, alpha: [0.05, "1/L"]}
      """;
  static final String NOISY = "test.noisy.meta-smoothness";

  /**
   * The suite: {@code ji2022.prop1.meta-smoothness} (true, tight), the planted violation (when
   * {@code planted}), the noisy check, and one bound listed as not checkable.
   */
  static ReportSuite suite(long seed, boolean planted) {
    Map<String, Plan> plans = new LinkedHashMap<>();
    CheckSuite suite = new CheckSuite();
    Plan prop1 = plan(new MetaSmoothnessProbe());
    suite.add(RegistryChecks.check(BoundRegistry.find("ji2022.prop1.meta-smoothness").orElseThrow(), prop1));
    plans.put("ji2022.prop1.meta-smoothness", prop1);
    if (planted) {
      suite.add(
          new BoundCheck(
              PLANTED,
              Comparison.AT_MOST,
              TheoreticalBound.of(
                  "L", x -> QuadraticInstanceConstants.of(x.tasks()).get("L"), List.of(ALPHA_AT_MOST_ONE_OVER_L)),
              new MetaSmoothnessProbe(),
              indefiniteQuadratics()));
      plans.put(PLANTED, plan(new MetaSmoothnessProbe()));
    }
    Plan noisy = plan(noisy(0.05));
    suite.add(
        new BoundCheck(
            NOISY,
            Comparison.AT_MOST,
            TheoreticalBound.of(
                    "(1 + alpha*L)^(2*N) * L",
                    x -> {
                      double l = QuadraticInstanceConstants.of(x.tasks()).get("L");
                      return Math.pow(1 + x.parameter("alpha") * l, 2 * x.integerParameter("N")) * l;
                    },
                    List.of(ALPHA_AT_MOST_ONE_OVER_L))
                .scaled(1.5),
            noisy.probe(),
            indefiniteQuadratics()));
    plans.put(NOISY, noisy);
    suite.addNotCheckable("ji2022.lemma11.path-sensitivity", "test suite: no plan here");
    CheckSettings settings =
        CheckSettings.defaults(seed).withEvaluationBudget(40).withSamples(40, 200).withShrinkBudget(40);
    return ReportSuite.of(suite, plans, settings, "test suite (" + suite.checks().size() + " checks)");
  }
}
