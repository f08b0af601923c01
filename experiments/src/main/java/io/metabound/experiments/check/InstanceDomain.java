package io.metabound.experiments.check;

import java.util.List;
import java.util.Set;

/**
 * Where a check looks for instances: a finite union of continuous search spaces (one per discrete
 * shape such as dimension and task count), each mapped onto instances.
 */
public interface InstanceDomain {

  /** Human-readable description of the whole domain. */
  String description();

  /** The search spaces; at least one. Order is part of the contract (it fixes the search order). */
  List<SearchSpace> searchSpaces();

  /**
   * True when an instance (for instance a simplified one proposed by the shrinker) still belongs to
   * the domain. The default accepts everything: the bound's assumptions are checked separately.
   */
  default boolean admits(Instance instance) {
    return true;
  }

  /**
   * The family names ({@link Instance#family()}) of the instances this domain produces, so that a
   * replayed counterexample naming another family is refused as an unknown family. Empty when
   * the domain does not say (any name is accepted).
   */
  default Set<String> families() {
    return Set.of();
  }
}
