package io.metabound.experiments.probe;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * The moments of the adaptive meta step sizes with additive gradient noise, by quadrature instead
 * of sampling. Both rules (Ji2022 (14), Fallah2020 (16)–(17)) have the form
 *
 * <pre>
 *   β = 1 / (D (ℓ + c Σ_{j=1}^{B'} X_j)),   X_j = ‖g_{I_j} + s Z_j‖,   I_j ~ p,  Z_j ~ N(0, I_d)
 * </pre>
 *
 * <p>all independent ({@code g_i = ∇l_i(w)} the exact task gradients, {@code s = σ_g/√(d·batch)}
 * the per-coordinate noise of the batch). With {@code x^{−k} = (1/Γ(k)) ∫_0^∞ t^{k−1} e^{−tx} dt}
 * and independence,
 *
 * <pre>
 *   E β^k = D^{−k} (1/Γ(k)) ∫_0^∞ t^{k−1} e^{−tℓ} M(ct)^{B'} dt,   M(u) = Σ_i p_i E e^{−u‖g_i + sZ‖}.
 * </pre>
 *
 * <p>The Laplace transform of the norm: in {@code d = 1}, with {@code μ = |g|} and Φ the normal
 * distribution function, {@code E e^{−u|μ + sZ|} = e^{−uμ + u²s²/2} Φ(μ/s − us) + e^{uμ + u²s²/2}
 * Φ(−μ/s − us)} (split the Gaussian integral at 0), evaluated through {@code erfcx} so that
 * nothing overflows. In every {@code d}, through {@code e^{−a} = (2/√π) ∫_0^∞ e^{−v² −
 * a²/(4v²)} dv} and the Gaussian moment generating function of {@code ‖g + sZ‖²}, {@code E
 * e^{−u‖g+sZ‖} = (2/√π) ∫_0^∞ e^{−v²} h(u²/(4v²)) dv} with {@code h(τ) = (1+2τs²)^{−d/2}
 * exp(−τ‖g‖²/(1+2τs²))}. The integrals over {@code t} and {@code v} are smooth and taken by
 * Gauss–Legendre on dyadic panels (16 nodes each) from {@code 10^{−9}} to 64 times the
 * integrand's scale; relative accuracy about {@code 1e-12} (tested against the {@code d = 1}
 * closed form, the noiseless limit and Monte Carlo).
 */
public final class StepSizeMoments {

  private static final int NODES = 16;
  private static final double[] POINTS = new double[NODES];
  private static final double[] WEIGHTS = new double[NODES];

  static {
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(NODES, 0, 1);
    for (int i = 0; i < NODES; i++) {
      POINTS[i] = rule.getPoint(i);
      WEIGHTS[i] = rule.getWeight(i);
    }
  }

  private StepSizeMoments() {}

  /**
   * {@code E[(D(ℓ + c Σ_{j≤B'} ‖g_{I_j} + sZ_j‖))^{−k}]}.
   *
   * @param power {@code k ∈ {1, 2}} (any positive integer works)
   * @param divisor {@code D > 0} ({@code C_β}, or Fallah's divisor)
   * @param base {@code ℓ > 0}
   * @param coefficient {@code c ≥ 0} (the rule's gradient coefficient divided by {@code B'})
   * @param taskBatch {@code B' ≥ 1}
   * @param probabilities {@code p_i}
   * @param gradients {@code g_i}, one row per task
   * @param noise {@code s ≥ 0}, the standard deviation of each coordinate of the noise
   */
  public static double inversePowerMoment(
      int power,
      double divisor,
      double base,
      double coefficient,
      int taskBatch,
      double[] probabilities,
      double[][] gradients,
      double noise) {
    int d = gradients[0].length;
    double[] norms = new double[gradients.length];
    for (int i = 0; i < norms.length; i++) {
      double s = 0;
      for (double g : gradients[i]) {
        s += g * g;
      }
      norms[i] = Math.sqrt(s);
    }
    double logGamma = Gamma.logGamma(power);
    // (1/Γ(k)) ∫ t^{k−1} e^{−tℓ} M(ct)^{B'} dt
    double integral =
        dyadic(
            t -> {
              double m = 0;
              for (int i = 0; i < norms.length; i++) {
                m += probabilities[i] * normLaplace(coefficient * t, norms[i], noise, d);
              }
              return Math.exp((power - 1) * Math.log(t) - t * base - logGamma)
                  * Math.pow(m, taskBatch);
            },
            1 / base);
    return integral / Math.pow(divisor, power);
  }

  /** {@code E e^{−u‖g + sZ‖}}, {@code ‖g‖ = μ}, {@code Z ~ N(0, I_d)}. */
  static double normLaplace(double u, double mu, double s, int d) {
    if (u == 0) {
      return 1;
    }
    if (s == 0) {
      return Math.exp(-u * mu);
    }
    return d == 1 ? foldedNormalLaplace(u, mu, s) : subordinatedLaplace(u, mu, s, d);
  }

  /**
   * {@code E e^{−u‖g + sZ‖} = (2/√π) ∫_0^∞ e^{−v²} h(u²/(4v²)) dv} (any {@code d}, {@code u, s >
   * 0}); used for {@code d > 1}, tested against {@link #foldedNormalLaplace} in {@code d = 1}.
   */
  static double subordinatedLaplace(double u, double mu, double s, int d) {
    double u2 = u * u;
    double mu2 = mu * mu;
    double s2 = s * s;
    return 2
        / Math.sqrt(Math.PI)
        * dyadic(
            v -> {
              double tau = u2 / (4 * v * v);
              double q = 1 + 2 * tau * s2;
              // h(τ) = (1+2τs²)^{−d/2} exp(−τμ²/(1+2τs²))
              return Math.exp(-v * v - 0.5 * d * Math.log(q) - tau * mu2 / q);
            },
            1);
  }

  /** {@code E e^{−u|μ + sZ|}}, {@code d = 1}, {@code s > 0}: the closed form of the class comment. */
  static double foldedNormalLaplace(double u, double mu, double s) {
    double z = mu / s;
    double gauss = Math.exp(-0.5 * z * z);
    // e^{uμ+u²s²/2} Φ(−μ/s − us) = ½ erfcx((μ/s + us)/√2) e^{−μ²/(2s²)}
    double negative = 0.5 * erfcx((z + u * s) / Math.sqrt(2)) * gauss;
    double y = u * s - z;
    double positive;
    if (y >= 0) {
      // e^{−uμ+u²s²/2} Φ(−y) = ½ erfcx(y/√2) e^{−μ²/(2s²)}
      positive = 0.5 * erfcx(y / Math.sqrt(2)) * gauss;
    } else {
      // e^{−uμ+u²s²/2} Φ(|y|), exponent ≤ 0 because us² < μ
      positive = Math.exp(-u * mu + 0.5 * u * u * s * s) * (1 - 0.5 * Erf.erfc(-y / Math.sqrt(2)));
    }
    return positive + negative;
  }

  /** The scaled complementary error function {@code e^{z²} erfc(z)}, {@code z ≥ 0}. */
  static double erfcx(double z) {
    if (z < 20) {
      return Math.exp(z * z) * Erf.erfc(z);
    }
    // asymptotic series (1/(z√π)) Σ_n (−1)^n (2n−1)!!/(2z²)^n, 8 terms: error < 1e-16 at z ≥ 20
    double x = 1 / (2 * z * z);
    double term = 1;
    double sum = 1;
    for (int n = 1; n < 8; n++) {
      term *= -(2 * n - 1) * x;
      sum += term;
    }
    return sum / (z * Math.sqrt(Math.PI));
  }

  /**
   * {@code ∫_0^∞ f}, for a smooth {@code f} negligible beyond {@code 64·scale} and whose mass below
   * {@code 10^{−9}·scale} is negligible: Gauss–Legendre on {@code [0, a]} and the dyadic panels
   * {@code [a 2^j, a 2^{j+1}]}, {@code a = 2^{−30} scale}, up to {@code 2^6 scale}.
   */
  private static double dyadic(java.util.function.DoubleUnaryOperator f, double scale) {
    double lo = 0;
    double hi = Math.scalb(scale, -30);
    double sum = 0;
    while (lo < Math.scalb(scale, 6)) {
      double width = hi - lo;
      for (int i = 0; i < NODES; i++) {
        sum += width * WEIGHTS[i] * f.applyAsDouble(lo + width * POINTS[i]);
      }
      lo = hi;
      hi *= 2;
    }
    return sum;
  }
}
