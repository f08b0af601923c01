package io.metabound.experiments.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The union of several instance domains: the search spaces of each part in order, and an instance
 * belongs to the union when some part admits it. A check that must see both the instances where its
 * bound is attained (quadratics with an eigenvalue {@code −L}) and those where a term vanishing on
 * quadratics matters (non-quadratic tasks with {@code ρ > 0}) searches such a union.
 */
public final class UnionDomain implements InstanceDomain {

  private final List<InstanceDomain> parts;

  private UnionDomain(List<InstanceDomain> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a union of domains needs at least one part");
    }
    this.parts = List.copyOf(parts);
  }

  /** The union of the parts, searched in the given order. */
  public static UnionDomain of(InstanceDomain... parts) {
    return new UnionDomain(List.of(parts));
  }

  public List<InstanceDomain> parts() {
    return parts;
  }

  @Override
  public String description() {
    List<String> each = new ArrayList<>();
    for (InstanceDomain p : parts) {
      each.add(p.description());
    }
    return String.join(" ∪ ", each);
  }

  @Override
  public List<SearchSpace> searchSpaces() {
    List<SearchSpace> all = new ArrayList<>();
    for (InstanceDomain p : parts) {
      all.addAll(p.searchSpaces());
    }
    return all;
  }

  /** The parts' families; empty (any name) when some part does not name its families. */
  @Override
  public java.util.Set<String> families() {
    java.util.Set<String> all = new java.util.TreeSet<>();
    for (InstanceDomain p : parts) {
      if (p.families().isEmpty()) {
        return java.util.Set.of();
      }
      all.addAll(p.families());
    }
    return all;
  }

  @Override
  public boolean admits(Instance instance) {
    for (InstanceDomain p : parts) {
      if (p.admits(instance)) {
        return true;
      }
    }
    return false;
  }
}
