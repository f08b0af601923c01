package io.metabound.experiments.algorithm;

import org.hipparchus.random.RandomGenerator;

/** The meta step size {@code β_k} of {@link OuterLoop}. */
public sealed interface StepSizeRule {

  /**
   * β at {@code w}; adaptive rules draw their task batch {@code B'} (and sample batches) from
   * {@code random}, independently of the meta-gradient batches.
   */
  double stepSize(double[] w, MetaGradientEstimator estimator, RandomGenerator random);

  /** A fixed β. */
  record Constant(double beta) implements StepSizeRule {
    public Constant {
      if (!(beta >= 0) || Double.isInfinite(beta)) {
        throw new IllegalArgumentException(
            "meta step size beta must be finite and >= 0, got " + beta);
      }
    }

    @Override
    public double stepSize(double[] w, MetaGradientEstimator estimator, RandomGenerator random) {
      return beta;
    }
  }

  /**
   * Fallah, Mokhtari and Ozdaglar 2020, Lemma 4.9, eq. (16)–(17):
   *
   * <pre>
   *   L̃(w) = 4L + (2ρα/B') Σ_{j∈B'} ‖∇̃f_j(w, D_β)‖,   β̃(w) = 1/L̃(w),   β_k = β̃(w_k)/c
   * </pre>
   *
   * <p>with a fresh task batch {@code B'} (i.i.d. from {@code p}) and sample batches {@code D_β}
   * ({@code D_β ≤ 0}: exact task gradients); {@code c = 12} (MAML), 18 (FO), 25 (HF), see {@link
   * OneStepStochasticMaml.Variant#stepDivisor()}.
   */
  record FallahAdaptive(
      double smoothness,
      double hessianLipschitz,
      double alpha,
      int taskBatch,
      int sampleBatch,
      double divisor)
      implements StepSizeRule {

    public FallahAdaptive {
      if (!(smoothness > 0) || !(hessianLipschitz >= 0) || !(alpha >= 0) || !(divisor > 0)) {
        throw new IllegalArgumentException(
            "Fallah's step size needs L > 0, rho >= 0, alpha >= 0, c > 0; got L="
                + smoothness
                + ", rho="
                + hessianLipschitz
                + ", alpha="
                + alpha
                + ", c="
                + divisor);
      }
      if (taskBatch < 1) {
        throw new IllegalArgumentException("Fallah's step size needs B' >= 1, got " + taskBatch);
      }
    }

    /** The rule with the divisor of {@code variant}. */
    public static FallahAdaptive of(
        double smoothness,
        double hessianLipschitz,
        double alpha,
        int taskBatch,
        int sampleBatch,
        OneStepStochasticMaml.Variant variant) {
      return new FallahAdaptive(
          smoothness, hessianLipschitz, alpha, taskBatch, sampleBatch, variant.stepDivisor());
    }

    @Override
    public double stepSize(double[] w, MetaGradientEstimator estimator, RandomGenerator random) {
      double sum = sampledGradientNorms(w, estimator, random, taskBatch, sampleBatch);
      // L̃ = 4L + (2ρα/B') Σ ‖∇̃f_j(w, D_β)‖
      double estimate = 4 * smoothness + 2 * hessianLipschitz * alpha * sum / taskBatch;
      return 1 / (divisor * estimate);
    }
  }

