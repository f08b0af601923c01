package io.metabound.experiments.check;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A domain of generated task sets searched shape by shape: one search space per dimension {@code
 * d ∈ [d_lo, d_hi]} and task count {@code m ∈ [m_lo, m_hi]} (dimensions outer, task counts inner),
 * each a box of {@code m} blocks of task coordinates followed by the {@link DomainParameters}'
 * coordinates. What a task's coordinates mean is the subclass's ({@link QuadraticDomain}, {@link
 * SeparableDomain}); the shapes, the parameters and the builder options for them are shared here.
 */
abstract sealed class ShapedDomain implements InstanceDomain
    permits QuadraticDomain, SeparableDomain {

  final String family;
  final int minDimension;
  final int maxDimension;
  final int minTasks;
  final int maxTasks;
  final DomainParameters parameters;

  ShapedDomain(Builder<?, ?> b) {
    this.family = b.family;
    this.minDimension = b.minDimension;
    this.maxDimension = b.maxDimension;
    this.minTasks = b.minTasks;
    this.maxTasks = b.maxTasks;
    this.parameters = new DomainParameters(b.vectors, b.parameters);
  }

  @Override
  public java.util.Set<String> families() {
    return java.util.Set.of(family);
  }

  /** The search space of tasks of dimension {@code d}, {@code m} of them. */
  abstract Shape shape(int d, int m);

  /** The constants the parameter ranges may refer to. */
  abstract Map<String, Double> parameterConstants(TaskSet tasks);

  @Override
  public final List<SearchSpace> searchSpaces() {
    List<SearchSpace> spaces = new ArrayList<>();
    for (int d = minDimension; d <= maxDimension; d++) {
      for (int m = minTasks; m <= maxTasks; m++) {
        spaces.add(shape(d, m));
      }
    }
    return spaces;
  }

  /** Appends {@code d ∈ {d_lo…d_hi}, m ∈ {m_lo…m_hi}} to a description. */
  final void describeShapes(StringBuilder s) {
    s.append("d ∈ {").append(minDimension).append("…").append(maxDimension).append("}");
    s.append(", m ∈ {").append(minTasks).append("…").append(maxTasks).append("}");
  }

  /** True when the instance's dimension and task count are among the domain's shapes. */
  final boolean admitsShape(Instance instance) {
    int d = instance.dimension();
    int m = instance.taskCount();
    return d >= minDimension && d <= maxDimension && m >= minTasks && m <= maxTasks;
  }

  /** True when the instance's parameters are within their ranges. */
  final boolean admitsParameters(Instance instance) {
    return parameters.admits(instance, parameterConstants(instance.tasks()));
  }

  /**
   * One shape: {@code m} blocks of {@link #perTask} task coordinates (block {@code i} decoded by
   * {@link #task}), then the parameters' coordinates.
   */
  abstract class Shape implements SearchSpace {
    final int d;
    final int m;
    private final int perTask;

    Shape(int d, int m, int perTask) {
      this.d = d;
      this.m = m;
      this.perTask = perTask;
    }

    /** Writes the lower or upper corner of one task's {@code perTask} coordinates from {@code at}. */
    abstract void taskCorner(double[] x, int at, boolean lower);

    /** The task whose coordinates are {@code point[at … at + perTask)}. */
    abstract MetaTask task(double[] point, int at);

    @Override
    public final String description() {
      return family + " d=" + d + " m=" + m;
    }

    private int size() {
      return m * perTask + parameters.size(d);
    }

    @Override
    public final double[] lowerBounds() {
      return corner(true);
    }

    @Override
    public final double[] upperBounds() {
      return corner(false);
    }

    private double[] corner(boolean lower) {
      double[] x = new double[size()];
      for (int i = 0; i < m; i++) {
        taskCorner(x, i * perTask, lower);
      }
      parameters.corner(x, m * perTask, d, lower);
      return x;
    }

    @Override
    public final Instance decode(double[] point, long seed) {
      if (point.length != size()) {
        throw new IllegalArgumentException(
            description() + " has " + size() + " coordinates, got " + point.length);
      }
      List<MetaTask> tasks = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        tasks.add(task(point, i * perTask));
      }
      TaskSet taskSet = new TaskSet(tasks);
      return new Instance(
          taskSet, parameters.decode(point, m * perTask, d, parameterConstants(taskSet)), seed, family);
    }
  }

  /**
   * The builder options every shaped domain has: dimensions, task counts, points and scalar
   * parameters. Defaults d = 1…3, m = 1…3, no parameters.
   *
   * @param <D> the domain built
   * @param <B> the concrete builder, returned by every option so calls chain
   */
  abstract static class Builder<D extends ShapedDomain, B extends Builder<D, B>> {
    private final String family;
    private int minDimension = 1;
    private int maxDimension = 3;
    private int minTasks = 1;
    private int maxTasks = 3;
    private final List<VectorParameter> vectors = new ArrayList<>();
    private final List<ParameterRange> parameters = new ArrayList<>();

    Builder(String family) {
      this.family = family;
    }

    /** This builder, as its concrete type. */
    abstract B self();

    public abstract D build();

    public B dimensions(int min, int max) {
      DomainParameters.checkCounts(min, max, "dimensions");
      this.minDimension = min;
      this.maxDimension = max;
      return self();
    }

    public B taskCounts(int min, int max) {
      DomainParameters.checkCounts(min, max, "task counts");
      this.minTasks = min;
      this.maxTasks = max;
      return self();
    }

    /** Adds a point {@code name0 … name(d−1)} with coordinates in {@code [−radius, radius]}. */
    public B vector(String name, double radius) {
      DomainParameters.addVector(vectors, name, radius);
      return self();
    }

    /** Adds a scalar parameter; later parameters may depend on earlier ones. */
    public B parameter(ParameterRange range) {
      DomainParameters.addScalar(parameters, range);
      return self();
    }
  }
}
