package io.metabound.experiments.plan;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.EvaluationException;
import io.metabound.bounds.expr.Expression;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.check.ScopeCondition;
import io.metabound.experiments.check.SeparableDomain;
import io.metabound.experiments.family.TaskFamilyConstants;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.probe.TaskGradients;
import io.metabound.experiments.task.TaskSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Domains, constants and conditions shared by the exact plans. */
final class PlanSupport {

  private PlanSupport() {}

  /**
   * Quadratic tasks with possibly negative curvature, where the inner-path bounds are attained:
   * {@code d ∈ 1…3}, {@code m ∈ 1…3}, eigenvalues in {@code [−2, 2]}, rotated, centres in {@code
   * [−1, 1]}.
   */
  static QuadraticDomain.Builder indefinite(String family) {
    return QuadraticDomain.builder(family)
        .dimensions(1, 3)
        .taskCounts(1, 3)
        .eigenvalues(-2, 2)
        .centreRadius(1)
        .rotations(true);
  }

  /** Separable non-convex tasks: {@code d ∈ 1…2}, {@code m ∈ 1…2}, weights in [0.1, 1]. */
  static SeparableDomain.Builder separable(String family) {
    return SeparableDomain.builder(family)
        .dimensions(1, 2)
        .taskCounts(1, 2)
        .weights(0.1, 1)
        .centreRadius(2);
  }

  /** Largest anchor centre |e_k| of {@link #anchored}: far enough for large gradients. */
  static final double ANCHOR_RADIUS = 50;

  /**
   * Separable non-convex tasks with a convex quadratic anchor {@code (q/2)(w − e)²}, {@code q ∈
   * [0.1, 1]}, {@code |e_k| ≤ 50} (exact L = max(2a + q), ρ = max a (3 + 2√2)/2): the distant
   * anchor makes the gradient large where the third derivative is largest, the regime where the
   * ρ-terms of the meta-smoothness and implicit-gradient bounds decide; {@code d ∈ 1…2}, {@code m ∈
   * 1…2}, weights in [0.1, 1], log centres in [−2, 2].
   */
  static SeparableDomain.Builder anchored(String family) {
    return separable(family).anchor(0.1, 1, ANCHOR_RADIUS);
  }

  /** {@code alpha ∈ [0, upper]} with {@code upper} an expression in the constants. */
  static ParameterRange alpha(String upper) {
    return range("alpha", "0", upper);
  }

  /**
   * A range whose ends are expressions in the constants, like {@link ParameterRange#expressions},
   * but an end that cannot be evaluated (a degenerate instance, e.g. every Hessian 0 after
   * shrinking, so that {@code 1/L} has {@code L = 0}) reads as 0: the range is then {@code {0}} and
   * the instance, whose bound needs {@code L > 0}, is out of scope instead of an error.
   */
  static ParameterRange range(String name, String lower, String upper) {
    Expression lo = Expression.parse(lower);
    Expression hi = Expression.parse(upper);
    return new ParameterRange(
        name,
        c -> guarded(lo, c),
        c -> guarded(hi, c),
        false,
        false,
        "[" + lo.toPlain() + ", " + hi.toPlain() + "]");
  }

  private static double guarded(Expression e, Map<String, Double> constants) {
    try {
      double v = e.evaluate(Bindings.of(constants));
      return Double.isFinite(v) ? v : 0;
    } catch (EvaluationException ex) {
      return 0;
    }
  }

  /**
   * {@code alpha ∈ [0.01/L, upper]} when {@code positive}: bounds that vanish with α ({@code 0 ≤
   * 0}, ratio 1 by convention) or are trivially attained at α = 0 must not let the search settle on
   * α = 0.
   */
  static ParameterRange alpha(String upper, boolean positive) {
    return positive ? range("alpha", "0.01/L", upper) : alpha(upper);
  }

  /** The exact constants of a quadratic instance ({@link QuadraticInstanceConstants}). */
  static Map<String, Double> quadratic(Instance x) {
    return new TreeMap<>(QuadraticInstanceConstants.of(x.tasks()));
  }

  /** {@code L}, {@code rho} of losses with known constants (exact or certified), plus d, m. */
  static Map<String, Double> known(TaskSet tasks) {
    TaskFamilyConstants c = TaskFamilyConstants.of(tasks, Double.POSITIVE_INFINITY);
    Map<String, Double> m = new TreeMap<>();
    m.put("L", c.smoothness().value());
    m.put("rho", c.hessianLipschitz().value());
    m.put("d", (double) tasks.dimension());
    m.put("m", (double) tasks.size());
    return m;
  }

  /** Quadratic constants on quadratic instances, known constants on the others. */
  static Map<String, Double> quadraticOrKnown(Instance x) {
    return x.isQuadratic() ? quadratic(x) : known(x.tasks());
  }

  /** Adds entries computed from the instance to a constants function. */
  static Function<Instance, Map<String, Double>> with(
      Function<Instance, Map<String, Double>> base, Function<Instance, Map<String, Double>> more) {
    return x -> {
      Map<String, Double> m = new TreeMap<>(base.apply(x));
      m.putAll(more.apply(x));
      return m;
    };
  }

  /** {@code E_i‖∇l_{T_i}(w)‖} at the instance's w. */
  static double meanTaskGradient(Instance x) {
    return TaskGradients.meanNorm(x.tasks(), x.vectorParameter("w"));
  }

  /**
   * {@code ‖u − w‖ ≥ 10⁻³} on non-quadratic instances with a pair of points (pairwise difference
   * quotients).
   */
  static final ScopeCondition SEPARATED_POINTS =
      new ScopeCondition(
          "||u - w|| >= 1e-3 on non-quadratic instances with two points (below, rounding in the"
              + " difference quotient would no longer be negligible)",
          x ->
              x.isQuadratic()
                  || !x.hasParameter("u0")
                  || Vectors.distance(x.vectorParameter("u"), x.vectorParameter("w")) >= 1e-3);

  /** A tuning that sets the evaluation and shrink budgets. */
  static UnaryOperator<CheckSettings> budget(int evaluations, int shrink) {
    return s -> s.withEvaluationBudget(evaluations).withShrinkBudget(shrink);
  }
}
