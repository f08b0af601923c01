package io.metabound.experiments.plan;

import static io.metabound.experiments.plan.PlanSupport.alpha;

import io.metabound.experiments.check.ExpectedFinding;
import io.metabound.experiments.check.FieldConstants;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.oracle.field.QuadraticExactModel;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.Profile;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.ScopeCondition;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.probe.BetaThresholdProbe;
import io.metabound.experiments.probe.SurrogateAlphaThresholdProbe;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * Exact plans for Takagi, Nagano, Yoshida and Okada (2019): the stepsize conditions against the
 * exact thresholds of the outer iteration on quadratic tasks with the same data for both updates.
 *
 * <p>Takagi's conditions are stated per eigenvalue λ_i, for all i; a check binds {@code lambda_i}
 * to the eigenvalue (over all tasks) that makes the stated threshold smallest, so the formula's
 * value is the condition's threshold {@code min_i f(λ_i)}. The measured side is Takagi's own model
 * where it is exact: on a quadratic the simplified MAML update {@code g − αHg} (third derivatives
 * vanish) is FO-MAML's direction, whose β threshold is {@link BetaThresholdProbe} of FO-MAML and
 * whose "minimum stays a minimum" threshold in α is {@link SurrogateAlphaThresholdProbe}; the
 * MetaBound-derived exact-MAML threshold is checked against exact one-step MAML. Eigenvalues are
 * kept in {@code [0.05, 2]} (the conditions assume a strict local minimum, λ_i > 0).
 */
final class Takagi2019Plans {

  private Takagi2019Plans() {}

  static void addTo(Map<String, Plan> plans) {
    plans.put(
        "takagi2019.cond-alpha.stability",
        new Plan(
                new SurrogateAlphaThresholdProbe(),
                positive("quadratic, one task", 1).build(),
                x -> binding(x, (lambda, alpha) -> 1 / lambda, false),
                List.of(),
                null,
                null,
                null)
            .consistencyCheck(
                "on one task the probe's threshold sup{alpha : H - alpha H^2 >= 0} is 1/lambda_max"
                    + " by the eigendecomposition of H, which is the formula min_i 1/lambda_i; it"
                    + " checks the surrogate-Hessian encoding, Takagi's own model being exact"
                    + " here"));
    plans.put(
        "takagi2019.cond-beta.stability",
        new Plan(
                BetaThresholdProbe.of(Estimator.FOMAML),
                positive("quadratic, one task", 1).parameter(alpha("0.999/L")).build(),
                x -> binding(x, (lambda, alpha) -> 2 / (lambda - alpha * lambda * lambda), true),
                List.of(strictAlpha(1)),
                null,
                Profile.of(alpha("0.999/L")),
                null)
            .consistencyCheck(
                "on one quadratic task FO-MAML's update map is H(I - alpha H), whose eigenvalues"
                    + " lambda - alpha lambda^2 give the threshold min_i 2/(lambda_i - alpha"
                    + " lambda_i^2), Takagi's formula; it checks the estimator maps and the"
                    + " threshold computation, not Takagi's simplification (exact on quadratics)"));
    plans.put(
        "takagi2019.cond-beta.exact-maml-stability",
        new Plan(
                BetaThresholdProbe.of(Estimator.MAML),
                positive("quadratic, one task", 1).parameter(alpha("0.999/L")).build(),
                x ->
                    binding(
                        x,
                        (lambda, alpha) ->
                            2 / (lambda * (1 - alpha * lambda) * (1 - alpha * lambda)),
                        true),
                List.of(strictAlpha(1)),
                null,
                Profile.of(alpha("0.999/L")),
                null)
            .consistencyCheck(
                "the formula is MetaBound's own derivation [derived] of exact one-step MAML's"
                    + " threshold: the map's eigenvalues lambda (1 - alpha lambda)^2 give min_i"
                    + " 2/(lambda_i (1 - alpha lambda_i)^2) by construction"));
    plans.put(
        "takagi2019.multitask.alpha-stability",
        new Plan(
            new SurrogateAlphaThresholdProbe(),
            positive("quadratic", 3).build(),
            new BindingEigenvalue((lambda, alpha) -> 1 / (2 * lambda), false),
            List.of(),
            null,
            null,
            null));
    plans.put(
        "takagi2019.multitask.beta-stability",
        new Plan(
            BetaThresholdProbe.of(Estimator.FOMAML),
            positive("quadratic", 3).parameter(alpha("0.999/(2*L)")).build(),
            new BindingEigenvalue(
                (lambda, alpha) -> 2 / (lambda - 2 * alpha * lambda * lambda), true),
            List.of(strictAlpha(2)),
            MULTITASK_BETA_FINDING,
            Profile.of(alpha("0.999/(2*L)")),
            null));
  }

