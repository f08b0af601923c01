package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.AcceleratedGradientDescent;
import io.metabound.experiments.algorithm.ConjugateGradient;
import io.metabound.experiments.algorithm.ImplicitMaml;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import java.util.function.Function;

/**
 * Gradient-equivalent computations of Rajeswaran et al. (2019)'s Algorithm 2 for an ε-accurate
 * implicit meta-gradient of task 0 (Def. 3): {@code K} steps of accelerated gradient descent
 * ({@link AcceleratedGradientDescent}, from 0 as in Lemma 2) on {@code G(φ, θ) = l̂(φ) + (λ/2)‖φ −
 * θ‖²}, then {@code k} conjugate-gradient steps (one Hessian-vector product each) on {@code (I +
 * ∇²l̂(φ_K)/λ) g = ∇L(φ_K)}, from {@code g = 0}. Gradients of {@code l̂} and HVPs count alike, as
 * Theorem 1 does (the outer gradient {@code ∇L(φ_K)} is not a computation of {@code ∇l̂}). Two
 * schedules:
 *
 * <ul>
 *   <li>{@link #prescribed} — Algorithm 2 as Theorem 1 runs it: AGD until its iterate is δ-accurate
 *       ({@code ‖φ_K − Alg*(θ)‖ ≤ δ}, the K that Lemma 2 bounds), then CG until the linear solve is
 *       δ'-accurate ({@code ‖g − (I + ∇²l̂(φ_K)/λ)^{-1}∇L(φ_K)‖ ≤ δ'}, Def. 2), with the theorem's
 *       accuracies δ and δ' given by the plan (δ = ε/(2 C_δ), δ' = ε/2). The probe returns {@code K
 *       + k} if the result is ε-accurate, and {@code +∞} if it is not: then the prescribed
 *       accuracies do not deliver the theorem's ε and no count suffices. So one check tests both
 *       the count (Lemma 2 for each solve) and the accuracy (Lemma 3 with the chosen δ, δ').
 *   <li>{@link #ImplicitGradientCostProbe() optimal} — the fewest computations of any schedule:
 *       {@code min { K + k : ‖g_{K,k} − d_θL(Alg*(θ))‖ ≤ ε }}, found for each K by k = 0, 1, …
 *       until CG stops changing, ending once K alone reaches the best total. A lower envelope of
 *       every schedule, so a bound on it is necessary for, but weaker than, a bound on Algorithm 2.
 * </ul>
 *
 * The exact target is {@code C(φ*)^{-1}∇L(φ*)} at the exact inner solution. Inner losses: quadratic
 * ({@code β = λ + λ_max(H)}, {@code μ = λ + λ_min(H)}) or separable ({@code β = λ + L}, {@code μ =
 * λ + inf f''}). Parameters {@code lambda}, {@code epsilon}, {@code theta0…}. Capped at {@link
 * #MAX_TOTAL} computations (the cap + 1 is reported when it is hit).
 */
public final class ImplicitGradientCostProbe implements Probe {

  /** Cap on the total count. */
  public static final int MAX_TOTAL = 200_000;

  /**
   * The accuracies Theorem 1 prescribes for an instance.
   *
   * @param innerAccuracy δ of the inner solve ({@code ‖φ_K − Alg*(θ)‖ ≤ δ})
   * @param linearAccuracy δ' of the linear solve (Def. 2)
   */
  public record Schedule(double innerAccuracy, double linearAccuracy) {
    public Schedule {
      if (!(innerAccuracy > 0) || !(linearAccuracy > 0)) {
        throw new IllegalArgumentException(
            "accuracies must be > 0, got delta = "
                + innerAccuracy
                + ", delta' = "
                + linearAccuracy);
      }
    }
  }

  /** Null for the optimal schedule. */
  private final Function<Instance, Schedule> schedule;

  /** The fewest computations of any schedule (see the class comment). */
  public ImplicitGradientCostProbe() {
    this(null);
  }

  private ImplicitGradientCostProbe(Function<Instance, Schedule> schedule) {
    this.schedule = schedule;
  }

