package io.metabound.experiments.family.regression;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.field.NoClosedFormException;
import io.metabound.experiments.probe.Measurement;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * Monte Carlo estimates of the expected reading's data averages, for every inner adaptation and
 * every number of steps: what {@link ExpectedRegressionModel} has no closed form for, and an
 * independent check of what it has.
 *
 * <p>One sample of the <b>meta-objective</b> at {@code w}: for every task {@code i}, a train set of
 * {@code n_t} samples ({@code x = Σ^{1/2} z}, {@code y = xᵀθ_i + σ g}, {@code z}, {@code g}
 * standard normal), the adaptation {@code u_i} of {@code w} on its least-squares loss, an
 * independent validation set of {@code n_v} samples and its least-squares loss at {@code u_i}; the
 * sample is {@code Σ_i p_i L_{v,i}(u_i)}. Its mean is {@code F(w) = Σ_i p_i E[L_{v,i}(u_i)]}.
 *
 * <p>One sample of the <b>adapted test loss</b> at {@code w}: a fresh task {@code θ = θ̄ + (ν/√d)
 * z}, a train set of {@code n_t} samples, the adaptation {@code u}, and the test loss averaged
 * exactly over a fresh test sample, {@code ½E[(xᵀu − y)² | u, θ] = ½(u − θ)ᵀΣ(u − θ) + σ²/2}
 * (conditioning on the independent test point lowers the variance and keeps the mean).
 *
 * <p>Every estimate is a sample mean with its Student-t interval ({@link Measurement#ofStatistics}:
 * mean, standard error, sample count), drawn from {@link Well19937c} seeded with the explicit seed:
 * the same arguments give the same estimate. Double precision; one call allocates its own scratch
 * space, so an instance may be shared between threads.
 */
public final class RegressionMonteCarlo {

  private final LinearRegressionSetting setting;
  private final double[] covariance;
  private final double[] root;

  public RegressionMonteCarlo(LinearRegressionSetting setting) {
    this.setting = setting;
    this.covariance = setting.covariance();
    this.root = new double[covariance.length];
    for (int k = 0; k < root.length; k++) {
      // Σ^{1/2} = diag(√s_k)
      root[k] = Math.sqrt(covariance[k]);
    }
  }

  /** The estimates of an instance of the expected reading ({@link LinearRegressionSetting#of}). */
  public static RegressionMonteCarlo of(Instance instance) {
    return new RegressionMonteCarlo(LinearRegressionSetting.of(instance));
  }

  public LinearRegressionSetting setting() {
    return setting;
  }

  /**
   * The estimator's expected meta-objective at {@code w}.
   *
   * @throws NoClosedFormException for FO-MAML (no meta-objective) and estimators without an {@link
   *     InnerAdaptation}
   * @throws IllegalArgumentException for parameters out of range, fewer than 2 samples, a level
   *     outside (0, 1)
   */
  public Measurement metaObjective(
      Estimator estimator,
      EstimatorParameters parameters,
      double[] w,
      int samples,
      long seed,
      double confidenceLevel) {
    if (estimator == Estimator.FOMAML) {
      throw new NoClosedFormException(
          "FO-MAML has no meta-objective: its direction is not the gradient of one");
    }
    return metaObjective(
        InnerAdaptation.of(estimator, parameters), w, samples, seed, confidenceLevel);
  }

  /** The expected meta-objective {@code Σ_i p_i E[L_{v,i}(u_i)]} of an adaptation at {@code w}. */
  public Measurement metaObjective(
      InnerAdaptation adaptation, double[] w, int samples, long seed, double confidenceLevel) {
    int d = covariance.length;
    Scratch train = new Scratch(setting.trainSamples(), d);
    Scratch validation = new Scratch(setting.validationSamples(), d);
    double[] u = new double[d];
    int m = setting.taskCount();
    double[][] thetas = new double[m][];
    for (int i = 0; i < m; i++) {
      thetas[i] = setting.taskParameter(i);
    }
    return mean(
        w,
        samples,
        seed,
        confidenceLevel,
        random -> {
          double value = 0;
          for (int i = 0; i < m; i++) {
            train.draw(thetas[i], random);
            adapt(adaptation, w, train, u);
            validation.draw(thetas[i], random);
            // Σ_i p_i L_{v,i}(u_i)
            value += setting.probability(i) * validation.loss(u);
          }
          return value;
        });
  }

  /**
   * The expected loss on a fresh task after the estimator's adaptation from {@code w}.
   *
   * @throws NoClosedFormException for estimators without an {@link InnerAdaptation}
   * @throws IllegalArgumentException for parameters out of range, fewer than 2 samples, a level
   *     outside (0, 1)
   */
  public Measurement adaptedTestLoss(
      Estimator estimator,
      EstimatorParameters parameters,
      double[] w,
      int samples,
      long seed,
      double confidenceLevel) {
    return adaptedTestLoss(
        InnerAdaptation.of(estimator, parameters), w, samples, seed, confidenceLevel);
  }

  /** The expected loss on a fresh task after an adaptation from {@code w}. */
  public Measurement adaptedTestLoss(
      InnerAdaptation adaptation, double[] w, int samples, long seed, double confidenceLevel) {
    int d = covariance.length;
    Scratch train = new Scratch(setting.trainSamples(), d);
    double[] u = new double[d];
    double[] theta = new double[d];
    double[] priorMean = setting.priorMean();
    // ν/√d
    double spread = setting.prior() / Math.sqrt(d);
    double floor = 0.5 * setting.noise() * setting.noise();
    return mean(
        w,
        samples,
        seed,
        confidenceLevel,
        random -> {
          for (int k = 0; k < d; k++) {
            // θ = θ̄ + (ν/√d) z
            theta[k] = priorMean[k] + spread * random.nextGaussian();
          }
          train.draw(theta, random);
          adapt(adaptation, w, train, u);
          double quadratic = 0;
          for (int k = 0; k < d; k++) {
            quadratic += covariance[k] * (u[k] - theta[k]) * (u[k] - theta[k]);
          }
          // ½(u − θ)ᵀΣ(u − θ) + σ²/2
          return 0.5 * quadratic + floor;
        });
  }

  /**
   * The mean of {@code samples} draws of {@code sample} from {@link Well19937c} seeded with {@code
   * seed}, with its Student-t interval, after checking {@code w} and the sample count.
   */
  private Measurement mean(
      double[] w,
      int samples,
      long seed,
      double confidenceLevel,
      ToDoubleFunction<RandomGenerator> sample) {
    if (w.length != covariance.length) {
      throw new IllegalArgumentException(
          "w has length " + w.length + ", the family has dimension " + covariance.length);
    }
    if (samples < 2) {
      throw new IllegalArgumentException("a Monte Carlo mean needs >= 2 samples, got " + samples);
    }
    RandomGenerator random = new Well19937c(seed);
    StreamingStatistics statistics = new StreamingStatistics();
    for (int s = 0; s < samples; s++) {
      statistics.addValue(sample.applyAsDouble(random));
    }
    return Measurement.ofStatistics(statistics, confidenceLevel);
  }

  /** Writes the adaptation of {@code w} on the train set into {@code u}. */
  private static void adapt(InnerAdaptation adaptation, double[] w, Scratch train, double[] u) {
    int d = w.length;
    System.arraycopy(w, 0, u, 0, d);
    double[] gradient = new double[d];
    if (adaptation instanceof InnerAdaptation.GradientSteps g) {
      for (int step = 0; step < g.steps(); step++) {
        train.gradient(u, gradient);
        for (int k = 0; k < d; k++) {
          // u ← u − α∇L_t(u)
          u[k] -= g.alpha() * gradient[k];
        }
      }
    } else if (adaptation instanceof InnerAdaptation.ProximalSteps prox) {
      for (int step = 0; step < prox.innerSteps(); step++) {
        train.gradient(u, gradient);
        for (int k = 0; k < d; k++) {
          // u ← u − η(∇L_t(u) + λ(u − w))
          u[k] -= prox.innerRate() * (gradient[k] + prox.lambda() * (u[k] - w[k]));
        }
      }
    } else if (adaptation instanceof InnerAdaptation.Proximal p) {
      train.proximalPoint(w, p.lambda(), u);
    }
  }

  /** One drawn data set ({@code n} rows) and its least-squares loss. */
  private final class Scratch {
    private final int n;
    private final int d;
    private final double[] features;
    private final double[] targets;

    Scratch(int n, int d) {
      this.n = n;
      this.d = d;
      this.features = new double[n * d];
      this.targets = new double[n];
    }

    /** Draws {@code x_j = Σ^{1/2} z_j}, {@code y_j = x_jᵀθ + σ g_j}, row by row. */
    void draw(double[] theta, RandomGenerator random) {
      for (int j = 0; j < n; j++) {
        double y = 0;
        for (int k = 0; k < d; k++) {
          double x = root[k] * random.nextGaussian();
          features[j * d + k] = x;
          y += x * theta[k];
        }
        targets[j] = y + setting.noise() * random.nextGaussian();
      }
    }

    private double residual(int j, double[] w) {
      double r = -targets[j];
      for (int k = 0; k < d; k++) {
        r += features[j * d + k] * w[k];
      }
      return r;
    }

    /** {@code (1/(2n))‖Xw − y‖²}. */
    double loss(double[] w) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        double r = residual(j, w);
        s += r * r;
      }
      return 0.5 * s / n;
    }

    /** {@code (1/n)Xᵀ(Xw − y)}. */
    void gradient(double[] w, double[] out) {
      Arrays.fill(out, 0.0);
      for (int j = 0; j < n; j++) {
        double r = residual(j, w) / n;
        for (int k = 0; k < d; k++) {
          out[k] += r * features[j * d + k];
        }
      }
    }

    /** {@code u* = (S + λI)⁻¹(Xᵀy/n + λw)}, the minimiser of {@code L_t(u) + (λ/2)‖u − w‖²}. */
    void proximalPoint(double[] w, double lambda, double[] out) {
      double[][] system = new double[d][d];
      double[] rhs = new double[d];
      for (int r = 0; r < d; r++) {
        system[r][r] = lambda;
        rhs[r] = lambda * w[r];
      }
      for (int j = 0; j < n; j++) {
        for (int r = 0; r < d; r++) {
          double xr = features[j * d + r] / n;
          // Xᵀy/n and S = XᵀX/n, sample by sample
          rhs[r] += xr * targets[j];
          for (int k = 0; k < d; k++) {
            system[r][k] += xr * features[j * d + k];
          }
        }
      }
      double[] solution =
          new LUDecomposition(new Array2DRowRealMatrix(system, false))
              .getSolver()
              .solve(new ArrayRealVector(rhs, false))
              .toArray();
      System.arraycopy(solution, 0, out, 0, d);
    }
  }
}
