package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.task.QuadraticLoss;

/**
 * The exact second moments of {@link QuadraticNoiseMoments} as probes: the task-weighted {@code
 * Σ_i p_i m_i} of each task's closed form, on instances whose tasks are all quadratic (the inner
 * loss is the sampled one, as in {@link ProbeInstances#additiveNoise}). The same expectation the
 * Monte Carlo probes estimate, without sampling error: a bound attained exactly comes out HOLDS
 * (tight) and one violated by 1 % comes out VIOLATED.
 */
final class ClosedFormMomentProbe implements Probe {

  /** Which second moment. */
  enum Moment {
    /** Ji2022 Prop 2: {@code E‖w_j − w̃_j‖²}; parameters {@code alpha, sigma_g, S, j}. */
    PATH_DEVIATION("path-deviation-second-moment"),
    /**
     * Ji2022 Prop 4: {@code E‖Ĝ_i‖²} of Algorithm 1; parameters {@code alpha, N, S, D, T, sigma_g,
     * sigma_H}.
     */
    JI_RESAMPLING("estimator-second-moment"),
    /**
     * Fallah2020 Lemma 4.10 (21): {@code E‖∇̃f(w − α∇̃f(w, D_in), D_o)‖²}; parameters {@code
     * alpha, sigma_g, D_in, D_o}.
     */
    FALLAH_ADAPTED_GRADIENT("estimator-second-moment");

    private final String quantity;

    Moment(String quantity) {
      this.quantity = quantity;
    }
  }

  private final Moment moment;

  ClosedFormMomentProbe(Moment moment) {
    this.moment = moment;
  }

  @Override
  public String quantityId() {
    return moment.quantity;
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    if (!instance.isQuadratic()) {
      throw new IllegalArgumentException(
          "the closed-form " + moment + " moment needs quadratic tasks; got " + instance.describe());
    }
    double[] p = ProbeInstances.probabilities(instance.tasks());
    double alpha = instance.parameter("alpha");
    double sg = instance.parameter("sigma_g");
    double value = 0;
    for (int i = 0; i < p.length; i++) {
      QuadraticLoss q = (QuadraticLoss) instance.tasks().get(i).inner();
      double m =
          switch (moment) {
            case PATH_DEVIATION ->
                QuadraticNoiseMoments.pathDeviationSecondMoment(
                    q, alpha, sg, instance.integerParameter("S"), instance.integerParameter("j"));
            case JI_RESAMPLING ->
                QuadraticNoiseMoments.resamplingSecondMoment(
                    q,
                    alpha,
                    instance.integerParameter("N"),
                    instance.integerParameter("S"),
                    instance.integerParameter("D"),
                    instance.integerParameter("T"),
                    sg,
                    ProbeInstances.parameterOr(instance, "sigma_H", 0));
            case FALLAH_ADAPTED_GRADIENT ->
                QuadraticNoiseMoments.adaptedGradientSecondMoment(
                    q, alpha, sg, instance.integerParameter("D_in"), instance.integerParameter("D_o"));
          };
      // Σ_i p_i m_i
      value += p[i] * m;
    }
    return Measurement.exact(value);
  }
}
