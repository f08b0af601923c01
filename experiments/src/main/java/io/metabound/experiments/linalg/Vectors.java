package io.metabound.experiments.linalg;

/**
 * Small allocation-free vector helpers, shared by the algorithms, oracles, constants, probes, plans,
 * sweeps and reproductions. Sums run left to right ({@code k = 0, 1, …}), so every caller gets the
 * same rounding.
 */
public final class Vectors {

  private Vectors() {}

  /** {@code Σ_{k<n} a_k b_k}. */
  public static double dot(double[] a, double[] b, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** {@code ‖a‖ = √(Σ a_k²)}. */
  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a, a.length));
  }

  /** {@code ‖a − b‖ = √(Σ (a_k − b_k)²)}. */
  public static double distance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double t = a[k] - b[k];
      s += t * t;
    }
    return Math.sqrt(s);
  }

  /** {@code y ← y + a x}. */
  public static void axpy(double a, double[] x, double[] y, int n) {
    for (int k = 0; k < n; k++) {
      y[k] += a * x[k];
    }
  }

  /** True when every entry is finite and {@code |x_k| ≤ cap}. */
  public static boolean finiteWithin(double[] x, double cap) {
    for (double v : x) {
      if (!(Math.abs(v) <= cap)) {
        return false;
      }
    }
    return true;
  }
}
