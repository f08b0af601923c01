package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;

/**
 * Exact gradient statistics of a task set at one point {@code w}, which pointwise bounds take as
 * constants: the mean task-gradient norm, the task-gradient spread {@code σ(w)}, the support/query
 * gap {@code b(w)} and the meta-gradient norm. Expectations are over the task distribution {@code
 * p_i} (normalised weights); "task gradient" means the gradient of the outer (query) loss, which is
 * the inner loss in the resampling case.
 */
public final class TaskGradients {

  private TaskGradients() {}

  /** {@code E_i‖∇l_{T_i}(w)‖}. */
  public static double meanNorm(TaskSet tasks, double[] w) {
    double[] g = new double[w.length];
    double mean = 0;
    for (int i = 0; i < tasks.size(); i++) {
      tasks.get(i).outer().gradient(w, g);
      mean += tasks.probability(i) * Vectors.norm(g);
    }
    return mean;
  }

  /**
   * {@code σ(w) = (E_i‖∇l_{T_i}(w) − E_j∇l_{T_j}(w)‖²)^{1/2}}: Ji2022 Ass. 2 / 5.1 and Fallah2020
   * Ass. 4.5 restricted to the point {@code w}.
   */
  public static double spread(TaskSet tasks, double[] w) {
    int d = w.length;
    double[][] g = new double[tasks.size()][d];
    double[] mean = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      tasks.get(i).outer().gradient(w, g[i]);
      for (int k = 0; k < d; k++) {
        mean[k] += tasks.probability(i) * g[i][k];
      }
    }
    double variance = 0;
    for (int i = 0; i < tasks.size(); i++) {
      double s = Vectors.distance(g[i], mean);
      variance += tasks.probability(i) * s * s;
    }
    return Math.sqrt(variance);
  }

  /**
   * {@code b(w) = E_i‖∇l_{S_i}(w) − ∇l_{T_i}(w)‖}: the support/query gap of Ji2022 Ass. 5.2
   * restricted to the point {@code w} (0 in the resampling case).
   */
  public static double supportQueryGap(TaskSet tasks, double[] w) {
    int d = w.length;
    double[] s = new double[d];
    double[] t = new double[d];
    double mean = 0;
    for (int i = 0; i < tasks.size(); i++) {
      MetaTask task = tasks.get(i);
      task.inner().gradient(w, s);
      task.outer().gradient(w, t);
      mean += tasks.probability(i) * Vectors.distance(s, t);
    }
    return mean;
  }

  /** {@code ‖∇L(w)‖} of N-step MAML (Ji2022 eq. (3)/(10)). */
  public static double metaGradientNorm(TaskSet tasks, double alpha, int steps, double[] w) {
    return Vectors.norm(new MamlMetaGradient(tasks, alpha, steps).metaGradient(w));
  }

  /** {@code ‖∇l_{S_i}(w)‖} of task {@code i}'s inner (support) loss. */
  public static double innerNorm(TaskSet tasks, int task, double[] w) {
    double[] g = new double[w.length];
    tasks.get(task).inner().gradient(w, g);
    return Vectors.norm(g);
  }

  /** {@code ‖∇l_{T_i}(w)‖} of task {@code i}'s outer (query) loss. */
  public static double outerNorm(TaskSet tasks, int task, double[] w) {
    double[] g = new double[w.length];
    tasks.get(task).outer().gradient(w, g);
    return Vectors.norm(g);
  }
}
