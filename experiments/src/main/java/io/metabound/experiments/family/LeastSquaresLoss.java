package io.metabound.experiments.family;

import io.metabound.experiments.autodiff.FieldLoss;
import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import java.util.Arrays;
import org.hipparchus.CalculusFieldElement;

/**
 * The empirical least-squares loss {@code f(w) = (1/(2n)) Σ_j (x_jᵀw − y_j)²} of a fixed sample
 * set: the support or query loss of a finite-sum linear-regression task (Ji, Yang and Liang 2022,
 * eq. (8): {@code l_{S_i}}, {@code l_{T_i}} are averages of per-sample losses over fixed sets).
 *
 * <pre>
 *   ∇f = (1/n) Xᵀ(Xw − y),   ∇²f = XᵀX/n
 * </pre>
 *
 * <p>Constants: {@code L = λ_max(XᵀX)/n} EXACT (constant Hessian), {@code ρ = 0} EXACT, {@code
 * sup_{‖w‖≤R} ‖∇f‖ ≤ L R + ‖Xᵀy‖/n} CERTIFIED. The {@code double} methods do not allocate.
 */
public final class LeastSquaresLoss implements FieldLoss, KnownConstants {

  private final int samples;
  private final int dimension;
  private final double[] features;
  private final double[] targets;
  private final double smoothness;
  private final double gradientAtZeroNorm;

  /**
   * @param features {@code n} rows {@code x_j} of length {@code d}
   * @param targets {@code y_j}
   */
  public LeastSquaresLoss(double[][] features, double[] targets) {
    if (features.length == 0 || features.length != targets.length) {
      throw new IllegalArgumentException(
          "least squares needs n >= 1 feature rows and n targets, got "
              + features.length
              + " and "
              + targets.length);
    }
    this.samples = features.length;
    this.dimension = features[0].length;
    if (dimension == 0) {
      throw new IllegalArgumentException("least-squares features have dimension 0");
    }
    this.features = new double[samples * dimension];
    this.targets = targets.clone();
    for (int j = 0; j < samples; j++) {
      if (features[j].length != dimension) {
        throw new IllegalArgumentException(
            "feature row " + j + " has " + features[j].length + " entries, row 0 has " + dimension);
      }
      if (!Double.isFinite(targets[j])) {
        throw new IllegalArgumentException("target " + j + " is " + targets[j]);
      }
      for (int k = 0; k < dimension; k++) {
        if (!Double.isFinite(features[j][k])) {
          throw new IllegalArgumentException("feature [" + j + "][" + k + "] is " + features[j][k]);
        }
        this.features[j * dimension + k] = features[j][k];
      }
    }
    this.smoothness = Spectra.largestGramEigenvalue(this.features, samples, dimension) / samples;
    double[] g = new double[dimension];
    gradient(new double[dimension], g);
    double sq = 0;
    for (double x : g) {
      sq += x * x;
    }
    this.gradientAtZeroNorm = Math.sqrt(sq);
  }

  public int sampleCount() {
    return samples;
  }

  /** Copy of sample {@code j}'s features. */
  public double[] feature(int j) {
    return Arrays.copyOfRange(features, j * dimension, (j + 1) * dimension);
  }

  public double target(int j) {
    return targets[j];
  }

  @Override
  public int dimension() {
    return dimension;
  }

  private double residual(int j, double[] w) {
    double r = -targets[j];
    int base = j * dimension;
    for (int k = 0; k < dimension; k++) {
      r += features[base + k] * w[k];
    }
    return r;
  }

  @Override
  public double value(double[] w) {
    double s = 0;
    for (int j = 0; j < samples; j++) {
      double r = residual(j, w);
      s += r * r;
    }
    // f = (1/(2n)) ‖Xw − y‖²
    return 0.5 * s / samples;
  }

  @Override
  public void gradient(double[] w, double[] out) {
    Arrays.fill(out, 0, dimension, 0.0);
    for (int j = 0; j < samples; j++) {
      // ∇f += (1/n) (x_jᵀw − y_j) x_j
      double c = residual(j, w) / samples;
      int base = j * dimension;
      for (int k = 0; k < dimension; k++) {
        out[k] += c * features[base + k];
      }
    }
  }

