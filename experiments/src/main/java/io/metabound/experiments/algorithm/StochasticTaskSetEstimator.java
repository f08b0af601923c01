package io.metabound.experiments.algorithm;

import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.noise.StochasticTaskSet;
import org.hipparchus.random.RandomGenerator;

/** Base of the estimators that reach their tasks through stochastic oracles. */
public abstract class StochasticTaskSetEstimator extends TaskDistributionEstimator {

  protected final StochasticTaskSet tasks;
  private final double[] gradientScratch;

  protected StochasticTaskSetEstimator(StochasticTaskSet tasks) {
    super(tasks);
    this.tasks = tasks;
    this.gradientScratch = new double[dimension];
  }

  public StochasticTaskSet tasks() {
    return tasks;
  }

  /**
   * {@code ‖∇̃f_i(w, D)‖} from a fresh batch of {@code batchSize}; the exact {@code ‖∇f_i(w)‖} of
   * the expected loss when {@code batchSize ≤ 0}.
   */
  @Override
  public double taskGradientNorm(int task, double[] w, int batchSize, RandomGenerator random) {
    if (batchSize <= 0) {
      tasks.get(task).expectedLoss().gradient(w, gradientScratch);
    } else {
      tasks.get(task).sampleGradient(w, batchSize, random, gradientScratch);
    }
    return Vectors.norm(gradientScratch);
  }

  static void checkBatch(String name, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size " + name + " must be >= 1, got " + size);
    }
  }
}
