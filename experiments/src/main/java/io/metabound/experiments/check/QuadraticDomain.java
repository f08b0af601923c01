package io.metabound.experiments.check;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;

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
public final class QuadraticDomain extends ShapedDomain {

  private final double minEigenvalue;
  private final double maxEigenvalue;
  private final double centreRadius;
  private final boolean rotations;
  private final boolean separateOuterLoss;
  private final boolean separateOuterCentre;

  private QuadraticDomain(Builder b) {
    super(b);
    this.minEigenvalue = b.minEigenvalue;
    this.maxEigenvalue = b.maxEigenvalue;
    this.centreRadius = b.centreRadius;
    this.rotations = b.rotations;
    this.separateOuterLoss = b.separateOuterLoss;
    this.separateOuterCentre = b.separateOuterCentre;
  }

  public static Builder builder(String family) {
    return new Builder(family);
  }

  @Override
  public String description() {
    StringBuilder s = new StringBuilder(family).append(": ");
    describeShapes(s);
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
  Shape shape(int d, int m) {
    return new QuadraticShape(d, m);
  }

  @Override
  Map<String, Double> parameterConstants(TaskSet tasks) {
    return QuadraticInstanceConstants.of(tasks);
  }

  /**
   * Checks shape, eigenvalue range, centre radius and parameter ranges of an instance (for instance
   * one simplified by the shrinker).
   */
  @Override
  public boolean admits(Instance instance) {
    if (!instance.isQuadratic() || !admitsShape(instance)) {
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
    return admitsParameters(instance);
  }

  private final class QuadraticShape extends Shape {
    private final int angles;
    private final int perLoss;

    QuadraticShape(int d, int m) {
      super(d, m, coordinatesPerTask(d));
      this.angles = angles(d);
      this.perLoss = lossCoordinates(d);
    }

    @Override
    void taskCorner(double[] x, int at, boolean lower) {
      for (int loss = 0; loss < (separateOuterLoss ? 2 : 1); loss++) {
        for (int k = 0; k < d; k++) {
          x[at++] = lower ? minEigenvalue : maxEigenvalue;
        }
        for (int k = 0; k < angles; k++) {
          x[at++] = lower ? 0 : Math.PI;
        }
        for (int k = 0; k < d; k++) {
          x[at++] = lower ? -centreRadius : centreRadius;
        }
      }
      if (separateOuterCentre && !separateOuterLoss) {
        for (int k = 0; k < d; k++) {
          x[at++] = lower ? -centreRadius : centreRadius;
        }
      }
    }

    @Override
    MetaTask task(double[] point, int at) {
      QuadraticLoss inner = loss(point, at);
      at += perLoss;
      QuadraticLoss outer = inner;
      if (separateOuterLoss) {
        outer = loss(point, at);
      } else if (separateOuterCentre) {
        double[] e = new double[d];
        System.arraycopy(point, at, e, 0, d);
        outer = new QuadraticLoss(inner.hessian(), e);
      }
      return new MetaTask(inner, outer, 1.0);
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

  /** Givens angles of one rotation {@code Q}: {@code d(d−1)/2}, or none without rotations. */
  private int angles(int d) {
    return rotations ? d * (d - 1) / 2 : 0;
  }

  /** Coordinates of one loss: eigenvalues, angles, centre. */
  private int lossCoordinates(int d) {
    return d + angles(d) + d;
  }

  /** Coordinates of one task: its inner loss, then its outer loss or outer centre, if separate. */
  private int coordinatesPerTask(int d) {
    int perLoss = lossCoordinates(d);
    return separateOuterLoss ? 2 * perLoss : separateOuterCentre ? perLoss + d : perLoss;
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
  public static final class Builder extends ShapedDomain.Builder<QuadraticDomain, Builder> {
    private double minEigenvalue = 0;
    private double maxEigenvalue = 1;
    private double centreRadius = 1;
    private boolean rotations = true;
    private boolean separateOuterLoss = false;
    private boolean separateOuterCentre = false;

    private Builder(String family) {
      super(family);
    }

    @Override
    Builder self() {
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

    @Override
    public QuadraticDomain build() {
      return new QuadraticDomain(this);
    }
  }
}
