package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.FiniteSumMaml;
import io.metabound.experiments.algorithm.MetaGradientEstimator;
import io.metabound.experiments.algorithm.OneStepStochasticMaml;
import io.metabound.experiments.algorithm.StepSizeRule;
import io.metabound.experiments.check.Instance;
import java.util.Arrays;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * The adaptive meta step sizes whose moments the papers bound, built from an instance with {@link
 * StepSizeRule}, and the computation of {@code E[β^k]} at the origin: by quadrature ({@link
 * StepSizeMoments}) when sample batches enter the rule, exactly (an enumeration of the task batch)
 * when only the task draw is random; both are exact expectations (no sampling error). The Monte
 * Carlo estimate of the sampled rules is kept ({@link #monteCarloMoment}) to test the quadrature.
 * Names are public: see {@link #id()}.
 */
enum StepSizeSetting {

  /**
   * Ji, Yang and Liang 2022, eq. (14) ({@link StepSizeRule.JiAdaptive#resampling}): {@code β =
   * 1/(C_β L̂_w)}, {@code L̂_w = (1+αL)^{2N}L + (C_𝓛/|B'|) Σ_{i∈B'} ‖∇l_i(w; D_L)‖} with
   * additive-noise batches {@code D_L}. Parameters {@code alpha, N, C_beta, B_prime, D_L, sigma_g}.
   * Quadrature.
   */
  JI_RESAMPLING("ji2022-resampling"),

  /**
   * Ji, Yang and Liang 2022, eq. (22) ({@link StepSizeRule.JiAdaptive#finiteSum}): as (14) with
   * {@code ℓ₀ = (1+αL)^{2N}L + C_b b} and the exact query-loss gradients. Parameters {@code alpha,
   * N, C_beta, B_prime}. Only {@code B'} is random: the expectation over the {@code B'} i.i.d. task
   * draws is enumerated exactly ({@link MultinomialExpectation}).
   */
  JI_FINITE_SUM("ji2022-finite-sum"),

  /**
   * Fallah, Mokhtari and Ozdaglar 2020, eq. (16)–(17) ({@link StepSizeRule.FallahAdaptive}, divisor
   * 1: Lemma 4.9 speaks of {@code β̃} itself): {@code β̃ = 1/(4L + (2ρα/B') Σ_{j∈B'} ‖∇̃f_j(w,
   * D_β)‖)}. Parameters {@code alpha, B_prime, D_beta, sigma_g}. Quadrature.
   */
  FALLAH("fallah2020");

  /** Largest number of task-batch count vectors enumerated exactly. */
  static final long ENUMERATION_LIMIT = 200_000;

  private final String id;

  StepSizeSetting(String id) {
    this.id = id;
  }

  /** The public name, e.g. {@code ji2022-resampling}. */
  String id() {
    return id;
  }

  static Optional<StepSizeSetting> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  /** {@code E[β^power]} at the origin, {@code power ∈ {1, 2}}. */
  Measurement moment(Instance instance, MeasurementSettings settings, int power) {
    double[] lipschitz = ProbeInstances.smoothness(instance);
    double l = lipschitz[0];
    double rho = lipschitz[1];
    double alpha = instance.parameter("alpha");
    int taskBatch = instance.integerParameter("B_prime");
    double[] w = ProbeInstances.point(instance);
    if (this == JI_FINITE_SUM) {
      StepSizeRule.JiAdaptive rule =
          StepSizeRule.JiAdaptive.finiteSum(
              l,
              rho,
              alpha,
              instance.integerParameter("N"),
              instance.parameter("C_beta"),
              taskBatch,
              ProbeInstances.stepSizeGap(instance, rho));
      return exactFiniteSum(instance, rule, w, power);
    }
    return quadrature(instance, w, power);
  }

  /**
   * {@code E[β^power]} of the two sampled rules ({@link #JI_RESAMPLING}, {@link #FALLAH}) by
   * quadrature ({@link StepSizeMoments}): the rule sees the tasks only through {@code B'}
   * independent norms {@code ‖∇l_{I_j}(w) + ξ_j‖}, {@code ξ_j ~ N(0, σ_g²/(d·batch) I)}.
   */
  private Measurement quadrature(Instance instance, double[] w, int power) {
    double[] lipschitz = ProbeInstances.smoothness(instance);
    double alpha = instance.parameter("alpha");
    int taskBatch = instance.integerParameter("B_prime");
    double divisor;
    double base;
    double coefficient;
    int sampleBatch;
    if (this == JI_RESAMPLING) {
      StepSizeRule.JiAdaptive rule = jiResampling(instance, lipschitz);
      divisor = rule.stepConstant();
      base = rule.baseSmoothness();
      coefficient = rule.gradientCoefficient() / taskBatch;
      sampleBatch = instance.integerParameter("D_L");
    } else {
      // β̃ = 1/(4L + (2ρα/B') Σ_j ‖∇̃f_j(w, D_β)‖), divisor 1
      divisor = 1;
      base = 4 * lipschitz[0];
      coefficient = 2 * lipschitz[1] * alpha / taskBatch;
      sampleBatch = instance.integerParameter("D_beta");
    }
    var oracles = ProbeInstances.additiveNoise(instance);
    int d = instance.dimension();
    double[][] gradients = new double[oracles.size()][d];
    for (int i = 0; i < gradients.length; i++) {
      oracles.get(i).expectedLoss().gradient(w, gradients[i]);
    }
    double noise = instance.parameter("sigma_g") / Math.sqrt((double) d * sampleBatch);
    return Measurement.exact(
        StepSizeMoments.inversePowerMoment(
            power,
            divisor,
            base,
            coefficient,
            taskBatch,
            ProbeInstances.probabilities(instance.tasks()),
            gradients,
            noise));
  }

  private static StepSizeRule.JiAdaptive jiResampling(Instance instance, double[] lipschitz) {
    return StepSizeRule.JiAdaptive.resampling(
        lipschitz[0],
        lipschitz[1],
        instance.parameter("alpha"),
        instance.integerParameter("N"),
        instance.parameter("C_beta"),
        instance.integerParameter("B_prime"),
        instance.integerParameter("D_L"));
  }

  /**
   * {@code E[β^power]} by Monte Carlo with a Student-t interval: what {@link #moment} computes by
   * quadrature for the sampled rules (kept to test the quadrature against).
   */
  Measurement monteCarloMoment(Instance instance, MeasurementSettings settings, int power) {
    if (this == JI_FINITE_SUM) {
      throw new IllegalArgumentException("the finite-sum step size has no sampled batches");
    }
    double[] lipschitz = ProbeInstances.smoothness(instance);
    double l = lipschitz[0];
    double rho = lipschitz[1];
    double alpha = instance.parameter("alpha");
    int taskBatch = instance.integerParameter("B_prime");
    double[] w = ProbeInstances.point(instance);
    StepSizeRule rule;
    MetaGradientEstimator norms;
    if (this == JI_RESAMPLING) {
      rule = jiResampling(instance, lipschitz);
    } else {
      rule =
          new StepSizeRule.FallahAdaptive(
              l, rho, alpha, taskBatch, instance.integerParameter("D_beta"), 1.0);
    }
    // only taskGradientNorm is used: the sampled ‖∇l_i(w; batch)‖ of the additive-noise oracles
    norms =
        new OneStepStochasticMaml(
            ProbeInstances.additiveNoise(instance),
            alpha,
            OneStepStochasticMaml.Variant.FIRST_ORDER,
            1,
            1,
            1,
            null);
    RandomGenerator random = ProbeInstances.random(instance);
    StreamingStatistics statistics = new StreamingStatistics();
    for (int s = 0; s < settings.samples(); s++) {
      double beta = rule.stepSize(w, norms, random);
      statistics.addValue(power == 2 ? beta * beta : beta);
    }
    return Measurement.ofStatistics(statistics, settings.confidenceLevel());
  }

  private static Measurement exactFiniteSum(
      Instance instance, StepSizeRule.JiAdaptive rule, double[] w, int power) {
    FiniteSumMaml tasks =
        new FiniteSumMaml(
            instance.tasks(), instance.parameter("alpha"), instance.integerParameter("N"));
    int m = tasks.taskCount();
    double[] p = ProbeInstances.probabilities(instance.tasks());
    double[] norm = new double[m];
    for (int i = 0; i < m; i++) {
      norm[i] = tasks.taskGradientNorm(i, w, 0, null);
    }
    int batch = rule.taskBatch();
    if (MultinomialExpectation.compositions(batch, m, ENUMERATION_LIMIT) < 0) {
      throw new IllegalArgumentException(
          "exact enumeration of B' = " + batch + " draws from " + m + " tasks is too large");
    }
    double value =
        MultinomialExpectation.of(
            p,
            batch,
            counts -> {
              double sum = 0;
              for (int i = 0; i < m; i++) {
                sum += counts[i] * norm[i];
              }
              // β = 1/(C_β (ℓ₀ + (C_𝓛/B') Σ_{i∈B'} ‖∇l_{T_i}(w)‖))
              double beta =
                  1
                      / (rule.stepConstant()
                          * (rule.baseSmoothness() + rule.gradientCoefficient() * sum / batch));
              return power == 2 ? beta * beta : beta;
            });
    return Measurement.exact(value);
  }
}
