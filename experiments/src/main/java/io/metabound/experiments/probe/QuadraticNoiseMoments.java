package io.metabound.experiments.probe;

import io.metabound.experiments.task.QuadraticLoss;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Closed forms of the second moments the Monte Carlo probes estimate, for one quadratic task
 * {@code f(w) = ½(w − c)ᵀH(w − c)} under {@link io.metabound.experiments.noise.AdditiveGaussianNoise}
 * (gradient noise {@code ξ ~ N(0, σ_g²/(d·S) I)} for a batch of size S, GOE Hessian noise {@code Ξ}
 * with {@code E[Ξ_rk Ξ_ls] = b²(δ_rl δ_ks + δ_rs δ_kl)}, {@code b² = σ_H²/(D d(d+1))}), at the
 * origin {@code w = 0}. Every batch draws fresh noise, so all noises are independent and
 * zero-mean; the derivations below only use that and the linearity of ∇f.
 *
 * <p>Each formula is tested against the Monte Carlo probe that estimates the same expectation and
 * against a hand-computed special case ({@code QuadraticNoiseMomentsTest}).
 */
public final class QuadraticNoiseMoments {

  private QuadraticNoiseMoments() {}

  /**
   * {@code E‖w_j − w̃_j‖²} of the SGD inner path (Ji2022 Prop 2): the deviation obeys {@code e_{t+1}
   * = A e_t − αξ_t}, {@code A = I − αH}, {@code e_0 = 0}, so {@code e_j = −α Σ_{t<j} A^{j−1−t} ξ_t}
   * and
   *
   * <pre>
   *   E‖e_j‖² = (α² σ_g² / (d S)) Σ_{t<j} tr(A^{2t}).
   * </pre>
   *
   * It does not depend on the centre or the start.
   */
  public static double pathDeviationSecondMoment(
      QuadraticLoss task, double alpha, double gradientNoise, int batch, int steps) {
    int d = task.dimension();
    RealMatrix a = transition(task, alpha);
    RealMatrix a2 = a.multiply(a);
    RealMatrix power = MatrixUtils.createRealIdentityMatrix(d);
    double traces = 0;
    for (int t = 0; t < steps; t++) {
      // Σ_{t<j} tr(A^{2t})
      traces += power.getTrace();
      power = power.multiply(a2);
    }
    return alpha * alpha * gradientNoise * gradientNoise / ((double) d * batch) * traces;
  }

  /**
   * {@code E‖∇̃f(w − α∇̃f(w, D_in), D_o)‖²} at {@code w = 0} (Fallah2020 Lemma 4.10 (21)): with
   * {@code u = w − α∇f(w)} the estimator is {@code H(u − αξ − c) + ζ = ∇f(u) − αHξ + ζ}, {@code ξ
   * ~ N(0, σ_g²/(d D_in) I)}, {@code ζ ~ N(0, σ_g²/(d D_o) I)} independent, so
   *
   * <pre>
   *   E‖·‖² = ‖∇f(w − α∇f(w))‖² + (α² σ_g² / (d D_in)) ‖H‖_F² + σ_g² / D_o.
   * </pre>
   */
  public static double adaptedGradientSecondMoment(
      QuadraticLoss task, double alpha, double gradientNoise, int innerBatch, int outerBatch) {
    int d = task.dimension();
    double[] w = new double[d];
    double[] g = new double[d];
    task.gradient(w, g);
    for (int k = 0; k < d; k++) {
      w[k] -= alpha * g[k];
    }
    task.gradient(w, g);
    double adapted = 0;
    double frobenius = 0;
    for (int r = 0; r < d; r++) {
      adapted += g[r] * g[r];
      for (int k = 0; k < d; k++) {
        frobenius += task.h(r, k) * task.h(r, k);
      }
    }
    double s2 = gradientNoise * gradientNoise;
    return adapted + alpha * alpha * s2 / ((double) d * innerBatch) * frobenius + s2 / outerBatch;
  }

  /**
   * {@code E‖Ĝ‖²} of Ji2022 Algorithm 1's estimator (7) at {@code w = 0} (Prop 4): {@code Ĝ =
   * P v}, {@code P = M_0 ⋯ M_{N−1}}, {@code M_j = A − αΞ_j}, and the outer gradient {@code v =
   * ∇f(w̃_N) + H e_N + ζ} with the path deviation {@code e_N ~ N(0, Σ_N)}, {@code Σ_N = (α²σ_g²/(d
   * S)) Σ_{t<N} A^{2t}} ({@link #pathDeviationSecondMoment}) and {@code ζ ~ N(0, σ_g²/(d T) I)},
   * all independent of the {@code Ξ_j}. Hence {@code E‖Ĝ‖² = ḡᵀQḡ + tr(Q Cov v)} with {@code ḡ =
   * ∇f(w̃_N) = H A^N (0 − c)}, {@code Cov v = HΣ_N H + (σ_g²/(d T)) I} and {@code Q = E[PᵀP]}:
   * peeling one factor at a time, {@code Q_0 = I}, {@code Q_{k+1} = A Q_k A + α² E[Ξ Q_k Ξ]}, and
   * {@code E[ΞQΞ]_rs = Σ_kl Q_kl E[Ξ_rk Ξ_ls] = b²(Qᵀ + tr(Q) I)_rs}.
   */
  public static double resamplingSecondMoment(
      QuadraticLoss task,
      double alpha,
      int steps,
      int innerBatch,
      int hessianBatch,
      int outerBatch,
      double gradientNoise,
      double hessianNoise) {
    int d = task.dimension();
    RealMatrix h = hessian(task);
    RealMatrix identity = MatrixUtils.createRealIdentityMatrix(d);
    RealMatrix a = transition(task, alpha);
    double b2 = hessianNoise * hessianNoise / (hessianBatch * d * (d + 1.0));
    RealMatrix q = identity;
    for (int j = 0; j < steps; j++) {
      // Q ← A Q A + α² b² (Qᵀ + tr(Q) I)
      q =
          a.multiply(q)
              .multiply(a)
              .add(
                  q.transpose()
                      .add(identity.scalarMultiply(q.getTrace()))
                      .scalarMultiply(alpha * alpha * b2));
    }
    double s2 = gradientNoise * gradientNoise;
    // Σ_N = (α²σ_g²/(dS)) Σ_{t<N} A^{2t}
    RealMatrix sigma = new Array2DRowRealMatrix(d, d);
    RealMatrix power = identity;
    RealMatrix a2 = a.multiply(a);
    for (int j = 0; j < steps; j++) {
      sigma = sigma.add(power.scalarMultiply(alpha * alpha * s2 / ((double) d * innerBatch)));
      power = power.multiply(a2);
    }
    RealMatrix cov =
        h.multiply(sigma).multiply(h).add(identity.scalarMultiply(s2 / ((double) d * outerBatch)));
    // ḡ = H A^N (0 − c)
    RealVector g = h.multiply(a.power(steps)).operate(new ArrayRealVector(task.centre()).mapMultiply(-1));
    return g.dotProduct(q.operate(g)) + q.multiply(cov).getTrace();
  }

  private static RealMatrix hessian(QuadraticLoss task) {
    int d = task.dimension();
    RealMatrix h = new Array2DRowRealMatrix(d, d);
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        h.setEntry(r, k, task.h(r, k));
      }
    }
    return h;
  }

  /** {@code A = I − αH}. */
  private static RealMatrix transition(QuadraticLoss task, double alpha) {
    return MatrixUtils.createRealIdentityMatrix(task.dimension())
        .subtract(hessian(task).scalarMultiply(alpha));
  }
}
