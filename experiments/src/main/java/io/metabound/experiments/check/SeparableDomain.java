package io.metabound.experiments.check;

import io.metabound.experiments.family.SeparableCosineLoss;
import io.metabound.experiments.family.SeparableLoss;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.family.TaskFamilyConstants;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
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
 * support/query gap); with {@link Builder#anchor} every task also gets a convex quadratic anchor
 * {@code (q_k/2)(w_k − e_k)²}, shared by its inner and outer loss, with {@code q_{ik} ∈ [q_lo,
 * q_hi]} and {@code e_{ik} ∈ [−R, R]} (a distant centre makes the gradient large where the third
 * derivative is, so ρ-terms of bounds matter); then {@code d} coordinates per {@link
 * VectorParameter}, then one coordinate {@code u ∈ [0, 1]} per scalar parameter. Parameter ranges
 * may refer to the exact constants {@code L = max(2a + q)}, {@code rho = max a (3 + 2√2)/2} (maxima
 * over every inner and outer loss), {@code mu = min(q − a/4)} (the smallest curvature of the inner
 * losses), {@code d} and {@code m}. All task weights (probabilities) are 1.
 *
 * <p>With {@link Builder#term} {@link Term#COSINE} the per-coordinate term is {@code a(1 − cos(w_k −
 * c_k))} instead ({@link SeparableCosineLoss}: bounded below, curvature in {@code [−a, a]}, exact
 * {@code L = rho = max a}, {@code mu = −max a}); the parametrisation, the outer-centre option and
 * the parameters are the same, the anchor is not available.
 */
public final class SeparableDomain extends ShapedDomain {

  /** The per-coordinate term of the losses. */
  public enum Term {
    /** {@code a log(1 + (w_k − c_k)²)}: {@link SeparableNonconvexLoss}, curvature down to −a/4. */
    LOG,
    /** {@code a (1 − cos(w_k − c_k))}: {@link SeparableCosineLoss}, curvature down to −a. */
    COSINE
  }

  private final Term term;

  private final double minWeight;
  private final double maxWeight;
  private final double centreRadius;
  private final boolean shiftedOuterCentre;
  private final boolean anchored;
  private final double minAnchorCurvature;
  private final double maxAnchorCurvature;
  private final double anchorRadius;

  private SeparableDomain(Builder b) {
    super(b);
    this.term = b.term;
    this.minWeight = b.minWeight;
    this.maxWeight = b.maxWeight;
    this.centreRadius = b.centreRadius;
    this.shiftedOuterCentre = b.shiftedOuterCentre;
    this.anchored = b.anchored;
    this.minAnchorCurvature = b.minAnchorCurvature;
    this.maxAnchorCurvature = b.maxAnchorCurvature;
    this.anchorRadius = b.anchorRadius;
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
    StringBuilder s =
        new StringBuilder(family)
            .append(term == Term.COSINE ? ": separable a(1 − cos u) losses, " : ": separable log(1 + u²) losses, ");
    describeShapes(s);
    s.append(", a ∈ [")
        .append(minWeight)
        .append(", ")
        .append(maxWeight)
        .append("], |c_k| ≤ ")
        .append(centreRadius);
    if (shiftedOuterCentre) {
      s.append(", outer loss with its own centre");
    }
    if (anchored) {
      s.append(", anchor (q/2)(w − e)² with q ∈ [")
          .append(minAnchorCurvature)
          .append(", ")
          .append(maxAnchorCurvature)
          .append("], |e_k| ≤ ")
          .append(anchorRadius);
    }
    parameters.describe(s);
    return s.toString();
  }

  @Override
  Shape shape(int d, int m) {
    return new SeparableShape(d, m);
  }

  @Override
  Map<String, Double> parameterConstants(TaskSet tasks) {
    return constants(tasks);
  }

  @Override
  public boolean admits(Instance instance) {
    if (!admitsShape(instance)) {
      return false;
    }
    for (MetaTask t : instance.tasks().tasks()) {
      if (term == Term.COSINE) {
        if (!(t.inner() instanceof SeparableCosineLoss inner)
            || !(t.outer() instanceof SeparableCosineLoss outer)
            || !inRange(inner)
            || !inRange(outer)
            || !java.util.Arrays.equals(inner.weights(), outer.weights())
            || (!shiftedOuterCentre && !inner.equals(outer))) {
          return false;
        }
        continue;
      }
      if (!(t.inner() instanceof SeparableNonconvexLoss inner)
          || !(t.outer() instanceof SeparableNonconvexLoss outer)) {
        return false;
      }
      if (!inRange(inner)
          || !inRange(outer)
          || !java.util.Arrays.equals(inner.weights(), outer.weights())
          || !java.util.Arrays.equals(inner.anchorCurvatures(), outer.anchorCurvatures())
          || !java.util.Arrays.equals(inner.anchorCentre(), outer.anchorCentre())
          || (!shiftedOuterCentre && !java.util.Arrays.equals(inner.centre(), outer.centre()))) {
        return false;
      }
    }
    return admitsParameters(instance);
  }

