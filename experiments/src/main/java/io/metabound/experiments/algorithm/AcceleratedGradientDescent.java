package io.metabound.experiments.algorithm;

import java.util.function.Predicate;

/**
 * Nesterov's accelerated gradient descent for a β-smooth, μ-strongly convex function, in the form
 * of Bubeck (2015, §3.7.1) that Rajeswaran et al. (2019) Lemma 2 cites: with {@code κ = β/μ} and
 * {@code q = (√κ − 1)/(√κ + 1)}, from {@code y_1 = x_1},
 *
 * <pre>
 *   x_{s+1} = y_s − ∇f(y_s)/β
 *   y_{s+1} = (1 + q) x_{s+1} − q x_s
 * </pre>
 *
 * one gradient computation per step; {@code f(y_t) − f* ≤ ((μ + β)/2)‖x_1 − x*‖² e^{−(t−1)/√κ}}.
 * The iterate after {@code s} gradient computations is {@code x_{s+1}} ({@code x_1} after none).
 * Workspace arrays are allocated once; runs do not allocate. Not thread-safe.
 */
public final class AcceleratedGradientDescent {

  /** {@code out = ∇f(x)}. */
  @FunctionalInterface
  public interface GradientOracle {
    void gradient(double[] x, double[] out);
  }

  private final int dimension;
  private final double smoothness;
  private final double momentum;
  private final double[] x;
  private final double[] previous;
  private final double[] y;
  private final double[] gradient;

  /**
   * @param dimension {@code d}
   * @param smoothness β > 0
   * @param strongConvexity μ with {@code 0 < μ ≤ β}
   */
  public AcceleratedGradientDescent(int dimension, double smoothness, double strongConvexity) {
    if (!(strongConvexity > 0)
        || !(smoothness >= strongConvexity)
        || Double.isInfinite(smoothness)) {
      throw new IllegalArgumentException(
          "AGD needs 0 < mu <= beta < ∞, got mu = " + strongConvexity + ", beta = " + smoothness);
    }
    this.dimension = dimension;
    this.smoothness = smoothness;
    double rootKappa = Math.sqrt(smoothness / strongConvexity);
    this.momentum = (rootKappa - 1) / (rootKappa + 1);
    this.x = new double[dimension];
    this.previous = new double[dimension];
    this.y = new double[dimension];
    this.gradient = new double[dimension];
  }

  /** The momentum {@code q = (√κ − 1)/(√κ + 1)}. */
  public double momentum() {
    return momentum;
  }

  /**
   * Runs from {@code start} until {@code done} accepts the current iterate or {@code maxSteps}
   * gradient computations have been made; {@code done} is asked about {@code x_1 = start} first.
   *
   * @param out receives the last iterate
   * @return the number of gradient computations made ({@code maxSteps + 1} when {@code done} never
   *     accepted an iterate)
   */
  public int run(
      GradientOracle f, double[] start, int maxSteps, Predicate<double[]> done, double[] out) {
    System.arraycopy(start, 0, x, 0, dimension);
    System.arraycopy(start, 0, y, 0, dimension);
    int steps = 0;
    boolean accepted = done.test(x);
    while (!accepted && steps < maxSteps) {
      f.gradient(y, gradient);
      steps++;
      for (int k = 0; k < dimension; k++) {
        previous[k] = x[k];
        // x_{s+1} = y_s − ∇f(y_s)/β
        x[k] = y[k] - gradient[k] / smoothness;
        // y_{s+1} = (1 + q) x_{s+1} − q x_s
        y[k] = (1 + momentum) * x[k] - momentum * previous[k];
      }
      accepted = done.test(x);
    }
    System.arraycopy(x, 0, out, 0, dimension);
    return accepted ? steps : maxSteps + 1;
  }

  /**
   * Exactly {@code steps} gradient computations from {@code start}; the iterate into {@code out}.
   */
  public void iterate(GradientOracle f, double[] start, int steps, double[] out) {
    run(f, start, steps, iterate -> false, out);
  }
}
