package io.metabound.experiments.noise;

import io.metabound.experiments.autodiff.FieldLoss;
import io.metabound.experiments.autodiff.FieldQuadraticLoss;
import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import java.util.Arrays;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A Gaussian linear-regression task sampled per example (docs/THEOREMS.md §6.1): {@code x ~
 * N(0, Σ)}, {@code y = xᵀw* + ε}, {@code ε ~ N(0, s²)} independent of {@code x}; per-sample loss
 * {@code l(w; x, y) = ½(xᵀw − y)²}; expected loss {@code f(w) = ½(w − w*)ᵀΣ(w − w*) + s²/2}.
 *
 * <p>Per-sample derivatives, with {@code v = w − w*}: {@code ∇l = x(xᵀv − ε)}, {@code ∇²l = xxᵀ}.
 * Exact per-sample variances:
 *
 * <pre>
 *   σ̃²(w) = E‖∇l − Σv‖² = (vᵀΣv) trΣ + vᵀΣ²v + s² trΣ
 *   σ_H²  = E‖xxᵀ − Σ‖_F² = (trΣ)² + tr(Σ²)
 * </pre>
 *
 * <p>Derivation. Isserlis' theorem for the centred Gaussian {@code x} gives {@code E[x_k x_k
 * (xᵀv)(xᵀv)] = Σ_kk (vᵀΣv) + 2(Σv)_k²}; summing over {@code k}, {@code E[‖x‖²(xᵀv)²] = trΣ·vᵀΣv +
 * 2‖Σv‖²}. The cross term in {@code ε} has mean zero and {@code E[‖x‖²ε²] = s² trΣ}, so {@code
 * E‖∇l‖² = trΣ·vᵀΣv + 2vᵀΣ²v + s²trΣ}; subtracting {@code ‖E∇l‖² = ‖Σv‖² = vᵀΣ²v} gives σ̃². For
 * the Hessian, {@code E‖xxᵀ‖_F² = E(xᵀx)² = (trΣ)² + 2tr(Σ²)} (Isserlis again) and {@code ‖Σ‖_F² =
 * tr(Σ²)}. Both are verified by Monte Carlo in the tests.
 *
 * <p>σ̃² grows without bound in {@code ‖w‖}: {@link #gradientNoise} gives its supremum over a ball.
 * Samples are drawn as {@code x = Σ^{1/2} z}, {@code z ~ N(0, I)}, with the symmetric square root
 * (Σ may be singular). Holds scratch space: one instance per thread.
 */
public final class LinearRegressionSampling implements StochasticOracle {

  private final int d;
  private final double[] covariance;
  private final double[] root;
  private final double[] truth;
  private final double noise;
  private final double trace;
  private final double traceOfSquare;
  private final double[] covarianceSquared;
  private final double largestNoiseCurvature;
  private final double[] z;
  private final double[] x;

  /**
   * @param covariance Σ, symmetric positive semi-definite, row-major {@code d*d}
   * @param truth {@code w*}
   * @param noiseStd {@code s ≥ 0}
   */
  public LinearRegressionSampling(double[] covariance, double[] truth, double noiseStd) {
    this.d = truth.length;
    if (d == 0 || covariance.length != d * d) {
      throw new IllegalArgumentException(
          "covariance has " + covariance.length + " entries, expected " + d + "x" + d);
    }
    if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
      throw new IllegalArgumentException("label noise s must be finite and >= 0, got " + noiseStd);
    }
    double[][] rows = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        double a = covariance[r * d + k];
        if (!Double.isFinite(a)
            || Math.abs(a - covariance[k * d + r]) > 1e-12 * (1 + Math.abs(a))) {
          throw new IllegalArgumentException(
              "covariance entry [" + r + "][" + k + "] = " + a + " is not finite or not symmetric");
        }
        rows[r][k] = 0.5 * (a + covariance[k * d + r]);
      }
    }
    RealMatrix sigma = new Array2DRowRealMatrix(rows, false);
    EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(sigma);
    double[] lambda = eig.getEigenvalues();
    double scale = 0;
    for (double l : lambda) {
      scale = Math.max(scale, Math.abs(l));
    }
    for (double l : lambda) {
      if (l < -1e-12 * Math.max(1, scale)) {
        throw new IllegalArgumentException(
            "covariance is not positive semi-definite: eigenvalue " + l);
      }
    }
    // Σ^{1/2} = Q diag(√λ) Qᵀ
    RealMatrix q = eig.getV();
    this.root = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += q.getEntry(r, j) * Math.sqrt(Math.max(0, lambda[j])) * q.getEntry(k, j);
        }
        root[r * d + k] = s;
      }
    }
    this.covariance = new double[d * d];
    for (int r = 0; r < d; r++) {
      System.arraycopy(rows[r], 0, this.covariance, r * d, d);
    }
    this.truth = truth.clone();
    this.noise = noiseStd;
    double tr = 0;
    double tr2 = 0;
    this.covarianceSquared = new double[d * d];
    for (int r = 0; r < d; r++) {
      tr += this.covariance[r * d + r];
      for (int k = 0; k < d; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += this.covariance[r * d + j] * this.covariance[j * d + k];
        }
        covarianceSquared[r * d + k] = s;
      }
      tr2 += covarianceSquared[r * d + r];
    }
    this.trace = tr;
    this.traceOfSquare = tr2;
    // M = trΣ·Σ + Σ² has the eigenvalues trΣ·λ + λ², largest at the largest λ ≥ 0
    double lmax = 0;
    for (double l : lambda) {
      lmax = Math.max(lmax, l);
    }
    this.largestNoiseCurvature = tr * lmax + lmax * lmax;
    this.z = new double[d];
    this.x = new double[d];
  }

  /** Σ = I·variance. */
  public static LinearRegressionSampling isotropic(
      double variance, double[] truth, double noiseStd) {
    int d = truth.length;
    double[] c = new double[d * d];
    for (int k = 0; k < d; k++) {
      c[k * d + k] = variance;
    }
    return new LinearRegressionSampling(c, truth, noiseStd);
  }

  @Override
  public int dimension() {
    return d;
  }

  public double[] covariance() {
    return covariance.clone();
  }

  public double[] truth() {
    return truth.clone();
  }

  public double noiseStd() {
    return noise;
  }

  /** The expected loss {@code ½(w − w*)ᵀΣ(w − w*) + s²/2} (value includes the noise floor). */
  @Override
  public SmoothLoss expectedLoss() {
    return new PopulationLoss();
  }

  /**
   * {@code ½(w − w*)ᵀΣ(w − w*)}: the expected loss without its constant {@code s²/2}, as a {@link
   * QuadraticLoss} for the quadratic closed-form oracles (same gradient and Hessian).
   */
  public QuadraticLoss expectedQuadratic() {
    return new QuadraticLoss(covariance, truth);
  }

  /** Draws one sample into {@code x} and returns {@code ε}. */
  private double draw(RandomGenerator random) {
    for (int k = 0; k < d; k++) {
      z[k] = random.nextGaussian();
    }
    // x = Σ^{1/2} z
    for (int r = 0; r < d; r++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += root[r * d + k] * z[k];
      }
      x[r] = s;
    }
    return noise * random.nextGaussian();
  }

  /** {@code xᵀ(w − w*)} for the current sample. */
  private double margin(double[] w) {
    double m = 0;
    for (int k = 0; k < d; k++) {
      m += x[k] * (w[k] - truth[k]);
    }
    return m;
  }

  @Override
  public void sampleGradient(double[] w, int batchSize, RandomGenerator random, double[] out) {
    AdditiveGaussianNoise.checkBatch(batchSize);
    Arrays.fill(out, 0, d, 0.0);
    for (int b = 0; b < batchSize; b++) {
      double eps = draw(random);
      // ∇l = x (xᵀw − y) = x (xᵀv − ε)
      double r = (margin(w) - eps) / batchSize;
      for (int k = 0; k < d; k++) {
        out[k] += r * x[k];
      }
    }
  }

  @Override
  public void sampleHessian(double[] w, int batchSize, RandomGenerator random, double[] out) {
    AdditiveGaussianNoise.checkBatch(batchSize);
    Arrays.fill(out, 0, d * d, 0.0);
    for (int b = 0; b < batchSize; b++) {
      draw(random);
      // ∇²l = x xᵀ
      for (int r = 0; r < d; r++) {
        double xr = x[r] / batchSize;
        for (int k = 0; k < d; k++) {
          out[r * d + k] += xr * x[k];
        }
      }
    }
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
    AdditiveGaussianNoise.checkBatch(batchSize);
    Arrays.fill(outPlus, 0, d, 0.0);
    Arrays.fill(outMinus, 0, d, 0.0);
    for (int b = 0; b < batchSize; b++) {
      double eps = draw(random);
      double centre = margin(w) - eps;
      double xv = 0;
      for (int k = 0; k < d; k++) {
        xv += x[k] * v[k];
      }
      // the same sample at w ± δv: residual xᵀ(w ± δv − w*) − ε
      double plus = (centre + delta * xv) / batchSize;
      double minus = (centre - delta * xv) / batchSize;
      for (int k = 0; k < d; k++) {
        outPlus[k] += plus * x[k];
        outMinus[k] += minus * x[k];
      }
    }
  }

  @Override
  public double gradientVariance(double[] w) {
    double quadratic = 0;
    double squared = 0;
    for (int r = 0; r < d; r++) {
      double vr = w[r] - truth[r];
      for (int k = 0; k < d; k++) {
        double vk = w[k] - truth[k];
        quadratic += vr * covariance[r * d + k] * vk;
        squared += vr * covarianceSquared[r * d + k] * vk;
      }
    }
    // σ̃² = (vᵀΣv) trΣ + vᵀΣ²v + s² trΣ
    return quadratic * trace + squared + noise * noise * trace;
  }

  @Override
  public double hessianVariance(double[] w) {
    // σ_H² = (trΣ)² + tr(Σ²)
    return trace * trace + traceOfSquare;
  }

  /**
   * {@code sup_{‖w − centre‖ ≤ R} σ̃(w)}. With {@code M = trΣ·Σ + Σ²}, {@code σ̃²(w) = vᵀMv +
   * s²trΣ}. EXACT when the ball is centred at {@code w*} ({@code R² λ_max(M) + s²trΣ}, attained
   * along the top eigenvector) or has radius 0; otherwise the CERTIFIED bound {@code λ_max(M)(R +
   * ‖centre − w*‖)² + s²trΣ} from {@code ‖v‖ ≤ R + ‖centre − w*‖}.
   */
  @Override
  public FamilyConstant gradientNoise(double[] centre, double radius) {
    if (!(radius >= 0) || centre.length != d) {
      throw new IllegalArgumentException(
          "ball needs a length-"
              + d
              + " centre and a radius >= 0, got length "
              + centre.length
              + " and "
              + radius);
    }
    if (radius == 0) {
      return new FamilyConstant(
          "sigma_g",
          Math.sqrt(gradientVariance(centre)),
          Exactness.EXACT,
          "σ̃ at the point " + Arrays.toString(centre));
    }
    double offset = 0;
    for (int k = 0; k < d; k++) {
      offset += (centre[k] - truth[k]) * (centre[k] - truth[k]);
    }
    offset = Math.sqrt(offset);
    double reach = radius + offset;
    double sup = largestNoiseCurvature == 0 ? 0 : largestNoiseCurvature * reach * reach;
    double value = Math.sqrt(sup + noise * noise * trace);
    boolean exact = offset == 0;
    return new FamilyConstant(
        "sigma_g",
        value,
        exact ? Exactness.EXACT : Exactness.CERTIFIED_UPPER_BOUND,
        (exact
                ? "R²λ_max(trΣ·Σ + Σ²) + s²trΣ, ball centred at w*"
                : "λ_max(trΣ·Σ + Σ²)(R + ‖centre − w*‖)² + s²trΣ")
            + ", R = "
            + radius);
  }

  @Override
  public FamilyConstant hessianNoise(double[] centre, double radius) {
    return new FamilyConstant(
        "sigma_H",
        Math.sqrt(trace * trace + traceOfSquare),
        Exactness.EXACT,
        "((trΣ)² + tr(Σ²))^{1/2}, Frobenius convention, independent of w");
  }

  /** A fixed sample set of size {@code n} as its empirical least-squares loss. */
  public LeastSquaresLoss drawSampleSet(int n, RandomGenerator random) {
    if (n < 1) {
      throw new IllegalArgumentException("sample set size must be >= 1, got " + n);
    }
    double[][] features = new double[n][];
    double[] targets = new double[n];
    for (int j = 0; j < n; j++) {
      double eps = draw(random);
      features[j] = x.clone();
      double y = eps;
      for (int k = 0; k < d; k++) {
        y += x[k] * truth[k];
      }
      targets[j] = y;
    }
    return new LeastSquaresLoss(features, targets);
  }

  /**
   * A finite-sum task (Ji2022 eq. (8)): a fixed support set of {@code supportSize} samples as the
   * inner loss and an independent fixed query set of {@code querySize} samples as the outer loss,
   * both drawn from {@code seed} (same seed, same task).
   */
  public MetaTask finiteSumTask(int supportSize, int querySize, long seed) {
    RandomGenerator random = new Well19937c(seed);
    LeastSquaresLoss support = drawSampleSet(supportSize, random);
    LeastSquaresLoss query = drawSampleSet(querySize, random);
    return new MetaTask(support, query, 1.0);
  }

  private final class PopulationLoss implements FieldLoss {
    private final FieldQuadraticLoss quadratic = new FieldQuadraticLoss(expectedQuadratic());

    @Override
    public int dimension() {
      return d;
    }

    @Override
    public double value(double[] w) {
      // f = ½ vᵀΣv + s²/2
      return quadratic.value(w) + 0.5 * noise * noise;
    }

    @Override
    public void gradient(double[] w, double[] out) {
      quadratic.gradient(w, out);
    }

    @Override
    public void hessian(double[] w, double[] out) {
      quadratic.hessian(w, out);
    }

    @Override
    public void hessianVector(double[] w, double[] v, double[] out) {
      quadratic.hessianVector(w, v, out);
    }

    @Override
    public <T extends CalculusFieldElement<T>> T value(T[] w) {
      return quadratic.value(w).add(0.5 * noise * noise);
    }

    @Override
    public <T extends CalculusFieldElement<T>> void gradient(T[] w, T[] out) {
      quadratic.gradient(w, out);
    }

    @Override
    public <T extends CalculusFieldElement<T>> void hessianVector(T[] w, T[] v, T[] out) {
      quadratic.hessianVector(w, v, out);
    }

    @Override
    public String toString() {
      return "GaussianRegressionPopulationLoss[d=" + d + ", s=" + noise + "]";
    }
  }
}
