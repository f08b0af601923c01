package io.metabound.experiments.check;

import io.metabound.experiments.family.regression.DataReading;
import io.metabound.experiments.family.regression.LeastSquaresQuadratic;
import io.metabound.experiments.family.regression.LinearRegressionSetting;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Gaussian linear-regression task sets ({@code family: {type: linear-regression, …}}): task {@code
 * i} has parameter {@code θ_i = θ̄ + (ν/√d) z_i}, inputs {@code x ~ N(0, Σ)}, {@code Σ = diag(s_1 …
 * s_d)}, targets {@code y = xᵀθ_i + ε}, {@code ε ~ N(0, σ²)}, and {@code n_t} train and {@code n_v}
 * validation samples with least-squares losses {@code (1/(2n))‖Xw − y‖²}. In the {@link
 * DataReading#SAMPLED sampled} reading each task is its data set: inner loss the train quadratic,
 * outer loss the validation quadratic ({@link LeastSquaresQuadratic}, exact at every {@code w}). In
 * the {@link DataReading#EXPECTED expected} reading each task is {@code QuadraticLoss(Σ, θ_i,
 * σ²/2)}, the expected loss, as inner and outer loss; the data averages are the exact model {@code
 * ExpectedRegressionModel.of(instance, field)}.
 *
 * <p>Continuous parametrisation of one shape (dimension {@code d}, task count {@code m}; dimensions
 * outer, task counts inner): the covariance spectrum {@code s ∈ [s_lo, s_hi]^d} (shared by the
 * tasks); the prior mean {@code θ̄ ∈ [−r, r]^d}; per task {@code d} coordinates of {@code z_i}; two
 * coordinates {@code u ∈ [0, 1]} for {@code n_t} and {@code n_v}, decoded like {@link
 * ParameterRange#integers} (uniform over the integers of the range); in the sampled reading, per
 * task, the standard-normal variates of {@code X_t} ({@code n_t,max × d}, row by row), {@code ε_t}
 * ({@code n_t,max}), {@code X_v} and {@code ε_v}, sized for the largest sample sizes (rows beyond
 * the decoded {@code n} are ignored); then the {@link DomainParameters} (points, then scalars in
 * declaration order). Every standard-normal variate ({@code z_i} and the data) is a coordinate
 * {@code u ∈ [0.001, 0.999]} mapped through the standard normal quantile, so uniform random search
 * draws from the model's own distribution (truncated to its central 99.8 %) and the adversarial
 * search may move it within that range. Then {@code x_jk = √s_k Φ⁻¹(u)}, {@code ε_j = σ Φ⁻¹(u)}.
 *
 * <p>A decoded instance has the family name {@link DataReading#familyName()}, all task weights 1,
 * and the parameters {@code n_t}, {@code n_v}, {@code noise} (σ), {@code prior} (ν), {@code
 * theta_bar0 … theta_bar(d−1)} (θ̄), plus the claim's own. Parameter ranges may refer to the {@link
 * #constants(Instance) constants} {@code L}, {@code mu}, {@code rho}, {@code d}, {@code m}, {@code
 * n_t}, {@code n_v}, {@code noise}.
 */
public final class LinearRegressionDomain implements InstanceDomain {

  /** Smallest search coordinate of a standard-normal variate. */
  static final double LOWEST_VARIATE = 0.001;

  /** Largest search coordinate of a standard-normal variate. */
  static final double HIGHEST_VARIATE = 0.999;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  /** {@code Φ⁻¹(0.999) ≈ 3.09}: the largest |variate| the domain decodes. */
  private static final double LARGEST_VARIATE = quantile(HIGHEST_VARIATE);

  private static final Pattern PRIOR_MEAN_COORDINATE =
      Pattern.compile(Pattern.quote(LinearRegressionSetting.PRIOR_MEAN) + "\\d+");

  private final DataReading reading;
  private final int minDimension;
  private final int maxDimension;
  private final int minTasks;
  private final int maxTasks;
  private final ParameterRange trainSamples;
  private final ParameterRange validationSamples;
  private final int maxTrainSamples;
  private final int maxValidationSamples;
  private final double noise;
  private final double prior;
  private final double centreRadius;
  private final double minCovariance;
  private final double maxCovariance;
  private final DomainParameters parameters;

  private LinearRegressionDomain(Builder b) {
    this.reading = b.reading;
    this.minDimension = b.minDimension;
    this.maxDimension = b.maxDimension;
    this.minTasks = b.minTasks;
    this.maxTasks = b.maxTasks;
    this.trainSamples =
        ParameterRange.integers(LinearRegressionSetting.TRAIN_SAMPLES, b.minTrain, b.maxTrain);
    this.validationSamples =
        ParameterRange.integers(
            LinearRegressionSetting.VALIDATION_SAMPLES, b.minValidation, b.maxValidation);
    this.maxTrainSamples = b.maxTrain;
    this.maxValidationSamples = b.maxValidation;
    this.noise = b.noise;
    this.prior = b.prior;
    this.centreRadius = b.centreRadius;
    this.minCovariance = b.minCovariance;
    this.maxCovariance = b.maxCovariance;
    this.parameters = new DomainParameters(b.vectors, b.scalars);
  }

  /** A builder with defaults d = 1…3, m = 1…3, n_t = n_v = 5…20, σ = 0, ν = 1, r = 0, Σ = I. */
  public static Builder builder(DataReading reading) {
    return new Builder(reading);
  }

  public DataReading reading() {
    return reading;
  }

  @Override
  public java.util.Set<String> families() {
    return java.util.Set.of(family());
  }

  /** The family name of the decoded instances. */
  public String family() {
    return reading.familyName();
  }

  /**
   * The exact constants of an instance that ranges and bounds refer to: {@code L} (largest
   * |eigenvalue| of any inner or outer Hessian: of the {@code S_t = X_tᵀX_t/n_t} and {@code S_v} in
   * the sampled reading, of {@code Σ} in the expected one), {@code mu} (smallest inner eigenvalue;
   * a rank-deficient {@code S_t} gives 0 up to rounding), {@code rho = 0}, {@code d}, {@code m}
   * ({@link QuadraticInstanceConstants}), and the parameters {@code n_t}, {@code n_v}, {@code
   * noise}.
   *
   * @throws IllegalArgumentException when a task is not quadratic or a parameter is missing
   */
  public static Map<String, Double> constants(Instance instance) {
    return constants(
        instance.tasks(),
        instance.integerParameter(LinearRegressionSetting.TRAIN_SAMPLES),
        instance.integerParameter(LinearRegressionSetting.VALIDATION_SAMPLES),
        instance.parameter(LinearRegressionSetting.NOISE));
  }

  private static Map<String, Double> constants(
      TaskSet tasks, int trainSamples, int validationSamples, double noise) {
    Map<String, Double> c = new TreeMap<>(QuadraticInstanceConstants.of(tasks));
    c.put(LinearRegressionSetting.TRAIN_SAMPLES, (double) trainSamples);
    c.put(LinearRegressionSetting.VALIDATION_SAMPLES, (double) validationSamples);
    c.put(LinearRegressionSetting.NOISE, noise);
    return c;
  }

  @Override
  public String description() {
    StringBuilder s = new StringBuilder(family()).append(": ");
    s.append("d ∈ {").append(minDimension).append("…").append(maxDimension).append("}");
    s.append(", m ∈ {").append(minTasks).append("…").append(maxTasks).append("}");
    s.append(", n_t ∈ ").append(trainSamples.description());
    s.append(", n_v ∈ ").append(validationSamples.description());
    s.append(", σ = ").append(noise).append(", ν = ").append(prior);
    s.append(", |θ̄_k| ≤ ").append(centreRadius);
    s.append(", Σ = diag(s), s ∈ [").append(minCovariance).append(", ").append(maxCovariance);
    s.append("]");
    parameters.describe(s);
    return s.toString();
  }

  @Override
  public List<SearchSpace> searchSpaces() {
    List<SearchSpace> spaces = new ArrayList<>();
    for (int d = minDimension; d <= maxDimension; d++) {
      for (int m = minTasks; m <= maxTasks; m++) {
        spaces.add(new RegressionShape(d, m));
      }
    }
    return spaces;
  }

  /**
   * True when the instance could have been decoded here: its family, shape and fixed parameters
   * ({@code noise}, {@code prior}) are the domain's, {@code n_t} and {@code n_v} are whole numbers
   * in their ranges, {@code θ̄} lies in its box, the claim's parameters in theirs; in the expected
   * reading every task is one loss {@code ½(w − θ_i)ᵀΣ(w − θ_i) + σ²/2} with the shared diagonal
   * {@code Σ} in the covariance range and {@code θ_i} within {@code Φ⁻¹(0.999) ν/√d} of {@code θ̄}
   * per coordinate; in the sampled reading every inner and outer Hessian is positive semi-definite
   * of rank at most {@code n_t} (inner) or {@code n_v} (outer) with eigenvalues at most {@code d
   * s_hi Φ⁻¹(0.999)²}, and every offset is a residual (≥ 0).
   */
  @Override
  public boolean admits(Instance instance) {
    int d = instance.dimension();
    int m = instance.taskCount();
    if (!family().equals(instance.family())
        || !instance.isQuadratic()
        || d < minDimension
        || d > maxDimension
        || m < minTasks
        || m > maxTasks) {
      return false;
    }
    String[] required = {
      LinearRegressionSetting.TRAIN_SAMPLES,
      LinearRegressionSetting.VALIDATION_SAMPLES,
      LinearRegressionSetting.NOISE,
      LinearRegressionSetting.PRIOR
    };
    for (String name : required) {
      if (!instance.hasParameter(name)) {
        return false;
      }
    }
    double nT = instance.parameter(LinearRegressionSetting.TRAIN_SAMPLES);
    double nV = instance.parameter(LinearRegressionSetting.VALIDATION_SAMPLES);
    if (!trainSamples.contains(nT, Map.of())
        || !validationSamples.contains(nV, Map.of())
        || !close(instance.parameter(LinearRegressionSetting.NOISE), noise)
        || !close(instance.parameter(LinearRegressionSetting.PRIOR), prior)
        || !new VectorParameter(LinearRegressionSetting.PRIOR_MEAN, centreRadius)
            .admits(instance)) {
      return false;
    }
    boolean tasksFit =
        reading == DataReading.EXPECTED
            ? admitsExpectedTasks(instance)
            : admitsSampledTasks(instance.tasks(), (int) nT, (int) nV);
    return tasksFit && parameters.admits(instance, constants(instance));
  }

  private boolean admitsExpectedTasks(Instance instance) {
    int d = instance.dimension();
    QuadraticLoss first = (QuadraticLoss) instance.tasks().get(0).inner();
    double[] sigma = first.hessian();
    double[] priorMean = instance.vectorParameter(LinearRegressionSetting.PRIOR_MEAN);
    // |θ_ik − θ̄_k| ≤ Φ⁻¹(0.999) ν/√d
    double reach = LARGEST_VARIATE * prior / Math.sqrt(d);
    double slack = 1e-12 * Math.max(1, maxCovariance);
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        double entry = sigma[r * d + k];
        boolean fits =
            r == k ? entry >= minCovariance - slack && entry <= maxCovariance + slack : entry == 0;
        if (!fits) {
          return false;
        }
      }
    }
    for (MetaTask t : instance.tasks().tasks()) {
      QuadraticLoss q = (QuadraticLoss) t.inner();
      if (!t.isSameLoss()
          || !Arrays.equals(q.hessian(), sigma)
          || !close(q.offset(), 0.5 * noise * noise)) {
        return false;
      }
      double[] theta = q.centre();
      for (int k = 0; k < d; k++) {
        if (Math.abs(theta[k] - priorMean[k]) > reach * (1 + 1e-12) + 1e-12) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean admitsSampledTasks(TaskSet tasks, int nT, int nV) {
    int d = tasks.dimension();
    // λ_max(S) ≤ tr S = (1/n) Σ_j ‖x_j‖² ≤ Σ_k s_k Φ⁻¹(0.999)²
    double largest = d * maxCovariance * LARGEST_VARIATE * LARGEST_VARIATE;
    for (MetaTask t : tasks.tasks()) {
      if (!admitsSampleQuadratic((QuadraticLoss) t.inner(), nT, largest)
          || !admitsSampleQuadratic((QuadraticLoss) t.outer(), nV, largest)) {
        return false;
      }
    }
    return true;
  }

  private static boolean admitsSampleQuadratic(QuadraticLoss q, int samples, double largest) {
    if (!(q.offset() >= 0)) {
      return false;
    }
    double[] eigenvalues = QuadraticInstanceConstants.eigenvalues(q);
    double top = 0;
    for (double e : eigenvalues) {
      top = Math.max(top, Math.abs(e));
    }
    double zero = 1e-10 * Math.max(top, Double.MIN_NORMAL);
    int rank = 0;
    for (double e : eigenvalues) {
      if (e < -zero || e > largest * (1 + 1e-12)) {
        return false;
      }
      rank += e > zero ? 1 : 0;
    }
    return rank <= samples;
  }

  private static boolean close(double value, double expected) {
    return Math.abs(value - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  }

  /** {@code Φ⁻¹(u)} with {@code u} clamped to {@code [0.001, 0.999]}. */
  private static double quantile(double u) {
    return STANDARD_NORMAL.inverseCumulativeProbability(
        Math.min(HIGHEST_VARIATE, Math.max(LOWEST_VARIATE, u)));
  }

  /** One shape (d, m): the box and its decoding. */
  private final class RegressionShape implements SearchSpace {
    private final int d;
    private final int m;
    private final int priorMeanAt;
    private final int variatesAt;
    private final int samplesAt;
    private final int dataAt;
    private final int dataPerTask;
    private final int parametersAt;

    RegressionShape(int d, int m) {
      this.d = d;
      this.m = m;
      this.priorMeanAt = d;
      this.variatesAt = 2 * d;
      this.samplesAt = variatesAt + m * d;
      this.dataAt = samplesAt + 2;
      // X_t, ε_t, X_v, ε_v: n_max (d + 1) variates for each of the two sets
      this.dataPerTask =
          reading == DataReading.SAMPLED ? (maxTrainSamples + maxValidationSamples) * (d + 1) : 0;
      this.parametersAt = dataAt + m * dataPerTask;
    }

    @Override
    public String description() {
      return family() + " d=" + d + " m=" + m;
    }

    private int size() {
      return parametersAt + parameters.size(d);
    }

    @Override
    public double[] lowerBounds() {
      return corner(true);
    }

    @Override
    public double[] upperBounds() {
      return corner(false);
    }

    private double[] corner(boolean lower) {
      double[] x = new double[size()];
      Arrays.fill(x, 0, d, lower ? minCovariance : maxCovariance);
      Arrays.fill(x, priorMeanAt, variatesAt, lower ? -centreRadius : centreRadius);
      Arrays.fill(x, variatesAt, samplesAt, lower ? LOWEST_VARIATE : HIGHEST_VARIATE);
      Arrays.fill(x, samplesAt, dataAt, lower ? 0 : 1);
      Arrays.fill(x, dataAt, parametersAt, lower ? LOWEST_VARIATE : HIGHEST_VARIATE);
      parameters.corner(x, parametersAt, d, lower);
      return x;
    }

    @Override
    public Instance decode(double[] point, long seed) {
      if (point.length != size()) {
        throw new IllegalArgumentException(
            description() + " has " + size() + " coordinates, got " + point.length);
      }
      double[] spectrum = Arrays.copyOfRange(point, 0, d);
      double[] priorMean = Arrays.copyOfRange(point, priorMeanAt, variatesAt);
      int nT = (int) trainSamples.decode(point[samplesAt], Map.of());
      int nV = (int) validationSamples.decode(point[samplesAt + 1], Map.of());
      // ν/√d
      double spread = prior / Math.sqrt(d);
      List<MetaTask> tasks = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        double[] theta = new double[d];
        for (int k = 0; k < d; k++) {
          // θ_i = θ̄ + (ν/√d) z_i
          theta[k] = priorMean[k] + spread * quantile(point[variatesAt + i * d + k]);
        }
        tasks.add(task(point, dataAt + i * dataPerTask, spectrum, theta, nT, nV));
      }
      TaskSet taskSet = new TaskSet(tasks);
      TreeMap<String, Double> values = new TreeMap<>();
      values.put(LinearRegressionSetting.TRAIN_SAMPLES, (double) nT);
      values.put(LinearRegressionSetting.VALIDATION_SAMPLES, (double) nV);
      values.put(LinearRegressionSetting.NOISE, noise);
      values.put(LinearRegressionSetting.PRIOR, prior);
      new VectorParameter(LinearRegressionSetting.PRIOR_MEAN, centreRadius)
          .decode(point, priorMeanAt, d, values);
      values.putAll(parameters.decode(point, parametersAt, d, constants(taskSet, nT, nV, noise)));
      return new Instance(taskSet, values, seed, family());
    }

    private MetaTask task(
        double[] point, int at, double[] spectrum, double[] theta, int nT, int nV) {
      if (reading == DataReading.EXPECTED) {
        double[] sigma = new double[d * d];
        for (int k = 0; k < d; k++) {
          sigma[k * d + k] = spectrum[k];
        }
        // the expected loss ½(w − θ_i)ᵀΣ(w − θ_i) + σ²/2
        return MetaTask.same(new QuadraticLoss(sigma, theta, 0.5 * noise * noise));
      }
      QuadraticLoss train = sampleLoss(point, at, maxTrainSamples, nT, spectrum, theta);
      int validationAt = at + maxTrainSamples * (d + 1);
      QuadraticLoss validation =
          sampleLoss(point, validationAt, maxValidationSamples, nV, spectrum, theta);
      return new MetaTask(train, validation, 1.0);
    }

    /**
     * The least-squares quadratic of {@code n} samples whose variates start at {@code at}: {@code
     * rows × d} feature variates, then {@code rows} noise variates.
     */
    private QuadraticLoss sampleLoss(
        double[] point, int at, int rows, int n, double[] spectrum, double[] theta) {
      double[][] features = new double[n][d];
      double[] targets = new double[n];
      for (int j = 0; j < n; j++) {
        double y = noise * quantile(point[at + rows * d + j]);
        for (int k = 0; k < d; k++) {
          // x_jk = √s_k Φ⁻¹(u)
          features[j][k] = Math.sqrt(spectrum[k]) * quantile(point[at + j * d + k]);
          // y_j = x_jᵀθ + ε_j
          y += features[j][k] * theta[k];
        }
        targets[j] = y;
      }
      return LeastSquaresQuadratic.of(features, targets);
    }
  }

  /** Builder; every option returns the builder so calls chain. */
  public static final class Builder {
    private final DataReading reading;
    private int minDimension = 1;
    private int maxDimension = 3;
    private int minTasks = 1;
    private int maxTasks = 3;
    private int minTrain = 5;
    private int maxTrain = 20;
    private int minValidation = 5;
    private int maxValidation = 20;
    private double noise = 0;
    private double prior = 1;
    private double centreRadius = 0;
    private double minCovariance = 1;
    private double maxCovariance = 1;
    private final List<VectorParameter> vectors = new ArrayList<>();
    private final List<ParameterRange> scalars = new ArrayList<>();

    private Builder(DataReading reading) {
      if (reading == null) {
        throw new IllegalArgumentException("a linear-regression domain needs a data reading");
      }
      this.reading = reading;
    }

    public Builder dimensions(int min, int max) {
      DomainParameters.checkCounts(min, max, "dimensions");
      this.minDimension = min;
      this.maxDimension = max;
      return this;
    }

    public Builder taskCounts(int min, int max) {
      DomainParameters.checkCounts(min, max, "task counts");
      this.minTasks = min;
      this.maxTasks = max;
      return this;
    }

    /** Train samples per task {@code n_t ∈ {min … max}}. */
    public Builder trainSamples(int min, int max) {
      DomainParameters.checkCounts(min, max, "train sample sizes");
      this.minTrain = min;
      this.maxTrain = max;
      return this;
    }

    /** Validation samples per task {@code n_v ∈ {min … max}}. */
    public Builder validationSamples(int min, int max) {
      DomainParameters.checkCounts(min, max, "validation sample sizes");
      this.minValidation = min;
      this.maxValidation = max;
      return this;
    }

    /** Label noise standard deviation {@code σ ≥ 0}. */
    public Builder noise(double sigma) {
      this.noise = nonNegative(sigma, "noise");
      return this;
    }

    /** Prior scale {@code ν ≥ 0}: {@code θ_i = θ̄ + (ν/√d) z_i}. */
    public Builder prior(double nu) {
      this.prior = nonNegative(nu, "prior");
      return this;
    }

    /** Prior-mean coordinates {@code θ̄_k ∈ [−radius, radius]}; 0 fixes θ̄ at the origin. */
    public Builder centreRadius(double radius) {
      this.centreRadius = nonNegative(radius, "centre");
      return this;
    }

    /** Covariance spectrum {@code s_k ∈ [min, max]}, {@code 0 ≤ min ≤ max}. */
    public Builder covariance(double min, double max) {
      nonNegative(min, "covariance");
      nonNegative(max, "covariance");
      if (!(min <= max)) {
        throw new IllegalArgumentException(
            "covariance range needs min <= max, got " + min + ", " + max);
      }
      this.minCovariance = min;
      this.maxCovariance = max;
      return this;
    }

    /** Adds a point {@code name0 … name(d−1)} with coordinates in {@code [−radius, radius]}. */
    public Builder vector(String name, double radius) {
      if (name.equals(LinearRegressionSetting.PRIOR_MEAN)) {
        throw reserved(name);
      }
      DomainParameters.addVector(vectors, name, radius);
      return this;
    }

    /** Adds a scalar parameter; later parameters may depend on earlier ones. */
    public Builder parameter(ParameterRange range) {
      String name = range.name();
      if (name.equals(LinearRegressionSetting.TRAIN_SAMPLES)
          || name.equals(LinearRegressionSetting.VALIDATION_SAMPLES)
          || name.equals(LinearRegressionSetting.NOISE)
          || name.equals(LinearRegressionSetting.PRIOR)
          || PRIOR_MEAN_COORDINATE.matcher(name).matches()) {
        throw reserved(name);
      }
      DomainParameters.addScalar(scalars, range);
      return this;
    }

    public LinearRegressionDomain build() {
      return new LinearRegressionDomain(this);
    }

    private static IllegalArgumentException reserved(String name) {
      return new IllegalArgumentException(
          "parameter "
              + name
              + " is reserved by the linear-regression family (n_t, n_v, noise, prior,"
              + " theta_bar0 …)");
    }

    private static double nonNegative(double value, String what) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(what + " must be finite and >= 0, got " + value);
      }
      return value;
    }
  }
}
