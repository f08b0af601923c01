package io.metabound.experiments.algorithm;

import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.noise.StochasticOracle;
import io.metabound.experiments.noise.StochasticTaskSet;
import org.hipparchus.random.RandomGenerator;

/**
 * One-step stochastic MAML and its first-order and Hessian-free variants (Fallah, Mokhtari and
 * Ozdaglar 2020, eq. (4), (5), (8), (10), (11)). For task {@code i} at {@code w}, with independent
 * batches {@code D_in, D_o, D_h}:
 *
 * <pre>
 *   w_1 = w − α ∇̃f_i(w, D_in)                                    (4)
 *   g   = ∇̃f_i(w_1, D_o)
 *   MAML (5):  Ĝ = (I − α ∇̃²f_i(w, D_h)) g
 *   FO   (8):  Ĝ = g
 *   HF  (10):  Ĝ = g − α d,
 *              d = [∇̃f_i(w + δg, D_h) − ∇̃f_i(w − δg, D_h)]/(2δ)       (11, one batch D_h)
 * </pre>
 *
 * <p>δ comes from a {@link FiniteDifferenceStep} rule; Thm 4.17 uses {@link
 * FiniteDifferenceStep.Fallah} ({@code δ = 1/(6ρα‖g‖)}). The outer step {@code w_{k+1} = w_k −
 * (β_k/B) Σ Ĝ_i} is {@link OuterLoop}, with Lemma 4.9's step size {@link
 * StepSizeRule.FallahAdaptive} divided by {@link Variant#stepDivisor()}. Calls do not allocate.
 */
public final class OneStepStochasticMaml extends StochasticTaskSetEstimator {

  /** The three estimators of Fallah2020 with the divisors of their step sizes. */
  public enum Variant {
    /** Eq. (5), Thm 4.12: {@code β_k = β̃(w_k)/12}. */
    MAML(12),
    /** Eq. (8), Thm 4.15: {@code β_k = β̃(w_k)/18}. */
    FIRST_ORDER(18),
    /** Eq. (10)–(11), Thm 4.17: {@code β_k = β̃(w_k)/25}. */
    HESSIAN_FREE(25);

    private final double stepDivisor;

    Variant(double stepDivisor) {
      this.stepDivisor = stepDivisor;
    }

    /** {@code c} in {@code β_k = β̃(w_k)/c}. */
    public double stepDivisor() {
      return stepDivisor;
    }
  }

  private final double alpha;
  private final Variant variant;
  private final int innerBatch;
  private final int outerBatch;
  private final int hessianBatch;
  private final FiniteDifferenceStep step;
  private final double[] adapted;
  private final double[] gradient;
  private final double[] hessian;
  private final double[] plus;
  private final double[] minus;

  /**
   * @param innerBatch {@code D_in ≥ 1}
   * @param outerBatch {@code D_o ≥ 1}
   * @param hessianBatch {@code D_h ≥ 1} (unused by FO-MAML)
   * @param step the finite-difference step rule (used by HF-MAML only; may be null otherwise)
   */
  public OneStepStochasticMaml(
      StochasticTaskSet tasks,
      double alpha,
      Variant variant,
      int innerBatch,
      int outerBatch,
      int hessianBatch,
      FiniteDifferenceStep step) {
    super(tasks);
    InnerGradientDescent.checkStepSize(alpha);
    checkBatch("D_in", innerBatch);
    checkBatch("D_o", outerBatch);
    checkBatch("D_h", hessianBatch);
    if (variant == Variant.HESSIAN_FREE && step == null) {
      throw new IllegalArgumentException("HF-MAML needs a finite-difference step rule");
    }
    this.alpha = alpha;
    this.variant = variant;
    this.innerBatch = innerBatch;
    this.outerBatch = outerBatch;
    this.hessianBatch = hessianBatch;
    this.step = step;
    this.adapted = new double[dimension];
    this.gradient = new double[dimension];
    this.hessian = new double[dimension * dimension];
    this.plus = new double[dimension];
    this.minus = new double[dimension];
  }

  public Variant variant() {
    return variant;
  }

  @Override
  public void estimate(int task, double[] w, RandomGenerator random, double[] out) {
    StochasticOracle oracle = tasks.get(task);
    int d = dimension;
    // w_1 = w − α ∇̃f(w, D_in)
    oracle.sampleGradient(w, innerBatch, random, gradient);
    for (int k = 0; k < d; k++) {
      adapted[k] = w[k] - alpha * gradient[k];
    }
    // g = ∇̃f(w_1, D_o)
    oracle.sampleGradient(adapted, outerBatch, random, gradient);
    switch (variant) {
      case FIRST_ORDER -> System.arraycopy(gradient, 0, out, 0, d);
      case MAML -> {
        oracle.sampleHessian(w, hessianBatch, random, hessian);
        // Ĝ = (I − α ∇̃²f(w, D_h)) g
        for (int r = 0; r < d; r++) {
          double s = 0;
          for (int k = 0; k < d; k++) {
            s += hessian[r * d + k] * gradient[k];
          }
          out[r] = gradient[r] - alpha * s;
        }
      }
      case HESSIAN_FREE -> {
        double norm = Vectors.norm(gradient);
        if (norm == 0) {
          System.arraycopy(gradient, 0, out, 0, d);
          return;
        }
        double delta = step.delta(norm);
        oracle.sampleGradientPair(w, gradient, delta, hessianBatch, random, plus, minus);
        // Ĝ = g − α [∇̃f(w + δg, D_h) − ∇̃f(w − δg, D_h)]/(2δ)
        double scale = alpha / (2 * delta);
        for (int k = 0; k < d; k++) {
          out[k] = gradient[k] - scale * (plus[k] - minus[k]);
        }
      }
      default -> throw new IllegalStateException("unknown variant " + variant);
    }
  }
}
