package io.metabound.reports.cli;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckSuite;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.check.ExpressionBound;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.NotCheckable;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.check.RegistryChecks;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.plan.RegistryPlans;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Test-only checks for the {@code check} command, built from the same parts as a registry check
 * (a formula with a registry-style assumption, a probe, a quadratic domain):
 *
 * <ul>
 *   <li>{@link #PLANTED}, a deliberately wrong bound "‖∇²F‖ ≤ L" for N-step MAML on quadratics
 *       with negative curvature: one task with {@code H = −L} has {@code ‖∇²F‖ = (1 + αL)^{2N} L},
 *       ratio {@code (1 + αL)^{2N} > 1};
 *   <li>{@link #HOLDING}, the true bound {@code (1 + αL)^{2N} L} (Ji2022 Prop 1 with ρ = 0) on the
 *       same domain.
 * </ul>
 */
final class PlantedChecks {

  static final String PLANTED = "test.planted.meta-smoothness-at-most-l";
  static final String HOLDING = "test.holding.meta-smoothness";

  private PlantedChecks() {}

  /** {@code ‖∇²F‖₂} of N-step MAML, from the project's closed-form oracle. */
  private static final Probe META_SMOOTHNESS = new Probe() {
    @Override
    public String quantityId() {
      return "meta-smoothness";
    }

    @Override
    public Measurement measure(Instance x, MeasurementSettings settings) {
      return Measurement.exact(QuadraticMetaOracle.maml(x.tasks(), x.parameter("alpha"),
          x.integerParameter("N")).metaSmoothness().value());
    }
  };

  /** d ≤ 2, m ≤ 2, eigenvalues in [−2, 2], N ∈ {1, 2}, α ∈ [0.05, 1/L]. */
  private static QuadraticDomain domain() {
    return QuadraticDomain.builder("quadratic")
        .taskCounts(1, 2)
        .dimensions(1, 2)
        .eigenvalues(-2, 2)
        .parameter(ParameterRange.integers("N", 1, 2))
        .parameter(ParameterRange.expressions("alpha", "0.05", "1/L"))
        .build();
  }

  private static BoundCheck check(String id, String formula) {
    ExpressionBound theory = new ExpressionBound(Expression.parse(formula),
        List.of(Assumption.parse("alpha <= 1/L", "alpha in [0, 1/L]")), List.of(),
        x -> QuadraticInstanceConstants.of(x.tasks()));
    return new BoundCheck(id, Comparison.AT_MOST, theory, META_SMOOTHNESS, domain())
        .tuned(s -> s.withEvaluationBudget(150).withShrinkBudget(200));
  }

  static BoundCheck planted() {
    return check(PLANTED, "L");
  }

  static BoundCheck holding() {
    return check(HOLDING, "(1 + alpha*L)^(2*N) * L");
  }

  /**
   * A command line whose {@code check} command finds the given checks by id and runs them as the
   * suite (with the registry's bounds listed as not checkable, as the registry without plans would).
   */
  static CommandLine.IFactory factory(BoundCheck... checks) {
    Function<String, Optional<BoundCheck>> byId =
        id -> List.of(checks).stream().filter(c -> c.boundId().equals(id)).findFirst();
    Function<List<Bound>, CheckSuite> suites = bounds -> {
      CheckSuite suite = new CheckSuite();
      for (BoundCheck c : checks) {
        suite.add(c);
      }
      for (NotCheckable n : unplanned(bounds)) {
        suite.addNotCheckable(n.boundId(), n.reason());
      }
      return suite;
    };
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == CheckCommand.class) {
          return type.cast(new CheckCommand(byId, suites));
        }
        return CommandLine.defaultFactory().create(type);
      }
    };
  }

  /** The registry's bounds as a suite without plans lists them (with the registry's reasons). */
  static List<NotCheckable> unplanned(List<Bound> bounds) {
    return RegistryChecks.suite(bounds, Map.of(), RegistryPlans.reasons()).notCheckable();
  }
}
