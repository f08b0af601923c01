package io.metabound.experiments.check;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A replayable problem instance: a task set, scalar parameters ({@code alpha}, {@code beta}, {@code
 * N}, batch sizes, {@code lambda}, …) and the seed of every random number a probe draws.
 *
 * <p>Instances whose tasks are all quadratic serialise to the task-file contract ({@code
 * {"tasks":[{"H":[[..]],"c":[..]}, …]}}) plus {@code "params"} and {@code "seed"}, see {@link
 * CounterexampleFile}.
 *
 * @param tasks the tasks
 * @param parameters the scalar parameters, sorted by name so that output is deterministic
 * @param seed the seed of the probe's random numbers
 * @param family a short name of the family the instance comes from ({@code quadratic}, …)
 */
public record Instance(
    TaskSet tasks, SortedMap<String, Double> parameters, long seed, String family) {

  public Instance {
    if (tasks == null) {
      throw new IllegalArgumentException("an instance needs a task set");
    }
    for (Map.Entry<String, Double> e : parameters.entrySet()) {
      if (e.getValue() == null || Double.isNaN(e.getValue())) {
        throw new IllegalArgumentException("parameter " + e.getKey() + " is not a number");
      }
    }
    parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    family = family == null ? "unnamed" : family;
  }

  /** An instance with the given parameters (copied into a sorted map). */
  public static Instance of(
      TaskSet tasks, Map<String, Double> parameters, long seed, String family) {
    return new Instance(tasks, new TreeMap<>(parameters), seed, family);
  }

  /** The parameter {@code name}; a clear error when it is missing. */
  public double parameter(String name) {
    Double v = parameters.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "instance has no parameter '" + name + "' (it has " + parameters.keySet() + ")");
    }
    return v;
  }

  /** The parameter rounded to an integer (for N, batch sizes), with a clear error if not whole. */
  public int integerParameter(String name) {
    double v = parameter(name);
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parameter '" + name + "' must be an integer, got " + v);
    }
    return (int) v;
  }

  public boolean hasParameter(String name) {
    return parameters.containsKey(name);
  }

  /**
   * A point of {@code R^d} stored coordinate by coordinate as the parameters {@code name0 …
   * name(d−1)} (see {@link VectorParameter}), e.g. the meta-parameter {@code w} at which a
   * pointwise bound is evaluated.
   *
   * @throws IllegalArgumentException naming the first missing coordinate
   */
  public double[] vectorParameter(String name) {
    double[] v = new double[dimension()];
    for (int k = 0; k < v.length; k++) {
      v[k] = parameter(VectorParameter.coordinate(name, k));
    }
    return v;
  }

  public int dimension() {
    return tasks.dimension();
  }

  public int taskCount() {
    return tasks.size();
  }

  public Instance withSeed(long newSeed) {
    return new Instance(tasks, parameters, newSeed, family);
  }

  public Instance withTasks(TaskSet newTasks) {
    return new Instance(newTasks, parameters, seed, family);
  }

  public Instance withParameter(String name, double value) {
    TreeMap<String, Double> p = new TreeMap<>(parameters);
    p.put(name, value);
    return new Instance(tasks, p, seed, family);
  }

  /** True when every task's inner and outer losses are {@link QuadraticLoss}es. */
  public boolean isQuadratic() {
    for (MetaTask t : tasks.tasks()) {
      if (!(t.inner() instanceof QuadraticLoss) || !(t.outer() instanceof QuadraticLoss)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One-line description: family, dimension, task count and parameters, e.g. {@code quadratic d=2
   * m=1 N=3 alpha=0.5}.
   */
  public String describe() {
    StringBuilder s = new StringBuilder(family);
    s.append(" d=").append(dimension()).append(" m=").append(taskCount());
    for (Map.Entry<String, Double> e : parameters.entrySet()) {
      s.append(' ').append(e.getKey()).append('=').append(format(e.getValue()));
    }
    return s.toString();
  }

  /** Shortest decimal that reads back to the same double, integers without ".0". */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }
}
