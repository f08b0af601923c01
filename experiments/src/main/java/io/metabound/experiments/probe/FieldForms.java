package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.linalg.FieldMatrices;
import io.metabound.experiments.measure.Evaluation;
import io.metabound.experiments.measure.MeasureEvaluator;
import io.metabound.experiments.measure.MeasureExpression;
import io.metabound.experiments.measure.MeasureParser;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.field.QuadraticExactModel;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * The field forms of catalogue probes whose quantity is a measure of the exact quadratic model:
 * the probe's quantity is evaluated by the measure engine on {@link QuadraticExactModel}, so the
 * registry's confirmation in extended precision runs the same closed forms as a claim's.
 *
 * <p>The registry's instances name MAML-prox's proximal steps and rate {@code inner_steps} and
 * {@code inner_rate}; the measure language calls them {@code K} and {@code eta}.
 */
final class FieldForms {

  private static final Map<String, String> CLAIM_NAMES =
      Map.of("inner_steps", Estimator.Parameters.PROX_STEPS, "inner_rate", Estimator.Parameters.PROX_RATE);

  private FieldForms() {}

  /** {@code opnorm(meta_hessian(E))}: the exact meta-smoothness on a quadratic instance. */
  static MeasureExpression smoothness(Estimator estimator) {
    return MeasureParser.parse("opnorm(meta_hessian(" + estimator.claimName() + "))");
  }

  /** {@code beta_threshold(E)}: the exact outer stability threshold on a quadratic instance. */
  static MeasureExpression betaThreshold(Estimator estimator) {
    return MeasureParser.parse("beta_threshold(" + estimator.claimName() + ")");
  }

  /**
   * The measure on the instance in the field; empty when the instance is not quadratic or the
   * measure cannot be evaluated there.
   */
  static <T extends CalculusFieldElement<T>> Optional<FieldMeasurement<T>> evaluate(
      MeasureExpression measure, Instance instance, Field<T> field) {
    if (!instance.isQuadratic()) {
      return Optional.empty();
    }
    Map<String, T> bindings = new TreeMap<>();
    for (Map.Entry<String, Double> p : instance.parameters().entrySet()) {
      bindings.put(
          CLAIM_NAMES.getOrDefault(p.getKey(), p.getKey()),
          FieldMatrices.constant(field, p.getValue()));
    }
    try {
      Evaluation<T> e =
          MeasureEvaluator.evaluate(
              measure, QuadraticExactModel.of(field, instance.tasks()), bindings, null);
      return Optional.of(new FieldMeasurement<>(e.scalar(), e.doubleOnlySteps()));
    } catch (RuntimeException noFieldForm) {
      return Optional.empty();
    }
  }
}
