package io.metabound.experiments.family.regression;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.VectorParameter;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.Arrays;

/**
 * One instance of the Gaussian linear-regression family as data: the covariance spectrum {@code Σ =
 * diag(s_1 … s_d)} of the inputs, the task parameters {@code θ_i} with their weights, the sample
 * sizes {@code n_t} (train) and {@code n_v} (validation) of every task, the label noise {@code σ},
 * and the prior of a fresh task, {@code θ ~ N(θ̄, (ν²/d) I)}.
 *
 * <p>This is what the expected reading's exact model ({@link ExpectedRegressionModel}) and the
 * Monte Carlo estimates ({@link RegressionMonteCarlo}) evaluate; {@link #of(Instance)} rebuilds it
 * from an instance of the expected reading, so a counterexample file replays exactly. Immutable:
 * accessors return copies.
 */
public final class LinearRegressionSetting {

  /** Instance parameter: train samples per task, {@code n_t}. */
  public static final String TRAIN_SAMPLES = "n_t";

  /** Instance parameter: validation samples per task, {@code n_v}. */
  public static final String VALIDATION_SAMPLES = "n_v";

  /** Instance parameter: label noise standard deviation {@code σ}. */
  public static final String NOISE = "noise";

  /** Instance parameter: prior scale {@code ν} (a fresh task has {@code θ ~ N(θ̄, ν²I/d)}). */
  public static final String PRIOR = "prior";

  /** Vector instance parameter: the prior mean {@code θ̄}, stored as {@code theta_bar0 …}. */
  public static final String PRIOR_MEAN = "theta_bar";

  private final double[] covariance;
  private final double[][] taskParameters;
  private final double[] taskWeights;
  private final int trainSamples;
  private final int validationSamples;
  private final double noise;
  private final double prior;
  private final double[] priorMean;

  /**
   * @param covariance the diagonal {@code s_k ≥ 0} of {@code Σ}, length {@code d ≥ 1}
   * @param taskParameters {@code θ_i}, one row of length {@code d} per task (at least one)
   * @param taskWeights non-negative weights with a positive sum (normalised by {@link
   *     #probability})
   * @param trainSamples {@code n_t ≥ 1}
   * @param validationSamples {@code n_v ≥ 1}
   * @param noise {@code σ ≥ 0}
   * @param prior {@code ν ≥ 0}
   * @param priorMean {@code θ̄}, length {@code d}
   * @throws IllegalArgumentException naming the first value out of its range
   */
  public LinearRegressionSetting(
      double[] covariance,
      double[][] taskParameters,
      double[] taskWeights,
      int trainSamples,
      int validationSamples,
      double noise,
      double prior,
      double[] priorMean) {
    int d = covariance.length;
    if (d == 0) {
      throw new IllegalArgumentException("the covariance spectrum is empty (dimension 0)");
    }
    for (int k = 0; k < d; k++) {
      if (!(covariance[k] >= 0) || Double.isInfinite(covariance[k])) {
        throw new IllegalArgumentException(
            "covariance s_" + k + " must be finite and >= 0, got " + covariance[k]);
      }
    }
    if (taskParameters.length == 0 || taskParameters.length != taskWeights.length) {
      throw new IllegalArgumentException(
          "need at least one task and one weight per task, got "
              + taskParameters.length
              + " tasks and "
              + taskWeights.length
              + " weights");
    }
    double total = 0;
    this.taskParameters = new double[taskParameters.length][];
    for (int i = 0; i < taskParameters.length; i++) {
      this.taskParameters[i] = finiteVector(taskParameters[i], d, "theta_" + i);
      if (!(taskWeights[i] >= 0) || Double.isInfinite(taskWeights[i])) {
        throw new IllegalArgumentException(
            "task weight " + i + " must be finite and >= 0, got " + taskWeights[i]);
      }
      total += taskWeights[i];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("task weights sum to " + total + "; need a positive sum");
    }
    if (trainSamples < 1 || validationSamples < 1) {
      throw new IllegalArgumentException(
          "sample sizes need n_t >= 1 and n_v >= 1, got "
              + trainSamples
              + ", "
              + validationSamples);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
    }
    if (!(prior >= 0) || Double.isInfinite(prior)) {
      throw new IllegalArgumentException("prior must be finite and >= 0, got " + prior);
    }
    this.covariance = covariance.clone();
    this.taskWeights = taskWeights.clone();
    this.trainSamples = trainSamples;
    this.validationSamples = validationSamples;
    this.noise = noise;
    this.prior = prior;
    this.priorMean = finiteVector(priorMean, d, PRIOR_MEAN);
  }

