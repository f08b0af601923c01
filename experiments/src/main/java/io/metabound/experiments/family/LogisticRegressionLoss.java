package io.metabound.experiments.family;

import io.metabound.experiments.autodiff.FieldLoss;
import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import java.util.Arrays;
import org.hipparchus.CalculusFieldElement;

/**
 * Regularised logistic regression {@code f(w) = (1/n) Σ_j log(1 + exp(−y_j x_jᵀw)) + (r/2)‖w‖²}
 * with labels {@code y_j ∈ {−1, +1}} (docs/THEOREMS.md §6.2).
 *
 * <p>With margins {@code m_j = y_j x_jᵀw}, the sigmoid {@code s = 1/(1+e^{−m})} and {@code ℓ(m) =
 * log(1+e^{−m})}: {@code ℓ' = −(1−s)}, {@code ℓ'' = s(1−s)}, {@code ℓ''' = −s(1−s)(1−2s)}, so
 *
 * <pre>
 *   ∇f  = −(1/n) Σ_j y_j (1 − s_j) x_j + r w
 *   ∇²f =  (1/n) Σ_j s_j(1 − s_j) x_j x_jᵀ + r I
 * </pre>
 *
 * <p>Constants:
 *
 * <ul>
 *   <li>{@code L = λ_max(XᵀX)/(4n) + r}, EXACT: {@code s(1−s) ≤ 1/4} gives {@code ∇²f ⪯ XᵀX/(4n) +
 *       rI} in the PSD order, with equality at {@code w = 0}.
 *   <li>{@code ρ ≤ (1/(6√3)) (1/n) Σ‖x_j‖³}, CERTIFIED: {@code ‖∇²f(w)−∇²f(u)‖ ≤ (1/n)Σ
 *       |ℓ''(m_j(w)) − ℓ''(m_j(u))| ‖x_j‖² ≤ (1/n)Σ max|ℓ'''| |x_jᵀ(w−u)| ‖x_j‖²} and {@code max_s
 *       |s(1−s)(1−2s)| = 1/(6√3)} (at {@code s(1−s) = 1/6}).
 *   <li>{@code ‖∇f(w)‖ ≤ (1/n) Σ‖x_j‖ + r‖w‖}, CERTIFIED (since {@code 0 < 1−s < 1}).
 * </ul>
 *
 * <p>Evaluation is numerically stable for any margin: {@code ℓ(m) = max(−m, 0) + log1p(e^{−|m|})}
 * and {@code s(1−s) = e^{−|m|}/(1+e^{−|m|})²}, so no overflow occurs. The {@code double} methods do
 * not allocate.
 */
public final class LogisticRegressionLoss implements FieldLoss, KnownConstants {

  /** {@code max_s |s(1−s)(1−2s)| = 1/(6√3)}. */
  public static final double MAX_THIRD_DERIVATIVE = 1 / (6 * Math.sqrt(3));

  private final int samples;
  private final int dimension;
  private final double[] features;
  private final double[] labels;
  private final double regularisation;
  private final double meanNorm;
  private final double meanCubedNorm;
  private final double smoothness;

