package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.FiniteDifferenceStep;
import io.metabound.experiments.algorithm.FiniteSumMaml;
import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.algorithm.MetaGradientEstimator;
import io.metabound.experiments.algorithm.OneStepStochasticMaml;
import io.metabound.experiments.algorithm.OuterLoop;
import io.metabound.experiments.algorithm.ResamplingMaml;
import io.metabound.experiments.algorithm.StepSizeRule;
import io.metabound.experiments.algorithm.TaskBatching;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.noise.StochasticTaskSet;
import java.util.Arrays;
import java.util.Optional;

/**
 * The stochastic MAML algorithms of the convergence theorems, each with its adaptive meta step
 * size, its task batch {@code B} and the exact meta-objective whose gradient measures stationarity.
 * Names are public: see {@link #id()}.
 */
enum StationarityAlgorithm {

  /**
   * Ji, Yang and Liang 2022, Algorithm 1 with step size (14) (Thm 5). Parameters {@code alpha, N,
   * S, D, T, B, B_prime, D_L, C_beta, sigma_g, sigma_H, K}.
   */
  JI_RESAMPLING("ji2022-resampling"),
  /**
   * Ji, Yang and Liang 2022, Algorithm 2 with step size (22) (Thm 9). Parameters {@code alpha, N,
   * B, B_prime, C_beta, K}.
   */
  JI_FINITE_SUM("ji2022-finite-sum"),
  /**
   * Fallah, Mokhtari and Ozdaglar 2020, MAML (5) with {@code β_k = β̃(w_k)/12} (Thm 4.12).
   * Parameters {@code alpha, D_in, D_o, D_h, B, B_prime, D_beta, sigma_g, sigma_H, K}.
   */
  FALLAH_MAML("fallah2020-maml"),
  /** FO-MAML (8) with {@code β_k = β̃(w_k)/18} (Thm 4.15); parameters as {@link #FALLAH_MAML}. */
  FALLAH_FIRST_ORDER("fallah2020-fo-maml"),
  /**
   * HF-MAML (10)–(11) with {@code δ = 1/(6ρα‖g‖)} and {@code β_k = β̃(w_k)/25} (Thm 4.17);
   * parameters as {@link #FALLAH_MAML}.
   */
  FALLAH_HESSIAN_FREE("fallah2020-hf-maml");

  private final String id;

  StationarityAlgorithm(String id) {
    this.id = id;
  }

  /** The public name, e.g. {@code fallah2020-maml}. */
  String id() {
    return id;
  }

  static Optional<StationarityAlgorithm> byId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }

  /** The exact meta-gradient the run is judged by (N inner steps; N = 1 for Fallah's MAML). */
  MamlMetaGradient exactMetaGradient(Instance instance) {
    double alpha = instance.parameter("alpha");
    return switch (this) {
      case JI_RESAMPLING ->
          new MamlMetaGradient(
              ProbeInstances.additiveNoise(instance).expectedTaskSet(),
              alpha,
              instance.integerParameter("N"));
      case JI_FINITE_SUM ->
          new MamlMetaGradient(instance.tasks(), alpha, instance.integerParameter("N"));
      default ->
          new MamlMetaGradient(ProbeInstances.additiveNoise(instance).expectedTaskSet(), alpha, 1);
    };
  }

  /**
   * The outer loop of {@code K} iterations with the algorithm's estimator, step size and task
   * batch, observing {@code observer}.
   */
  OuterLoop outerLoop(Instance instance, java.util.function.ToDoubleFunction<double[]> observer) {
    double[] constants = ProbeInstances.smoothness(instance);
    double l = constants[0];
    double rho = constants[1];
    double alpha = instance.parameter("alpha");
    int taskBatch = instance.integerParameter("B_prime");
    MetaGradientEstimator estimator;
    StepSizeRule rule;
    switch (this) {
      case JI_RESAMPLING -> {
        int n = instance.integerParameter("N");
        estimator =
            new ResamplingMaml(
                ProbeInstances.additiveNoise(instance),
                alpha,
                n,
                instance.integerParameter("S"),
                instance.integerParameter("D"),
                instance.integerParameter("T"));
        rule =
            StepSizeRule.JiAdaptive.resampling(
                l,
                rho,
                alpha,
                n,
                instance.parameter("C_beta"),
                taskBatch,
                instance.integerParameter("D_L"));
      }
      case JI_FINITE_SUM -> {
        int n = instance.integerParameter("N");
        estimator = new FiniteSumMaml(instance.tasks(), alpha, n);
        rule =
            StepSizeRule.JiAdaptive.finiteSum(
                l,
                rho,
                alpha,
                n,
                instance.parameter("C_beta"),
                taskBatch,
                ProbeInstances.stepSizeGap(instance, rho));
      }
      default -> {
        OneStepStochasticMaml.Variant variant = variant();
        StochasticTaskSet tasks = ProbeInstances.additiveNoise(instance);
        estimator =
            new OneStepStochasticMaml(
                tasks,
                alpha,
                variant,
                instance.integerParameter("D_in"),
                instance.integerParameter("D_o"),
                instance.integerParameter("D_h"),
                variant == OneStepStochasticMaml.Variant.HESSIAN_FREE
                    ? new FiniteDifferenceStep.Fallah(rho, alpha)
                    : null);
        rule =
            StepSizeRule.FallahAdaptive.of(
                l, rho, alpha, taskBatch, instance.integerParameter("D_beta"), variant);
      }
    }
    return OuterLoop.builder(estimator)
        .iterations(instance.integerParameter("K"))
        .stepSize(rule)
        .taskBatching(TaskBatching.sampled(instance.integerParameter("B")))
        .observer(observer)
        .build();
  }

  private OneStepStochasticMaml.Variant variant() {
    return switch (this) {
      case FALLAH_MAML -> OneStepStochasticMaml.Variant.MAML;
      case FALLAH_FIRST_ORDER -> OneStepStochasticMaml.Variant.FIRST_ORDER;
      case FALLAH_HESSIAN_FREE -> OneStepStochasticMaml.Variant.HESSIAN_FREE;
      default -> throw new IllegalStateException(this + " is not one of Fallah's estimators");
    };
  }
}
