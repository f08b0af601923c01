package io.metabound.reports.claims;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.measure.Evaluation;
import io.metabound.experiments.measure.MeasureEvaluator;
import io.metabound.experiments.measure.MeasureExpression;
import io.metabound.experiments.measure.MeasureRequirements;
import io.metabound.experiments.precision.Fields;
import io.metabound.experiments.probe.FieldMeasurement;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;

/**
 * A claim's measure as a probe: the expression evaluated on the instance's exact model (its
 * family's: quadratic tasks, or the data average of linear regression) with the instance's
 * constants and parameters bound, in double ({@link Binary64}) for the search and in any field for
 * the extended-precision confirmation — the same closed forms in both.
 *
 * <p>A measure that is undefined on one instance (a singular meta-Hessian where a stationary point
 * is asked for) measures NaN there, which the search treats like an instance out of scope; the dry
 * run of {@link ClaimCheck} uses {@link #strict()}, which throws instead, so a measure undefined
 * everywhere is an ERROR with its reason.
 */
final class MeasureProbe implements Probe {

  private final MeasureExpression measure;
  private final String text;
  private final ClaimFamily family;
  private final MeasureRequirements requirements;
  private final String quantityId;
  private final boolean strict;
  private final UndefinedTally tally;

  MeasureProbe(
      MeasureExpression measure, String text, ClaimFamily family, MeasureRequirements requirements) {
    this(measure, text, family, requirements, "measure", false, null);
  }

  private MeasureProbe(
      MeasureExpression measure,
      String text,
      ClaimFamily family,
      MeasureRequirements requirements,
      String quantityId,
      boolean strict,
      UndefinedTally tally) {
    this.measure = measure;
    this.text = text;
    this.family = family;
    this.requirements = requirements;
    this.quantityId = quantityId;
    this.strict = strict;
    this.tally = tally;
  }

  /** The same probe reporting a catalogue quantity's id (a quantity routed through a measure). */
  MeasureProbe named(String quantity) {
    return new MeasureProbe(measure, text, family, requirements, quantity, strict, tally);
  }

  /** The same probe throwing where the measure is undefined (the dry run). */
  MeasureProbe strict() {
    return new MeasureProbe(measure, text, family, requirements, quantityId, true, tally);
  }

  /** The same probe recording in {@code tally} where, and why, the measure is undefined. */
  MeasureProbe counting(UndefinedTally tally) {
    return new MeasureProbe(measure, text, family, requirements, quantityId, strict, tally);
  }

  MeasureRequirements requirements() {
    return requirements;
  }

  String text() {
    return text;
  }

  @Override
  public String quantityId() {
    return quantityId;
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    try {
      return Measurement.exact(evaluate(instance, Binary64Field.getInstance()).scalar().getReal());
    } catch (RuntimeException undefined) {
      Optional<Measurement> sampled = monteCarlo(instance, settings, undefined);
      if (sampled.isPresent()) {
        return sampled.get();
      }
      if (strict) {
        throw undefined;
      }
      if (tally != null) {
        tally.undefined(UndefinedTally.Side.MEASURED, instance, ClaimCheck.message(undefined));
      }
      return Measurement.exact(Double.NaN);
    }
  }

  /**
   * The Monte Carlo estimate, with its Student-t interval, of an expectation the expected reading
   * of linear regression has no closed form for ({@code N ≥ 2}, iMAML, …): available when the
   * whole measure is {@code meta_objective(E, v)} or {@code adapted_test_loss(E, v)} with {@code v}
   * the point {@code w} or the origin (an average of an estimate is an estimate of the average
   * only for such a measure; anything built on top of it would need the interval propagated).
   * Seeded by the instance's seed, with the settings' sample count.
   */
  private Optional<Measurement> monteCarlo(
      Instance instance, MeasurementSettings settings, RuntimeException noClosedForm) {
    if (!(family instanceof RegressionClaimFamily r)
        || r.reading() != io.metabound.experiments.family.regression.DataReading.EXPECTED
        || !(measure instanceof MeasureExpression.Call call)
        || call.arguments().size() != 2
        || !(call.arguments().get(0) instanceof MeasureExpression.Symbol e)
        || !(call.arguments().get(1) instanceof MeasureExpression.Symbol v)
        || !(v.name().equals("w") || v.name().equals("origin"))
        || !(call.function().equals("meta_objective")
            || call.function().equals("adapted_test_loss"))
        || !(noClosedForm.getCause()
            instanceof io.metabound.experiments.oracle.field.NoClosedFormException)) {
      return Optional.empty();
    }
    io.metabound.experiments.oracle.Estimator estimator =
        io.metabound.experiments.measure.Vocabulary.estimator(e.name()).orElseThrow();
    Map<String, Double> values = new TreeMap<>(instance.parameters());
    io.metabound.experiments.oracle.EstimatorParameters parameters =
        io.metabound.experiments.oracle.EstimatorParameters.of(estimator, values);
    double[] w =
        v.name().equals("w") ? instance.vectorParameter("w") : new double[instance.dimension()];
    var sampler = io.metabound.experiments.family.regression.RegressionMonteCarlo.of(instance);
    return Optional.of(
        call.function().equals("meta_objective")
            ? sampler.metaObjective(
                estimator, parameters, w, settings.samples(), instance.seed(),
                settings.confidenceLevel())
            : sampler.adaptedTestLoss(
                estimator, parameters, w, settings.samples(), instance.seed(),
                settings.confidenceLevel()));
  }

  @Override
  public <T extends CalculusFieldElement<T>> Optional<FieldMeasurement<T>> measureInField(
      Instance instance, Field<T> field) {
    Evaluation<T> e;
    try {
      e = evaluate(instance, field);
    } catch (RuntimeException undefined) {
      return Optional.empty();
    }
    return Optional.of(new FieldMeasurement<>(e.scalar(), e.doubleOnlySteps()));
  }

  private <T extends CalculusFieldElement<T>> Evaluation<T> evaluate(
      Instance instance, Field<T> field) {
    T[] point =
        instance.hasParameter("w0")
            ? io.metabound.experiments.linalg.FieldMatrices.vectorOf(
                field, instance.vectorParameter("w"))
            : null;
    ClaimFamily.Measurable<T> on = family.measurable(instance, field, point);
    Map<String, T> bindings = new TreeMap<>(on.constants());
    for (Map.Entry<String, Double> p : instance.parameters().entrySet()) {
      bindings.put(p.getKey(), Fields.of(field, p.getValue()));
    }
    return MeasureEvaluator.evaluate(measure, on.model(), bindings, point);
  }
}
