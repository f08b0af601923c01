package io.metabound.experiments.algorithm;

import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.task.TaskSet;
import org.hipparchus.random.RandomGenerator;

/**
 * Base of the deterministic estimators over a {@link TaskSet}: task probabilities, the exact
 * task-averaged direction {@code Σ p_i Ĝ_i(w)}, and exact outer-gradient norms for adaptive step
 * sizes.
 */
public abstract class TaskSetEstimator extends TaskDistributionEstimator {

  protected final TaskSet tasks;
  private final double[] gradientScratch;
  private final double[] taskScratch;

  protected TaskSetEstimator(TaskSet tasks) {
    super(tasks);
    this.tasks = tasks;
    this.gradientScratch = new double[dimension];
    this.taskScratch = new double[dimension];
  }

  public TaskSet tasks() {
    return tasks;
  }

  /** {@code out = Ĝ_i(w)} (deterministic). */
  public abstract void taskDirection(int task, double[] w, double[] out);

  @Override
  public final void estimate(int task, double[] w, RandomGenerator random, double[] out) {
    taskDirection(task, w, out);
  }

  /** {@code out = Σ_i p_i Ĝ_i(w)}; allocation-free. */
  public void direction(double[] w, double[] out) {
    java.util.Arrays.fill(out, 0, dimension, 0.0);
    for (int i = 0; i < taskCount(); i++) {
      double p = taskProbability(i);
      if (p == 0) {
        continue;
      }
      taskDirection(i, w, taskScratch);
      for (int k = 0; k < dimension; k++) {
        out[k] += p * taskScratch[k];
      }
    }
  }

  /** {@code Σ_i p_i Ĝ_i(w)} in a new array. */
  public double[] direction(double[] w) {
    double[] out = new double[dimension];
    direction(w, out);
    return out;
  }

  /** The exact {@code ‖∇l_{T_i}(w)‖} of the task's outer loss, whatever {@code batchSize}. */
  @Override
  public double taskGradientNorm(int task, double[] w, int batchSize, RandomGenerator random) {
    tasks.get(task).outer().gradient(w, gradientScratch);
    return Vectors.norm(gradientScratch);
  }

  static void checkDimension(double[] w, int d, String name) {
    if (w.length != d) {
      throw new IllegalArgumentException(name + " has length " + w.length + ", expected " + d);
    }
  }
}