  /** The expected finding of {@code takagi2019.multitask.beta-stability}. */
  static final ExpectedFinding MULTITASK_BETA_FINDING =
      ExpectedFinding.reconstruction(
          "The low-confidence multi-task reading beta < 2/(lambda - 2 alpha lambda^2) [R-lo]"
              + " overstates the stable range: on one task the exact threshold of Takagi's"
              + " simplified MAML (= FO-MAML on a quadratic) is 2/(lambda - alpha lambda^2), so"
              + " stated/measured = (1 - alpha lambda)/(1 - 2 alpha lambda) > 1 for every alpha >"
              + " 0, unbounded as alpha -> 1/(2 lambda); even exact MAML's 2/(lambda (1 - alpha"
              + " lambda)^2) is exceeded by (1 - alpha lambda)^2/(1 - 2 alpha lambda). The factor 2"
              + " is exact MAML's first-order term, so the reading is an O(alpha^2) approximation,"
              + " not a sufficient condition.");

  private static QuadraticDomain.Builder positive(String family, int maxTasks) {
    return QuadraticDomain.builder(family)
        .dimensions(1, 3)
        .taskCounts(1, maxTasks)
        .eigenvalues(0.05, 2)
        .centreRadius(1)
        .rotations(true);
  }

  /**
   * {@code α < 1/(factor · λ_max)} strictly: at equality the top direction of the simplified update
   * is neutral ({@code H̃} singular), no β converges from every start, and the stated threshold of
   * that direction is infinite.
   */
  private static ScopeCondition strictAlpha(int factor) {
    return new ScopeCondition(
        "alpha < 1/("
            + (factor == 1 ? "" : factor + " ")
            + "lambda_max) strictly (Cond-alpha;"
            + " at equality the top direction is neutral and no beta converges from every start)",
        x -> x.parameter("alpha") * factor * PlanSupport.quadratic(x).get("L") < 1);
  }

  /**
   * Quadratic constants plus {@code lambda_i}: the positive inner eigenvalue (over every task)
   * minimising {@code f(λ, α)} among those where it is positive and finite, so that the formula's
   * value is {@code min_i f(λ_i)}, the condition's threshold. In a field (extended-precision
   * confirmation) {@code lambda_i} is the same eigenvalue, computed in the field: the field
   * eigenvalue of its task nearest the double one.
   */
  private record BindingEigenvalue(DoubleBinaryOperator formula, boolean usesAlpha)
      implements java.util.function.Function<Instance, Map<String, Double>>, FieldConstants {

    @Override
    public Map<String, Double> apply(Instance x) {
      return binding(x, formula, usesAlpha);
    }

    @Override
    public <T extends CalculusFieldElement<T>> java.util.Optional<Map<String, T>> of(
        Instance x, Field<T> field) {
      java.util.Optional<Map<String, T>> quadratic = QuadraticInstanceConstants.FIELD.of(x, field);
      double binding = binding(x, formula, usesAlpha).get("lambda_i");
      if (quadratic.isEmpty() || Double.isNaN(binding)) {
        return quadratic;
      }
      QuadraticExactModel<T> model = QuadraticExactModel.of(field, x.tasks());
      T nearest = null;
      for (int i = 0; i < model.taskCount(); i++) {
        for (T lambda : model.innerEigenvalues(i)) {
          if (nearest == null
              || Math.abs(lambda.getReal() - binding) < Math.abs(nearest.getReal() - binding)) {
            nearest = lambda;
          }
        }
      }
      Map<String, T> c = new java.util.TreeMap<>(quadratic.get());
      c.put("lambda_i", nearest);
      return java.util.Optional.of(c);
    }
  }

  private static Map<String, Double> binding(
      Instance x, DoubleBinaryOperator formula, boolean usesAlpha) {
    Map<String, Double> c = PlanSupport.quadratic(x);
    double alpha = usesAlpha ? x.parameter("alpha") : 0;
    QuadraticTasks tasks = QuadraticTasks.of(x.tasks());
    double best = Double.POSITIVE_INFINITY;
    double binding = Double.NaN;
    for (int i = 0; i < tasks.size(); i++) {
      for (double lambda : tasks.innerEigenvalues(i)) {
        if (!(lambda > 0)) {
          continue;
        }
        double v = formula.applyAsDouble(lambda, alpha);
        if (v > 0 && v < best) {
          best = v;
          binding = lambda;
        }
      }
    }
    c.put("lambda_i", binding);
    return c;
  }
}
