package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.BetaThreshold;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;

/**
 * The exact stability threshold in the meta stepsize β of an estimator's deterministic outer
 * iteration {@code w ← w − β(Aw − b)} on quadratic tasks: {@code β* = min_k 2 Re μ_k/|μ_k|²} over
 * the eigenvalues {@code μ_k} of {@code A} ({@link BetaThreshold}; 0 when some {@code Re μ_k ≤ 0}:
 * then no β converges from every start).
 *
 * <p>On one quadratic task with the same data for both updates, Takagi et al.'s simplified MAML
 * update {@code g − αHg} is exactly FO-MAML's {@code ∇L(θ − αg)}, so {@code of(FOMAML)} measures
 * the threshold Takagi2019's Cond-β describes; {@code of(MAML)} measures exact one-step MAML's
 * {@code 2/(λ(1 − αλ)²)}. Parameters as the estimator needs ({@code alpha}, {@code N} default 1,
 * …).
 */
public final class BetaThresholdProbe implements Probe {

  private final Estimator estimator;

  private BetaThresholdProbe(Estimator estimator) {
    this.estimator = estimator;
  }

  public static BetaThresholdProbe of(Estimator estimator) {
    return new BetaThresholdProbe(estimator);
  }

  public Estimator estimator() {
    return estimator;
  }

  /**
   * On quadratic instances: {@code beta_threshold(E)} through the measure engine in the field (the extended-
   * precision confirmation).
   */
  @Override
  public <T extends org.hipparchus.CalculusFieldElement<T>>
      java.util.Optional<FieldMeasurement<T>> measureInField(
          Instance instance, org.hipparchus.Field<T> field) {
    return FieldForms.evaluate(FieldForms.betaThreshold(estimator), instance, field);
  }

  @Override
  public String quantityId() {
    return "beta-threshold";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    return Measurement.exact(threshold(instance).value());
  }

  /** The threshold with the eigenvalue that limits it. */
  public BetaThreshold threshold(Instance instance) {
    return EstimatorMaps.of(ProbeSupport.quadratic(instance, "beta-threshold"))
        .betaThreshold(estimator, ProbeSupport.parameters(estimator, instance));
  }
}
