package io.metabound.experiments.oracle;

import io.metabound.experiments.linalg.Vectors;
import java.util.Arrays;

/**
 * A meta-gradient (or, for first-order estimators, an update direction) at a point, labelled with
 * what it is.
 *
 * @param estimator what was computed, e.g. {@code "MAML (N=2, alpha=0.1) meta-gradient"}
 * @param value the vector
 * @param exact true when computed from a closed form (exact up to floating point), false for an
 *     estimate (sampled, truncated, or approximate)
 */
public record MetaGradient(String estimator, double[] value, boolean exact) {

  public MetaGradient {
    value = value.clone();
  }

  @Override
  public double[] value() {
    return value.clone();
  }

  /** Entry {@code k}. */
  public double get(int k) {
    return value[k];
  }

  public int dimension() {
    return value.length;
  }

  /** Euclidean norm. */
  public double norm() {
    return Vectors.norm(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetaGradient g
        && g.exact == exact
        && g.estimator.equals(estimator)
        && Arrays.equals(g.value, value);
  }

  @Override
  public int hashCode() {
    return 31 * estimator.hashCode() + Arrays.hashCode(value) + (exact ? 1 : 0);
  }

  @Override
  public String toString() {
    return estimator + (exact ? " [exact] " : " [estimate] ") + Arrays.toString(value);
  }
}
