package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticTasks;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * The largest inner stepsize for which Takagi et al. (2019)'s simplified MAML keeps the minimum a
 * minimum: with one inner step and the same data for both updates, the simplified loss {@code L̃ ≈
 * L − (α/2)gᵀg} has Hessian {@code H̃ = H − αH²} (the third-derivative term {@code Tg} vanishes on
 * quadratics), which is exactly the matrix of FO-MAML's update map; averaged over tasks, {@code
 * H̃(α) = H̄ − αM} with {@code H̄ = Σ p_i H_i} and {@code M = Σ p_i H_i²}. The probe measures
 *
 * <pre>{@code α* = sup{α ≥ 0 : H̄ − αM ⪰ 0} = 1 / λ_max(H̄^{−1/2} M H̄^{−1/2})}</pre>
 *
 * (boundary included: at {@code α*} the surrogate is still positive semi-definite). On one task
 * {@code H̄^{−1/2}H²H̄^{−1/2} = H}, so {@code α* = 1/λ_max(H)}: Takagi's Cond-α. When {@code H̄} is
 * not positive definite no stepsize keeps a strict minimum and the probe reports 0; when {@code M =
 * 0} it reports {@code +∞}.
 */
public final class SurrogateAlphaThresholdProbe implements Probe {

  @Override
  public String quantityId() {
    return "alpha-threshold";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return Measurement.exact(threshold(ProbeSupport.quadratic(instance, "Takagi alpha threshold")));
  }

  /** {@code α*} of the inner Hessians of {@code tasks} (see the class comment). */
  static double threshold(QuadraticTasks tasks) {
    int d = tasks.dimension();
    double[][] mean = new double[d][d];
    double[][] square = new double[d][d];
    for (int i = 0; i < tasks.size(); i++) {
      double[] h = tasks.innerHessian(i);
      double p = tasks.probability(i);
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          mean[r][k] += p * h[r * d + k];
          double s = 0;
          for (int j = 0; j < d; j++) {
            s += h[r * d + j] * h[j * d + k];
          }
          // M = Σ p H²
          square[r][k] += p * s;
        }
      }
    }
    symmetrise(mean);
    symmetrise(square);
    EigenDecompositionSymmetric meanEig =
        new EigenDecompositionSymmetric(new Array2DRowRealMatrix(mean, false));
    double[] lambda = meanEig.getEigenvalues();
    for (double l : lambda) {
      if (!(l > 0)) {
        return 0;
      }
    }
    // S = H̄^{−1/2} M H̄^{−1/2}, H̄^{−1/2} = V diag(λ^{−1/2}) Vᵀ
    RealMatrix v = meanEig.getV();
    double[][] scale = new double[d][d];
    for (int k = 0; k < d; k++) {
      scale[k][k] = 1 / Math.sqrt(lambda[k]);
    }
    RealMatrix root = v.multiply(new Array2DRowRealMatrix(scale, false)).multiplyTransposed(v);
    RealMatrix s = root.multiply(new Array2DRowRealMatrix(square, false)).multiply(root);
    double[][] sym = s.getData();
    symmetrise(sym);
    double top = 0;
    for (double e :
        new EigenDecompositionSymmetric(new Array2DRowRealMatrix(sym, false)).getEigenvalues()) {
      top = Math.max(top, e);
    }
    return top > 0 ? 1 / top : Double.POSITIVE_INFINITY;
  }

  private static void symmetrise(double[][] a) {
    for (int r = 0; r < a.length; r++) {
      for (int k = r + 1; k < a.length; k++) {
        double m = 0.5 * (a[r][k] + a[k][r]);
        a[r][k] = m;
        a[k][r] = m;
      }
    }
  }
}
