package io.metabound.experiments.check;

import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.family.TaskFamilyConstants;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task sets of separable non-convex losses {@code f_i(w) = Σ_k a_{ik} log(1 + (w_k − c_{ik})²)}
 * ({@link SeparableNonconvexLoss}): smooth, bounded below, with negative curvature and a Hessian
 * whose Lipschitz constant {@code ρ} is known exactly, so bounds whose {@code ρ}-terms vanish on
 * quadratics are exercised.
 *
 * <p>Continuous parametrisation of one shape (dimension {@code d}, task count {@code m}), task by
 * task: the {@code d} weights {@code a_{ik} ∈ [a_lo, a_hi]} and the {@code d} centre coordinates
 * {@code c_{ik} ∈ [−r, r]}; with {@link Builder#shiftedOuterCentre} the outer (query) loss keeps
 * the weights and gets its own centre {@code e_i ∈ [−r, r]^d} (the finite-sum case with a finite
 * support/query gap); then {@code d} coordinates per {@link VectorParameter}, then one coordinate
 * {@code u ∈ [0, 1]} per scalar parameter. Parameter ranges may refer to the exact constants {@code
 * L = 2 max a}, {@code rho = max a (3 + 2√2)/2} (maxima over every inner and outer loss), {@code mu
 * = −max a/4} (the smallest curvature of the inner losses), {@code d} and {@code m}. All weights
 * are 1.
 */
public final class SeparableDomain implements InstanceDomain {

  private final String family;
  private final int minDimension;
  private final int maxDimension;
  private final int minTasks;
  private final int maxTasks;
  private final double minWeight;
  private final double maxWeight;
  private final double centreRadius;
  private final boolean shiftedOuterCentre;
  private final DomainParameters parameters;

  private SeparableDomain(Builder b) {
    this.family = b.family;
    this.minDimension = b.minDimension;
    this.maxDimension = b.maxDimension;
    this.minTasks = b.minTasks;
    this.maxTasks = b.maxTasks;
    this.minWeight = b.minWeight;
    this.maxWeight = b.maxWeight;
    this.centreRadius = b.centreRadius;
    this.shiftedOuterCentre = b.shiftedOuterCentre;
    this.parameters = new DomainParameters(b.vectors, b.parameters);
  }

  public static Builder builder(String family) {
    return new Builder(family);
  }

  /**
   * The constants parameter ranges refer to: {@code L}, {@code rho} (exact, {@link
   * TaskFamilyConstants}), {@code mu} (smallest inner curvature), {@code d}, {@code m}.
   */
  public static Map<String, Double> constants(TaskSet tasks) {
    TaskFamilyConstants known = TaskFamilyConstants.of(tasks, Double.POSITIVE_INFINITY);
    double mu = Double.POSITIVE_INFINITY;
    for (MetaTask t : tasks.tasks()) {
      mu = Math.min(mu, separable(t.inner()).smallestCurvature());
    }
    Map<String, Double> c = new TreeMap<>();
    c.put("L", known.smoothness().value());
    c.put("rho", known.hessianLipschitz().value());
    c.put("mu", mu);
    c.put("d", (double) tasks.dimension());
    c.put("m", (double) tasks.size());
    return c;
  }

  @Override
  public String description() {
    StringBuilder s = new StringBuilder(family);
    s.append(": separable log(1 + u²) losses, d ∈ {")
        .append(minDimension)
        .append("…")
        .append(maxDimension)
        .append("}, m ∈ {")
        .append(minTasks)
        .append("…")
        .append(maxTasks)
        .append("}, a ∈ [")
        .append(minWeight)
        .append(", ")
        .append(maxWeight)
        .append("], |c_k| ≤ ")
        .append(centreRadius);
    if (shiftedOuterCentre) {
      s.append(", outer loss with its own centre");
    }
    parameters.describe(s);
    return s.toString();
  }

  @Override
  public List<SearchSpace> searchSpaces() {
    List<SearchSpace> spaces = new ArrayList<>();
    for (int d = minDimension; d <= maxDimension; d++) {
      for (int m = minTasks; m <= maxTasks; m++) {
        spaces.add(new Shape(d, m));
      }
    }
    return spaces;
  }

  @Override
  public boolean admits(Instance instance) {
    int d = instance.dimension();
    int m = instance.taskCount();
    if (d < minDimension || d > maxDimension || m < minTasks || m > maxTasks) {
      return false;
    }
    for (MetaTask t : instance.tasks().tasks()) {
      if (!(t.inner() instanceof SeparableNonconvexLoss inner)
          || !(t.outer() instanceof SeparableNonconvexLoss outer)) {
        return false;
      }
      if (!inRange(inner)
          || !inRange(outer)
          || !java.util.Arrays.equals(inner.weights(), outer.weights())
          || (!shiftedOuterCentre && !java.util.Arrays.equals(inner.centre(), outer.centre()))) {
        return false;
      }
    }
    return parameters.admits(instance, constants(instance.tasks()));
  }

  private boolean inRange(SeparableNonconvexLoss loss) {
    for (double a : loss.weights()) {
      if (a < minWeight * (1 - 1e-12) || a > maxWeight * (1 + 1e-12)) {
        return false;
      }
    }
    for (double c : loss.centre()) {
      if (Math.abs(c) > centreRadius * (1 + 1e-12)) {
        return false;
      }
    }
    return true;
  }

  private static SeparableNonconvexLoss separable(SmoothLoss loss) {
    if (loss instanceof SeparableNonconvexLoss s) {
      return s;
    }
    throw new IllegalArgumentException("not a separable loss: " + loss.getClass().getSimpleName());
  }

  private final class Shape implements SearchSpace {
    private final int d;
    private final int m;
    private final int perTask;

    Shape(int d, int m) {
      this.d = d;
      this.m = m;
      this.perTask = shiftedOuterCentre ? 3 * d : 2 * d;
    }

    @Override
    public String description() {
      return family + " d=" + d + " m=" + m;
    }

    private int size() {
      return m * perTask + parameters.size(d);
    }

    @Override
    public double[] lowerBounds() {
      return corner(true);
    }

    @Override
    public double[] upperBounds() {
      return corner(false);
    }

    private double[] corner(boolean lower) {
      double[] x = new double[size()];
      int at = 0;
      for (int i = 0; i < m; i++) {
        for (int k = 0; k < d; k++) {
          x[at++] = lower ? minWeight : maxWeight;
        }
        for (int k = 0; k < perTask - d; k++) {
          x[at++] = lower ? -centreRadius : centreRadius;
        }
      }
      parameters.corner(x, at, d, lower);
      return x;
    }

    @Override
    public Instance decode(double[] point, long seed) {
      if (point.length != size()) {
        throw new IllegalArgumentException(
            description() + " has " + size() + " coordinates, got " + point.length);
      }
      List<MetaTask> tasks = new ArrayList<>(m);
      int at = 0;
      for (int i = 0; i < m; i++) {
        double[] a = java.util.Arrays.copyOfRange(point, at, at + d);
        double[] c = java.util.Arrays.copyOfRange(point, at + d, at + 2 * d);
        SeparableNonconvexLoss inner = new SeparableNonconvexLoss(a, c);
        SeparableNonconvexLoss outer = inner;
        if (shiftedOuterCentre) {
          outer =
              new SeparableNonconvexLoss(
                  a, java.util.Arrays.copyOfRange(point, at + 2 * d, at + 3 * d));
        }
        at += perTask;
        tasks.add(new MetaTask(inner, outer, 1.0));
      }
      TaskSet taskSet = new TaskSet(tasks);
      return new Instance(
          taskSet, parameters.decode(point, at, d, constants(taskSet)), seed, family);
    }
  }

  /** Builder with defaults d = 1…3, m = 1…3, weights in [0.1, 1], centres in [−1, 1]. */
  public static final class Builder {
    private final String family;
    private int minDimension = 1;
    private int maxDimension = 3;
    private int minTasks = 1;
    private int maxTasks = 3;
    private double minWeight = 0.1;
    private double maxWeight = 1;
    private double centreRadius = 1;
    private boolean shiftedOuterCentre = false;
    private final List<VectorParameter> vectors = new ArrayList<>();
    private final List<ParameterRange> parameters = new ArrayList<>();

    private Builder(String family) {
      this.family = family;
    }

    public Builder dimensions(int min, int max) {
      DomainParameters.checkCounts(min, max, "dimensions");
      this.minDimension = min;
      this.maxDimension = max;
      return this;
    }

    public Builder taskCounts(int min, int max) {
      DomainParameters.checkCounts(min, max, "task counts");
      this.minTasks = min;
      this.maxTasks = max;
      return this;
    }

    /** Weights {@code a_{ik} ∈ [min, max]}, {@code 0 < min <= max} (so {@code L > 0}). */
    public Builder weights(double min, double max) {
      if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
        throw new IllegalArgumentException(
            "weights need 0 < min <= max < ∞, got " + min + ", " + max);
      }
      this.minWeight = min;
      this.maxWeight = max;
      return this;
    }

    public Builder centreRadius(double radius) {
      if (!(radius >= 0) || Double.isInfinite(radius)) {
        throw new IllegalArgumentException("centre radius must be finite and >= 0, got " + radius);
      }
      this.centreRadius = radius;
      return this;
    }

    /** The outer loss keeps the weights and gets its own centre (Ji2022's finite-sum case). */
    public Builder shiftedOuterCentre(boolean on) {
      this.shiftedOuterCentre = on;
      return this;
    }

    /** Adds a point {@code name0 … name(d−1)} with coordinates in {@code [−radius, radius]}. */
    public Builder vector(String name, double radius) {
      DomainParameters.addVector(vectors, name, radius);
      return this;
    }

    /** Adds a scalar parameter; later parameters may depend on earlier ones. */
    public Builder parameter(ParameterRange range) {
      DomainParameters.addScalar(parameters, range);
      return this;
    }

    public SeparableDomain build() {
      return new SeparableDomain(this);
    }
  }
}
