package io.metabound.experiments.noise;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskDistribution;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A finite task distribution whose tasks are reached only through {@link StochasticOracle}s (the
 * resampling case of Ji2022 and the setting of Fallah2020: inner and outer losses are the same
 * expected loss, sampled with independent batches).
 *
 * @param oracles one oracle per task, all of one dimension
 * @param weights non-negative task weights with a positive sum
 */
public record StochasticTaskSet(List<StochasticOracle> oracles, double[] weights)
    implements TaskDistribution {

  public StochasticTaskSet {
    if (oracles.isEmpty() || oracles.size() != weights.length) {
      throw new IllegalArgumentException(
          "a stochastic task set needs one weight per oracle and at least one oracle, got "
              + oracles.size()
              + " oracles and "
              + weights.length
              + " weights");
    }
    int d = oracles.get(0).dimension();
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (oracles.get(i).dimension() != d) {
        throw new IllegalArgumentException(
            "oracle " + i + " has dimension " + oracles.get(i).dimension() + ", oracle 0 has " + d);
      }
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException(
            "task weight " + i + " must be finite and >= 0, got " + weights[i]);
      }
      total += weights[i];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("task weights sum to " + total + "; need a positive sum");
    }
    oracles = List.copyOf(oracles);
    weights = weights.clone();
  }

  /** Equally weighted tasks. */
  public static StochasticTaskSet uniform(List<StochasticOracle> oracles) {
    double[] w = new double[oracles.size()];
    Arrays.fill(w, 1.0);
    return new StochasticTaskSet(oracles, w);
  }

  @Override
  public int size() {
    return oracles.size();
  }

  @Override
  public int dimension() {
    return oracles.get(0).dimension();
  }

  public StochasticOracle get(int i) {
    return oracles.get(i);
  }

  /** {@code p_i = weight_i / Σ weight}. */
  @Override
  public double probability(int i) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    return weights[i] / total;
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /**
   * The deterministic problem the stochastic algorithms target: task {@code i} becomes {@code
   * MetaTask(f_i, f_i, weight_i)} with {@code f_i} the oracle's expected loss.
   */
  public TaskSet expectedTaskSet() {
    List<MetaTask> tasks = new ArrayList<>(oracles.size());
    for (int i = 0; i < oracles.size(); i++) {
      var f = oracles.get(i).expectedLoss();
      tasks.add(new MetaTask(f, f, weights[i]));
    }
    return new TaskSet(tasks);
  }
}
