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
 */
public final class GradientGrowthProbe implements Probe {

  @Override
  public String quantityId() {
    return "gradient-growth";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId());
    double alpha = instance.parameter("alpha");
    int j = instance.integerParameter("j");
    // max over λ ≠ 0 of |1 − αλ|^j
    return Measurement.exact(
        ProbeSupport.maxOverEigenvalues(
            tasks, true, lambda -> Math.pow(Math.abs(1 - alpha * lambda), j)));
  }
}
