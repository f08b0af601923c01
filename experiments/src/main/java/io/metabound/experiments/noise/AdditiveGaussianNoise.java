package io.metabound.experiments.noise;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import io.metabound.experiments.task.SmoothLoss;
import org.hipparchus.random.RandomGenerator;

/**
 * Additive Gaussian noise on the exact derivatives of a {@link SmoothLoss} (docs/THEOREMS.md §6.1):
 *
 * <pre>
 *   ∇̃f(w; S)  = ∇f(w) + ξ,    ξ ~ N(0, σ_g²/(d·S) I)         so E‖ξ‖² = σ_g²/S exactly
 *   ∇̃²f(w; D) = ∇²f(w) + Ξ,   Ξ symmetric Gaussian (GOE)     so E‖Ξ‖_F² = σ_H²/D exactly
 * </pre>
 *
 * <p>The Hessian noise is GOE-shaped: off-diagonal entries {@code Ξ_rk = Ξ_kr ~ N(0, b²)}, diagonal
 * entries {@code N(0, 2b²)}, all independent, with {@code b² = σ_H²/(D d(d+1))}, so {@code E‖Ξ‖_F²
 * = d·2b² + d(d−1)·b² = σ_H²/D}; its law is invariant under rotations. {@code σ_H} is a
 * Frobenius-norm constant (the caveat of docs/THEOREMS.md §1.3: only with the Frobenius norm does a
 * batch of size D have variance exactly {@code σ_H²/D}; the spectral-norm variance is smaller).
 *
 * <p>A batch of size {@code S} is modelled as one Gaussian draw with the batch's variance (the
 * average of {@code S} independent per-sample noises has exactly that law). For the
 * finite-difference pair of one batch (HF-MAML), the batch is the noise field {@code ξ + Ξ(w' − w)}
 * around the midpoint {@code w}: {@code ∇f(w ± δv) + ξ ± δΞv}, with {@code ξ, Ξ} scaled for the
 * batch size; the difference quotient is then the exact difference quotient plus {@code Ξv}, the
 * Hessian noise of that batch, as for a data batch. With {@code σ_g, σ_H} fixed, the noise does not
 * depend on {@code w}, so all constants are EXACT for every ball.
 *
 * <p>Holds scratch space: one instance per thread.
 */
public final class AdditiveGaussianNoise implements StochasticOracle {

  private final SmoothLoss loss;
  private final double gradientNoise;
  private final double hessianNoise;
  private final double[] scratch;
  private final double[] gradientBuffer;

  /**
   * @param loss the exact loss {@code f}
   * @param gradientNoise per-sample {@code σ_g ≥ 0}
   * @param hessianNoise per-sample Frobenius {@code σ_H ≥ 0}
   */
  public AdditiveGaussianNoise(SmoothLoss loss, double gradientNoise, double hessianNoise) {
    if (!(gradientNoise >= 0)
        || Double.isInfinite(gradientNoise)
        || !(hessianNoise >= 0)
        || Double.isInfinite(hessianNoise)) {
      throw new IllegalArgumentException(
          "noise levels sigma_g, sigma_H must be finite and >= 0, got "
              + gradientNoise
              + ", "
              + hessianNoise);
    }
    this.loss = loss;
    this.gradientNoise = gradientNoise;
    this.hessianNoise = hessianNoise;
    this.scratch = new double[loss.dimension()];
    this.gradientBuffer = new double[loss.dimension()];
  }

  @Override
  public int dimension() {
    return loss.dimension();
  }

  @Override
  public SmoothLoss expectedLoss() {
    return loss;
  }

  static void checkBatch(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
  }

  /** Standard deviation per coordinate of the gradient noise of a batch: σ_g/√(dS). */
  private double gradientScale(int batchSize) {
    return gradientNoise / Math.sqrt((double) dimension() * batchSize);
  }

