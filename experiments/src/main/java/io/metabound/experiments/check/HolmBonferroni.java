package io.metabound.experiments.check;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down procedure (Holm 1979, "A simple sequentially rejective multiple test procedure",
 * Scand. J. Statist. 6:65–70), which controls the family-wise error rate at α for any dependence
 * between the tests.
 *
 * <p>Sort the m p-values {@code p_(1) ≤ … ≤ p_(m)}; for {@code k = 1, 2, …} reject {@code H_(k)}
 * while {@code p_(k) ≤ α / (m − k + 1)}, and stop at the first {@code k*} where this fails: {@code
 * H_(k*)} and every later hypothesis are retained. Adjusted p-values {@code p̃_(k) = max_{j ≤ k}
 * min(1, (m − j + 1) p_(j))} are rejected exactly when {@code p̃ ≤ α}.
 *
 * <p>For the checks, the hypotheses are "the true mean equals the bound" and the p-values are
 * {@link io.metabound.experiments.probe.Measurement#twoSidedPValue}. The same procedure in terms of
 * confidence intervals: the check at rank k gets an interval at level {@code 1 − α/(m − k + 1)}
 * ({@link Decision#levels()}); retained checks get the level of the first retained rank, at which
 * their intervals all contain the bound, so they are INCONCLUSIVE.
 */
public final class HolmBonferroni {

  private HolmBonferroni() {}

  /**
   * @param rejected per hypothesis (input order): rejected at family-wise level α
   * @param adjustedPValues per hypothesis: Holm-adjusted p-value
   * @param levels per hypothesis: confidence level of its interval in the step-down
   * @param familyWiseLevel α
   */
  public record Decision(
      boolean[] rejected, double[] adjustedPValues, double[] levels, double familyWiseLevel) {}

  /** Applies Holm's step-down to p-values given in any order. */
  public static Decision apply(double[] pValues, double familyWiseLevel) {
    if (!(familyWiseLevel > 0 && familyWiseLevel < 1)) {
      throw new IllegalArgumentException(
          "family-wise level must be in (0, 1), got " + familyWiseLevel);
    }
    int m = pValues.length;
    for (double p : pValues) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "p-values must be in [0, 1], got " + Arrays.toString(pValues));
      }
    }
    // ascending p, ties in input order (stable sort)
    Integer[] order =
        IntStream.range(0, m)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> pValues[i]))
            .toArray(Integer[]::new);
    boolean[] rejected = new boolean[m];
    double[] adjusted = new double[m];
    double[] levels = new double[m];
    boolean stopped = false;
    double stopLevel = 0;
    double running = 0;
    for (int k = 0; k < m; k++) {
      int i = order[k];
      double threshold = familyWiseLevel / (m - k);
      // p̃_(k) = max_{j ≤ k} min(1, (m − j + 1) p_(j))
      running = Math.max(running, Math.min(1, (m - k) * pValues[i]));
      adjusted[i] = running;
      if (!stopped && pValues[i] <= threshold) {
        rejected[i] = true;
        levels[i] = 1 - threshold;
      } else {
        if (!stopped) {
          stopped = true;
          stopLevel = 1 - threshold;
        }
        levels[i] = stopLevel;
      }
    }
    return new Decision(rejected, adjusted, levels, familyWiseLevel);
  }
}