  /** Algorithm 2 with the accuracies {@code schedule} prescribes for each instance. */
  public static ImplicitGradientCostProbe prescribed(Function<Instance, Schedule> schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException("a prescribed schedule is needed");
    }
    return new ImplicitGradientCostProbe(schedule);
  }

  @Override
  public String quantityId() {
    return "gradient-computations";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    Run run = new Run(instance);
    if (schedule == null) {
      return Measurement.exact(run.optimal(instance.parameter("epsilon")));
    }
    Schedule s = schedule.apply(instance);
    return Measurement.exact(
        run.prescribed(s.innerAccuracy(), s.linearAccuracy(), instance.parameter("epsilon")));
  }

  /** One instance's solvers, exact inner solution and exact target. */
  private static final class Run {
    private final MetaTask task;
    private final SmoothLoss inner;
    private final double lambda;
    private final int d;
    private final double[] optimum;
    private final double[] target;
    private final AcceleratedGradientDescent agd;
    private final AcceleratedGradientDescent.GradientOracle proximal;
    private final ConjugateGradient cg;
    private final double[] v;
    private final double[] g;
    private final double[] product;

    Run(Instance instance) {
      lambda = instance.parameter("lambda");
      double[] theta = instance.vectorParameter("theta");
      task = instance.tasks().get(0);
      inner = task.inner();
      d = theta.length;
      double smoothness;
      double convexity;
      if (inner instanceof QuadraticLoss) {
        QuadraticTasks q = ProbeSupport.quadratic(instance, "implicit-gradient cost");
        double[] eig = q.innerEigenvalues(0);
        optimum = QuadraticMetaOracle.imaml(q, lambda).adaptedPoint(0, theta);
        smoothness = lambda + eig[d - 1];
        convexity = lambda + eig[0];
      } else if (inner instanceof SeparableNonconvexLoss s) {
        optimum = s.proximalPoint(theta, lambda);
        smoothness = lambda + s.smoothness().value();
        convexity = lambda + s.smallestCurvature();
      } else {
        throw new IllegalArgumentException(
            "implicit-gradient cost: inner loss "
                + inner.getClass().getSimpleName()
                + " is neither quadratic nor separable");
      }
      target = ImplicitGradientErrorProbe.implicitGradient(task, optimum, lambda);
      double[] innerGradient = new double[d];
      proximal =
          (phi, out) -> {
            inner.gradient(phi, innerGradient);
            // ∇_φ G = ∇l̂(φ) + λ(φ − θ)
            for (int k = 0; k < d; k++) {
              out[k] = innerGradient[k] + lambda * (phi[k] - theta[k]);
            }
          };
      agd = new AcceleratedGradientDescent(d, smoothness, convexity);
      cg = new ConjugateGradient(d);
      v = new double[d];
      g = new double[d];
      product = new double[d];
    }

    /** {@code p ↦ (I + ∇²l̂(φ)/λ) p}. */
    ConjugateGradient.LinearOperator system(double[] phi) {
      return (x, out) -> {
        inner.hessianVector(phi, x, product);
        for (int k = 0; k < d; k++) {
          // (I + ∇²l̂(φ)/λ) x
          out[k] = x[k] + product[k] / lambda;
        }
      };
    }

    /**
     * Fewest K + k over all schedules reaching ε; {@code MAX_TOTAL + 1} when none within the cap.
     */
    int optimal(double epsilon) {
      int[] best = {MAX_TOTAL + 1};
      int[] steps = {0};
      // asked about φ_K for K = 0, 1, …: try k = 0, 1, … CG steps at φ_K, stop once K alone ties
      agd.run(
          proximal,
          new double[d],
          MAX_TOTAL,
          phi -> {
            int k0 = steps[0]++;
            task.outer().gradient(phi, v);
            ConjugateGradient.LinearOperator a = system(phi);
            for (int k = 0; k0 + k < best[0]; k++) {
              cg.solve(a, v, k, g);
              if (Vectors.distance(g, target) <= epsilon) {
                best[0] = k0 + k;
                break;
              }
              if (cg.iterations() < k) {
                break;
              }
            }
            return k0 + 1 >= best[0];
          },
          new double[d]);
      return best[0];
    }

    /**
     * Algorithm 2 with accuracies δ, δ': K + k, or {@code +∞} when the result misses ε, or {@code
     * MAX_TOTAL + 1} when a solve does not reach its accuracy within the cap.
     */
    double prescribed(double delta, double deltaPrime, double epsilon) {
      double[] phi = new double[d];
      // K = fewest AGD steps with ‖φ_K − φ*‖ ≤ δ
      int agdSteps =
          agd.run(
              proximal, new double[d], MAX_TOTAL, x -> Vectors.distance(x, optimum) <= delta, phi);
      if (agdSteps > MAX_TOTAL) {
        return MAX_TOTAL + 1;
      }
      task.outer().gradient(phi, v);
      double[] solution = new double[d];
      // g*(φ_K) = (I + ∇²l̂(φ_K)/λ)^{-1} ∇L(φ_K), dense
      ImplicitMaml.exactSolve(inner, phi, v, lambda, solution);
      ConjugateGradient.LinearOperator a = system(phi);
      int linear = 0;
      while (true) {
        cg.solve(a, v, linear, g);
        if (Vectors.distance(g, solution) <= deltaPrime) {
          break;
        }
        if (cg.iterations() < linear || agdSteps + linear >= MAX_TOTAL) {
          // CG stopped (exact in exact arithmetic) or the cap: no further step helps
          return MAX_TOTAL + 1;
        }
        linear++;
      }
      return Vectors.distance(g, target) <= epsilon ? agdSteps + linear : Double.POSITIVE_INFINITY;
    }
  }
}
