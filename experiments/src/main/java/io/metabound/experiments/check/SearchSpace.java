package io.metabound.experiments.check;

/**
 * A continuous parametrisation of part of an instance domain: a box {@code [lower, upper] ⊂ R^k}
 * and a map from its points to instances. One search space per discrete shape (dimension, task
 * count, …) of the domain; the falsifier optimises over the box.
 */
public interface SearchSpace {

  /** What this part of the domain is, e.g. {@code quadratic d=2 m=3}. */
  String description();

  /** Lower corner of the box (a copy); {@code lower[i] <= upper[i]}. */
  double[] lowerBounds();

  /** Upper corner of the box (a copy). Coordinates with {@code lower == upper} are fixed. */
  double[] upperBounds();

  /**
   * The instance at a point of the box. Must be a deterministic function of {@code point} and
   * {@code seed}.
   *
   * @param point a point with {@code lower <= point <= upper}
   * @param seed the seed stored in the instance
   */
  Instance decode(double[] point, long seed);
}
