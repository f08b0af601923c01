package io.metabound.experiments.reproduction;

import io.metabound.experiments.task.SmoothLoss;

/**
 * {@code f(w) = ½ Σ_k a_k (w_k − c_k)²}: a quadratic in its eigenbasis, with O(d) gradients and
 * Hessian-vector products that do not allocate, for measurements in large dimensions (CG and GD are
 * invariant under an orthogonal change of basis, so the counts equal those of any rotated
 * problem with the same spectrum).
 */
final class DiagonalQuadraticLoss implements SmoothLoss {

  private final double[] curvature;
  private final double[] centre;

  DiagonalQuadraticLoss(double[] curvature, double[] centre) {
    if (curvature.length != centre.length) {
      throw new IllegalArgumentException("curvature and centre differ in length");
    }
    this.curvature = curvature.clone();
    this.centre = centre.clone();
  }

  @Override
  public int dimension() {
    return centre.length;
  }

  @Override
  public double value(double[] w) {
    double s = 0;
    for (int k = 0; k < centre.length; k++) {
      double r = w[k] - centre[k];
      s += curvature[k] * r * r;
    }
    return 0.5 * s;
  }

  @Override
  public void gradient(double[] w, double[] out) {
    // ∇f = a ∘ (w − c)
    for (int k = 0; k < centre.length; k++) {
      out[k] = curvature[k] * (w[k] - centre[k]);
    }
  }

  @Override
  public void hessian(double[] w, double[] out) {
    int d = centre.length;
    java.util.Arrays.fill(out, 0, d * d, 0.0);
    for (int k = 0; k < d; k++) {
      out[k * d + k] = curvature[k];
    }
  }

  @Override
  public void hessianVector(double[] w, double[] v, double[] out) {
    // ∇²f v = a ∘ v
    for (int k = 0; k < centre.length; k++) {
      out[k] = curvature[k] * v[k];
    }
  }
}
