package io.metabound.experiments.task;

import java.util.List;

/**
 * A finite set of tasks with normalised weights: the task distribution {@code p(T)} of the papers,
 * taken as a weighted empirical distribution.
 */
public record TaskSet(List<MetaTask> tasks) implements TaskDistribution {

  public TaskSet {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("a task set needs at least one task");
    }
    int d = tasks.get(0).dimension();
    double total = 0;
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).dimension() != d) {
        throw new IllegalArgumentException(
            "task " + i + " has dimension " + tasks.get(i).dimension() + ", task 0 has " + d);
      }
      total += tasks.get(i).weight();
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("task weights sum to " + total + "; need a positive sum");
    }
    tasks = List.copyOf(tasks);
  }

  @Override
  public int dimension() {
    return tasks.get(0).dimension();
  }

  @Override
  public int size() {
    return tasks.size();
  }

  public MetaTask get(int i) {
    return tasks.get(i);
  }

  /** Normalised weight {@code p_i = weight_i / Σ weight}. */
  @Override
  public double probability(int i) {
    double total = 0;
    for (MetaTask t : tasks) {
      total += t.weight();
    }
    return tasks.get(i).weight() / total;
  }
}
