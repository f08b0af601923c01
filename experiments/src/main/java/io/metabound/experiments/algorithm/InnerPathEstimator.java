package io.metabound.experiments.algorithm;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;

/**
 * Base of the deterministic MAML estimators that run {@code N} inner gradient steps of size
 * {@code α} on the support loss, {@code w̃_{j+1} = w̃_j − α ∇l_S(w̃_j)} from {@code w̃_0 = w}
 * ({@link InnerGradientDescent}), and then differentiate through that path: exactly ({@link
 * MamlMetaGradient}), by finite differences ({@link HessianFreeMaml}) or not at all ({@link
 * FirstOrderMaml}). Holds {@code α}, {@code N} and the path workspace {@code w̃_0 … w̃_N}.
 */
abstract class InnerPathEstimator extends TaskSetEstimator {

  protected final double alpha;
  protected final int steps;
  /** {@code path[j] = w̃_j}, {@code j = 0..N}, after {@link #innerPath}. */
  protected final double[][] path;

  /**
   * @param alpha inner step size α (any finite real; theory assumes {@code 0 ≤ α ≤ 1/L})
   * @param steps inner steps {@code N ≥ 0}
   */
  InnerPathEstimator(TaskSet tasks, double alpha, int steps) {
    super(tasks);
    InnerGradientDescent.checkSettings(alpha, steps);
    this.alpha = alpha;
    this.steps = steps;
    this.path = new double[steps + 1][dimension];
  }

  /** The inner step size {@code α}. */
  public final double alpha() {
    return alpha;
  }

  /** The number of inner steps {@code N}. */
  public final int steps() {
    return steps;
  }

  /**
   * Runs task {@code i}'s inner path from {@code w} into {@link #path} (so {@code path[N] = w̃_N})
   * and returns the task; allocation-free.
   *
   * @param gradientScratch length {@code d}, overwritten
   */
  final MetaTask innerPath(int task, double[] w, double[] gradientScratch) {
    MetaTask t = tasks.get(task);
    InnerGradientDescent.path(t.inner(), alpha, steps, w, path, gradientScratch);
    return t;
  }
}
