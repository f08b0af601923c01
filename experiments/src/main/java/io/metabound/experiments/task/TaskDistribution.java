package io.metabound.experiments.task;

/**
 * A finite task distribution {@code p(T)}: {@code m} tasks in dimension {@code d} with
 * probabilities {@code p_i} summing to 1. Implemented by {@link TaskSet} (exact losses) and by the
 * noise package's stochastic task set (losses reached through sampling oracles); what the
 * estimators over either need to know about the distribution itself.
 */
public interface TaskDistribution {

  /** {@code d}. */
  int dimension();

  /** {@code m}. */
  int size();

  /** {@code p_i}. */
  double probability(int i);
}