  /**
   * @param features {@code n} rows {@code x_j} of length {@code d}
   * @param labels {@code y_j ∈ {−1, +1}}
   * @param regularisation {@code r ≥ 0}
   */
  public LogisticRegressionLoss(double[][] features, double[] labels, double regularisation) {
    if (features.length == 0) {
      throw new IllegalArgumentException("logistic regression needs at least one sample");
    }
    if (labels.length != features.length) {
      throw new IllegalArgumentException(
          "logistic regression has "
              + features.length
              + " feature rows but "
              + labels.length
              + " labels");
    }
    if (!(regularisation >= 0) || Double.isInfinite(regularisation)) {
      throw new IllegalArgumentException(
          "logistic regression regularisation r must be finite and >= 0, got " + regularisation);
    }
    this.samples = features.length;
    this.dimension = features[0].length;
    if (dimension == 0) {
      throw new IllegalArgumentException("logistic regression features have dimension 0");
    }
    this.features = new double[samples * dimension];
    this.labels = labels.clone();
    double norms = 0;
    double cubes = 0;
    for (int j = 0; j < samples; j++) {
      if (features[j].length != dimension) {
        throw new IllegalArgumentException(
            "feature row " + j + " has " + features[j].length + " entries, row 0 has " + dimension);
      }
      if (labels[j] != 1 && labels[j] != -1) {
        throw new IllegalArgumentException("label " + j + " is " + labels[j] + "; need -1 or +1");
      }
      double sq = 0;
      for (int k = 0; k < dimension; k++) {
        double x = features[j][k];
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException("feature [" + j + "][" + k + "] is " + x);
        }
        this.features[j * dimension + k] = x;
        sq += x * x;
      }
      double norm = Math.sqrt(sq);
      norms += norm;
      cubes += norm * sq;
    }
    this.regularisation = regularisation;
    this.meanNorm = norms / samples;
    this.meanCubedNorm = cubes / samples;
    this.smoothness =
        Spectra.largestGramEigenvalue(this.features, samples, dimension) / (4.0 * samples)
            + regularisation;
  }

  public int sampleCount() {
    return samples;
  }

  /** Copy of sample {@code j}'s features. */
  public double[] feature(int j) {
    return Arrays.copyOfRange(features, j * dimension, (j + 1) * dimension);
  }

  public double label(int j) {
    return labels[j];
  }

  public double regularisation() {
    return regularisation;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  private double margin(int j, double[] w) {
    double m = 0;
    int base = j * dimension;
    for (int k = 0; k < dimension; k++) {
      m += features[base + k] * w[k];
    }
    return labels[j] * m;
  }

  /** {@code log(1 + e^{−m})} without overflow. */
  static double softplusOfNegative(double m) {
    return Math.max(-m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
  }

  /** {@code 1 − s(m) = 1/(1 + e^{m})} without overflow. */
  static double oneMinusSigmoid(double m) {
    if (m >= 0) {
      double e = Math.exp(-m);
      return e / (1 + e);
    }
    return 1 / (1 + Math.exp(m));
  }

  /** {@code s(m)(1 − s(m)) = e^{−|m|}/(1 + e^{−|m|})²}. */
  static double sigmoidCurvature(double m) {
    double e = Math.exp(-Math.abs(m));
    double q = 1 + e;
    return e / (q * q);
  }

  @Override
  public double value(double[] w) {
    double s = 0;
    for (int j = 0; j < samples; j++) {
      s += softplusOfNegative(margin(j, w));
    }
    double sq = 0;
    for (int k = 0; k < dimension; k++) {
      sq += w[k] * w[k];
    }
    // f = (1/n) Σ ℓ(m_j) + (r/2)‖w‖²
    return s / samples + 0.5 * regularisation * sq;
  }

  @Override
  public void gradient(double[] w, double[] out) {
    for (int k = 0; k < dimension; k++) {
      out[k] = regularisation * w[k];
    }
    double inv = 1.0 / samples;
    for (int j = 0; j < samples; j++) {
      // ∇f += −(1/n) y_j (1 − s_j) x_j
      double coefficient = -inv * labels[j] * oneMinusSigmoid(margin(j, w));
      int base = j * dimension;
      for (int k = 0; k < dimension; k++) {
        out[k] += coefficient * features[base + k];
      }
    }
  }

  @Override
  public void hessian(double[] w, double[] out) {
    int d = dimension;
    Arrays.fill(out, 0, d * d, 0.0);
    for (int k = 0; k < d; k++) {
      out[k * d + k] = regularisation;
    }
    double inv = 1.0 / samples;
    for (int j = 0; j < samples; j++) {
      // ∇²f += (1/n) s_j(1 − s_j) x_j x_jᵀ
      double c = inv * sigmoidCurvature(margin(j, w));
      int base = j * d;
      for (int r = 0; r < d; r++) {
        double cr = c * features[base + r];
        for (int k = r; k < d; k++) {
          out[r * d + k] += cr * features[base + k];
        }
      }
    }
    // mirror the upper triangle: exactly symmetric output
    for (int r = 0; r < d; r++) {
      for (int k = r + 1; k < d; k++) {
        out[k * d + r] = out[r * d + k];
      }
    }
  }

  @Override
  public void hessianVector(double[] w, double[] v, double[] out) {
    for (int k = 0; k < dimension; k++) {
      out[k] = regularisation * v[k];
    }
    double inv = 1.0 / samples;
    for (int j = 0; j < samples; j++) {
      int base = j * dimension;
      double xv = 0;
      for (int k = 0; k < dimension; k++) {
        xv += features[base + k] * v[k];
      }
      // ∇²f v += (1/n) s_j(1 − s_j) (x_jᵀv) x_j
      double c = inv * sigmoidCurvature(margin(j, w)) * xv;
      for (int k = 0; k < dimension; k++) {
        out[k] += c * features[base + k];
      }
    }
  }

  private <T extends CalculusFieldElement<T>> T margin(int j, T[] w) {
    T m = w[0].getField().getZero();
    int base = j * dimension;
    for (int k = 0; k < dimension; k++) {
      m = m.add(w[k].multiply(features[base + k]));
    }
    return m.multiply(labels[j]);
  }

  @Override
  public <T extends CalculusFieldElement<T>> T value(T[] w) {
    T zero = w[0].getField().getZero();
    T s = zero;
    for (int j = 0; j < samples; j++) {
      T m = margin(j, w);
      // ℓ(m) = log1p(e^{−m}) for m ≥ 0, −m + log1p(e^{m}) otherwise (same function, no overflow)
      T l = m.getReal() >= 0 ? m.negate().exp().log1p() : m.negate().add(m.exp().log1p());
      s = s.add(l);
    }
    T sq = zero;
    for (int k = 0; k < dimension; k++) {
      sq = sq.add(w[k].square());
    }
    return s.divide(samples).add(sq.multiply(0.5 * regularisation));
  }

  private static <T extends CalculusFieldElement<T>> T oneMinusSigmoid(T m) {
    if (m.getReal() >= 0) {
      T e = m.negate().exp();
      return e.divide(e.add(1));
    }
    return m.exp().add(1).reciprocal();
  }

  private static <T extends CalculusFieldElement<T>> T sigmoidCurvature(T m) {
    T e = m.getReal() >= 0 ? m.negate().exp() : m.exp();
    return e.divide(e.add(1).square());
  }

  @Override
  public <T extends CalculusFieldElement<T>> void gradient(T[] w, T[] out) {
    for (int k = 0; k < dimension; k++) {
      out[k] = w[k].multiply(regularisation);
    }
    for (int j = 0; j < samples; j++) {
      T coefficient = oneMinusSigmoid(margin(j, w)).multiply(-labels[j] / samples);
      int base = j * dimension;
      for (int k = 0; k < dimension; k++) {
        out[k] = out[k].add(coefficient.multiply(features[base + k]));
      }
    }
  }

  @Override
  public <T extends CalculusFieldElement<T>> void hessianVector(T[] w, T[] v, T[] out) {
    T zero = v[0].getField().getZero();
    for (int k = 0; k < dimension; k++) {
      out[k] = v[k].multiply(regularisation);
    }
    for (int j = 0; j < samples; j++) {
      int base = j * dimension;
      T xv = zero;
      for (int k = 0; k < dimension; k++) {
        xv = xv.add(v[k].multiply(features[base + k]));
      }
      T c = sigmoidCurvature(margin(j, w)).multiply(xv).divide(samples);
      for (int k = 0; k < dimension; k++) {
        out[k] = out[k].add(c.multiply(features[base + k]));
      }
    }
  }

  @Override
  public FamilyConstant smoothness() {
    return new FamilyConstant(
        "L",
        smoothness,
        Exactness.EXACT,
        "λ_max(XᵀX)/(4n) + r: s(1−s) ≤ 1/4 with equality at w = 0 (THEOREMS §6.2)");
  }

  @Override
  public FamilyConstant hessianLipschitz() {
    return new FamilyConstant(
        "rho",
        MAX_THIRD_DERIVATIVE * meanCubedNorm,
        Exactness.CERTIFIED_UPPER_BOUND,
        "(1/(6√3)) (1/n) Σ‖x_j‖³: max|s(1−s)(1−2s)| = 1/(6√3) (THEOREMS §6.2)");
  }

  @Override
  public FamilyConstant gradientBound(double radius) {
    if (!(radius >= 0)) {
      throw new IllegalArgumentException("ball radius must be >= 0, got " + radius);
    }
    double value = regularisation == 0 ? meanNorm : meanNorm + regularisation * radius;
    return new FamilyConstant(
        "B_lip",
        value,
        Exactness.CERTIFIED_UPPER_BOUND,
        "(1/n) Σ‖x_j‖ + r R on the ball ‖w‖ ≤ R = " + radius + " (0 < 1 − s < 1)");
  }

  @Override
  public String toString() {
    return "LogisticRegressionLoss[n="
        + samples
        + ", d="
        + dimension
        + ", r="
        + regularisation
        + "]";
  }

  /** {@code f ≥ 0}: the softplus terms are positive and the ridge term is {@code (r/2)‖w‖² ≥ 0}. */
  @Override
  public java.util.OptionalDouble lowerBound() {
    return regularisation >= 0
        ? java.util.OptionalDouble.of(0.0)
        : java.util.OptionalDouble.empty();
  }
}