  /**
   * Ji, Yang and Liang 2022, eq. (14) (resampling) and (22) (finite-sum), [R-hi]/[R-med]
   * reconstructions (docs/THEOREMS.md §1.2):
   *
   * <pre>
   *   L̂_w = ℓ₀ + (C_𝓛/|B'|) Σ_{i∈B'} ‖∇l_{T_i}(w; D_L)‖,   β_k = 1/(C_β L̂_{w_k})
   * </pre>
   *
   * <p>with {@code ℓ₀ = (1+αL)^{2N} L} (resampling; plus {@code C_b b} in the finite-sum case, Prop
   * 7) and {@code C_𝓛} of eq. (13). {@code sampleBatch ≤ 0} uses exact task gradients.
   */
  record JiAdaptive(
      double baseSmoothness,
      double gradientCoefficient,
      double stepConstant,
      int taskBatch,
      int sampleBatch)
      implements StepSizeRule {

    public JiAdaptive {
      if (!(baseSmoothness > 0) || !(gradientCoefficient >= 0) || !(stepConstant > 0)) {
        throw new IllegalArgumentException(
            "Ji's step size needs l0 > 0, C_L >= 0, C_beta > 0; got "
                + baseSmoothness
                + ", "
                + gradientCoefficient
                + ", "
                + stepConstant);
      }
      if (taskBatch < 1) {
        throw new IllegalArgumentException("Ji's step size needs |B'| >= 1, got " + taskBatch);
      }
    }

    /**
     * {@code C_𝓛 = (ρ/L)(1+αL)^{2N−1}((1+αL)^N − 1) = αρ (1+αL)^{2N−1} Σ_{k<N}(1+αL)^k} (Ji2022
     * eq. (13), simplified; the second form avoids dividing by L).
     */
    public static double metaGradientCoefficient(
        double smoothness, double hessianLipschitz, double alpha, int steps) {
      double a = 1 + alpha * smoothness;
      double geometric = geometricSum(a, steps);
      return alpha * hessianLipschitz * Math.pow(a, 2 * steps - 1) * geometric;
    }

    /**
     * {@code C_b = (ρ/L)(1+αL)^{N−1}((1+αL)^N − 1)² = αρ(1+αL)^{N−1}((1+αL)^N − 1) Σ_{k<N}(1+αL)^k}
     * (Ji2022 eq. (21), [R-med]).
     */
    public static double dissimilarityCoefficient(
        double smoothness, double hessianLipschitz, double alpha, int steps) {
      double a = 1 + alpha * smoothness;
      double geometric = geometricSum(a, steps);
      return alpha
          * hessianLipschitz
          * Math.pow(a, steps - 1)
          * (Math.pow(a, steps) - 1)
          * geometric;
    }

    /** Eq. (14): {@code ℓ₀ = (1+αL)^{2N}L}, task gradients from batches {@code D_L}. */
    public static JiAdaptive resampling(
        double smoothness,
        double hessianLipschitz,
        double alpha,
        int steps,
        double stepConstant,
        int taskBatch,
        int sampleBatch) {
      return new JiAdaptive(
          Math.pow(1 + alpha * smoothness, 2 * steps) * smoothness,
          metaGradientCoefficient(smoothness, hessianLipschitz, alpha, steps),
          stepConstant,
          taskBatch,
          sampleBatch);
    }

    /**
     * Eq. (22): {@code ℓ₀ = (1+αL)^{2N}L + C_b b}, exact query-loss gradients; {@code b = E_i b_i}
     * (Ji2022 Ass. 5).
     */
    public static JiAdaptive finiteSum(
        double smoothness,
        double hessianLipschitz,
        double alpha,
        int steps,
        double stepConstant,
        int taskBatch,
        double dissimilarity) {
      return new JiAdaptive(
          Math.pow(1 + alpha * smoothness, 2 * steps) * smoothness
              + dissimilarityCoefficient(smoothness, hessianLipschitz, alpha, steps)
                  * dissimilarity,
          metaGradientCoefficient(smoothness, hessianLipschitz, alpha, steps),
          stepConstant,
          taskBatch,
          0);
    }

    @Override
    public double stepSize(double[] w, MetaGradientEstimator estimator, RandomGenerator random) {
      double sum = sampledGradientNorms(w, estimator, random, taskBatch, sampleBatch);
      // L̂_w = ℓ₀ + (C_𝓛/|B'|) Σ ‖∇l_{T_i}(w; D_L)‖
      double estimate = baseSmoothness + gradientCoefficient * sum / taskBatch;
      return 1 / (stepConstant * estimate);
    }
  }

  /**
   * {@code Σ_{b∈B'} ‖∇̃f_b(w, D)‖} over a fresh task batch {@code B'} of {@code taskBatch} tasks
   * drawn i.i.d. from {@code p}, each norm from a fresh sample batch of {@code sampleBatch} ({@code
   * ≤ 0}: exact): the sum both adaptive rules estimate their smoothness from.
   */
  private static double sampledGradientNorms(
      double[] w,
      MetaGradientEstimator estimator,
      RandomGenerator random,
      int taskBatch,
      int sampleBatch) {
    double sum = 0;
    for (int b = 0; b < taskBatch; b++) {
      int task = OuterLoop.drawTask(estimator, random);
      sum += estimator.taskGradientNorm(task, w, sampleBatch, random);
    }
    return sum;
  }

  /** {@code Σ_{k<N} a^k}, term by term (as Ji2022's coefficients are written). */
  private static double geometricSum(double a, int steps) {
    double sum = 0;
    for (int k = 0; k < steps; k++) {
      sum += Math.pow(a, k);
    }
    return sum;
  }
}
