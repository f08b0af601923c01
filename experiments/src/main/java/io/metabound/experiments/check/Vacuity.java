package io.metabound.experiments.check;

import java.util.Objects;

/**
 * A ceiling on a check's ratio over the whole hypothesis class: no instance can bring the measured
 * side nearer its bound than {@code ceiling}, so the inequality cannot fail unless its constant is
 * wrong by more than {@code 1/ceiling}. Such a check is {@link Strength#VACUOUS}; its shape is
 * tested by a scaling check instead.
 *
 * @param ceiling the largest ratio any instance of the class can reach (proven or measured)
 * @param argument why, with whether it is proven or measured
 */
public record Vacuity(double ceiling, String argument) {

  public Vacuity {
    Objects.requireNonNull(argument, "argument");
    if (!(ceiling > 0) || ceiling > CheckStrength.VACUOUS_LEVEL) {
      throw new IllegalArgumentException(
          "a vacuity ceiling lies in (0, " + CheckStrength.VACUOUS_LEVEL + "], got " + ceiling);
    }
    if (argument.isBlank()) {
      throw new IllegalArgumentException("a vacuity ceiling needs its argument");
    }
  }
}
