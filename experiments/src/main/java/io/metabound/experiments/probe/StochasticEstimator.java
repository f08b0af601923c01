package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.FiniteSumMaml;
import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.algorithm.MetaGradientEstimator;
import io.metabound.experiments.algorithm.OneStepStochasticMaml;
import io.metabound.experiments.algorithm.ResamplingMaml;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.noise.StochasticTaskSet;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.Arrays;
import java.util.Optional;

/**
 * The per-task stochastic meta-gradient estimators whose bias and second moment the papers bound,
 * each with the exact per-task target its bias is measured against. Names are public (claims files
 * name them): see {@link #id()}.
 */
enum StochasticEstimator {

  /**
   * Ji, Yang and Liang 2022, Algorithm 1, eq. (7): {@code Ĝ_i(w) = Π_j (I − α∇²l_i(w_j; D_j))
   * ∇l_i(w_N; T)} on the stochastic inner path ({@link ResamplingMaml}); target {@code ∇𝓛_i(w)},
   * eq. (3). Parameters {@code alpha, N, S, D, T, sigma_g, sigma_H}.
   */
  JI_RESAMPLING("ji2022-resampling", false),

  /**
   * Ji, Yang and Liang 2022, Algorithm 2, eq. (12): the exact task meta-gradient on fixed support
   * and query losses ({@link FiniteSumMaml}): deterministic given the task, unbiased. Parameters
   * {@code alpha, N}.
   */
  JI_FINITE_SUM("ji2022-finite-sum", true),

  /**
   * Fallah, Mokhtari and Ozdaglar 2020, Lemma 4.10: the stochastic gradient at the stochastically
   * adapted point {@code ∇̃f_i(w − α∇̃f_i(w, D_in), D_o)} (the first-order estimator (8), {@link
   * OneStepStochasticMaml.Variant#FIRST_ORDER}); target {@code ∇f_i(w − α∇f_i(w))}. Parameters
   * {@code alpha, D_in, D_o, sigma_g}.
   */
  FALLAH_ADAPTED_GRADIENT("fallah2020-adapted-gradient", false);

  private final String id;
  private final boolean deterministic;

  StochasticEstimator(String id, boolean deterministic) {
    this.id = id;
    this.deterministic = deterministic;
  }

  /** The public name, e.g. {@code ji2022-resampling}. */
  String id() {
    return id;
  }

  /** True when {@code Ĝ_i} is a deterministic function of the task (no sampling noise). */
  boolean deterministic() {
    return deterministic;
  }

  static Optional<StochasticEstimator> byId(String id) {
    return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
  }

  /** The estimator on the instance's tasks. */
  MetaGradientEstimator build(Instance instance) {
    double alpha = instance.parameter("alpha");
    switch (this) {
      case JI_RESAMPLING:
        return new ResamplingMaml(
            ProbeInstances.additiveNoise(instance),
            alpha,
            instance.integerParameter("N"),
            instance.integerParameter("S"),
            instance.integerParameter("D"),
            instance.integerParameter("T"));
      case JI_FINITE_SUM:
        return new FiniteSumMaml(instance.tasks(), alpha, instance.integerParameter("N"));
      case FALLAH_ADAPTED_GRADIENT:
        return new OneStepStochasticMaml(
            ProbeInstances.additiveNoise(instance),
            alpha,
            OneStepStochasticMaml.Variant.FIRST_ORDER,
            instance.integerParameter("D_in"),
            instance.integerParameter("D_o"),
            1,
            null);
      default:
        throw new IllegalStateException("unknown estimator " + this);
    }
  }

  /**
   * The exact per-task target {@code E Ĝ_i} would have if unbiased, one row per task, at {@code w}.
   */
  double[][] targets(Instance instance, double[] w) {
    double alpha = instance.parameter("alpha");
    int m = instance.taskCount();
    int d = instance.dimension();
    double[][] out = new double[m][d];
    switch (this) {
      case JI_RESAMPLING:
      case JI_FINITE_SUM:
        {
          TaskSet tasks =
              this == JI_RESAMPLING
                  ? ProbeInstances.additiveNoise(instance).expectedTaskSet()
                  : instance.tasks();
          MamlMetaGradient exact =
              new MamlMetaGradient(tasks, alpha, instance.integerParameter("N"));
          for (int i = 0; i < m; i++) {
            exact.taskGradient(i, w, out[i]);
          }
          return out;
        }
      case FALLAH_ADAPTED_GRADIENT:
        {
          StochasticTaskSet tasks = ProbeInstances.additiveNoise(instance);
          double[] adapted = new double[d];
          for (int i = 0; i < m; i++) {
            SmoothLoss f = tasks.get(i).expectedLoss();
            // ∇f(w − α∇f(w))
            f.gradient(w, adapted);
            for (int k = 0; k < d; k++) {
              adapted[k] = w[k] - alpha * adapted[k];
            }
            f.gradient(adapted, out[i]);
          }
          return out;
        }
      default:
        throw new IllegalStateException("unknown estimator " + this);
    }
  }
}
