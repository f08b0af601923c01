package io.metabound.experiments.plan;

import static io.metabound.experiments.plan.PlanSupport.alpha;
import static io.metabound.experiments.plan.PlanSupport.anchored;
import static io.metabound.experiments.plan.PlanSupport.indefinite;
import static io.metabound.experiments.plan.PlanSupport.separable;

import io.metabound.experiments.check.Ablation;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.InstanceDomain;
import io.metabound.experiments.check.ParameterDomain;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.Profile;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.ScopeCondition;
import io.metabound.experiments.check.SeparableDomain;
import io.metabound.experiments.check.UnionDomain;
import io.metabound.experiments.check.VectorParameter;
import io.metabound.experiments.family.LogisticTaskFamily;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.probe.ConvergenceAlphaThresholdProbe;
import io.metabound.experiments.probe.FiniteDifferenceErrorProbe;
import io.metabound.experiments.probe.MetaSmoothnessProbe;
import io.metabound.experiments.probe.Probe;
import io.metabound.experiments.probe.TaskGradients;
import io.metabound.experiments.probe.TaylorRemainderProbe;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exact plans for Fallah, Mokhtari and Ozdaglar (2020): the finite-difference error (9) on
 * separable non-convex losses (exact ρ); Lemma 4.8's smoothness {@code min{L(w), L(u)}} and its
 * Taylor corollary on quadratics (attained, 4L at α = 1/L with an eigenvalue −L), separable
 * non-convex and logistic tasks (pairwise, ρ > 0); and the inner-stepsize hypotheses of Theorems
 * 4.12, 4.15 and 4.17, measured as the largest α for which the theorem's conclusion still holds in
 * its deterministic special case (one task, exact gradients).
 */
final class Fallah2020Plans {

  private Fallah2020Plans() {}

  /** Seed of the fixed logistic-regression task set of the Lemma 4.8 checks. */
  static final long LOGISTIC_SEED = 20200;

  static void addTo(Map<String, Plan> plans) {
    plans.put(
        "fallah2020.eq9.finite-difference-error",
        new Plan(
            new FiniteDifferenceErrorProbe(),
            separable("separable")
                .dimensions(1, 3)
                .taskCounts(1, 1)
                .vector("w", 3)
                .vector("v", 1)
                .parameter(ParameterRange.between("delta", 1e-3, 10).logarithmic())
                .build(),
            Fallah2020Plans::finiteDifferenceConstants,
            List.of(
                new ScopeCondition(
                    "v != 0 (the product with the zero vector is exact and the bound is 0)",
                    x -> Vectors.norm(x.vectorParameter("v")) > 0)),
            null,
            Profile.of(ParameterRange.between("delta", 1e-3, 10).logarithmic()),
            null));
    plans.put(
        "fallah2020.lemma4.8.meta-smoothness",
        lemma48(MetaSmoothnessProbe.of(Estimator.MAML), true));
    plans.put("fallah2020.lemma4.8.taylor-remainder", lemma48(new TaylorRemainderProbe(), false));
    QuadraticDomain oneTask =
        QuadraticDomain.builder("quadratic, one task")
            .dimensions(1, 3)
            .taskCounts(1, 1)
            .eigenvalues(0.01, 2)
            .centreRadius(1)
            .rotations(true)
            .build();
    plans.put("fallah2020.thm4.12.alpha-threshold", deterministic(Estimator.MAML, 12, oneTask));
    plans.put("fallah2020.thm4.15.alpha-threshold", deterministic(Estimator.FOMAML, 18, oneTask));
    plans.put("fallah2020.thm4.17.alpha-threshold", deterministic(Estimator.HFMAML, 25, oneTask));
  }

  /**
   * A theorem's α hypothesis against the largest α for which its conclusion holds in the
   * deterministic special case, with the theorem's meta stepsize β̃/divisor.
   */
  private static Plan deterministic(Estimator estimator, double divisor, QuadraticDomain domain) {
    return new Plan(
            ConvergenceAlphaThresholdProbe.fallah(estimator, divisor),
            domain,
            PlanSupport::quadratic,
            List.of(DETERMINISTIC_CASE),
            null,
            null,
            null)
        .consistencyCheck(
            "in the deterministic special case with a positive definite Hessian the meta stepsize"
                + " beta~/"
                + (int) divisor
                + " = 1/("
                + (int) (4 * divisor)
                + " L) gives beta mu <= beta L < 2 for every alpha <= 1/L, so convergence for every"
                + " alpha under the stated threshold follows from algebra and the check cannot"
                + " fail; it verifies the encoding of the stepsize and the estimator maps");
  }