  /** Off-diagonal standard deviation b of the Hessian noise of a batch: σ_H/√(D d(d+1)). */
  private double hessianScale(int batchSize) {
    int d = dimension();
    return hessianNoise / Math.sqrt((double) batchSize * d * (d + 1));
  }

  @Override
  public void sampleGradient(double[] w, int batchSize, RandomGenerator random, double[] out) {
    checkBatch(batchSize);
    loss.gradient(w, out);
    double s = gradientScale(batchSize);
    // ∇̃f = ∇f + ξ
    for (int k = 0; k < out.length; k++) {
      out[k] += s * random.nextGaussian();
    }
  }

  /** Adds a GOE draw with off-diagonal standard deviation {@code b} to the row-major {@code h}. */
  private void addSymmetricNoise(double[] h, double b, RandomGenerator random) {
    int d = dimension();
    double diagonal = Math.sqrt(2) * b;
    for (int r = 0; r < d; r++) {
      h[r * d + r] += diagonal * random.nextGaussian();
      for (int k = r + 1; k < d; k++) {
        double x = b * random.nextGaussian();
        h[r * d + k] += x;
        h[k * d + r] += x;
      }
    }
  }

  @Override
  public void sampleHessian(double[] w, int batchSize, RandomGenerator random, double[] out) {
    checkBatch(batchSize);
    loss.hessian(w, out);
    // ∇̃²f = ∇²f + Ξ
    addSymmetricNoise(out, hessianScale(batchSize), random);
  }

  @Override
  public void sampleGradientPair(
      double[] w,
      double[] v,
      double delta,
      int batchSize,
      RandomGenerator random,
      double[] outPlus,
      double[] outMinus) {
    checkBatch(batchSize);
    int d = dimension();
    double s = gradientScale(batchSize);
    double b = hessianScale(batchSize);
    double diagonal = Math.sqrt(2) * b;
    // ξ + Ξ(±δv): first ξ into outPlus, Ξ v into scratch (Ξ drawn entry by entry, never stored)
    for (int k = 0; k < d; k++) {
      outPlus[k] = s * random.nextGaussian();
      scratch[k] = 0;
    }
    for (int r = 0; r < d; r++) {
      scratch[r] += diagonal * random.nextGaussian() * v[r];
      for (int k = r + 1; k < d; k++) {
        double x = b * random.nextGaussian();
        scratch[r] += x * v[k];
        scratch[k] += x * v[r];
      }
    }
    for (int k = 0; k < d; k++) {
      outMinus[k] = outPlus[k] - delta * scratch[k];
      outPlus[k] += delta * scratch[k];
    }
    // the exact gradients at w ± δv, evaluated into scratch one after the other
    for (int k = 0; k < d; k++) {
      scratch[k] = w[k] + delta * v[k];
    }
    addGradient(scratch, outPlus);
    for (int k = 0; k < d; k++) {
      scratch[k] = w[k] - delta * v[k];
    }
    addGradient(scratch, outMinus);
  }

  private void addGradient(double[] at, double[] out) {
    loss.gradient(at, gradientBuffer);
    for (int k = 0; k < out.length; k++) {
      out[k] += gradientBuffer[k];
    }
  }

  @Override
  public double gradientVariance(double[] w) {
    return gradientNoise * gradientNoise;
  }

  @Override
  public double hessianVariance(double[] w) {
    return hessianNoise * hessianNoise;
  }

  @Override
  public FamilyConstant gradientNoise(double[] centre, double radius) {
    return new FamilyConstant(
        "sigma_g",
        gradientNoise,
        Exactness.EXACT,
        "additive Gaussian gradient noise, independent of w");
  }

  @Override
  public FamilyConstant hessianNoise(double[] centre, double radius) {
    return new FamilyConstant(
        "sigma_H",
        hessianNoise,
        Exactness.EXACT,
        "additive GOE Hessian noise, Frobenius convention, independent of w");
  }
}
