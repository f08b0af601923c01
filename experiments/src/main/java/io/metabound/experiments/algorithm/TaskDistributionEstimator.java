package io.metabound.experiments.algorithm;

import io.metabound.experiments.task.TaskDistribution;

/**
 * What every estimator over a finite task distribution shares: the dimension {@code d} and the
 * probabilities {@code p_i} of the {@code m} tasks, copied once so the outer loop reads them
 * without going through the task set. Base of {@link TaskSetEstimator} (deterministic tasks) and
 * {@link StochasticTaskSetEstimator} (tasks reached through stochastic oracles).
 */
abstract class TaskDistributionEstimator implements MetaGradientEstimator {

  protected final int dimension;
  private final double[] probabilities;

  TaskDistributionEstimator(TaskDistribution tasks) {
    this.dimension = tasks.dimension();
    this.probabilities = new double[tasks.size()];
    for (int i = 0; i < tasks.size(); i++) {
      probabilities[i] = tasks.probability(i);
    }
  }

  @Override
  public final int dimension() {
    return dimension;
  }

  @Override
  public final int taskCount() {
    return probabilities.length;
  }

  @Override
  public final double taskProbability(int task) {
    return probabilities[task];
  }
}