  /** Weights and centre within the domain's ranges. */
  private boolean inRange(SeparableLoss loss) {
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

  private boolean inRange(SeparableNonconvexLoss loss) {
    if (!inRange((SeparableLoss) loss)) {
      return false;
    }
    if (!anchored) {
      return !loss.isAnchored();
    }
    for (double q : loss.anchorCurvatures()) {
      if (q < minAnchorCurvature * (1 - 1e-12) || q > maxAnchorCurvature * (1 + 1e-12)) {
        return false;
      }
    }
    for (double e : loss.anchorCentre()) {
      if (Math.abs(e) > anchorRadius * (1 + 1e-12)) {
        return false;
      }
    }
    return true;
  }

  private static SeparableLoss separable(SmoothLoss loss) {
    if (loss instanceof SeparableLoss s) {
      return s;
    }
    throw new IllegalArgumentException("not a separable loss: " + loss.getClass().getSimpleName());
  }

  private final class SeparableShape extends Shape {

    /** Blocks of d coordinates: weights, centre, [outer centre], [anchor curvatures, centre]. */
    SeparableShape(int d, int m) {
      super(d, m, d * (2 + (shiftedOuterCentre ? 1 : 0) + (anchored ? 2 : 0)));
    }

    @Override
    void taskCorner(double[] x, int at, boolean lower) {
      for (int k = 0; k < d; k++) {
        x[at++] = lower ? minWeight : maxWeight;
      }
      for (int k = 0; k < (shiftedOuterCentre ? 2 * d : d); k++) {
        x[at++] = lower ? -centreRadius : centreRadius;
      }
      if (anchored) {
        for (int k = 0; k < d; k++) {
          x[at++] = lower ? minAnchorCurvature : maxAnchorCurvature;
        }
        for (int k = 0; k < d; k++) {
          x[at++] = lower ? -anchorRadius : anchorRadius;
        }
      }
    }

    @Override
    MetaTask task(double[] point, int at) {
      double[] a = java.util.Arrays.copyOfRange(point, at, at + d);
      double[] c = java.util.Arrays.copyOfRange(point, at + d, at + 2 * d);
      int next = at + 2 * d;
      double[] outerCentre = c;
      if (shiftedOuterCentre) {
        outerCentre = java.util.Arrays.copyOfRange(point, next, next + d);
        next += d;
      }
      if (term == Term.COSINE) {
        SeparableCosineLoss inner = new SeparableCosineLoss(a, c);
        return new MetaTask(inner, shiftedOuterCentre ? inner.withCentre(outerCentre) : inner, 1.0);
      }
      double[] q = new double[d];
      double[] e = new double[d];
      if (anchored) {
        q = java.util.Arrays.copyOfRange(point, next, next + d);
        e = java.util.Arrays.copyOfRange(point, next + d, next + 2 * d);
      }
      SeparableNonconvexLoss inner = new SeparableNonconvexLoss(a, c, q, e);
      SeparableNonconvexLoss outer = shiftedOuterCentre ? inner.withCentre(outerCentre) : inner;
      return new MetaTask(inner, outer, 1.0);
    }
  }

  /** Builder with defaults d = 1…3, m = 1…3, weights in [0.1, 1], centres in [−1, 1]. */
  public static final class Builder extends ShapedDomain.Builder<SeparableDomain, Builder> {
    private Term term = Term.LOG;
    private double minWeight = 0.1;
    private double maxWeight = 1;
    private double centreRadius = 1;
    private boolean shiftedOuterCentre = false;
    private boolean anchored = false;
    private double minAnchorCurvature;
    private double maxAnchorCurvature;
    private double anchorRadius;

    private Builder(String family) {
      super(family);
    }

    @Override
    Builder self() {
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

    /** The per-coordinate term of the losses (default {@link Term#LOG}). */
    public Builder term(Term newTerm) {
      this.term = java.util.Objects.requireNonNull(newTerm, "term");
      return this;
    }

    /** The outer loss keeps the weights and gets its own centre (Ji2022's finite-sum case). */
    public Builder shiftedOuterCentre(boolean on) {
      this.shiftedOuterCentre = on;
      return this;
    }

    /**
     * Every task gets a convex quadratic anchor {@code (q_k/2)(w_k − e_k)²} (shared by its inner
     * and outer loss) with {@code q_k ∈ [min, max]}, {@code 0 <= min <= max}, and {@code e_k ∈
     * [−radius, radius]}.
     */
    public Builder anchor(double min, double max, double radius) {
      if (!(min >= 0) || !(max >= min) || Double.isInfinite(max)) {
        throw new IllegalArgumentException(
            "anchor curvatures need 0 <= min <= max < ∞, got " + min + ", " + max);
      }
      if (!(radius >= 0) || Double.isInfinite(radius)) {
        throw new IllegalArgumentException("anchor radius must be finite and >= 0, got " + radius);
      }
      this.anchored = true;
      this.minAnchorCurvature = min;
      this.maxAnchorCurvature = max;
      this.anchorRadius = radius;
      return this;
    }

    @Override
    public SeparableDomain build() {
      if (term == Term.COSINE && anchored) {
        throw new IllegalArgumentException("the cosine term has no anchor option");
      }
      return new SeparableDomain(this);
    }
  }
}
