package io.metabound.experiments.task;

import java.util.Locale;

/**
 * The range of Hessian magnitudes the closed-form oracles and the sweeps compute with in double
 * precision, checked when tasks are read or generated so that a task set outside it is a one-line
 * input error and never a result that silently over- or underflowed.
 *
 * <p>Why these bounds: the oracles multiply Hessian entries with each other (the meta-Hessian
 * {@code H(I − αH)^{2N}}, the gradient norms {@code ‖Hw‖²} of the convergence test, the threshold
 * {@code 2 Re μ/|μ|²}). With the largest entry above {@code 1e150} those products overflow to
 * infinity ({@code (1e150)² · 1e150 > Double.MAX_VALUE ≈ 1.8e308}); with a largest entry below
 * {@code 1e-150} (but not zero) every square underflows to 0 ({@code (1e-150)² · 1e-150 <
 * Double.MIN_NORMAL ≈ 2.2e-308}) and every gradient would read as zero, every cell as converged
 * at rate 0. A zero Hessian is exact and accepted.
 *
 * <p>The scale is the largest |entry| of a matrix, which is within a factor {@code d} of its
 * spectral norm.
 */
public final class RepresentableScale {

  /** Largest accepted |entry| of a task Hessian. */
  public static final double LARGEST = 1e150;

  /** Smallest accepted largest |entry| of a non-zero task Hessian. */
  public static final double SMALLEST = 1e-150;

  private RepresentableScale() {}

  /**
   * Why a matrix whose largest |entry| is {@code scale} cannot be computed with, or {@code null}
   * when it can.
   */
  public static String problem(double scale) {
    if (scale > LARGEST) {
      return String.format(Locale.ROOT,
          "largest |entry| %s is above %.0e: products of such entries overflow double precision"
              + " (rescale the tasks)", scale, LARGEST);
    }
    if (scale > 0 && scale < SMALLEST) {
      return String.format(Locale.ROOT,
          "largest |entry| %s is below %.0e (and not 0): its squares underflow to 0 in double"
              + " precision, so gradients, rates and thresholds would read 0 or infinity (rescale"
              + " the tasks)", scale, SMALLEST);
    }
    return null;
  }

  /** The largest |entry| of a matrix given as rows. */
  public static double of(double[][] rows) {
    double scale = 0;
    for (double[] row : rows) {
      for (double x : row) {
        scale = Math.max(scale, Math.abs(x));
      }
    }
    return scale;
  }
}
