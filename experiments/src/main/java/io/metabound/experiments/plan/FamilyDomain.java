package io.metabound.experiments.plan;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.InstanceDomain;
import io.metabound.experiments.check.ParameterDomain;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.SearchSpace;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An instance domain over generated task sets: each {@link Shape} is a box of task coordinates with
 * the task set at each point of it, followed (as in {@link
 * io.metabound.experiments.check.QuadraticDomain}) by one coordinate {@code u ∈ [0, 1]} per
 * parameter, decoded in declaration order by {@link ParameterRange#decode} against the task set's
 * constants and the parameters decoded before it.
 *
 * <p>Used for the families the quadratic domain does not generate: quadratic tasks sharing one
 * Hessian, finite-sum quadratic tasks with equal support and query Hessians, separable non-convex
 * tasks, and regression sample pools ({@link Families}).
 */
final class FamilyDomain implements InstanceDomain {

  /**
   * One shape of the domain (a dimension and a task count, typically).
   *
   * @param family the family its instances are named by, e.g. {@code separable non-convex}
   * @param dimension {@code d}
   * @param taskCount {@code m}
   * @param lower lower corner of the task coordinates
   * @param upper upper corner of the task coordinates
   * @param tasks the task set at a point of the box (deterministic)
   */
  record Shape(
      String family,
      int dimension,
      int taskCount,
      double[] lower,
      double[] upper,
      Function<double[], TaskSet> tasks) {
    Shape {
      if (lower.length != upper.length) {
        throw new IllegalArgumentException("shape corners differ in length");
      }
      lower = lower.clone();
      upper = upper.clone();
    }

    /** E.g. {@code separable non-convex d=2 m=1}. */
    String description() {
      return family + " d=" + dimension + " m=" + taskCount;
    }
  }

  private final String family;
  private final List<Shape> shapes;
  private final Function<TaskSet, Map<String, Double>> constants;
  private final Predicate<TaskSet> admitsTasks;
  private final List<ParameterRange> parameters;

  /**
   * @param family the domain's name (instances carry their shape's family)
   * @param shapes the shapes, in search order
   * @param constants the constants the parameter ranges may refer to
   * @param admitsTasks whether a (shrunk) task set still belongs to the family
   * @param parameters the parameter ranges, in decoding order
   */
  FamilyDomain(
      String family,
      List<Shape> shapes,
      Function<TaskSet, Map<String, Double>> constants,
      Predicate<TaskSet> admitsTasks,
      List<ParameterRange> parameters) {
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException("a domain needs at least one shape");
    }
    this.family = family;
    this.shapes = List.copyOf(shapes);
    this.constants = constants;
    this.admitsTasks = admitsTasks;
    this.parameters = List.copyOf(parameters);
  }

  @Override
  public String description() {
    StringBuilder s = new StringBuilder(family).append(": ");
    for (int i = 0; i < shapes.size(); i++) {
      s.append(i == 0 ? "" : " | ").append(shapes.get(i).description());
    }
    for (ParameterRange p : parameters) {
      s.append(", ").append(p.name()).append(" ∈ ").append(p.description());
    }
    return s.toString();
  }

  @Override
  public List<SearchSpace> searchSpaces() {
    List<SearchSpace> spaces = new ArrayList<>();
    for (Shape shape : shapes) {
      spaces.add(new Space(shape));
    }
    return spaces;
  }

  /** The shapes' families (instances carry their shape's family). */
  @Override
  public java.util.Set<String> families() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    shapes.forEach(shape -> names.add(shape.family()));
    return names;
  }

  @Override
  public boolean admits(Instance instance) {
    boolean named = false;
    for (Shape shape : shapes) {
      named |= shape.family().equals(instance.family());
    }
    return named
        && admitsTasks.test(instance.tasks())
        && parameters(instance.family(), instance.tasks()).admits(instance);
  }

  /** The parameters over a fixed task set: they decode and admit exactly as a ParameterDomain. */
  private ParameterDomain parameters(String name, TaskSet tasks) {
    return new ParameterDomain(name, tasks, constants.apply(tasks), parameters);
  }

  private final class Space implements SearchSpace {
    private final Shape shape;
    private final int taskCoordinates;

    Space(Shape shape) {
      this.shape = shape;
      this.taskCoordinates = shape.lower().length;
    }

    @Override
    public String description() {
      return shape.description();
    }

    @Override
    public double[] lowerBounds() {
      return Arrays.copyOf(shape.lower(), taskCoordinates + parameters.size());
    }

    @Override
    public double[] upperBounds() {
      double[] upper = Arrays.copyOf(shape.upper(), taskCoordinates + parameters.size());
      Arrays.fill(upper, taskCoordinates, upper.length, 1.0);
      return upper;
    }

    @Override
    public Instance decode(double[] point, long seed) {
      if (point.length != taskCoordinates + parameters.size()) {
        throw new IllegalArgumentException(
            shape.description()
                + " has "
                + (taskCoordinates + parameters.size())
                + " coordinates, got "
                + point.length);
      }
      TaskSet tasks = shape.tasks().apply(Arrays.copyOf(point, taskCoordinates));
      return parameters(shape.family(), tasks)
          .searchSpaces()
          .get(0)
          .decode(Arrays.copyOfRange(point, taskCoordinates, point.length), seed);
    }
  }
}