  /**
   * A Lemma 4.8 check: its domain and constants ({@code smallerOfTwo}: the smoothness, with {@code
   * min{L(w), L(u)}}; else the Taylor remainder, with {@code L(w)}), the ablation of its ρ-term.
   */
  private static Plan lemma48(Probe probe, boolean smallerOfTwo) {
    return new Plan(
            probe,
            lemma48Domain(),
            x -> lemma48Constants(x, smallerOfTwo),
            List.of(PlanSupport.SEPARATED_POINTS),
            null,
            Profile.of(alpha("1/L")),
            null)
        .withNote(LEMMA48_CONSTANTS)
        .withAblation(LEMMA48_RHO_TERMS);
  }

  /** The constants of the Lemma 4.8 checks: a note, not a hypothesis (it holds everywhere). */
  private static final String LEMMA48_CONSTANTS =
      "constants: L exact on every family, rho exact on quadratic and separable (anchored or not)"
          + " tasks and a certified upper bound (1/(6 sqrt 3)) (1/n) sum ||x_j||^3 on logistic"
          + " ones, which keeps this upper-bound check valid (only looser)";

  private static final Ablation LEMMA48_RHO_TERMS = Ablation.rho("ρ-term 2 rho alpha E_i||∇f_i||");

  private static final ScopeCondition DETERMINISTIC_CASE =
      new ScopeCondition(
          "the theorem's deterministic special case: one task (sigma = 0), exact gradients (sigma~"
              + " = sigma_H = 0, so every batch condition holds), positive definite Hessian (F"
              + " bounded below, Assumption 4.2); there the conclusion 'E||∇F(w)|| <= epsilon for"
              + " every epsilon' holds iff the outer iteration with beta = beta~/c converges",
          x -> {
            if (x.taskCount() != 1 || !x.isQuadratic()) {
              return false;
            }
            return PlanSupport.quadratic(x).get("mu") > 0;
          });

  /**
   * Quadratics (exact supremum over all pairs: 4L at α = 1/L with an eigenvalue −L), separable
   * non-convex tasks, anchored separable tasks (large gradients where the third derivative is
   * largest, so the ρ-term decides) and a fixed logistic-regression task set (pairwise at w, u).
   */
  private static InstanceDomain lemma48Domain() {
    SeparableDomain separableTasks =
        separable("separable").vector("w", 3).vector("u", 3).parameter(alpha("1/L")).build();
    SeparableDomain anchoredTasks =
        anchored("separable anchored")
            .vector("w", 3)
            .vector("u", 3)
            .parameter(alpha("1/L"))
            .build();
    TaskSet logistic =
        new LogisticTaskFamily(2, 3, 20, 0, 1.0, 1.0, 0.5, 0.0).generate(LOGISTIC_SEED);
    List<ParameterRange> logisticParameters = new ArrayList<>();
    for (String point : List.of("w", "u")) {
      for (int k = 0; k < 2; k++) {
        logisticParameters.add(ParameterRange.between(VectorParameter.coordinate(point, k), -3, 3));
      }
    }
    logisticParameters.add(alpha("1/L"));
    return UnionDomain.of(
        indefinite("quadratic").parameter(alpha("1/L")).build(),
        separableTasks,
        anchoredTasks,
        ParameterDomain.of("logistic", logistic, PlanSupport::known, logisticParameters));
  }

  /**
   * L and ρ (exact on quadratics and separable tasks, ρ certified on logistic ones) and {@code
   * grad_task_mean}: on quadratics 0 (ρ = 0 removes the term); elsewhere {@code min(E_i‖∇f_i(w)‖,
   * E_i‖∇f_i(u)‖)} for the smoothness (Lemma 4.8's {@code min{L(w), L(u)}}) or the value at the
   * expansion point w for the Taylor remainder.
   */
  static Map<String, Double> lemma48Constants(Instance x, boolean smallerOfTwo) {
    Map<String, Double> c = PlanSupport.quadraticOrKnown(x);
    double gradient = 0;
    if (!x.isQuadratic()) {
      gradient = PlanSupport.meanTaskGradient(x);
      if (smallerOfTwo) {
        gradient = Math.min(gradient, TaskGradients.meanNorm(x.tasks(), x.vectorParameter("u")));
      }
    }
    c.put("grad_task_mean", gradient);
    return c;
  }

  private static Map<String, Double> finiteDifferenceConstants(Instance x) {
    Map<String, Double> c = PlanSupport.known(x.tasks());
    c.put("v_norm", Vectors.norm(x.vectorParameter("v")));
    return c;
  }
}
