package io.metabound.experiments.algorithm;

import org.hipparchus.random.RandomGenerator;

/**
 * A per-task meta-gradient estimator {@code Ĝ_i(w)} over a finite task distribution {@code p_i}:
 * what {@link OuterLoop} averages over a task batch. Deterministic estimators (exact MAML, FO-MAML,
 * HF-MAML, iMAML, proximal MAML on fixed losses) ignore the random generator; stochastic ones
 * (Ji2022 Alg. 1, Fallah2020 (5)/(8)/(10)) draw their batches from it.
 *
 * <p>Implementations keep workspace arrays and are not thread-safe: one instance per thread. {@link
 * #estimate} does not allocate.
 */
public interface MetaGradientEstimator {

  int dimension();

  int taskCount();

  /** {@code p_i}, summing to 1. */
  double taskProbability(int task);

  /** {@code out = Ĝ_i(w)}. */
  void estimate(int task, double[] w, RandomGenerator random, double[] out);

  /**
   * The norm of task {@code i}'s (outer) loss gradient at {@code w}, as adaptive step sizes need it
   * (Fallah2020 (16): {@code ‖∇̃f_j(w, D_β)‖}; Ji2022 (14): {@code ‖∇l_{T_i}(w; D_L)‖}, (22): the
   * exact {@code ‖∇l_{T_i}(w)‖}). Exact when {@code batchSize ≤ 0} or the estimator has no sampling
   * oracle; otherwise from a fresh batch of that size.
   */
  double taskGradientNorm(int task, double[] w, int batchSize, RandomGenerator random);
}
