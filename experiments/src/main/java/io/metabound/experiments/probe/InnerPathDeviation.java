package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.noise.StochasticOracle;
import io.metabound.experiments.noise.StochasticTaskSet;
import io.metabound.experiments.task.SmoothLoss;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * The distance between the stochastic inner path of Ji, Yang and Liang (2022), Algorithm 1, eq.
 * (6), and the exact inner path (1), after {@code j} steps from the same start {@code w}:
 *
 * <pre>
 *   w_{t+1} = w_t − α ∇l_i(w_t; S_t),   w̃_{t+1} = w̃_t − α ∇l_i(w̃_t),   w_0 = w̃_0 = w
 *   Δ_j = ‖w_j − w̃_j‖
 * </pre>
 *
 * <p>with fresh batches {@code S_t} of size {@code S}. One sample is the task-weighted {@code Σ_i
 * p_i Δ^i_j} (power 1) or {@code Σ_i p_i (Δ^i_j)²} (power 2), one stochastic path per task
 * (stratified over the tasks; the expectation is {@code E_i E Δ^i_j}, and Prop 2 bounds every
 * task's term by the same value). Instance parameters: {@code alpha}, {@code S}, {@code j}, {@code
 * sigma_g} (and {@code sigma_H}, unused). The exact path is computed once per measurement; the
 * sampling loop does not allocate.
 */
final class InnerPathDeviation {

  private InnerPathDeviation() {}

  static Measurement measure(Instance instance, MeasurementSettings settings, int power) {
    StochasticTaskSet tasks = ProbeInstances.additiveNoise(instance);
    double alpha = instance.parameter("alpha");
    int batch = instance.integerParameter("S");
    int steps = instance.integerParameter("j");
    if (steps < 0) {
      throw new IllegalArgumentException("inner step index j must be >= 0, got " + steps);
    }
    int d = instance.dimension();
    int m = tasks.size();
    double[] start = ProbeInstances.point(instance);
    double[][] exact = new double[m][];
    double[] gradient = new double[d];
    for (int i = 0; i < m; i++) {
      exact[i] = exactEndPoint(tasks.get(i).expectedLoss(), alpha, steps, start, gradient);
    }
    double[] p = ProbeInstances.probabilities(instance.tasks());
    double[] w = new double[d];
    RandomGenerator random = ProbeInstances.random(instance);
    StreamingStatistics statistics = new StreamingStatistics();
    for (int s = 0; s < settings.samples(); s++) {
      double sample = 0;
      for (int i = 0; i < m; i++) {
        StochasticOracle oracle = tasks.get(i);
        System.arraycopy(start, 0, w, 0, d);
        for (int t = 0; t < steps; t++) {
          // w_{t+1} = w_t − α ∇l(w_t; S_t)
          oracle.sampleGradient(w, batch, random, gradient);
          for (int k = 0; k < d; k++) {
            w[k] -= alpha * gradient[k];
          }
        }
        // Δ² = ‖w_j − w̃_j‖²
        double squared = 0;
        for (int k = 0; k < d; k++) {
          double e = w[k] - exact[i][k];
          squared += e * e;
        }
        sample += p[i] * (power == 2 ? squared : Math.sqrt(squared));
      }
      statistics.addValue(sample);
    }
    return Measurement.ofStatistics(statistics, settings.confidenceLevel());
  }

  private static double[] exactEndPoint(
      SmoothLoss loss, double alpha, int steps, double[] start, double[] gradient) {
    double[] w = start.clone();
    for (int t = 0; t < steps; t++) {
      // w̃_{t+1} = w̃_t − α ∇l(w̃_t)
      loss.gradient(w, gradient);
      for (int k = 0; k < w.length; k++) {
        w[k] -= alpha * gradient[k];
      }
    }
    return w;
  }
}
