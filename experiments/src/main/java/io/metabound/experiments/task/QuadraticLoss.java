package io.metabound.experiments.task;

import java.util.Arrays;

/**
 * The quadratic loss {@code f(w) = ½ (w − c)ᵀ H (w − c) + f₀} with symmetric (possibly
 * indefinite) {@code H} and a constant offset {@code f₀} (0 for the task-file quadratics; the
 * residual {@code ½‖y − Xĉ‖²/n} of a least-squares loss written in this form).
 *
 * <p>Gradient {@code H(w − c)}, constant Hessian {@code H}, Hessian-Lipschitz constant ρ = 0. The
 * offset changes values only, never a derivative.
 *
 * @param hessian symmetric {@code d×d} matrix, row-major ({@code d*d} entries)
 * @param centre the point {@code c}
 * @param offset the constant {@code f₀} (finite)
 */
public record QuadraticLoss(double[] hessian, double[] centre, double offset)
    implements SmoothLoss {

  public QuadraticLoss {
    int d = centre.length;
    if (hessian.length != d * d) {
      throw new IllegalArgumentException(
          "H has " + hessian.length + " entries, expected " + d + "x" + d);
    }
    if (!Double.isFinite(offset)) {
      throw new IllegalArgumentException("the offset f0 must be finite, got " + offset);
    }
    hessian = hessian.clone();
    centre = centre.clone();
  }

  /** {@code ½ (w − c)ᵀ H (w − c)}, without offset. */
  public QuadraticLoss(double[] hessian, double[] centre) {
    this(hessian, centre, 0.0);
  }

  /** The same loss with another constant offset. */
  public QuadraticLoss withOffset(double newOffset) {
    return new QuadraticLoss(hessian, centre, newOffset);
  }

  /** Builds the loss from a matrix given as rows. */
  public static QuadraticLoss of(double[][] h, double[] c) {
    int d = c.length;
    double[] flat = new double[d * d];
    for (int r = 0; r < d; r++) {
      if (h[r].length != d) {
        throw new IllegalArgumentException("H row " + r + " has " + h[r].length + " entries, expected " + d);
      }
      System.arraycopy(h[r], 0, flat, r * d, d);
    }
    return new QuadraticLoss(flat, c);
  }

  @Override
  public int dimension() {
    return centre.length;
  }

  /** Entry {@code H[r][k]}. */
  public double h(int r, int k) {
    return hessian[r * centre.length + k];
  }

  @Override
  public double value(double[] w) {
    int d = centre.length;
    // f = ½ (w−c)ᵀ H (w−c) + f₀
    double s = 0;
    for (int r = 0; r < d; r++) {
      double row = 0;
      for (int k = 0; k < d; k++) {
        row += hessian[r * d + k] * (w[k] - centre[k]);
      }
      s += (w[r] - centre[r]) * row;
    }
    return 0.5 * s + offset;
  }

  @Override
  public void gradient(double[] w, double[] out) {
    int d = centre.length;
    // ∇f = H (w − c)
    for (int r = 0; r < d; r++) {
      double row = 0;
      for (int k = 0; k < d; k++) {
        row += hessian[r * d + k] * (w[k] - centre[k]);
      }
      out[r] = row;
    }
  }

  @Override
  public void hessian(double[] w, double[] out) {
    System.arraycopy(hessian, 0, out, 0, hessian.length);
  }

  @Override
  public void hessianVector(double[] w, double[] v, double[] out) {
    int d = centre.length;
    for (int r = 0; r < d; r++) {
      double row = 0;
      for (int k = 0; k < d; k++) {
        row += hessian[r * d + k] * v[k];
      }
      out[r] = row;
    }
  }

  /** Returns copies: records of arrays must not leak their state. */
  @Override
  public double[] hessian() {
    return hessian.clone();
  }

  @Override
  public double[] centre() {
    return centre.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuadraticLoss q
        && Arrays.equals(hessian, q.hessian)
        && Arrays.equals(centre, q.centre)
        && Double.compare(offset, q.offset) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(hessian) + Arrays.hashCode(centre))
        + Double.hashCode(offset);
  }

  @Override
  public String toString() {
    return "QuadraticLoss[d="
        + centre.length
        + ", c="
        + Arrays.toString(centre)
        + (offset == 0 ? "" : ", f0=" + offset)
        + "]";
  }
}
