package io.metabound.experiments.check;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters a domain decodes after an instance's tasks: points ({@link VectorParameter}, d
 * search coordinates each, in {@code [−r, r]}) and scalars ({@link ParameterRange}, one coordinate
 * {@code u ∈ [0, 1]} each, decoded in declaration order, later ranges seeing earlier values).
 * Shared by {@link QuadraticDomain}, {@link SeparableDomain} and {@link ParameterDomain}.
 */
final class DomainParameters {

  private final List<VectorParameter> vectors;
  private final List<ParameterRange> scalars;

  DomainParameters(List<VectorParameter> vectors, List<ParameterRange> scalars) {
    this.vectors = List.copyOf(vectors);
    this.scalars = List.copyOf(scalars);
  }

  /** Builder helper: adds a point, rejecting a second one of the same name. */
  static void addVector(List<VectorParameter> vectors, String name, double radius) {
    for (VectorParameter v : vectors) {
      if (v.name().equals(name)) {
        throw new IllegalArgumentException("vector parameter " + name + " declared twice");
      }
    }
    vectors.add(new VectorParameter(name, radius));
  }

  /** Builder helper: adds a scalar range, rejecting a second one of the same name. */
  static void addScalar(List<ParameterRange> scalars, ParameterRange range) {
    for (ParameterRange p : scalars) {
      if (p.name().equals(range.name())) {
        throw new IllegalArgumentException("parameter " + range.name() + " declared twice");
      }
    }
    scalars.add(range);
  }

  /** Builder helper: a {@code [min, max]} range of dimensions or task counts. */
  static void checkCounts(int min, int max, String what) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException(what + " need 1 <= min <= max, got " + min + ", " + max);
    }
  }

  /** Appends {@code , w ∈ […]^d, alpha ∈ […]} to a domain description. */
  void describe(StringBuilder s) {
    for (VectorParameter v : vectors) {
      s.append(", ").append(v.description());
    }
    for (ParameterRange p : scalars) {
      s.append(", ").append(p.name()).append(" ∈ ").append(p.description());
    }
  }

  /** Search coordinates in dimension {@code d}. */
  int size(int d) {
    return vectors.size() * d + scalars.size();
  }

  /** Writes the lower or upper corner of the parameters' coordinates from {@code at}. */
  void corner(double[] x, int at, int d, boolean lower) {
    for (VectorParameter v : vectors) {
      for (int k = 0; k < d; k++) {
        x[at++] = lower ? -v.radius() : v.radius();
      }
    }
    for (int k = 0; k < scalars.size(); k++) {
      x[at++] = lower ? 0 : 1;
    }
  }

  /**
   * Decodes the parameters from {@code x[at …]}.
   *
   * @param constants the instance's constants, which the ranges may refer to (not modified)
   */
  TreeMap<String, Double> decode(double[] x, int at, int d, Map<String, Double> constants) {
    TreeMap<String, Double> values = new TreeMap<>();
    for (VectorParameter v : vectors) {
      v.decode(x, at, d, values);
      at += d;
    }
    TreeMap<String, Double> known = new TreeMap<>(constants);
    for (ParameterRange p : scalars) {
      double v = p.decode(x[at++], known);
      values.put(p.name(), v);
      known.put(p.name(), v);
    }
    return values;
  }

  /** True when the instance carries every point and scalar, each within its range. */
  boolean admits(Instance instance, Map<String, Double> constants) {
    for (VectorParameter v : vectors) {
      if (!v.admits(instance)) {
        return false;
      }
    }
    TreeMap<String, Double> known = new TreeMap<>(constants);
    for (ParameterRange p : scalars) {
      if (!instance.hasParameter(p.name())) {
        return false;
      }
      double v = instance.parameter(p.name());
      if (!p.contains(v, known)) {
        return false;
      }
      known.put(p.name(), v);
    }
    return true;
  }
}
