package io.metabound.experiments.check;

import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;

/**
 * Test-only probe: the exact spectral norm of the N-step MAML meta-Hessian on quadratic tasks,
 *
 * <pre>∇²F = Σ_i p_i (I − αH_i)^N G_i (I − αH_i)^N</pre>
 *
 * (G_i = H_i in the resampling case). Derivation: the inner GD path is affine in w, w_N = (I −
 * αH)^N (w − c) + c, so F_i(w) = ½ (w_N − e)ᵀ G (w_N − e) is quadratic with Hessian (I − αH)^N G (I
 * − αH)^N. Written here so the check machinery can be tested before the project's oracle lands.
 */
final class QuadraticMetaHessianProbe implements Probe {

  @Override
  public String quantityId() {
    return "meta-smoothness";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return Measurement.exact(spectralNorm(metaHessian(instance), instance.dimension()));
  }

  static double[] metaHessian(Instance instance) {
    int d = instance.dimension();
    int n = instance.integerParameter("N");
    double alpha = instance.parameter("alpha");
    double[] total = new double[d * d];
    for (int i = 0; i < instance.taskCount(); i++) {
      MetaTask t = instance.tasks().get(i);
      QuadraticLoss h = (QuadraticLoss) t.inner();
      QuadraticLoss g = (QuadraticLoss) t.outer();
      // P = (I − αH)^N
      double[] step = new double[d * d];
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          step[r * d + k] = (r == k ? 1 : 0) - alpha * h.h(r, k);
        }
      }
      double[] p = identity(d);
      for (int j = 0; j < n; j++) {
        p = multiply(p, step, d);
      }
      // P G P (P symmetric)
      double[] term = multiply(multiply(p, g.hessian(), d), p, d);
      double weight = instance.tasks().probability(i);
      for (int e = 0; e < d * d; e++) {
        total[e] += weight * term[e];
      }
    }
    return total;
  }

  static double spectralNorm(double[] symmetric, int d) {
    double norm = 0;
    for (double e : QuadraticInstanceConstants.eigenvalues(symmetric, d)) {
      norm = Math.max(norm, Math.abs(e));
    }
    return norm;
  }

  private static double[] identity(int d) {
    double[] x = new double[d * d];
    for (int i = 0; i < d; i++) {
      x[i * d + i] = 1;
    }
    return x;
  }

  private static double[] multiply(double[] a, double[] b, int d) {
    double[] c = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += a[r * d + j] * b[j * d + k];
        }
        c[r * d + k] = s;
      }
    }
    return c;
  }
}
