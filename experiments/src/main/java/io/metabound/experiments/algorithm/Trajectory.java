package io.metabound.experiments.algorithm;

import java.util.List;

/**
 * The summary of one {@link OuterLoop} run. Arrays are indexed by iterate {@code k = 0..iterations}
 * ({@code w_0} first); entries after a stop are absent (arrays have length {@code iterations + 1}).
 *
 * @param status how the run ended
 * @param iterations meta-iterations performed
 * @param finalIterate the last iterate (possibly non-finite when DIVERGED)
 * @param iterateNorms {@code ‖w_k‖}
 * @param stepSizes {@code β_k} used for the step from {@code w_k} (length {@code iterations})
 * @param observed the observer's value at each {@code w_k} (empty when no observer)
 * @param iterates copies of {@code w_k} when recording was asked for, else empty
 * @param seed the seed of the run
 */
public record Trajectory(
    RunStatus status,
    int iterations,
    double[] finalIterate,
    double[] iterateNorms,
    double[] stepSizes,
    double[] observed,
    List<double[]> iterates,
    long seed) {

  /** The observer's value at the last iterate (NaN when no observer). */
  public double lastObserved() {
    return observed.length == 0 ? Double.NaN : observed[observed.length - 1];
  }
}
