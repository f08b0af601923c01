package io.metabound.experiments.check;

import java.util.Map;

/**
 * A point of {@code R^d} carried by an instance as the scalar parameters {@code name0, …,
 * name(d−1)}, each coordinate in {@code [−radius, radius]}: the meta-parameter {@code w} (and a
 * second point {@code u}) of pointwise bounds, a direction, a start point. Domains give it {@code
 * d} search coordinates per shape, so the point always has the instance's dimension.
 *
 * @param name the base name ({@code w}, {@code u}, …)
 * @param radius half-width of the box of every coordinate, ≥ 0
 */
public record VectorParameter(String name, double radius) {

  public VectorParameter {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a vector parameter needs a name");
    }
    if (!(radius >= 0) || Double.isInfinite(radius)) {
      throw new IllegalArgumentException(
          "vector parameter " + name + " needs a finite radius >= 0, got " + radius);
    }
  }

  /** The parameter name of coordinate {@code k}: {@code name + k}. */
  public static String coordinate(String name, int k) {
    return name + k;
  }

  /** Description for a domain, e.g. {@code w ∈ [−1, 1]^d}. */
  public String description() {
    return name + " ∈ [−" + radius + ", " + radius + "]^d";
  }

  /** Writes the point {@code x[at … at+d−1]} into {@code values} as {@code name0 …}. */
  void decode(double[] x, int at, int dimension, Map<String, Double> values) {
    for (int k = 0; k < dimension; k++) {
      values.put(coordinate(name, k), x[at + k]);
    }
  }

  /**
   * True when the instance carries exactly the coordinates {@code name0 … name(d−1)} (no stale
   * coordinate of a larger dimension), each within the box.
   */
  boolean admits(Instance instance) {
    int d = instance.dimension();
    for (int k = 0; k < d; k++) {
      String c = coordinate(name, k);
      if (!instance.hasParameter(c) || Math.abs(instance.parameter(c)) > radius * (1 + 1e-12)) {
        return false;
      }
    }
    return !instance.hasParameter(coordinate(name, d));
  }
}
