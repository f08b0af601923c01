package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.task.SmoothLoss;

/**
 * The error of the central-difference Hessian-vector product of Fallah, Mokhtari and Ozdaglar
 * (2020), eq. (9), on the inner loss {@code φ} of task 0 at the instance's point {@code w},
 * direction {@code v} (parameters {@code w0…}, {@code v0…}) and step {@code delta}:
 *
 * <pre>{@code ‖[∇φ(w + δv) − ∇φ(w − δv)]/(2δ) − ∇²φ(w)v‖}</pre>
 *
 * with the loss's exact gradient and Hessian. Exactly 0 on quadratics. The paper's bound is {@code
 * ρδ‖v‖²}; since {@code ∇φ(w + δv) − ∇φ(w − δv) − 2δ∇²φ(w)v = ∫_{−δ}^{δ}(∇²φ(w + tv) − ∇²φ(w))v dt}
 * has norm at most {@code ρδ²‖v‖²}, the error is at most {@code ρδ‖v‖²/2}: the bound cannot be
 * attained (ratio ≤ 1/2). Plans keep {@code δ‖v‖} well above rounding ({@code δ ≥ 10⁻³}), where the
 * difference quotient's rounding error is negligible.
 */
public final class FiniteDifferenceErrorProbe implements Probe {

  @Override
  public String quantityId() {
    return "finite-difference-error";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    SmoothLoss loss = instance.tasks().get(0).inner();
    double[] w = instance.vectorParameter("w");
    double[] v = instance.vectorParameter("v");
    double delta = instance.parameter("delta");
    return Measurement.exact(error(loss, w, v, delta));
  }

  /** The central-difference error of {@code loss} at {@code w}, {@code v}, {@code δ}. */
  public static double error(SmoothLoss loss, double[] w, double[] v, double delta) {
    int d = w.length;
    double[] plus = new double[d];
    double[] minus = new double[d];
    for (int k = 0; k < d; k++) {
      plus[k] = w[k] + delta * v[k];
      minus[k] = w[k] - delta * v[k];
    }
    double[] gp = new double[d];
    double[] gm = new double[d];
    double[] hv = new double[d];
    loss.gradient(plus, gp);
    loss.gradient(minus, gm);
    loss.hessianVector(w, v, hv);
    double s = 0;
    for (int k = 0; k < d; k++) {
      // [∇φ(w + δv) − ∇φ(w − δv)]/(2δ) − ∇²φ(w)v
      double e = (gp[k] - gm[k]) / (2 * delta) - hv[k];
      s += e * e;
    }
    return Math.sqrt(s);
  }
}
