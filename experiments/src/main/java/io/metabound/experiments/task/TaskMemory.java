package io.metabound.experiments.task;

import io.metabound.experiments.io.InputTooLargeException;
import io.metabound.experiments.io.SizeLimits;

/**
 * The memory a quadratic task set takes once it is read and prepared for the closed-form oracles,
 * checked against {@link SizeLimits} before the tasks are generated, while a task file is read and
 * before the oracles' eigenbases are computed: a huge dimension or task count is then a one-line
 * input error giving the size asked and the limit, never an {@link OutOfMemoryError} or an integer
 * overflow inside a matrix library.
 *
 * <p>Per task, the readers, the task objects and the oracle's cache ({@code QuadraticTasks}) hold
 * about {@value #MATRICES_PER_TASK} d×d matrices (the rows read, the inner and outer Hessians,
 * their symmetrised copies, the eigenbasis, {@code G Q} and {@code Qᵀ G Q}) and {@value
 * #VECTORS_PER_TASK} vectors of length d, plus {@value #OBJECT_BYTES_PER_TASK} bytes of objects.
 */
public final class TaskMemory {

  /** d×d matrices held per task (see the class comment). */
  public static final int MATRICES_PER_TASK = 8;

  /** Length-d vectors held per task. */
  public static final int VECTORS_PER_TASK = 8;

  /** Bytes of object headers and references per task. */
  public static final int OBJECT_BYTES_PER_TASK = 512;

  private TaskMemory() {}

  /** Bytes of {@code tasks} prepared tasks of dimension {@code d}, saturating. */
  public static long bytes(long tasks, long dimension) {
    long matrices = SizeLimits.doubles(tasks, dimension, dimension, MATRICES_PER_TASK);
    long vectors = SizeLimits.doubles(tasks, dimension, VECTORS_PER_TASK);
    long objects = tasks > Long.MAX_VALUE / OBJECT_BYTES_PER_TASK ? Long.MAX_VALUE : tasks * OBJECT_BYTES_PER_TASK;
    long sum = matrices;
    for (long part : new long[] {vectors, objects}) {
      sum = sum > Long.MAX_VALUE - part ? Long.MAX_VALUE : sum + part;
    }
    return sum;
  }

  /**
   * Fails when {@code tasks} tasks of dimension {@code d} do not fit: a d×d matrix longer than a
   * Java array, or more bytes than {@link SizeLimits#memoryLimitBytes()}.
   *
   * @param source the tasks' origin for the message (a file name or a family spec)
   * @throws InputTooLargeException giving the size asked and the limit
   */
  public static void require(long tasks, long dimension, String source) {
    SizeLimits.arrayLength(dimension * dimension, source + ": a " + dimension + "x" + dimension + " Hessian");
    SizeLimits.arrayLength(tasks, source + ": the list of " + tasks + " tasks");
    SizeLimits.require(bytes(tasks, dimension), source + ": " + tasks + " task" + (tasks == 1 ? "" : "s")
        + " of dimension " + dimension);
  }
}
