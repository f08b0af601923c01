package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;

/**
 * The exact constant of Ji, Yang and Liang (2022) Lemma 14 on quadratic tasks (resampling case: the
 * outer loss is the inner one): the per-task meta-gradient's relative distance from the task
 * gradient,
 *
 * <pre>{@code C_l^exact = max_i sup_{∇l_i(w) ≠ 0} ‖∇L_i(w) − ∇l_i(w)‖ / ‖∇l_i(w)‖
 *                      = max_i max_{λ_{ik} ≠ 0} |(1 − αλ_{ik})^{2N} − 1|}</pre>
 *
 * Derivation: {@code w̃_N − c = (I − αH)^N (w − c)} and {@code ∇L_i(w) = (I − αH)^N H(w̃_N − c) =
 * (I − αH)^{2N} ∇l_i(w)} (everything is a polynomial in {@code H}), so {@code ∇L_i − ∇l_i = ((I −
 * αH)^{2N} − I) ∇l_i(w)} with {@code ∇l_i(w)} ranging over the range of {@code H}. Lemma 14's
 * {@code (1 + αL)^{2N} − 1} is attained by an eigenvalue {@code −L}; for PSD Hessians the exact
 * constant is {@code 1 − (1 − αL)^{2N}} (at {@code α ≤ 1/L}).
 *
 * <p>On other tasks (any {@code SmoothLoss}, resampling case) the probe measures the ratio the
 * lemma bounds at the instance's point {@code w} (parameters {@code w0 …}), with the meta-gradient
 * of the iterated inner path ({@code InnerPaths#metaGradientDeviation}): {@code max_i ‖∇L_i(w) −
 * ∇l_i(w)‖/‖∇l_i(w)‖} over the tasks with {@code ∇l_i(w) ≠ 0}; it is at most the lemma's {@code
 * C_l}. On the separable cosine family it approaches {@code (1 + αL)^{2N} − 1} as {@code w → c + π}.
 */
public final class MetaGradientDeviationProbe implements Probe {

  @Override
  public String quantityId() {
    return "meta-gradient-deviation";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return Measurement.exact(constant(instance, quantityId()));
  }

  /**
   * The closed-form {@code C_l^exact} on quadratic instances, the ratio at the instance's point
   * {@code w} on the others.
   */
  static double constant(Instance instance, String probe) {
    double alpha = instance.parameter("alpha");
    int steps = instance.integerParameter("N");
    if (!instance.isQuadratic()) {
      // max_i ‖∇L_i(w) − ∇l_i(w)‖ / ‖∇l_i(w)‖ at w
      return InnerPaths.metaGradientDeviation(
          instance.tasks(), alpha, steps, InnerPaths.point(instance, probe), probe);
    }
    return exactConstant(tasks(instance, probe), alpha, steps);
  }

  /** {@code C_l^exact} of the tasks at α and N (see the class comment). */
  static double exactConstant(QuadraticTasks tasks, double alpha, int steps) {
    // max over λ ≠ 0 of |(1 − αλ)^{2N} − 1|
    return ProbeSupport.maxOverEigenvalues(
        tasks, true, lambda -> Math.abs(Math.pow(1 - alpha * lambda, 2 * steps) - 1));
  }

  /** The quadratic tasks, which must be in the resampling case (outer loss = inner loss). */
  static QuadraticTasks tasks(Instance instance, String probe) {
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, probe);
    for (MetaTask t : instance.tasks().tasks()) {
      if (!t.isSameLoss()) {
        throw new IllegalArgumentException(
            probe
                + " is the resampling-case constant (outer loss = inner loss); instance "
                + instance.describe()
                + " has separate outer losses");
      }
    }
    return tasks;
  }
}
