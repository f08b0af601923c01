package io.metabound.experiments.check;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Quadratic task sets {@code f_i(w) = ½ (w − c_i)ᵀ H_i (w − c_i)} with {@code H_i = Q_i diag(λ_i)
 * Q_iᵀ}, and scalar parameters with ranges that may depend on the tasks' constants.
 *
 * <p>Continuous parametrisation of one shape (dimension {@code d}, task count {@code m}), task by
 * task: the {@code d} eigenvalues {@code λ_i ∈ [λ_lo, λ_hi]}, the {@code d(d−1)/2} Givens angles
 * {@code θ ∈ [0, π]} of {@code Q_i = Π_{p<q} G(p, q, θ_pq)} (when rotations are on), the {@code d}
 * centre coordinates {@code c_i ∈ [−r, r]}; the same again for the outer (test) loss {@code G_i,
 * e_i} when the tasks have separate outer losses (only the {@code d} centre coordinates of {@code
 * e_i} when the outer loss shares the inner Hessian, {@code G_i = H_i}); then {@code d} coordinates
 * in {@code [−r_v, r_v]} per {@link VectorParameter} (a point such as {@code w}, decoded to {@code
 * w0 … w(d−1)}); then one coordinate {@code u ∈ [0, 1]} per scalar parameter, decoded in
 * declaration order by {@link ParameterRange#decode}. All weights are 1.
 */
public final class QuadraticDomain implements InstanceDomain {

  private final String family;
  private final int minDimension;
  private final int maxDimension;
  private final int minTasks;
  private final int maxTasks;
  private final double minEigenvalue;
  private final double maxEigenvalue;
  private final double centreRadius;
  private final boolean rotations;
  private final boolean separateOuterLoss;
  private final boolean separateOuterCentre;
  private final DomainParameters parameters;

  private QuadraticDomain(Builder b) {
    this.family = b.family;
    this.minDimension = b.minDimension;
    this.maxDimension = b.maxDimension;
    this.minTasks = b.minTasks;
    this.maxTasks = b.maxTasks;
    this.minEigenvalue = b.minEigenvalue;
    this.maxEigenvalue = b.maxEigenvalue;
    this.centreRadius = b.centreRadius;
    this.rotations = b.rotations;
    this.separateOuterLoss = b.separateOuterLoss;
    this.separateOuterCentre = b.separateOuterCentre;
    this.parameters = new DomainParameters(b.vectors, b.parameters);
  }

  public static Builder builder(String family) {
    return new Builder(family);
  }

  @Override
  public String description() {
    StringBuilder s = new StringBuilder(family);
    s.append(": d ∈ {").append(minDimension).append("…").append(maxDimension).append("}");
    s.append(", m ∈ {").append(minTasks).append("…").append(maxTasks).append("}");
    s.append(", eig ∈ [").append(minEigenvalue).append(", ").append(maxEigenvalue).append("]");
    s.append(", |c_j| ≤ ").append(centreRadius);
    s.append(rotations ? ", rotated" : ", diagonal");
    if (separateOuterLoss) {
      s.append(", separate outer loss");
    } else if (separateOuterCentre) {
      s.append(", outer loss with the inner Hessian and its own centre");
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

  /**
   * Checks shape, eigenvalue range, centre radius and parameter ranges of an instance (for instance
   * one simplified by the shrinker).
   */
  @Override
  public boolean admits(Instance instance) {
    if (!instance.isQuadratic()) {
      return false;
    }
    int d = instance.dimension();
    int m = instance.taskCount();
    if (d < minDimension || d > maxDimension || m < minTasks || m > maxTasks) {
      return false;
    }
    double slack = 1e-12 * Math.max(1, Math.max(Math.abs(minEigenvalue), Math.abs(maxEigenvalue)));
    for (MetaTask t : instance.tasks().tasks()) {
      for (QuadraticLoss q : List.of((QuadraticLoss) t.inner(), (QuadraticLoss) t.outer())) {
        if (!separateOuterLoss && q != t.inner() && !q.equals(t.inner())) {
          boolean sameHessian =
              java.util.Arrays.equals(q.hessian(), ((QuadraticLoss) t.inner()).hessian());
          if (!separateOuterCentre || !sameHessian) {
            return false;
          }
        }
        for (double e : QuadraticInstanceConstants.eigenvalues(q)) {
          if (e < minEigenvalue - slack || e > maxEigenvalue + slack) {
            return false;
          }
        }
        for (double c : q.centre()) {
          if (Math.abs(c) > centreRadius * (1 + 1e-12)) {
            return false;
          }
        }
      }
    }
    return parameters.admits(instance, QuadraticInstanceConstants.of(instance.tasks()));
  }

  private final class Shape implements SearchSpace {
    private final int d;
    private final int m;
    private final int angles;
    private final int perLoss;
    private final int perTask;

    Shape(int d, int m) {
      this.d = d;
      this.m = m;
      this.angles = rotations ? d * (d - 1) / 2 : 0;
      this.perLoss = d + angles + d;
      this.perTask = separateOuterLoss ? 2 * perLoss : separateOuterCentre ? perLoss + d : perLoss;
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
      for (int i = 0; i < m * (separateOuterLoss ? 2 : 1); i++) {
        for (int k = 0; k < d; k++) {
          x[at++] = lower ? minEigenvalue : maxEigenvalue;
        }
        for (int k = 0; k < angles; k++) {
          x[at++] = lower ? 0 : Math.PI;
        }
        for (int k = 0; k < d; k++) {
          x[at++] = lower ? -centreRadius : centreRadius;
        }
        if (separateOuterCentre && !separateOuterLoss) {
          for (int k = 0; k < d; k++) {
            x[at++] = lower ? -centreRadius : centreRadius;
          }
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
        QuadraticLoss inner = loss(point, at);
        at += perLoss;
        QuadraticLoss outer = inner;
        if (separateOuterLoss) {
          outer = loss(point, at);
          at += perLoss;
        } else if (separateOuterCentre) {
          double[] e = new double[d];
          System.arraycopy(point, at, e, 0, d);
          at += d;
          outer = new QuadraticLoss(inner.hessian(), e);
        }
        tasks.add(new MetaTask(inner, outer, 1.0));
      }
      TaskSet taskSet = new TaskSet(tasks);
      return new Instance(
          taskSet,
          parameters.decode(point, at, d, QuadraticInstanceConstants.of(taskSet)),
          seed,
          family);
    }

    private QuadraticLoss loss(double[] x, int at) {
      double[] lambda = new double[d];
      System.arraycopy(x, at, lambda, 0, d);
      double[] q = identity(d);
      int a = at + d;
      for (int p = 0; p < d; p++) {
        for (int r = p + 1; r < d && rotations; r++) {
          rotateColumns(q, d, p, r, x[a++]);
        }
      }
      double[] h = new double[d * d];
      // H = Q diag(λ) Qᵀ, symmetrised entry by entry
      for (int r = 0; r < d; r++) {
        for (int k = r; k < d; k++) {
          double s = 0;
          for (int j = 0; j < d; j++) {
            s += q[r * d + j] * lambda[j] * q[k * d + j];
          }
          h[r * d + k] = s;
          h[k * d + r] = s;
        }
      }
      double[] c = new double[d];
      System.arraycopy(x, at + d + angles, c, 0, d);
      return new QuadraticLoss(h, c);
    }
  }

  private static double[] identity(int d) {
    double[] q = new double[d * d];
    for (int i = 0; i < d; i++) {
      q[i * d + i] = 1;
    }
    return q;
  }

  /** {@code Q ← Q G(p, r, θ)}: rotates columns p and r of Q by θ. */
  private static void rotateColumns(double[] q, int d, int p, int r, double theta) {
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    for (int row = 0; row < d; row++) {
      double a = q[row * d + p];
      double b = q[row * d + r];
      q[row * d + p] = cos * a - sin * b;
      q[row * d + r] = sin * a + cos * b;
    }
  }

  /** Builder with defaults d = 1…3, m = 1…3, eigenvalues in [0, 1], centres in [−1, 1]. */
  public static final class Builder {
    private final String family;
    private int minDimension = 1;
    private int maxDimension = 3;
    private int minTasks = 1;
    private int maxTasks = 3;
    private double minEigenvalue = 0;
    private double maxEigenvalue = 1;
    private double centreRadius = 1;
    private boolean rotations = true;
    private boolean separateOuterLoss = false;
    private boolean separateOuterCentre = false;
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

    public Builder eigenvalues(double min, double max) {
      if (!(min <= max)) {
        throw new IllegalArgumentException(
            "eigenvalue range needs min <= max, got " + min + ", " + max);
      }
      this.minEigenvalue = min;
      this.maxEigenvalue = max;
      return this;
    }

    /** Centre coordinates in {@code [−radius, radius]}; 0 fixes every centre at the origin. */
    public Builder centreRadius(double radius) {
      if (!(radius >= 0)) {
        throw new IllegalArgumentException("centre radius must be >= 0, got " + radius);
      }
      this.centreRadius = radius;
      return this;
    }

    public Builder rotations(boolean on) {
      this.rotations = on;
      return this;
    }

    /** Tasks get a separate outer (test) loss {@code ½(w−e)ᵀG(w−e)} (finite-sum case). */
    public Builder separateOuterLoss(boolean on) {
      this.separateOuterLoss = on;
      return this;
    }

    /**
     * The outer (test) loss keeps the inner Hessian and gets its own centre, {@code ½(w − e)ᵀH(w −
     * e)}: the finite-sum case in which Ji2022's support/query gap {@code b_i = ‖H_i(c_i − e_i)‖}
     * is finite. Ignored when {@link #separateOuterLoss} is on.
     */
    public Builder separateOuterCentre(boolean on) {
      this.separateOuterCentre = on;
      return this;
    }

    /** Adds a point {@code name0 … name(d−1)} with coordinates in {@code [−radius, radius]}. */
    public Builder vector(String name, double radius) {
      DomainParameters.addVector(vectors, name, radius);
      return this;
    }

    /** Adds a parameter; later parameters may depend on earlier ones. */
    public Builder parameter(ParameterRange range) {
      DomainParameters.addScalar(parameters, range);
      return this;
    }

    public QuadraticDomain build() {
      return new QuadraticDomain(this);
    }
  }
}
