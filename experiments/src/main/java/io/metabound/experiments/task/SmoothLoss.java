package io.metabound.experiments.task;

/**
 * A twice continuously differentiable loss {@code f : R^d -> R}.
 *
 * <p>Every method writes into a caller-owned output array so that hot loops (inner GD paths,
 * sweeps) run without allocation. Hessians are dense, row-major, {@code d*d} long.
 */
public interface SmoothLoss {

  /** Dimension {@code d} of the parameter. */
  int dimension();

  /** {@code f(w)}. */
  double value(double[] w);

  /** {@code out = ∇f(w)}; {@code out} has length {@code d} and may not alias {@code w}. */
  void gradient(double[] w, double[] out);

  /** {@code out = ∇²f(w)} row-major; {@code out} has length {@code d*d}. */
  void hessian(double[] w, double[] out);

  /**
   * {@code out = ∇²f(w) v}. The default forms the Hessian; losses with a cheaper product override
   * it.
   */
  default void hessianVector(double[] w, double[] v, double[] out) {
    int d = dimension();
    double[] h = new double[d * d];
    hessian(w, h);
    for (int r = 0; r < d; r++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += h[r * d + k] * v[k];
      }
      out[r] = s;
    }
  }
}
