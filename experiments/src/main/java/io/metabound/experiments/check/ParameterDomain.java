package io.metabound.experiments.check;

import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fixed task set with parameters searched over their ranges: one search space whose coordinates
 * are the parameters' {@code u ∈ [0, 1]}, decoded in declaration order.
 */
public final class ParameterDomain implements InstanceDomain {

  private final String family;
  private final TaskSet tasks;
  private final Map<String, Double> constants;
  private final List<ParameterRange> parameters;

  /**
   * @param family name of the family
   * @param tasks the fixed tasks
   * @param constants constants the ranges may refer to (for example from {@link
   *     QuadraticInstanceConstants#of})
   * @param parameters the ranges, at least one
   */
  public ParameterDomain(
      String family,
      TaskSet tasks,
      Map<String, Double> constants,
      List<ParameterRange> parameters) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("a parameter domain needs at least one parameter");
    }
    this.family = family;
    this.tasks = tasks;
    this.constants = Map.copyOf(constants);
    this.parameters = List.copyOf(parameters);
  }

  /** Convenience: constants computed from the tasks by {@code constantsOf}. */
  public static ParameterDomain of(
      String family,
      TaskSet tasks,
      Function<TaskSet, Map<String, Double>> constantsOf,
      List<ParameterRange> parameters) {
    return new ParameterDomain(family, tasks, constantsOf.apply(tasks), parameters);
  }

  @Override
  public String description() {
    StringBuilder s = new StringBuilder(family).append(" (fixed tasks)");
    for (ParameterRange p : parameters) {
      s.append(", ").append(p.name()).append(" ∈ ").append(p.description());
    }
    return s.toString();
  }

  @Override
  public List<SearchSpace> searchSpaces() {
    return List.of(
        new SearchSpace() {
          @Override
          public String description() {
            return ParameterDomain.this.description();
          }

          @Override
          public double[] lowerBounds() {
            return new double[parameters.size()];
          }

          @Override
          public double[] upperBounds() {
            double[] one = new double[parameters.size()];
            java.util.Arrays.fill(one, 1.0);
            return one;
          }

          @Override
          public Instance decode(double[] point, long seed) {
            return new Instance(
                tasks,
                new DomainParameters(List.of(), parameters)
                    .decode(point, 0, tasks.dimension(), constants),
                seed,
                family);
          }
        });
  }

  @Override
  public java.util.Set<String> families() {
    return java.util.Set.of(family);
  }

  @Override
  public boolean admits(Instance instance) {
    if (!instance.tasks().equals(tasks)) {
      return false;
    }
    return new DomainParameters(List.of(), parameters).admits(instance, constants);
  }
}
