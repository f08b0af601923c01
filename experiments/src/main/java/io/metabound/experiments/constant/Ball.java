package io.metabound.experiments.constant;

import java.util.Arrays;

/**
 * The closed ball {@code {w : ‖w − centre‖ ≤ radius}}: the region over which a constant that is
 * unbounded on {@code R^d} (σ for heterogeneous Hessians, {@code b_i} when support and query
 * Hessians differ) is certified.
 *
 * @param centre the centre
 * @param radius the radius, finite and ≥ 0
 */
public record Ball(double[] centre, double radius) {

  public Ball {
    if (!(radius >= 0) || Double.isInfinite(radius)) {
      throw new IllegalArgumentException("ball radius must be finite and >= 0, got " + radius);
    }
    for (double x : centre) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException(
            "ball centre must be finite, got " + Arrays.toString(centre));
      }
    }
    centre = centre.clone();
  }

  /** The ball of a radius around the origin of {@code R^d}. */
  public static Ball origin(int dimension, double radius) {
    return new Ball(new double[dimension], radius);
  }

  @Override
  public double[] centre() {
    return centre.clone();
  }

  public int dimension() {
    return centre.length;
  }

  /** Human-readable region, used in constants' notes. */
  public String describe() {
    boolean origin = Arrays.stream(centre).allMatch(x -> x == 0);
    return "the ball ||w" + (origin ? "" : " - " + Arrays.toString(centre)) + "|| <= " + radius;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ball b && b.radius == radius && Arrays.equals(b.centre, centre);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(centre) + Double.hashCode(radius);
  }

  @Override
  public String toString() {
    return "Ball[" + describe() + "]";
  }
}
