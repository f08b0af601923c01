package io.metabound.experiments.check;

import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
            TreeMap<String, Double> known = new TreeMap<>(constants);
            TreeMap<String, Double> values = new TreeMap<>();
            for (int k = 0; k < parameters.size(); k++) {
              ParameterRange p = parameters.get(k);
              double v = p.decode(point[k], known);
              values.put(p.name(), v);
              known.put(p.name(), v);
            }
            return new Instance(tasks, values, seed, family);
          }
        });
  }

  @Override
  public boolean admits(Instance instance) {
    if (!instance.tasks().equals(tasks)) {
      return false;
    }
    TreeMap<String, Double> known = new TreeMap<>(constants);
    for (ParameterRange p : parameters) {
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
