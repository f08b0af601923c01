package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.FiniteDifferenceStep;
import io.metabound.experiments.algorithm.FirstOrderMaml;
import io.metabound.experiments.algorithm.HessianFreeMaml;
import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.algorithm.TaskSetEstimator;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.QuadraticTasks;

/**
 * Meta-smoothness: how fast an estimator's update direction {@code g} (the meta-gradient {@code ∇F}
 * for exact MAML) can change, {@code ‖g(w) − g(u)‖/‖w − u‖} (Ji2022 Props 1 and 7, Fallah2020 Lemma
 * 4.8).
 *
 * <ul>
 *   <li><b>Quadratic instances</b>: {@code g(w) = Aw − b} is affine ({@link EstimatorMaps}), so the
 *       supremum over all pairs is attained and equals {@code σ_max(A)} (the spectral norm of the
 *       meta-Hessian {@code ∇²F = A} for MAML, symmetric; of the non-symmetric {@code A_FO} for
 *       FO-MAML). EXACT; the instance needs no points.
 *   <li><b>Other instances</b> (MAML, FO-MAML, HF-MAML only): the pairwise ratio at the instance's
 *       points {@code w} and {@code u} (parameters {@code w0…}, {@code u0…}), with the algorithms
 *       of {@code io.metabound.experiments.algorithm}; exact up to the rounding of the difference
 *       quotient, which plans keep negligible by requiring {@code ‖w − u‖ ≥ 10⁻³}.
 * </ul>
 *
 * Estimator parameters are read from the instance as in {@code ProbeSupport#parameters} ({@code
 * alpha}, {@code N}, {@code delta}, {@code lambda}, …).
 */
public final class MetaSmoothnessProbe implements Probe {

  private final Estimator estimator;

  private MetaSmoothnessProbe(Estimator estimator) {
    this.estimator = estimator;
  }

  /** The probe of an estimator's meta-smoothness. */
  public static MetaSmoothnessProbe of(Estimator estimator) {
    return new MetaSmoothnessProbe(estimator);
  }

  public Estimator estimator() {
    return estimator;
  }

  /**
   * On quadratic instances: {@code opnorm(meta_hessian(E))} through the measure engine in the field (the extended-
   * precision confirmation).
   */
  @Override
  public <T extends org.hipparchus.CalculusFieldElement<T>>
      java.util.Optional<FieldMeasurement<T>> measureInField(
          Instance instance, org.hipparchus.Field<T> field) {
    return FieldForms.evaluate(FieldForms.smoothness(estimator), instance, field);
  }

  @Override
  public String quantityId() {
    return "meta-smoothness";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    if (instance.isQuadratic()) {
      return Measurement.exact(exact(instance));
    }
    return Measurement.exact(pairwise(instance));
  }

  /** {@code σ_max(A)} of the estimator's affine map on a quadratic instance. */
  double exact(Instance instance) {
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, "meta-smoothness");
    AffineGradientMap map =
        EstimatorMaps.of(tasks).map(estimator, ProbeSupport.parameters(estimator, instance));
    return ProbeSupport.spectralNorm(map.matrix(), map.dimension());
  }

  /** {@code ‖g(w) − g(u)‖ / ‖w − u‖} at the instance's points. */
  double pairwise(Instance instance) {
    double[] w = instance.vectorParameter("w");
    double[] u = instance.vectorParameter("u");
    TaskSetEstimator direction = algorithm(instance);
    double[] gw = direction.direction(w);
    double[] gu = direction.direction(u);
    return Vectors.distance(gw, gu) / Vectors.distance(w, u);
  }

  private TaskSetEstimator algorithm(Instance instance) {
    double alpha = instance.parameter("alpha");
    int steps = ProbeSupport.integerOr(instance, "N", 1);
    return switch (estimator) {
      case MAML -> new MamlMetaGradient(instance.tasks(), alpha, steps);
      case FOMAML -> new FirstOrderMaml(instance.tasks(), alpha, steps);
      case HFMAML ->
          new HessianFreeMaml(
              instance.tasks(),
              alpha,
              steps,
              new FiniteDifferenceStep.Fixed(ProbeSupport.parameterOr(instance, "delta", 1e-3)));
      default ->
          throw new IllegalArgumentException(
              "the pairwise meta-smoothness of "
                  + estimator.displayName()
                  + " needs quadratic tasks (its algorithm runs an inner solver)");
    };
  }
}
