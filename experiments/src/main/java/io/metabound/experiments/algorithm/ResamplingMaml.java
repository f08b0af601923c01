package io.metabound.experiments.algorithm;

import io.metabound.experiments.noise.StochasticOracle;
import io.metabound.experiments.noise.StochasticTaskSet;
import org.hipparchus.random.RandomGenerator;

/**
 * Stochastic N-step MAML in the resampling case (Ji, Yang and Liang 2022, Algorithm 1, eq.
 * (6)–(7)). For task {@code i} and meta-parameter {@code w}:
 *
 * <pre>
 *   w_{j+1} = w_j − α ∇l(w_j; S_j),   j = 0..N−1,  w_0 = w   (fresh batch S_j of size S)
 *   Ĝ_i(w)  = Π_{j=0}^{N−1} (I − α ∇²l(w_j; D_j)) ∇l(w_N; T)       (j = 0 leftmost)
 * </pre>
 *
 * <p>with Hessian batches {@code D_j} (size D, one per factor) and the outer batch {@code T} (size
 * T) drawn independently of each other and of the {@code S_j}. The product is applied by backward
 * accumulation; each factor's Hessian is sampled in full (d×d) and multiplied. The outer update
 * {@code w_{k+1} = w_k − (β_k/B) Σ_{i∈B_k} Ĝ_i(w_k)} is {@link OuterLoop} with {@link
 * TaskBatching#sampled}. On quadratic tasks with additive zero-mean noise the estimator is unbiased
 * (linear dynamics, independent factors: docs/THEOREMS.md §6.1). Calls do not allocate.
 */
public final class ResamplingMaml extends StochasticTaskSetEstimator {

  private final double alpha;
  private final int steps;
  private final int innerBatch;
  private final int hessianBatch;
  private final int outerBatch;
  private final double[][] path;
  private final double[] gradient;
  private final double[] vector;
  private final double[] product;
  private final double[] hessian;

  /**
   * @param alpha inner step size α
   * @param steps N ≥ 0
   * @param innerBatch S ≥ 1
   * @param hessianBatch D ≥ 1
   * @param outerBatch T ≥ 1
   */
  public ResamplingMaml(
      StochasticTaskSet tasks,
      double alpha,
      int steps,
      int innerBatch,
      int hessianBatch,
      int outerBatch) {
    super(tasks);
    InnerGradientDescent.checkSettings(alpha, steps);
    checkBatch("S", innerBatch);
    checkBatch("D", hessianBatch);
    checkBatch("T", outerBatch);
    this.alpha = alpha;
    this.steps = steps;
    this.innerBatch = innerBatch;
    this.hessianBatch = hessianBatch;
    this.outerBatch = outerBatch;
    this.path = new double[steps + 1][dimension];
    this.gradient = new double[dimension];
    this.vector = new double[dimension];
    this.product = new double[dimension];
    this.hessian = new double[dimension * dimension];
  }

  @Override
  public void estimate(int task, double[] w, RandomGenerator random, double[] out) {
    StochasticOracle oracle = tasks.get(task);
    int d = dimension;
    System.arraycopy(w, 0, path[0], 0, d);
    for (int j = 0; j < steps; j++) {
      // w_{j+1} = w_j − α ∇l(w_j; S_j)
      oracle.sampleGradient(path[j], innerBatch, random, gradient);
      for (int k = 0; k < d; k++) {
        path[j + 1][k] = path[j][k] - alpha * gradient[k];
      }
    }
    // v = ∇l(w_N; T)
    oracle.sampleGradient(path[steps], outerBatch, random, vector);
    for (int j = steps - 1; j >= 0; j--) {
      // v ← (I − α ∇²l(w_j; D_j)) v
      oracle.sampleHessian(path[j], hessianBatch, random, hessian);
      for (int r = 0; r < d; r++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += hessian[r * d + k] * vector[k];
        }
        product[r] = s;
      }
      for (int k = 0; k < d; k++) {
        vector[k] -= alpha * product[k];
      }
    }
    System.arraycopy(vector, 0, out, 0, d);
  }
}
