package io.metabound.experiments.noise;

import io.metabound.experiments.constant.FamilyConstant;
import io.metabound.experiments.task.SmoothLoss;
import org.hipparchus.random.RandomGenerator;

/**
 * Mini-batch gradient and Hessian oracles of one task {@code f(w) = E_τ l(w; τ)} (Ji2022 Ass. 3,
 * Fallah2020 Ass. 4.6): each call draws a fresh batch of {@code S} samples and returns the batch
 * average {@code (1/S) Σ_{τ∈batch} ∇l(w; τ)} (or the Hessian average). Batches drawn by separate
 * calls are independent.
 *
 * <p>Per-sample variances are exact, in the convention of docs/THEOREMS.md §1.3: {@code σ̃²(w)
 * = E‖∇l(w;τ) − ∇f(w)‖²} (Euclidean) and {@code σ_H²(w) = E‖∇²l(w;τ) − ∇²f(w)‖_F²} (Frobenius, so
 * that a batch of size {@code D} has exactly {@code σ_H²/D}; the spectral-norm variance of the
 * papers is at most the Frobenius one). A batch of size {@code S} has variance exactly {@code
 * σ̃²/S} (independent samples).
 *
 * <p>Implementations keep per-instance scratch space: one instance per thread.
 */
public interface StochasticOracle {

  int dimension();

  /** The task's expected loss {@code f = E_τ l(·; τ)}: the loss the exact oracles differentiate. */
  SmoothLoss expectedLoss();

  /** {@code out = (1/S) Σ_{τ ∈ S} ∇l(w; τ)} over a fresh batch of {@code batchSize} samples. */
  void sampleGradient(double[] w, int batchSize, RandomGenerator random, double[] out);

  /** {@code out = (1/D) Σ_{τ ∈ D} ∇²l(w; τ)} (row-major {@code d*d}) over a fresh batch. */
  void sampleHessian(double[] w, int batchSize, RandomGenerator random, double[] out);

  /**
   * Gradients of ONE fresh batch at the two points {@code w + δv} and {@code w − δv}: the
   * finite-difference Hessian-vector product of HF-MAML (Fallah2020 eq. (11)) evaluates both with
   * the same batch {@code D_h}.
   */
  void sampleGradientPair(
      double[] w,
      double[] v,
      double delta,
      int batchSize,
      RandomGenerator random,
      double[] outPlus,
      double[] outMinus);

  /** Exact per-sample gradient variance {@code σ̃²(w) = E‖∇l(w;τ) − ∇f(w)‖²}. */
  double gradientVariance(double[] w);

  /** Exact per-sample Frobenius Hessian variance {@code σ_H²(w) = E‖∇²l(w;τ) − ∇²f(w)‖_F²}. */
  double hessianVariance(double[] w);

  /**
   * {@code σ_g = sup_{‖w − centre‖ ≤ R} σ̃(w)} (symbol {@code sigma_g}), exact or a certified upper
   * bound; {@code R = +∞} is allowed when the variance is bounded.
   */
  FamilyConstant gradientNoise(double[] centre, double radius);

  /** {@code σ_H = sup_{‖w − centre‖ ≤ R} σ_H(w)} (symbol {@code sigma_H}), Frobenius convention. */
  FamilyConstant hessianNoise(double[] centre, double radius);
}
