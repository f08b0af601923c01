package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.AcceleratedGradientDescent;
import io.metabound.experiments.algorithm.ConjugateGradient;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;

/**
 * The fewest gradient-equivalent computations with which Rajeswaran et al. (2019)'s Algorithm 2
 * returns an ε-accurate implicit meta-gradient of task 0 (Def. 3): {@code K} steps of accelerated
 * gradient descent ({@link AcceleratedGradientDescent}, from 0 as in Lemma 2) on {@code G(φ, θ) =
 * l̂(φ) + (λ/2)‖φ − θ‖²}, then {@code k} conjugate-gradient steps (one Hessian-vector product each)
 * on {@code (I + ∇²l̂(φ_K)/λ) g = ∇L(φ_K)}; the probe returns
 *
 * <pre>{@code min { K + k : ‖g_{K,k} − d_θL(Alg*(θ))‖ ≤ ε }}</pre>
 *
 * counting gradients of {@code l̂} and HVPs alike, as Theorem 1 does (the outer gradient {@code
 * ∇L(φ_K)} is not a computation of {@code ∇l̂}). Found by running both solvers: for each K, k = 0,
 * 1, … until CG stops changing; the search ends once K alone reaches the best total. The exact
 * target is {@code C(φ*)^{-1}∇L(φ*)} at the exact inner solution. Inner losses: quadratic ({@code β
 * = λ + λ_max(H)}, {@code μ = λ + λ_min(H)}) or separable ({@code β = λ + 2 max a}, {@code μ = λ −
 * max a/4}). Parameters {@code lambda}, {@code epsilon}, {@code theta0…}. Capped at {@link
 * #MAX_TOTAL} computations (the cap + 1 is reported when it is hit).
 */
public final class ImplicitGradientCostProbe implements Probe {

  /** Cap on the total count. */
  public static final int MAX_TOTAL = 200_000;

  @Override
  public String quantityId() {
    return "gradient-computations";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double lambda = instance.parameter("lambda");
    double epsilon = instance.parameter("epsilon");
    double[] theta = instance.vectorParameter("theta");
    TaskSet tasks = instance.tasks();
    MetaTask task = tasks.get(0);
    SmoothLoss inner = task.inner();
    int d = theta.length;
    double[] optimum;
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
    double[] target = ImplicitGradientErrorProbe.implicitGradient(task, optimum, lambda);
    double[] innerGradient = new double[d];
    AcceleratedGradientDescent.GradientOracle proximal =
        (phi, out) -> {
          inner.gradient(phi, innerGradient);
          // ∇_φ G = ∇l̂(φ) + λ(φ − θ)
          for (int k = 0; k < d; k++) {
            out[k] = innerGradient[k] + lambda * (phi[k] - theta[k]);
          }
        };
    AcceleratedGradientDescent agd = new AcceleratedGradientDescent(d, smoothness, convexity);
    ConjugateGradient cg = new ConjugateGradient(d);
    double[] v = new double[d];
    double[] g = new double[d];
    double[] product = new double[d];
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
          ConjugateGradient.LinearOperator a =
              (x, out) -> {
                inner.hessianVector(phi, x, product);
                for (int k = 0; k < d; k++) {
                  // (I + ∇²l̂(φ)/λ) x
                  out[k] = x[k] + product[k] / lambda;
                }
              };
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
    return Measurement.exact(best[0]);
  }
}
