package io.metabound.experiments.algorithm;

import io.metabound.experiments.task.SmoothLoss;

/**
 * The inner adaptation path of MAML: {@code w̃_0 = w}, {@code w̃_{j+1} = w̃_j − α ∇l(w̃_j)}, {@code
 * j = 0..N−1} (Ji, Yang and Liang 2022, eq. (1) resampling case and (9) finite-sum case with {@code
 * l = l_{S_i}}).
 */
public final class InnerGradientDescent {

  private InnerGradientDescent() {}

  /**
   * Fills {@code path[0..N]} with {@code w̃_0..w̃_N}; allocation-free.
   *
   * @param path at least {@code N+1} arrays of length {@code d}
   * @param gradientScratch length {@code d}
   */
  public static void path(
      SmoothLoss loss,
      double alpha,
      int steps,
      double[] w,
      double[][] path,
      double[] gradientScratch) {
    checkSteps(steps);
    int d = w.length;
    System.arraycopy(w, 0, path[0], 0, d);
    for (int j = 0; j < steps; j++) {
      loss.gradient(path[j], gradientScratch);
      // w̃_{j+1} = w̃_j − α ∇l(w̃_j)
      double[] from = path[j];
      double[] to = path[j + 1];
      for (int k = 0; k < d; k++) {
        to[k] = from[k] - alpha * gradientScratch[k];
      }
    }
  }

  /** The path {@code w̃_0..w̃_N} in new arrays. */
  public static double[][] path(SmoothLoss loss, double alpha, int steps, double[] w) {
    double[][] path = new double[steps + 1][w.length];
    path(loss, alpha, steps, w, path, new double[w.length]);
    return path;
  }

  /** {@code w̃_N} in a new array. */
  public static double[] endPoint(SmoothLoss loss, double alpha, int steps, double[] w) {
    return path(loss, alpha, steps, w)[steps];
  }

  /** Rejects {@code N < 0} or a non-finite {@code α}: the settings check of every MAML variant. */
  static void checkSettings(double alpha, int steps) {
    checkSteps(steps);
    checkStepSize(alpha);
  }

  /** Rejects a negative number of inner steps {@code N}. */
  static void checkSteps(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("inner steps N must be >= 0, got " + steps);
    }
  }

  /** Rejects a non-finite inner step size {@code α}. */
  static void checkStepSize(double alpha) {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("inner step size alpha must be finite, got " + alpha);
    }
  }
}
