package io.metabound.experiments.probe;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StatisticalSummary;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * One measured value with its uncertainty.
 *
 * <p>Three kinds:
 *
 * <ul>
 *   <li><b>exact</b> ({@link #exact(double)}): a closed form evaluated in floating point; {@code
 *       lower == upper == value}; verdicts compare it with a relative tolerance;
 *   <li><b>bracketed</b> ({@link #bracketed(double, double, double)}): a deterministic enclosure
 *       {@code value ∈ [lower, upper]} (an iterative solve with a certified error); it does not
 *       depend on a confidence level;
 *   <li><b>Monte Carlo</b> ({@link #monteCarlo(double, double, int, double)}): a sample mean {@code
 *       x̄} with standard error {@code s/√n} and the Student-t interval {@code x̄ ± t_{n−1,
 *       1−(1−level)/2} · s/√n}. Because the standard error is kept, the interval can be recomputed
 *       at any level ({@link #atLevel(double)}) and a p-value against a reference value can be
 *       formed ({@link #twoSidedPValue(double)}): that is what the Holm correction needs.
 * </ul>
 *
 * @param value the point estimate
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param samples number of Monte Carlo samples (1 for exact and bracketed measurements)
 * @param exact true for closed forms
 * @param standardError standard error of a Monte Carlo mean; NaN for exact and bracketed values
 * @param confidenceLevel level of {@code [lower, upper]}; 1 for exact and bracketed values
 */
public record Measurement(
    double value,
    double lower,
    double upper,
    int samples,
    boolean exact,
    double standardError,
    double confidenceLevel) {

  /** How a measurement was obtained. */
  public enum Kind {
    EXACT,
    BRACKETED,
    MONTE_CARLO
  }

  public Measurement {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, got " + samples);
    }
    if (!Double.isNaN(value) && !(lower <= value && value <= upper)) {
      throw new IllegalArgumentException(
          "interval [" + lower + ", " + upper + "] does not contain the value " + value);
    }
    if (exact && !(Double.isNaN(value) || lower == upper)) {
      throw new IllegalArgumentException("an exact measurement has lower == upper == value");
    }
  }

  /** A closed-form value. */
  public static Measurement exact(double value) {
    return new Measurement(value, value, value, 1, true, Double.NaN, 1.0);
  }

  /** A deterministic enclosure {@code value ∈ [lower, upper]}. */
  public static Measurement bracketed(double value, double lower, double upper) {
    return new Measurement(value, lower, upper, 1, false, Double.NaN, 1.0);
  }

  /**
   * A Monte Carlo mean with its Student-t confidence interval.
   *
   * @param mean the sample mean
   * @param standardError {@code s/√n}
   * @param samples {@code n ≥ 2}
   * @param confidenceLevel two-sided level in (0, 1)
   */
  public static Measurement monteCarlo(
      double mean, double standardError, int samples, double confidenceLevel) {
    if (samples < 2) {
      throw new IllegalArgumentException("a Monte Carlo mean needs >= 2 samples, got " + samples);
    }
    if (!(standardError >= 0)) {
      throw new IllegalArgumentException("standard error must be >= 0, got " + standardError);
    }
    checkLevel(confidenceLevel);
    double half = halfWidth(standardError, samples, confidenceLevel);
    return new Measurement(
        mean, mean - half, mean + half, samples, false, standardError, confidenceLevel);
  }

  /** The mean of the given statistics (sample variance, n−1 denominator) with its t interval. */
  public static Measurement ofStatistics(StatisticalSummary statistics, double confidenceLevel) {
    long n = statistics.getN();
    if (n < 2 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("need between 2 and 2^31−1 samples, got " + n);
    }
    // se = s / √n
    double se = Math.sqrt(statistics.getVariance() / n);
    return monteCarlo(statistics.getMean(), se, (int) n, confidenceLevel);
  }

  /** The mean of the samples with its t interval. */
  public static Measurement ofSamples(double[] samples, double confidenceLevel) {
    StreamingStatistics statistics = new StreamingStatistics();
    for (double x : samples) {
      statistics.addValue(x);
    }
    return ofStatistics(statistics, confidenceLevel);
  }

  public Kind kind() {
    if (exact) {
      return Kind.EXACT;
    }
    return Double.isNaN(standardError) ? Kind.BRACKETED : Kind.MONTE_CARLO;
  }

  /** True for Monte Carlo measurements, whose verdicts are subject to multiplicity correction. */
  public boolean isStochastic() {
    return kind() == Kind.MONTE_CARLO;
  }

  /** The same measurement with its interval recomputed at another level (Monte Carlo only). */
  public Measurement atLevel(double level) {
    if (!isStochastic()) {
      return this;
    }
    return monteCarlo(value, standardError, samples, level);
  }

  /**
   * Two-sided p-value of the hypothesis "the true mean equals {@code reference}": {@code p = 2 (1 −
   * F_{t,n−1}(|x̄ − reference| / se))}. The interval at level {@code 1 − a} excludes {@code
   * reference} exactly when {@code p < a} (up to the boundary case), so Holm's step-down on these
   * p-values is Holm's step-down on the intervals. Exact and bracketed values give 0 when the
   * reference lies outside their interval and 1 otherwise.
   */
  public double twoSidedPValue(double reference) {
    if (!isStochastic()) {
      return reference < lower || reference > upper ? 0.0 : 1.0;
    }
    double distance = Math.abs(value - reference);
    if (standardError == 0) {
      return distance == 0 ? 1.0 : 0.0;
    }
    double t = distance / standardError;
    return 2.0 * new TDistribution(samples - 1).cumulativeProbability(-t);
  }

  private static double halfWidth(double standardError, int samples, double level) {
    if (standardError == 0) {
      return 0;
    }
    // t quantile at 1 − (1 − level)/2 with n − 1 degrees of freedom
    double quantile =
        new TDistribution(samples - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    return quantile * standardError;
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }
}