  @Override
  public void hessian(double[] w, double[] out) {
    int d = dimension;
    Arrays.fill(out, 0, d * d, 0.0);
    for (int j = 0; j < samples; j++) {
      int base = j * d;
      // ∇²f += x_j x_jᵀ / n
      for (int r = 0; r < d; r++) {
        double xr = features[base + r] / samples;
        for (int k = r; k < d; k++) {
          out[r * d + k] += xr * features[base + k];
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
    Arrays.fill(out, 0, dimension, 0.0);
    for (int j = 0; j < samples; j++) {
      int base = j * dimension;
      double xv = 0;
      for (int k = 0; k < dimension; k++) {
        xv += features[base + k] * v[k];
      }
      // ∇²f v += (x_jᵀv) x_j / n
      double c = xv / samples;
      for (int k = 0; k < dimension; k++) {
        out[k] += c * features[base + k];
      }
    }
  }

  @Override
  public <T extends CalculusFieldElement<T>> T value(T[] w) {
    T zero = w[0].getField().getZero();
    T s = zero;
    for (int j = 0; j < samples; j++) {
      T r = zero.add(-targets[j]);
      for (int k = 0; k < dimension; k++) {
        r = r.add(w[k].multiply(features[j * dimension + k]));
      }
      s = s.add(r.square());
    }
    return s.multiply(0.5 / samples);
  }

  @Override
  public <T extends CalculusFieldElement<T>> void gradient(T[] w, T[] out) {
    T zero = w[0].getField().getZero();
    for (int k = 0; k < dimension; k++) {
      out[k] = zero;
    }
    for (int j = 0; j < samples; j++) {
      T r = zero.add(-targets[j]);
      for (int k = 0; k < dimension; k++) {
        r = r.add(w[k].multiply(features[j * dimension + k]));
      }
      T c = r.divide(samples);
      for (int k = 0; k < dimension; k++) {
        out[k] = out[k].add(c.multiply(features[j * dimension + k]));
      }
    }
  }

  @Override
  public <T extends CalculusFieldElement<T>> void hessianVector(T[] w, T[] v, T[] out) {
    T zero = v[0].getField().getZero();
    for (int k = 0; k < dimension; k++) {
      out[k] = zero;
    }
    for (int j = 0; j < samples; j++) {
      T xv = zero;
      for (int k = 0; k < dimension; k++) {
        xv = xv.add(v[k].multiply(features[j * dimension + k]));
      }
      T c = xv.divide(samples);
      for (int k = 0; k < dimension; k++) {
        out[k] = out[k].add(c.multiply(features[j * dimension + k]));
      }
    }
  }

  @Override
  public FamilyConstant smoothness() {
    return new FamilyConstant("L", smoothness, Exactness.EXACT, "λ_max(XᵀX)/n (constant Hessian)");
  }

  @Override
  public FamilyConstant hessianLipschitz() {
    return new FamilyConstant("rho", 0, Exactness.EXACT, "constant Hessian");
  }

  @Override
  public FamilyConstant gradientBound(double radius) {
    if (!(radius >= 0)) {
      throw new IllegalArgumentException("ball radius must be >= 0, got " + radius);
    }
    return new FamilyConstant(
        "B_lip",
        smoothness == 0 ? gradientAtZeroNorm : smoothness * radius + gradientAtZeroNorm,
        Exactness.CERTIFIED_UPPER_BOUND,
        "L R + ‖Xᵀy‖/n on the ball ‖w‖ ≤ R = " + radius + " (triangle inequality)");
  }

  @Override
  public String toString() {
    return "LeastSquaresLoss[n=" + samples + ", d=" + dimension + "]";
  }

  /** {@code f = ‖Xw − y‖²/(2n) ≥ 0}. */
  @Override
  public java.util.OptionalDouble lowerBound() {
    return java.util.OptionalDouble.of(0.0);
  }
}
