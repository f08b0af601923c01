package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.MetaGradientEstimator;
import io.metabound.experiments.check.Instance;
import org.hipparchus.random.RandomGenerator;

/**
 * {@code estimator-bias}: {@code ‖E[Ĝ(w)] − target(w)‖}, the bias of a stochastic meta-gradient
 * estimator (Ji, Yang and Liang 2022, Prop 3: {@code ‖E Ĝ_i(w) − ∇𝓛(w)‖} with the task drawn from
 * {@code p}; Fallah, Mokhtari and Ozdaglar 2020, Lemma 4.10 (20): {@code ‖e_{i,k}‖}).
 *
 * <p>One sample is {@code X = Σ_i p_i (Ĝ_i(w) − target_i(w))}: every task once per sample
 * (stratified), so {@code E X} is the bias of the estimator with the task drawn from {@code p} (for
 * a per-task statement such as Fallah's, the weighted average of the per-task biases, which the
 * per-task bound bounds as well; the plans use one task). The measurement is {@code ‖mean X‖} with
 * the conservative interval of {@link VectorMean}. A deterministic estimator gives the exact value.
 *
 * <p>Exact zeros, as tests (docs/THEOREMS.md §6.1): on quadratic tasks with additive noise both
 * estimators are unbiased (linear dynamics, independent zero-mean batches), so a non-zero bias
 * needs {@code ρ > 0}.
 */
public final class EstimatorBiasProbe implements Probe {

  private final StochasticEstimator estimator;

  EstimatorBiasProbe(StochasticEstimator estimator) {
    this.estimator = estimator;
  }

  /** The estimator's public name. */
  public String estimator() {
    return estimator.id();
  }

  @Override
  public String quantityId() {
    return "estimator-bias";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double[] w = ProbeInstances.point(instance);
    double[][] targets = estimator.targets(instance, w);
    double[] p = ProbeInstances.probabilities(instance.tasks());
    int d = w.length;
    MetaGradientEstimator g = estimator.build(instance);
    RandomGenerator random = ProbeInstances.random(instance);
    double[] estimate = new double[d];
    double[] sample = new double[d];
    int samples = estimator.deterministic() ? 1 : settings.samples();
    VectorMean mean = new VectorMean(d);
    for (int s = 0; s < samples; s++) {
      java.util.Arrays.fill(sample, 0.0);
      for (int i = 0; i < p.length; i++) {
        g.estimate(i, w, random, estimate);
        // X += p_i (Ĝ_i − target_i)
        for (int k = 0; k < d; k++) {
          sample[k] += p[i] * (estimate[k] - targets[i][k]);
        }
      }
      if (estimator.deterministic()) {
        double squared = 0;
        for (double x : sample) {
          squared += x * x;
        }
        return Measurement.exact(Math.sqrt(squared));
      }
      mean.add(sample);
    }
    return mean.normOfMean(settings.confidenceLevel());
  }
}
