package io.metabound.experiments.sweep;

import io.metabound.experiments.oracle.AffineGradientMap;

/**
 * The hot loop of a deterministic sweep: the outer iteration of a deterministic estimator on
 * quadratic tasks, whose update direction is the affine map {@code g(w) = A w − b}
 * ({@link AffineGradientMap}),
 *
 * <pre>{@code w_{k+1} = w_k − β (A w_k − b),   k = 0 … T−1,}</pre>
 *
 * classified by a {@link ConvergenceCriterion}. These are the estimator's own iterates (the map
 * is exact for quadratic tasks), computed in O(d²) per iteration instead of O(m N d²).
 *
 * <p>One instance per worker thread: it owns the two scratch vectors ({@code w} and {@code g}), so
 * {@link #run} allocates nothing. Not thread-safe.
 *
 * <p><b>Empirical linear rate.</b> {@code r = (‖g_k*‖/‖g_0‖)^{1/k*}} where {@code k*} is the first
 * iteration with {@code ‖g_k‖ ≤ 1e-10·‖g_0‖}, or {@code T} if there is none. Stopping the rate
 * measurement there keeps it the asymptotic contraction factor: afterwards rounding noise of order
 * {@code ε‖b‖} sets a floor on {@code ‖g_k‖} and the full-T ratio would read a contraction of
 * {@code 0.5} as {@code (1e-16)^{1/T}}. NaN for diverged and degenerate cells (a start whose
 * non-zero gradient is too small to square, {@link CellStatus#DEGENERATE}), 0 when {@code g_0 = 0}. For a
 * linear map the rate approaches the spectral radius of {@code I − βA} on the excited modes.
 */
public final class AffineIteration {

  /** Relative gradient level at which the rate measurement stops (above the rounding floor). */
  public static final double RATE_FLOOR = 1e-10;

  /** {@code ‖g_0‖²} below which a start with a non-zero gradient is {@link CellStatus#DEGENERATE}. */
  static final double DEGENERATE_SQUARED =
      CellStatus.DEGENERATE_GRADIENT_NORM * CellStatus.DEGENERATE_GRADIENT_NORM;

  private final int dimension;
  private final double[] w;
  private final double[] g;
  private double rate;

  /** Scratch for dimension {@code d}. */
  public AffineIteration(int dimension) {
    this.dimension = dimension;
    this.w = new double[dimension];
    this.g = new double[dimension];
  }

  /**
   * Runs {@code T} iterations of {@code w ← w − β (A w − b)} from {@code start} and classifies the
   * cell; the rate is available from {@link #rate()} afterwards.
   *
   * @param a {@code A}, row-major {@code d×d}
   * @param b {@code b}, length {@code d}
   * @param beta {@code β}
   * @param start {@code w_0}, length {@code d}
   * @param criterion {@code T}, tolerance, cap
   * @return the status code: 1 converged, −1 diverged, 0 undecided, −2 degenerate
   */
  public int run(double[] a, double[] b, double beta, double[] start, ConvergenceCriterion criterion) {
    final int d = dimension;
    final double[] w = this.w;
    final double[] g = this.g;
    final int iterations = criterion.iterations();
    final double cap = criterion.cap();
    System.arraycopy(start, 0, w, 0, d);
    for (int j = 0; j < d; j++) {
      // the criterion holds at every iteration, the start included
      if (!(Math.abs(w[j]) <= cap)) {
        rate = Double.NaN;
        return CellStatus.DIVERGED.code();
      }
    }
    // g_0 = A w_0 − b
    double g0Squared = gradient(a, b, w, g, d);
    if (!Double.isFinite(g0Squared)) {
      rate = Double.NaN;
      return CellStatus.DIVERGED.code();
    }
    if (g0Squared < DEGENERATE_SQUARED && nonZero(g, d)) {
      // ‖g_0‖ > 0 but its square (or the rate's level) underflows: no relative test is possible
      rate = Double.NaN;
      return CellStatus.DEGENERATE.code();
    }
    if (g0Squared == 0) {
      rate = 0;
      return CellStatus.CONVERGED.code();
    }
    final double rateLevelSquared = RATE_FLOOR * RATE_FLOOR * g0Squared;
    int rateIteration = -1;
    double rateNormSquared = 0;
    double gSquared = g0Squared;
    int k = 0;
    while (k < iterations) {
      // w_{k+1} = w_k − β g_k ; diverged if |w_j| > cap or non-finite (the negated test catches NaN)
      boolean moved = false;
      for (int j = 0; j < d; j++) {
        double old = w[j];
        double next = old - beta * g[j];
        if (!(Math.abs(next) <= cap)) {
          rate = Double.NaN;
          return CellStatus.DIVERGED.code();
        }
        moved |= next != old;
        w[j] = next;
      }
      k++;
      if (!moved) {
        // exact floating-point fixed point: every later iterate and gradient equals this one
        break;
      }
      // g_{k} = A w_{k} − b
      gSquared = gradient(a, b, w, g, d);
      if (!Double.isFinite(gSquared)) {
        rate = Double.NaN;
        return CellStatus.DIVERGED.code();
      }
      if (rateIteration < 0 && gSquared <= rateLevelSquared) {
        rateIteration = k;
        rateNormSquared = gSquared;
      }
    }
    if (rateIteration < 0) {
      rateIteration = k;
      rateNormSquared = gSquared;
    }
    // r = (‖g_k*‖/‖g_0‖)^{1/k*}
    rate = Math.pow(Math.sqrt(rateNormSquared / g0Squared), 1.0 / rateIteration);
    double tolerance = criterion.tolerance();
    // converged iff ‖g_T‖ ≤ tol·‖g_0‖ (compared squared)
    return gSquared <= tolerance * tolerance * g0Squared
        ? CellStatus.CONVERGED.code()
        : CellStatus.UNDECIDED.code();
  }

  /** Runs {@link #run(double[], double[], double, double[], ConvergenceCriterion)} on a map. */
  public int run(AffineGradientMap map, double beta, double[] start, ConvergenceCriterion criterion) {
    return run(map.matrix(), map.offset(), beta, start, criterion);
  }

  /** The empirical linear rate of the last {@link #run}. */
  public double rate() {
    return rate;
  }

  private static boolean nonZero(double[] g, int d) {
    for (int j = 0; j < d; j++) {
      if (g[j] != 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code g = A w − b}; returns {@code ‖g‖²}. */
  private static double gradient(double[] a, double[] b, double[] w, double[] g, int d) {
    double squared = 0;
    for (int r = 0, offset = 0; r < d; r++, offset += d) {
      double s = -b[r];
      for (int c = 0; c < d; c++) {
        s += a[offset + c] * w[c];
      }
      g[r] = s;
      squared += s * s;
    }
    return squared;
  }


}
