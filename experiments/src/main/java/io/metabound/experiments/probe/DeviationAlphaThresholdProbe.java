package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticTasks;

/**
 * The largest inner stepsize for which the hypothesis of Ji, Yang and Liang (2022) Lemma 15, {@code
 * C_l < 1}, holds on a quadratic task set with the instance's exact Lemma-14 constant ({@link
 * MetaGradientDeviationProbe}): {@code α* = sup{α : C_l^exact(α') < 1 for all 0 ≤ α' < α}}.
 *
 * <p>Per non-zero eigenvalue λ, {@code |(1 − αλ)^{2N} − 1|} starts at 0 and first reaches 1 at
 * {@code α = 1/λ} when {@code λ > 0} ({@code (1 − αλ)^{2N}} falls to 0) and at {@code α =
 * (2^{1/(2N)} − 1)/|λ|} when {@code λ < 0} ({@code (1 + α|λ|)^{2N}} rises to 2); zero eigenvalues
 * carry no gradient. Hence
 *
 * <pre>{@code α* = min_{i,k} { 1/λ_{ik} if λ_{ik} > 0;  (2^{1/(2N)} − 1)/|λ_{ik}| if λ_{ik} < 0 }}
 * </pre>
 *
 * ({@code +∞} when every eigenvalue is 0). The registry's {@code (2^{1/(2N)} − 1)/L} is where Lemma
 * 14's bound {@code (1 + αL)^{2N} − 1} reaches 1: a sufficient condition, exact when the extreme
 * eigenvalue is {@code −L}. Instance parameter: {@code N}.
 */
public final class DeviationAlphaThresholdProbe implements Probe {

  @Override
  public String quantityId() {
    return "alpha-threshold";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    QuadraticTasks tasks = MetaGradientDeviationProbe.tasks(instance, "Lemma 15 alpha threshold");
    int n = instance.integerParameter("N");
    double root = Math.pow(2, 1.0 / (2 * n)) - 1;
    return Measurement.exact(
        ProbeSupport.minOverEigenvalues(
            tasks,
            lambda ->
                lambda > 0 ? 1 / lambda : lambda < 0 ? root / -lambda : Double.POSITIVE_INFINITY));
  }
}
