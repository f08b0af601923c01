package io.metabound.experiments.algorithm;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Implicit MAML (Rajeswaran, Finn, Kakade and Levine 2019, Algorithm 2 and Definitions 1–2).
 *
 * <p>Inner problem of task {@code i}: {@code G_i(φ, θ) = l_S(φ) + (λ/2)‖φ − θ‖²} (their (4), with
 * {@code l_S = \hat L_i}, the training loss). {@code Alg_i(θ)}: {@code K} gradient-descent steps
 * with rate η from {@code φ_0 = θ}:
 *
 * <pre>
 *   φ_{k+1} = φ_k − η (∇l_S(φ_k) + λ(φ_k − θ))
 * </pre>
 *
 * <p>Then the implicit meta-gradient (Lemma 1, eq. (6)) {@code g_i ≈ (I + ∇²l_S(φ)/λ)^{-1} ∇l_T(φ)}
 * by {@code k} conjugate-gradient steps from {@code g = 0} on the SPD system {@code (I +
 * ∇²l_S(φ)/λ) g = ∇l_T(φ)}, using Hessian-vector products only. CG minimises {@code ½gᵀAg − gᵀv};
 * the paper's (7) is printed without the ½, whose minimiser is half the target (docs/THEOREMS.md
 * §4). The matrix is SPD when {@code λ + λ_min(∇²l_S(φ)) > 0}; otherwise CG stops on the first
 * non-positive curvature.
 *
 * <p>{@link LinearSolve#DENSE} replaces CG by a dense LU solve of the same system (forming the
 * Hessian; allocates; for tests and oracles). The estimator {@code Ĝ_i = g_i}; iMAML's update is
 * {@code θ ← θ − η_outer Σ p_i g_i} (eq. (5)). {@link #estimate} with CG does not allocate.
 */
public final class ImplicitMaml extends TaskSetEstimator {

  /** How the implicit linear system is solved. */
  public enum LinearSolve {
    /** {@code k} conjugate-gradient steps from 0, Hessian-vector products only (the algorithm). */
    CONJUGATE_GRADIENT,
    /** Dense LU of {@code I + ∇²l_S(φ)/λ} (exact up to rounding; for tests). */
    DENSE
  }

  private final double lambda;
  private final int innerSteps;
  private final double innerRate;
  private final int cgSteps;
  private final LinearSolve solve;
  private final double[] phi;
  private final double[] gradient;
  private final double[] target;
  private final ConjugateGradient cg;
  private final ProximalOperator operator = new ProximalOperator();
  private double lastInnerResidual;
  private double lastLinearResidual;
  private int lastCgIterations;

  /**
   * @param lambda regularisation λ > 0
   * @param innerSteps K ≥ 0 gradient steps on {@code G_i}
   * @param innerRate η (theory: {@code η ≤ 1/(λ + L)})
   * @param cgSteps k ≥ 0 CG steps (ignored by the dense solve)
   */
  public ImplicitMaml(
      TaskSet tasks,
      double lambda,
      int innerSteps,
      double innerRate,
      int cgSteps,
      LinearSolve solve) {
    super(tasks);
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException(
          "iMAML regularisation lambda must be finite and > 0, got " + lambda);
    }
    if (innerSteps < 0 || cgSteps < 0) {
      throw new IllegalArgumentException(
          "iMAML needs inner steps >= 0 and CG steps >= 0, got " + innerSteps + ", " + cgSteps);
    }
    if (!Double.isFinite(innerRate)) {
      throw new IllegalArgumentException("iMAML inner rate must be finite, got " + innerRate);
    }
    this.lambda = lambda;
    this.innerSteps = innerSteps;
    this.innerRate = innerRate;
    this.cgSteps = cgSteps;
    this.solve = solve;
    this.phi = new double[dimension];
    this.gradient = new double[dimension];
    this.target = new double[dimension];
    this.cg = new ConjugateGradient(dimension);
  }

  /** CG variant. */
  public ImplicitMaml(TaskSet tasks, double lambda, int innerSteps, double innerRate, int cgSteps) {
    this(tasks, lambda, innerSteps, innerRate, cgSteps, LinearSolve.CONJUGATE_GRADIENT);
  }

  public double lambda() {
    return lambda;
  }

  /**
   * {@code Alg_i(θ)}: K GD steps on {@code G_i(·, θ)} from θ into {@code out}; returns ‖∇G_i(φ_K)‖.
   */
  public double adapt(int task, double[] theta, double[] out) {
    SmoothLoss inner = tasks.get(task).inner();
    System.arraycopy(theta, 0, out, 0, dimension);
    for (int k = 0; k < innerSteps; k++) {
      inner.gradient(out, gradient);
      // φ ← φ − η (∇l_S(φ) + λ(φ − θ))
      for (int r = 0; r < dimension; r++) {
        out[r] -= innerRate * (gradient[r] + lambda * (out[r] - theta[r]));
      }
    }
    inner.gradient(out, gradient);
    double sq = 0;
    for (int r = 0; r < dimension; r++) {
      double g = gradient[r] + lambda * (out[r] - theta[r]);
      sq += g * g;
    }
    return Math.sqrt(sq);
  }

  @Override
  public void taskDirection(int task, double[] theta, double[] out) {
    MetaTask t = tasks.get(task);
    lastInnerResidual = adapt(task, theta, phi);
    t.outer().gradient(phi, target);
    if (solve == LinearSolve.DENSE) {
      lastLinearResidual = exactSolve(t.inner(), phi, target, lambda, out);
      lastCgIterations = 0;
      return;
    }
    operator.loss = t.inner();
    operator.at = phi;
    // (I + ∇²l_S(φ)/λ) g = ∇l_T(φ)
    lastCgIterations = cg.solve(operator, target, cgSteps, out);
    lastLinearResidual = cg.residualNorm();
  }

  /** {@code g_i} with its diagnostics, in new arrays. */
  public ImplicitGradient solve(int task, double[] theta) {
    checkDimension(theta, dimension, "theta");
    double[] g = new double[dimension];
    taskDirection(task, theta, g);
    return new ImplicitGradient(
        g, phi.clone(), lastInnerResidual, lastLinearResidual, lastCgIterations);
  }

  public double lastInnerResidual() {
    return lastInnerResidual;
  }

  public double lastLinearResidual() {
    return lastLinearResidual;
  }

  public int lastCgIterations() {
    return lastCgIterations;
  }

  /**
   * True when the last CG solve met {@code pᵀAp ≤ 0}: {@code I + ∇²l_S(φ)/λ} is not positive
   * definite there ({@code λ ≤ −λ_min(∇²l_S(φ))}, possible on non-convex tasks) and the returned
   * {@code g} is the last CG iterate before the breakdown.
   */
  public boolean lastCurvatureBreakdown() {
    return solve == LinearSolve.CONJUGATE_GRADIENT && cg.curvatureBreakdown();
  }

  /**
   * Solves {@code (I + ∇²l(φ)/λ) g = v} densely (Hipparchus LU) into {@code out}; returns the true
   * residual norm. Allocates.
   */
  public static double exactSolve(
      SmoothLoss loss, double[] phi, double[] v, double lambda, double[] out) {
    int d = phi.length;
    double[] h = new double[d * d];
    loss.hessian(phi, h);
    double[][] a = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        a[r][k] = (r == k ? 1 : 0) + h[r * d + k] / lambda;
      }
    }
    Array2DRowRealMatrix matrix = new Array2DRowRealMatrix(a, false);
    RealVector g = new LUDecomposition(matrix).getSolver().solve(new ArrayRealVector(v, true));
    RealVector residual = matrix.operate(g).subtract(new ArrayRealVector(v, false));
    for (int k = 0; k < d; k++) {
      out[k] = g.getEntry(k);
    }
    return residual.getNorm();
  }

  /** {@code p ↦ p + ∇²l_S(φ)p/λ}. */
  private final class ProximalOperator implements ConjugateGradient.LinearOperator {
    private SmoothLoss loss;
    private double[] at;

    @Override
    public void apply(double[] x, double[] out) {
      loss.hessianVector(at, x, out);
      for (int k = 0; k < dimension; k++) {
        out[k] = x[k] + out[k] / lambda;
      }
    }
  }
}
