package io.metabound.experiments.algorithm;

import io.metabound.experiments.task.TaskSet;

/**
 * Stochastic N-step MAML in the finite-sum case (Ji, Yang and Liang 2022, Algorithm 2, eq.
 * (11)–(12)). Each task has a fixed support set (inner loss {@code l_{S_i}}) and a fixed query set
 * (outer loss {@code l_{T_i}}); the inner loop is full gradient descent on {@code l_{S_i}}, so
 * {@code w^i_{k,j} = w̃^i_{k,j}} and the per-task estimator
 *
 * <pre>
 *   Ĝ_i(w) = Π_{j=0}^{N−1} (I − α ∇²l_{S_i}(w̃_j)) ∇l_{T_i}(w̃_N)
 * </pre>
 *
 * <p>is the exact task meta-gradient: the only randomness of Algorithm 2 is the task minibatch
 * {@code B_k}, which {@link OuterLoop} draws with {@link TaskBatching#sampled} (with replacement
 * from {@code p_i}), making {@code (1/B) Σ_{i∈B_k} Ĝ_i} unbiased for {@code ∇𝓛(w_k)}. Ji's
 * finite-sum step size (22) uses the exact {@code ‖∇l_{T_i}(w_k)‖}, which {@link #taskGradientNorm}
 * returns. Finite-sum linear-regression tasks come from {@code
 * LinearRegressionSampling.finiteSumTask}.
 */
public final class FiniteSumMaml extends TaskSetEstimator {

  private final MamlMetaGradient exact;

  public FiniteSumMaml(TaskSet tasks, double alpha, int steps) {
    super(tasks);
    this.exact = new MamlMetaGradient(tasks, alpha, steps);
  }

  @Override
  public void taskDirection(int task, double[] w, double[] out) {
    exact.taskGradient(task, w, out);
  }

  /** The exact meta-objective {@code 𝓛(w)} the algorithm minimises. */
  public double metaObjective(double[] w) {
    return exact.metaObjective(w);
  }
}
