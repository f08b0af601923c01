package io.metabound.experiments.algorithm;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;

/**
 * First-order MAML (Fallah, Mokhtari and Ozdaglar 2020, eq. (8); the N-step form drops the whole
 * Jacobian of the inner path): the direction of task {@code i} is {@code ∇l_T(w̃_N)}, the query
 * gradient at the adapted point, with {@code w̃} the inner GD path of {@link InnerGradientDescent}.
 * Equals {@link MamlMetaGradient} at {@code α = 0} or {@code N = 0}. Deterministic (exact
 * gradients); {@link OneStepStochasticMaml} is the stochastic form. Calls do not allocate.
 */
public final class FirstOrderMaml extends InnerPathEstimator {

  private final double[] scratch;

  public FirstOrderMaml(TaskSet tasks, double alpha, int steps) {
    super(tasks, alpha, steps);
    this.scratch = new double[dimension];
  }

  @Override
  public void taskDirection(int task, double[] w, double[] out) {
    MetaTask t = innerPath(task, w, scratch);
    // Ĝ_i = ∇l_T(w̃_N)
    t.outer().gradient(path[steps], out);
  }
}
