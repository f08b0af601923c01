package io.metabound.experiments.check;

import java.util.function.Predicate;

/**
 * One hypothesis of a bound, as a predicate on instances ({@code alpha <= 1/L}, {@code N >= 1},
 * convex tasks, …). An instance that fails it is out of scope, never a counterexample.
 *
 * @param description the hypothesis as text, reported when it fails
 * @param holds the predicate
 */
public record ScopeCondition(String description, Predicate<Instance> holds) {

  public boolean test(Instance instance) {
    return holds.test(instance);
  }
}
