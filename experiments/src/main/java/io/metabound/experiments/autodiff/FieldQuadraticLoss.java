package io.metabound.experiments.autodiff;

import io.metabound.experiments.task.QuadraticLoss;
import org.hipparchus.CalculusFieldElement;

/**
 * The quadratic loss {@code f(w) = ½ (w − c)ᵀ H (w − c)} of a {@link QuadraticLoss}, also evaluated
 * over a field. The {@code double} methods delegate to the wrapped loss.
 */
public final class FieldQuadraticLoss implements FieldLoss {

  private final QuadraticLoss loss;
  private final double[] hessian;
  private final double[] centre;

  public FieldQuadraticLoss(QuadraticLoss loss) {
    this.loss = loss;
    this.hessian = loss.hessian();
    this.centre = loss.centre();
  }

  /** The wrapped loss. */
  public QuadraticLoss quadratic() {
    return loss;
  }

  @Override
  public int dimension() {
    return centre.length;
  }

  @Override
  public double value(double[] w) {
    return loss.value(w);
  }

  @Override
  public void gradient(double[] w, double[] out) {
    loss.gradient(w, out);
  }

  @Override
  public void hessian(double[] w, double[] out) {
    loss.hessian(w, out);
  }

  @Override
  public void hessianVector(double[] w, double[] v, double[] out) {
    loss.hessianVector(w, v, out);
  }

  @Override
  public <T extends CalculusFieldElement<T>> T value(T[] w) {
    int d = centre.length;
    T zero = w[0].getField().getZero();
    // f = ½ Σ_r (w−c)_r [H (w−c)]_r
    T s = zero;
    for (int r = 0; r < d; r++) {
      T row = zero;
      for (int k = 0; k < d; k++) {
        row = row.add(w[k].subtract(centre[k]).multiply(hessian[r * d + k]));
      }
      s = s.add(w[r].subtract(centre[r]).multiply(row));
    }
    return s.multiply(0.5);
  }

  @Override
  public <T extends CalculusFieldElement<T>> void gradient(T[] w, T[] out) {
    int d = centre.length;
    T zero = w[0].getField().getZero();
    // ∇f = H (w − c)
    for (int r = 0; r < d; r++) {
      T row = zero;
      for (int k = 0; k < d; k++) {
        row = row.add(w[k].subtract(centre[k]).multiply(hessian[r * d + k]));
      }
      out[r] = row;
    }
  }

  @Override
  public <T extends CalculusFieldElement<T>> void hessianVector(T[] w, T[] v, T[] out) {
    int d = centre.length;
    T zero = v[0].getField().getZero();
    // ∇²f v = H v
    for (int r = 0; r < d; r++) {
      T row = zero;
      for (int k = 0; k < d; k++) {
        row = row.add(v[k].multiply(hessian[r * d + k]));
      }
      out[r] = row;
    }
  }

  @Override
  public String toString() {
    return "FieldQuadraticLoss[" + loss + "]";
  }
}
