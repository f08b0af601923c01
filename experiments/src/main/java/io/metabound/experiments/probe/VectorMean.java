package io.metabound.experiments.probe;

import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * Monte Carlo mean of a random vector {@code X ∈ R^d}, reported as the norm {@code ‖E X‖} with a
 * confidence interval (the bias {@code ‖E Ĝ − ∇𝓛‖} of an estimator is such a norm).
 *
 * <p>With the sample mean {@code m}, the per-coordinate standard errors {@code se_k} and {@code se
 * = (Σ_k se_k²)^{1/2}}, the measurement is {@code ‖m‖ ± t_{n−1} · se}. It covers {@code ‖μ‖},
 * {@code μ = E X}, at least at the nominal level:
 *
 * <ol>
 *   <li>{@code |‖m‖ − ‖μ‖| ≤ ‖m − μ‖} (reverse triangle inequality), so it suffices that {@code ‖m
 *       − μ‖ ≤ t · se};
 *   <li>asymptotically {@code m − μ ~ N(0, Σ/n)}, so {@code ‖m − μ‖² = Σ_j λ_j Z_j²} with the
 *       eigenvalues {@code λ_j} of {@code Σ/n}, {@code Σ_j λ_j = tr(Σ)/n = se²}, whatever the
 *       correlation between coordinates;
 *   <li>for {@code t² ≥ 1.54} (levels above 0.78) the probability {@code P(Σ λ_j Z_j² ≤ t² Σ λ_j)}
 *       is smallest when a single {@code λ_j} carries all the weight (Székely and Bakirov 2003,
 *       "Extremal probabilities for Gaussian quadratic forms", PTRF 126), where it equals the
 *       one-dimensional {@code P(Z² ≤ t²)}, the nominal level.
 * </ol>
 *
 * The interval is therefore conservative for {@code d > 1} and exact in form for {@code d = 1}, and
 * it keeps the Student-t shape of {@link Measurement#monteCarlo}, so the suite's Holm correction
 * can recompute it at any level. {@code ‖m‖} over-estimates {@code ‖μ‖} when the bias is small
 * against the noise; the interval's lower end then goes below 0, which is still a valid lower
 * confidence limit for a norm.
 *
 * <p>Allocates only at construction.
 */
final class VectorMean {

  private final StreamingStatistics[] coordinates;
  private final double[] mean;

  VectorMean(int dimension) {
    coordinates = new StreamingStatistics[dimension];
    for (int k = 0; k < dimension; k++) {
      coordinates[k] = new StreamingStatistics();
    }
    mean = new double[dimension];
  }

  /** Adds one sample of {@code X}. */
  void add(double[] sample) {
    for (int k = 0; k < coordinates.length; k++) {
      coordinates[k].addValue(sample[k]);
    }
  }

  /** {@code ‖m‖ ± t · (Σ_k se_k²)^{1/2}} at {@code level}. */
  Measurement normOfMean(double level) {
    long n = coordinates[0].getN();
    double squaredNorm = 0;
    double variance = 0;
    for (int k = 0; k < coordinates.length; k++) {
      mean[k] = coordinates[k].getMean();
      squaredNorm += mean[k] * mean[k];
      // se_k² = s_k² / n
      variance += coordinates[k].getVariance() / n;
    }
    return Measurement.monteCarlo(Math.sqrt(squaredNorm), Math.sqrt(variance), (int) n, level);
  }
}
