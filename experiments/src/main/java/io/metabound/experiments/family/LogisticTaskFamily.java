package io.metabound.experiments.family;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A seeded generator of logistic-regression task sets (docs/THEOREMS.md §6.2).
 *
 * <p>Task {@code i} has a true weight {@code w*_i = w̄ + spread·z_i}, {@code z_i ~ N(0, I)}, around
 * a shared mean {@code w̄} of norm {@code meanWeightNorm} in a random direction; its samples are
 * {@code x ~ N(0, scale² I)} with {@code P(y = +1 | x) = 1/(1 + e^{−x ᵀ w*_i})}. The inner
 * (support) loss uses {@code supportSize} samples and the outer (query) loss {@code querySize}
 * fresh samples (Ji2022 finite-sum case); {@code querySize = 0} makes the outer loss the inner one.
 * All tasks weigh 1. Same seed, same task set.
 *
 * @param dimension {@code d}
 * @param tasks number of tasks {@code m}
 * @param supportSize samples in each support set
 * @param querySize samples in each query set (0: outer = inner)
 * @param featureScale standard deviation of each feature
 * @param meanWeightNorm {@code ‖w̄‖}
 * @param taskSpread standard deviation of {@code w*_i − w̄} per coordinate
 * @param regularisation {@code r ≥ 0} of every loss
 */
public record LogisticTaskFamily(
    int dimension,
    int tasks,
    int supportSize,
    int querySize,
    double featureScale,
    double meanWeightNorm,
    double taskSpread,
    double regularisation) {

  public LogisticTaskFamily {
    if (dimension < 1 || tasks < 1 || supportSize < 1 || querySize < 0) {
      throw new IllegalArgumentException(
          "logistic family needs d >= 1, m >= 1, support size >= 1, query size >= 0; got d="
              + dimension
              + ", m="
              + tasks
              + ", support="
              + supportSize
              + ", query="
              + querySize);
    }
    if (!(featureScale > 0) || !(meanWeightNorm >= 0) || !(taskSpread >= 0)) {
      throw new IllegalArgumentException(
          "logistic family needs feature scale > 0, mean weight norm >= 0, spread >= 0");
    }
  }

  /** {@code d} dimensions, {@code m} tasks of 20 support and 20 query samples, unit scales. */
  public static LogisticTaskFamily standard(int dimension, int tasks) {
    return new LogisticTaskFamily(dimension, tasks, 20, 20, 1.0, 1.0, 0.5, 0.0);
  }

  public TaskSet generate(long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[] mean = new double[dimension];
    double sq = 0;
    for (int k = 0; k < dimension; k++) {
      mean[k] = random.nextGaussian();
      sq += mean[k] * mean[k];
    }
    double scale = sq > 0 ? meanWeightNorm / Math.sqrt(sq) : 0;
    for (int k = 0; k < dimension; k++) {
      mean[k] *= scale;
    }
    List<MetaTask> list = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      double[] truth = new double[dimension];
      for (int k = 0; k < dimension; k++) {
        truth[k] = mean[k] + taskSpread * random.nextGaussian();
      }
      LogisticRegressionLoss support = draw(truth, supportSize, random);
      LogisticRegressionLoss query = querySize == 0 ? support : draw(truth, querySize, random);
      list.add(new MetaTask(support, query, 1.0));
    }
    return new TaskSet(list);
  }

  private LogisticRegressionLoss draw(double[] truth, int n, RandomGenerator random) {
    double[][] x = new double[n][dimension];
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      double m = 0;
      for (int k = 0; k < dimension; k++) {
        x[j][k] = featureScale * random.nextGaussian();
        m += x[j][k] * truth[k];
      }
      // P(y = +1 | x) = s(xᵀw*) = 1 − (1 − s)
      y[j] = random.nextDouble() < 1 - LogisticRegressionLoss.oneMinusSigmoid(m) ? 1 : -1;
    }
    return new LogisticRegressionLoss(x, y, regularisation);
  }
}
