package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.MetaGradientEstimator;
import io.metabound.experiments.check.Instance;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * {@code estimator-second-moment}: {@code E‖Ĝ_i(w)‖²} with the task drawn from {@code p} (Ji, Yang
 * and Liang 2022, Props 4 and 8; Fallah, Mokhtari and Ozdaglar 2020, Lemma 4.10 (21)).
 *
 * <p>One sample is {@code Σ_i p_i ‖Ĝ_i(w)‖²}, every task once per sample (stratified: same mean
 * {@code E_i E‖Ĝ_i‖²}, smaller variance), averaged with a Student-t interval. For a deterministic
 * estimator (Algorithm 2, where {@code Ĝ_i = ∇𝓛_i} is fixed given the task) the finite expectation
 * {@code Σ_i p_i ‖∇𝓛_i(w)‖²} is computed exactly.
 */
public final class EstimatorSecondMomentProbe implements Probe {

  private final StochasticEstimator estimator;

  EstimatorSecondMomentProbe(StochasticEstimator estimator) {
    this.estimator = estimator;
  }

  /** The estimator's public name. */
  public String estimator() {
    return estimator.id();
  }

  @Override
  public String quantityId() {
    return "estimator-second-moment";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double[] w = ProbeInstances.point(instance);
    double[] p = ProbeInstances.probabilities(instance.tasks());
    MetaGradientEstimator g = estimator.build(instance);
    RandomGenerator random = ProbeInstances.random(instance);
    double[] estimate = new double[w.length];
    StreamingStatistics statistics = new StreamingStatistics();
    int samples = estimator.deterministic() ? 1 : settings.samples();
    for (int s = 0; s < samples; s++) {
      double sample = 0;
      for (int i = 0; i < p.length; i++) {
        g.estimate(i, w, random, estimate);
        double squared = 0;
        for (double x : estimate) {
          squared += x * x;
        }
        // Σ_i p_i ‖Ĝ_i‖²
        sample += p[i] * squared;
      }
      if (estimator.deterministic()) {
        return Measurement.exact(sample);
      }
      statistics.addValue(sample);
    }
    return Measurement.ofStatistics(statistics, settings.confidenceLevel());
  }
}
