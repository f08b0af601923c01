package io.metabound.experiments.algorithm;

/**
 * How {@link OuterLoop} forms its direction from per-task estimates.
 *
 * @param batchSize {@code B ≥ 1} tasks drawn independently with replacement from {@code p_i},
 *     averaged uniformly ({@code (1/B) Σ_{i∈B_k} Ĝ_i}, Ji2022 (7)/(12), Fallah2020 (5)); or 0 for
 *     the full expectation {@code Σ_i p_i Ĝ_i} over all tasks (every task once per iteration)
 */
public record TaskBatching(int batchSize) {

  public TaskBatching {
    if (batchSize < 0) {
      throw new IllegalArgumentException(
          "task batch size B must be >= 1 (or 0 for all tasks), got " + batchSize);
    }
  }

  /** All tasks, weighted by {@code p_i}. */
  public static TaskBatching full() {
    return new TaskBatching(0);
  }

  /** {@code B} tasks drawn i.i.d. from {@code p_i}. */
  public static TaskBatching sampled(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("task batch size B must be >= 1, got " + batchSize);
    }
    return new TaskBatching(batchSize);
  }

  public boolean isFull() {
    return batchSize == 0;
  }
}
