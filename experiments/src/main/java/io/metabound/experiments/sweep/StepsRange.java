package io.metabound.experiments.sweep;

/**
 * The inner-step axis of an (N, α) map, written {@code FIRST:LAST} (inclusive, integers ≥ 1), e.g.
 * {@code 1:20}.
 *
 * @param first the smallest number of inner steps, ≥ 1
 * @param last the largest number of inner steps, ≥ first
 */
public record StepsRange(int first, int last) {

  /** Largest supported number of inner steps; the maps cost O(N d³) to build per cell. */
  public static final int MAX_STEPS = 10_000;

  public StepsRange {
    if (first < 1) {
      throw new SweepInputException("--steps-range: inner steps must be >= 1, got " + first);
    }
    if (last < first) {
      throw new SweepInputException(
          "--steps-range: FIRST must not exceed LAST, got " + first + ":" + last);
    }
    if (last > MAX_STEPS) {
      throw new SweepInputException(
          "--steps-range: at most " + MAX_STEPS + " inner steps, got " + last);
    }
  }

  /** Parses {@code FIRST:LAST}. */
  public static StepsRange parse(String spec) {
    String[] parts = spec == null ? new String[0] : spec.trim().split(":", -1);
    if (parts.length != 2) {
      throw new SweepInputException(
          "--steps-range: expected FIRST:LAST (e.g. 1:20), got '" + spec + "'");
    }
    try {
      return new StepsRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new SweepInputException(
          "--steps-range: FIRST and LAST must be integers, got '" + spec + "'");
    }
  }

  /** Number of step values {@code LAST − FIRST + 1}. */
  public int count() {
    return last - first + 1;
  }

  /** The k-th step count, {@code FIRST + k}. */
  public int steps(int k) {
    if (k < 0 || k >= count()) {
      throw new IndexOutOfBoundsException("steps index " + k + " outside 0.." + (count() - 1));
    }
    return first + k;
  }

  /** The command-line form {@code FIRST:LAST}. */
  public String spec() {
    return first + ":" + last;
  }
}