  private static double[] finiteVector(double[] v, int d, String name) {
    if (v.length != d) {
      throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + d);
    }
    for (int k = 0; k < d; k++) {
      if (!Double.isFinite(v[k])) {
        throw new IllegalArgumentException(name + "[" + k + "] is " + v[k]);
      }
    }
    return v.clone();
  }

  /**
   * The setting of an instance of the expected reading: {@code Σ} is the (diagonal) Hessian shared
   * by every task's inner and outer loss, {@code θ_i} the tasks' centres with their weights, and
   * {@code n_t}, {@code n_v}, {@code noise}, {@code prior}, {@code theta_bar0 …} the instance's
   * parameters.
   *
   * @throws IllegalArgumentException naming what does not fit: a sampled instance (an ordinary
   *     quadratic task set, whose data set does not determine {@code Σ}), a non-quadratic or
   *     non-diagonal task, tasks with different Hessians or separate outer losses, a missing
   *     parameter
   */
  public static LinearRegressionSetting of(Instance instance) {
    if (DataReading.ofFamily(instance.family()).orElse(null) == DataReading.SAMPLED) {
      throw new IllegalArgumentException(
          "a "
              + instance.family()
              + " instance is an ordinary quadratic task set (use the quadratic model);"
              + " the expected model needs data: expected");
    }
    TaskSet tasks = instance.tasks();
    int d = tasks.dimension();
    int m = tasks.size();
    double[] covariance = null;
    double[][] thetas = new double[m][];
    double[] weights = new double[m];
    for (int i = 0; i < m; i++) {
      MetaTask t = tasks.get(i);
      if (!(t.inner() instanceof QuadraticLoss inner) || !t.isSameLoss()) {
        throw new IllegalArgumentException(
            "task "
                + i
                + ": the expected reading needs one quadratic loss ½(w − θ)ᵀΣ(w − θ) + σ²/2 as"
                + " inner and outer loss");
      }
      double[] h = inner.hessian();
      double[] diagonal = new double[d];
      for (int r = 0; r < d; r++) {
        diagonal[r] = h[r * d + r];
        for (int k = 0; k < d; k++) {
          if (k != r && h[r * d + k] != 0) {
            throw new IllegalArgumentException(
                "task " + i + ": the covariance Σ must be diagonal, H[" + r + "][" + k + "] ≠ 0");
          }
        }
      }
      if (covariance == null) {
        covariance = diagonal;
      } else if (!Arrays.equals(covariance, diagonal)) {
        throw new IllegalArgumentException(
            "task " + i + " has another covariance than task 0; the tasks share Σ");
      }
      thetas[i] = inner.centre();
      weights[i] = t.weight();
    }
    double[] priorMean = new double[d];
    for (int k = 0; k < d; k++) {
      priorMean[k] = instance.parameter(VectorParameter.coordinate(PRIOR_MEAN, k));
    }
    return new LinearRegressionSetting(
        covariance,
        thetas,
        weights,
        instance.integerParameter(TRAIN_SAMPLES),
        instance.integerParameter(VALIDATION_SAMPLES),
        instance.parameter(NOISE),
        instance.parameter(PRIOR),
        priorMean);
  }

  public int dimension() {
    return covariance.length;
  }

  public int taskCount() {
    return taskParameters.length;
  }

  /** The diagonal {@code s_1 … s_d} of {@code Σ}. */
  public double[] covariance() {
    return covariance.clone();
  }

  /** {@code θ_i}. */
  public double[] taskParameter(int i) {
    return taskParameters[i].clone();
  }

  /** The raw weight of task {@code i}. */
  public double taskWeight(int i) {
    return taskWeights[i];
  }

  /** Normalised weight {@code p_i = weight_i / Σ weight}. */
  public double probability(int i) {
    double total = 0;
    for (double w : taskWeights) {
      total += w;
    }
    return taskWeights[i] / total;
  }

  /** {@code n_t}. */
  public int trainSamples() {
    return trainSamples;
  }

  /** {@code n_v}. */
  public int validationSamples() {
    return validationSamples;
  }

  /** {@code σ}. */
  public double noise() {
    return noise;
  }

  /** {@code ν}. */
  public double prior() {
    return prior;
  }

  /** {@code θ̄}. */
  public double[] priorMean() {
    return priorMean.clone();
  }

  @Override
  public String toString() {
    return "LinearRegressionSetting[d="
        + dimension()
        + ", m="
        + taskCount()
        + ", s="
        + Arrays.toString(covariance)
        + ", n_t="
        + trainSamples
        + ", n_v="
        + validationSamples
        + ", noise="
        + noise
        + ", prior="
        + prior
        + "]";
  }
}
