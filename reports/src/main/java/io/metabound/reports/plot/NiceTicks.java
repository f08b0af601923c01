package io.metabound.reports.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Round tick marks for a continuous axis by the "nice numbers" rule (Heckbert, Graphics Gems
 * 1990): the step is 1, 2 or 5 × 10^k, the one of these that gives the number of ticks nearest
 * the wanted one, and every tick is an integer multiple of the step. Ticks therefore fall on
 * round values (0, 0.1, 0.2 …) rather than on grid points (0.0513, 0.1026 …), and their labels are
 * exact decimals computed with {@link BigDecimal}, never {@code 0.30000000000000004}.
 *
 * @param step the distance between ticks, 1, 2 or 5 × 10^k
 * @param values the tick positions inside the axis range, increasing
 * @param labels the tick labels, as plain decimals with as many digits as the step needs
 */
public record NiceTicks(double step, double[] values, List<String> labels) {

  public NiceTicks {
    values = values.clone();
    labels = List.copyOf(labels);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /**
   * Ticks inside {@code [min, max]}.
   *
   * @param min lower end of the axis
   * @param max upper end, {@code > min}
   * @param target about how many ticks are wanted (at least 2)
   * @param minimumStep the smallest step allowed (1 for an axis of whole numbers such as N; 0
   *     for none)
   */
  public static NiceTicks of(double min, double max, int target, double minimumStep) {
    if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("an axis needs min < max, got " + min + " and " + max);
    }
    // of the nice steps around the rough one, the one whose tick count is nearest the target
    // (the finer on a tie); never below the minimum step
    BigDecimal step = null;
    long bestMiss = Long.MAX_VALUE;
    BigDecimal candidate = previousNiceStep(previousNiceStep(niceStep((max - min) / Math.max(1, target - 1))));
    for (int i = 0; i < 5; i++, candidate = nextNiceStep(candidate)) {
      if (candidate.doubleValue() < minimumStep) {
        continue;
      }
      long miss = Math.abs(count(candidate, min, max) - target);
      if (count(candidate, min, max) >= 2 && miss < bestMiss) {
        bestMiss = miss;
        step = candidate;
      }
    }
    if (step == null) { // a whole-number axis one unit long, or fewer than two ticks possible
      step = niceStep(Math.max(minimumStep, (max - min) / Math.max(1, target - 1)));
      while (step.doubleValue() < minimumStep) {
        step = nextNiceStep(step);
      }
    }
    double s = step.doubleValue();
    long first = first(step, min);
    long last = first + count(step, min, max) - 1;
    List<Double> positions = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      BigDecimal value = step.multiply(BigDecimal.valueOf(k));
      positions.add(value.doubleValue());
      labels.add(text(value));
    }
    double[] values = new double[positions.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = positions.get(i);
    }
    return new NiceTicks(s, values, labels);
  }

  // integer multiples of the step inside the range, with a tolerance of a millionth of a step
  private static long first(BigDecimal step, double min) {
    return (long) Math.ceil(min / step.doubleValue() - 1e-6);
  }

  private static long count(BigDecimal step, double min, double max) {
    return (long) Math.floor(max / step.doubleValue() + 1e-6) - first(step, min) + 1;
  }

  /** The nice step nearest above a rough step: the first of 1, 2, 5, 10 × 10^k not below it. */
  static BigDecimal niceStep(double rough) {
    int exponent = (int) Math.floor(Math.log10(rough));
    double fraction = rough / Math.pow(10, exponent);
    int digit = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10;
    return BigDecimal.valueOf(digit).scaleByPowerOfTen(exponent);
  }

  /** The next nice step: 1 → 2 → 5 → 10 (times the same power of ten). */
  private static BigDecimal nextNiceStep(BigDecimal step) {
    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-step.stripTrailingZeros().scale());
    int digit = step.divide(unit).intValue();
    return digit == 1 ? unit.multiply(BigDecimal.valueOf(2))
        : digit == 2 ? unit.multiply(BigDecimal.valueOf(5)) : unit.multiply(BigDecimal.TEN);
  }

  /** The previous nice step: 10 → 5 → 2 → 1 (times the same power of ten). */
  private static BigDecimal previousNiceStep(BigDecimal step) {
    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-step.stripTrailingZeros().scale());
    int digit = step.divide(unit).intValue();
    return digit == 5 ? unit.multiply(BigDecimal.valueOf(2))
        : digit == 2 ? unit : unit.divide(BigDecimal.valueOf(2));
  }

  private static String text(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
