package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticTasks;

/**
 * Growth of a task gradient along its own inner gradient-descent path (Ji, Yang and Liang 2022,
 * Lemma 12; Lemma 17 with the support loss), exactly on quadratic inner losses:
 *
 * <pre>{@code sup_{∇l_i(w) ≠ 0} ‖∇l_i(w̃_j)‖ / ‖∇l_i(w)‖ = max_i max_{λ_{ik} ≠ 0} |1 − αλ_{ik}|^j}
 * </pre>
 *
 * because {@code ∇l_i(w̃_j) = H_i(w̃_j − c_i) = (I − αH_i)^j H_i(w − c_i)} and {@code H_i(w − c_i)}
 * ranges over the range of {@code H_i}, spanned by the eigenvectors of the non-zero eigenvalues (a
 * zero eigenvalue carries no gradient). The supremum over an empty set (every {@code H_i = 0}) is
 * reported as 0. Lemma 12's {@code (1 + αL)^j} is attained by an eigenvalue {@code −L}.
 *
 * <p>On other tasks (any {@code SmoothLoss}) the probe measures the lemma's own quantity at the
 * instance's point {@code w} (parameters {@code w0 …}), by iterating the inner path with exact
 * gradients ({@code InnerPaths}): {@code max_i ‖∇l_i(w̃^i_j)‖/‖∇l_i(w)‖} over the tasks with {@code
 * ∇l_i(w) ≠ 0}. The lemma bounds it at every {@code w}. On the separable cosine family it
 * approaches {@code (1 + αL)^j} as {@code w → c + π} (curvature {@code −L}, gradient → 0).
 */
public final class GradientGrowthProbe implements Probe {

  @Override
  public String quantityId() {
    return "gradient-growth";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double alpha = instance.parameter("alpha");
    int j = instance.integerParameter("j");
    if (!instance.isQuadratic()) {
      // max_i ‖∇l_i(w̃_j)‖ / ‖∇l_i(w)‖ at w
      return Measurement.exact(
          InnerPaths.gradientGrowth(
              instance.tasks(), alpha, j, InnerPaths.point(instance, quantityId())));
    }
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId());
    // max over λ ≠ 0 of |1 − αλ|^j
    return Measurement.exact(
        ProbeSupport.maxOverEigenvalues(
            tasks, true, lambda -> Math.pow(Math.abs(1 - alpha * lambda), j)));
  }
}
