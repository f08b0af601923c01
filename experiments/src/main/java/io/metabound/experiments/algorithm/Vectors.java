package io.metabound.experiments.algorithm;

/** Small allocation-free vector helpers. */
final class Vectors {

  private Vectors() {}

  static double dot(double[] a, double[] b, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a, a.length));
  }

  /** {@code y ← y + a x}. */
  static void axpy(double a, double[] x, double[] y, int n) {
    for (int k = 0; k < n; k++) {
      y[k] += a * x[k];
    }
  }

  /** True when every entry is finite and {@code |x_k| ≤ cap}. */
  static boolean finiteWithin(double[] x, double cap) {
    for (double v : x) {
      if (!(Math.abs(v) <= cap)) {
        return false;
      }
    }
    return true;
  }
}
