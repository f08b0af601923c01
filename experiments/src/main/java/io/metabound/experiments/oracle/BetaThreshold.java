package io.metabound.experiments.oracle;

import java.util.Locale;
import org.ejml.data.Complex_F64;

/**
 * The exact stability threshold in the meta step size β of the outer iteration {@code w ← w − β(A w
 * − b)}.
 *
 * <p>The error {@code w − w*} evolves by {@code I − βA}, whose eigenvalues are {@code 1 − βμ_k} for
 * the (possibly complex) eigenvalues {@code μ_k} of {@code A}. From every start the iteration
 * converges iff {@code |1 − βμ_k| < 1} for all k, and
 *
 * <pre>{@code |1 − βμ|² = 1 − 2β Re μ + β²|μ|² < 1  ⟺  0 < β < 2 Re μ / |μ|²  (needs Re μ > 0),}
 * </pre>
 *
 * so the iteration converges exactly for {@code 0 < β < β* = min_k 2 Re μ_k / |μ_k|²} (this is
 * Takagi2019's Cond-β, {@code β < 2/(λ − αλ²)}, for FO-MAML on one task). When some {@code Re μ_k ≤
 * 0} no β converges from every start: {@link #value()} is 0 and {@link #reason()} names the
 * eigenvalue.
 *
 * <p>When {@code A} does not fit double precision (an entry or eigenvalue is infinite or NaN,
 * e.g. {@code (1 − αh)^N} overflowed) or {@code β*} itself does not (an eigenvalue so small that
 * {@code 2/μ} overflows), the threshold is undefined: {@link #value()} is NaN, {@link #defined()}
 * is false and {@link #reason()} says which; such a threshold never {@link #converges}.
 *
 * @param value {@code β*}, 0 when no step size converges, NaN when undefined in double precision
 * @param reason what limits β (the limiting eigenvalue), or why none converges
 */
public record BetaThreshold(double value, String reason) {

  /** The threshold of a map's matrix {@code A}. */
  public static BetaThreshold of(AffineGradientMap map) {
    int d = map.dimension();
    double[] a = map.matrix();
    for (double x : a) {
      if (!Double.isFinite(x)) {
        return undefined("A has an infinite or not-a-number entry: the update map overflows double"
            + " precision");
      }
    }
    Complex_F64[] mu;
    if (Dense.relativeAsymmetry(a, d) <= 1e-12) {
      // symmetric (exact MAML, iMAML, one-task FO-MAML): real spectrum, stabler solver
      double[] real = Dense.symmetricEigenvalues(a, d);
      mu = new Complex_F64[d];
      for (int k = 0; k < d; k++) {
        mu[k] = new Complex_F64(real[k], 0);
      }
    } else {
      mu = Dense.eigenvalues(a, d);
    }
    double threshold = Double.POSITIVE_INFINITY;
    Complex_F64 limiting = null;
    for (Complex_F64 m : mu) {
      if (!Double.isFinite(m.real) || !Double.isFinite(m.imaginary)) {
        return undefined("an eigenvalue of A is infinite or not a number: the eigen-solver left"
            + " double precision");
      }
      if (!(m.real > 0)) {
        return new BetaThreshold(
            0,
            String.format(
                Locale.ROOT,
                "no convergent beta: A has the eigenvalue %s with real part <= 0",
                format(m)));
      }
      // β_μ = 2 Re μ / |μ|²
      double modulusSquared = m.real * m.real + m.imaginary * m.imaginary;
      double beta = 2 * m.real / modulusSquared;
      if (!Double.isFinite(beta) || modulusSquared < Double.MIN_NORMAL) {
        // |μ|² underflowed to zero or to a subnormal (lost digits): the same ratio with μ scaled
        // by its largest part
        beta = scaledThreshold(m);
        if (!Double.isFinite(beta)) {
          return undefined(String.format(Locale.ROOT,
              "A has the eigenvalue %s, so beta* = 2 Re(mu)/|mu|^2 exceeds double precision", format(m)));
        }
      }
      if (beta < threshold) {
        threshold = beta;
        limiting = m;
      }
    }
    return new BetaThreshold(
        threshold,
        String.format(
            Locale.ROOT,
            "limited by the eigenvalue %s of A: beta* = 2 Re(mu)/|mu|^2",
            format(limiting)));
  }

  /** An undefined threshold (NaN) and why. */
  static BetaThreshold undefined(String why) {
    return new BetaThreshold(Double.NaN, "undefined: " + why);
  }

  /** {@code 2 Re μ / |μ|²} computed as {@code 2 (Re μ/s) / (s ((Re μ/s)² + (Im μ/s)²))}. */
  private static double scaledThreshold(Complex_F64 m) {
    double s = Math.max(Math.abs(m.real), Math.abs(m.imaginary));
    double re = m.real / s;
    double im = m.imaginary / s;
    return 2 * re / (re * re + im * im) / s;
  }

  /** False when β* does not exist in double precision (NaN value; see the class comment). */
  public boolean defined() {
    return !Double.isNaN(value);
  }

  /** True when some β > 0 makes the iteration converge. */
  public boolean exists() {
    return value > 0;
  }

  /** True when {@code β} lies strictly inside the stable interval {@code (0, β*)}. */
  public boolean converges(double beta) {
    return beta > 0 && beta < value;
  }

  private static String format(Complex_F64 m) {
    return m.imaginary == 0
        ? String.format(Locale.ROOT, "%.6g", m.real)
        : String.format(Locale.ROOT, "%.6g%+.6gi", m.real, m.imaginary);
  }
}
