package io.metabound.experiments.algorithm;

import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;

/**
 * MAML that back-propagates through the K gradient steps on the proximal inner problem {@code
 * G_i(φ, θ) = l_S(φ) + (λ/2)‖φ − θ‖²}: the "MAML" curve of Rajeswaran, Finn, Kakade and Levine
 * (2019), Fig. 2(a) (App. A: MAML there differentiates through GD on the regularised problem).
 *
 * <pre>
 *   φ_0 = θ,   φ_{k+1} = φ_k − η(∇l_S(φ_k) + λ(φ_k − θ))
 *   dφ_{k+1}/dθ = M_k dφ_k/dθ + ηλ I,   M_k = I − η∇²l_S(φ_k) − ηλI  (symmetric),   dφ_0/dθ = I
 *   Ĝ_i(θ) = (dφ_K/dθ)ᵀ ∇l_T(φ_K)
 * </pre>
 *
 * <p>Unrolled, {@code dφ_K/dθ = M_{K−1}⋯M_0 + ηλ Σ_{k=0}^{K−1} M_{K−1}⋯M_{k+1}}; its transpose is
 * applied in reverse mode: {@code a ← ∇l_T(φ_K)}, {@code s ← 0}; for {@code k = K−1..0}: {@code s ←
 * s + ηλ a}, {@code a ← M_k a}; finally {@code Ĝ = a + s}. Memory {@code O(K d)} (the stored path),
 * as for MAML in the paper's Table 1. As {@code K → ∞} with a convergent inner loop this tends to
 * the iMAML implicit gradient. Calls do not allocate.
 */
public final class ProximalMaml extends TaskSetEstimator {

  private final double lambda;
  private final int innerSteps;
  private final double innerRate;
  private final double[][] path;
  private final double[] adjoint;
  private final double[] sum;
  private final double[] product;

  public ProximalMaml(TaskSet tasks, double lambda, int innerSteps, double innerRate) {
    super(tasks);
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
    }
    if (innerSteps < 0) {
      throw new IllegalArgumentException("inner steps K must be >= 0, got " + innerSteps);
    }
    if (!Double.isFinite(innerRate)) {
      throw new IllegalArgumentException("inner rate must be finite, got " + innerRate);
    }
    this.lambda = lambda;
    this.innerSteps = innerSteps;
    this.innerRate = innerRate;
    this.path = new double[innerSteps + 1][dimension];
    this.adjoint = new double[dimension];
    this.sum = new double[dimension];
    this.product = new double[dimension];
  }

  /** {@code φ_K(θ)} into {@code out}. */
  public void adapt(int task, double[] theta, double[] out) {
    forward(tasks.get(task).inner(), theta);
    System.arraycopy(path[innerSteps], 0, out, 0, dimension);
  }

  private void forward(SmoothLoss inner, double[] theta) {
    System.arraycopy(theta, 0, path[0], 0, dimension);
    for (int k = 0; k < innerSteps; k++) {
      inner.gradient(path[k], product);
      double[] from = path[k];
      double[] to = path[k + 1];
      // φ_{k+1} = φ_k − η(∇l_S(φ_k) + λ(φ_k − θ))
      for (int r = 0; r < dimension; r++) {
        to[r] = from[r] - innerRate * (product[r] + lambda * (from[r] - theta[r]));
      }
    }
  }

  @Override
  public void taskDirection(int task, double[] theta, double[] out) {
    MetaTask t = tasks.get(task);
    forward(t.inner(), theta);
    t.outer().gradient(path[innerSteps], adjoint);
    java.util.Arrays.fill(sum, 0.0);
    double shrink = innerRate * lambda;
    for (int k = innerSteps - 1; k >= 0; k--) {
      // s ← s + ηλ a
      Vectors.axpy(shrink, adjoint, sum, dimension);
      // a ← M_k a = a − η∇²l_S(φ_k) a − ηλ a
      t.inner().hessianVector(path[k], adjoint, product);
      for (int r = 0; r < dimension; r++) {
        adjoint[r] -= innerRate * product[r] + shrink * adjoint[r];
      }
    }
    for (int r = 0; r < dimension; r++) {
      out[r] = adjoint[r] + sum[r];
    }
  }
}
