package io.metabound.experiments.noise;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/** Student-t confidence intervals for Monte Carlo means (Hipparchus). */
public final class MonteCarlo {

  private MonteCarlo() {}

  /** Half-width of the two-sided {@code level} interval of the mean. */
  public static double halfWidth(StreamingStatistics s, double level) {
    double t = new TDistribution(s.getN() - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    return t * s.getStandardDeviation() / Math.sqrt(s.getN());
  }

  /** True when {@code value} lies in the two-sided {@code level} interval of the sample mean. */
  public static boolean covers(StreamingStatistics s, double value, double level) {
    return Math.abs(s.getMean() - value) <= halfWidth(s, level);
  }

  public static String describe(StreamingStatistics s, double value, double level) {
    return "mean "
        + s.getMean()
        + " ± "
        + halfWidth(s, level)
        + " (n="
        + s.getN()
        + ") vs "
        + value;
  }
}
