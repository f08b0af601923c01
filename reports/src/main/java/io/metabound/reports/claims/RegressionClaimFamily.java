package io.metabound.reports.claims;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.InstanceDomain;
import io.metabound.experiments.check.LinearRegressionDomain;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.family.regression.DataReading;
import io.metabound.experiments.family.regression.ExpectedRegressionModel;
import io.metabound.experiments.measure.InstanceConstants;
import io.metabound.experiments.oracle.field.ExactModel;
import io.metabound.experiments.oracle.field.QuadraticExactModel;
import java.util.List;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import java.util.Map;
import java.util.Set;

/**
 * Gaussian linear regression: task i has parameter {@code θ_i = θ̄ + (ν/√d) z_i}, inputs {@code x
 * ~ N(0, Σ)} with diagonal {@code Σ}, targets {@code y = xᵀθ_i + ε}, {@code ε ~ N(0, σ²)}, and
 * {@code n_t} train and {@code n_v} validation samples (the same for every task of an instance).
 *
 * <p>Two readings: {@code sampled} (one data set per task; the inner loss is the train
 * least-squares quadratic, the outer the validation one, and every primitive is exact on them)
 * and {@code expected} (the expectation over the data, exact where the Gaussian moments give a
 * closed form). Constants: {@code L} (largest |eigenvalue| of any inner or outer Hessian), {@code
 * mu} (smallest inner eigenvalue), {@code kappa}, {@code rho = 0}, {@code d}, {@code m}, {@code
 * n_t}, {@code n_v}, {@code noise}.
 *
 * @param reading sampled or expected
 * @param minDimension smallest d
 * @param maxDimension largest d
 * @param minTasks smallest m
 * @param maxTasks largest m
 * @param minTrain smallest n_t
 * @param maxTrain largest n_t
 * @param minValidation smallest n_v
 * @param maxValidation largest n_v
 * @param noise σ
 * @param prior ν
 * @param centreRadius the box of the prior mean θ̄
 * @param minCovariance smallest variance of an input coordinate
 * @param maxCovariance largest variance of an input coordinate
 */
public record RegressionClaimFamily(
    DataReading reading,
    int minDimension,
    int maxDimension,
    int minTasks,
    int maxTasks,
    int minTrain,
    int maxTrain,
    int minValidation,
    int maxValidation,
    double noise,
    double prior,
    double centreRadius,
    double minCovariance,
    double maxCovariance)
    implements ClaimFamily {

  /** The family type a claims file names. */
  public static final String TYPE = "linear-regression";

  private static final Set<String> CONSTANTS =
      Set.of("L", "mu", "kappa", "rho", "d", "m", "sigma", "n_t", "n_v", "noise");

  private static final Set<String> RANGE_CONSTANTS =
      Set.of("L", "mu", "rho", "d", "m", "n_t", "n_v", "noise");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> constants() {
    return CONSTANTS;
  }

  @Override
  public Set<String> rangeConstants() {
    return RANGE_CONSTANTS;
  }

  @Override
  public Map<String, Double> constants(Instance instance) {
    return ClaimFamily.withDerivedConstants(LinearRegressionDomain.constants(instance), instance);
  }

  /**
   * The exact model of a sampled instance is its quadratic tasks; of an expected one, the data
   * average ({@link ExpectedRegressionModel}). The constants are those of the tasks' quadratic
   * losses in either reading (the expected reading's task loss has the Hessian Σ).
   */
  @Override
  public <T extends CalculusFieldElement<T>> Measurable<T> measurable(
      Instance instance, Field<T> field, T[] point) {
    QuadraticExactModel<T> tasks = QuadraticExactModel.of(field, instance.tasks());
    ExactModel<T> model =
        reading == DataReading.SAMPLED ? tasks : ExpectedRegressionModel.of(instance, field);
    return new Measurable<>(model, InstanceConstants.of(tasks, point));
  }



  @Override
  public InstanceDomain domain(
      String name, List<ParameterRange> parameters, Claim.PointSpec point) {
    LinearRegressionDomain.Builder b =
        LinearRegressionDomain.builder(reading)
            .dimensions(minDimension, maxDimension)
            .taskCounts(minTasks, maxTasks)
            .trainSamples(minTrain, maxTrain)
            .validationSamples(minValidation, maxValidation)
            .noise(noise)
            .prior(prior)
            .centreRadius(centreRadius)
            .covariance(minCovariance, maxCovariance);
    if (point != null) {
      b.vector("w", point.radius());
    }
    for (ParameterRange p : parameters) {
      b.parameter(p);
    }
    return b.build();
  }
}
