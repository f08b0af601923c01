package io.metabound.experiments.check;

/**
 * The parameter a bound depends on most, and the range to draw it over: the report plots the
 * bound's value and the measured quantity against it on the check's instance of largest ratio (so
 * each bound is seen, not only asserted).
 *
 * <p>The range may depend on the instance's constants ({@code alpha ∈ [0.01, 1/L]}): it is decoded
 * on the instance with {@link ParameterRange#decode}. Integer ranges ({@code N}, batch sizes) give
 * each whole number once.
 *
 * @param range the parameter and its range
 * @param points the number of points (at most; fewer for a short integer range)
 */
public record Profile(ParameterRange range, int points) {

  public Profile {
    if (range == null) {
      throw new IllegalArgumentException("a profile needs a parameter range");
    }
    if (points < 2) {
      throw new IllegalArgumentException("a profile needs at least 2 points, got " + points);
    }
  }

  /** The profiled parameter's name. */
  public String parameter() {
    return range.name();
  }

  /** A profile of 25 points over the range. */
  public static Profile of(ParameterRange range) {
    return new Profile(range, 25);
  }
}
