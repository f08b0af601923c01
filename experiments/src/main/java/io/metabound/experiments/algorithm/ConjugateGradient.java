package io.metabound.experiments.algorithm;

import io.metabound.experiments.linalg.Vectors;

/**
 * Conjugate gradients for {@code A x = b} with a symmetric positive-definite operator given only
 * through products {@code A p}, started from {@code x = 0} (Hestenes–Stiefel). This minimises
 * {@code ½xᵀAx − xᵀb} over growing Krylov spaces; in exact arithmetic it solves a {@code
 * d}-dimensional system in at most {@code d} steps (at most the number of distinct eigenvalues of
 * {@code A}).
 *
 * <p>Workspace arrays are allocated once; {@link #solve} does not allocate. Not thread-safe.
 */
public final class ConjugateGradient {

  /** {@code out = A x}. */
  @FunctionalInterface
  public interface LinearOperator {
    void apply(double[] x, double[] out);
  }

  private final int dimension;
  private final double[] residual;
  private final double[] direction;
  private final double[] product;
  private int iterations;
  private double residualNorm;
  private boolean curvatureBreakdown;

  public ConjugateGradient(int dimension) {
    this.dimension = dimension;
    this.residual = new double[dimension];
    this.direction = new double[dimension];
    this.product = new double[dimension];
  }

  /**
   * At most {@code maxIterations} CG steps from {@code x = 0}; stops early when the residual is
   * exactly zero or when {@code pᵀAp ≤ 0} (the operator is not positive definite along {@code p};
   * see {@link #curvatureBreakdown()}).
   *
   * @return the number of steps taken
   */
  public int solve(LinearOperator a, double[] b, int maxIterations, double[] x) {
    int d = dimension;
    java.util.Arrays.fill(x, 0, d, 0.0);
    System.arraycopy(b, 0, residual, 0, d);
    System.arraycopy(b, 0, direction, 0, d);
    double rr = Vectors.dot(residual, residual, d);
    iterations = 0;
    curvatureBreakdown = false;
    while (iterations < maxIterations && rr > 0) {
      a.apply(direction, product);
      double curvature = Vectors.dot(direction, product, d);
      if (!(curvature > 0)) {
        curvatureBreakdown = true;
        break;
      }
      // x ← x + a p,  r ← r − a A p,  a = rᵀr / pᵀAp
      double step = rr / curvature;
      Vectors.axpy(step, direction, x, d);
      Vectors.axpy(-step, product, residual, d);
      double next = Vectors.dot(residual, residual, d);
      // p ← r + (r'ᵀr' / rᵀr) p
      double beta = next / rr;
      for (int k = 0; k < d; k++) {
        direction[k] = residual[k] + beta * direction[k];
      }
      rr = next;
      iterations++;
    }
    residualNorm = Math.sqrt(rr);
    return iterations;
  }

  /** Steps taken by the last solve. */
  public int iterations() {
    return iterations;
  }

  /**
   * {@code ‖b − A x‖} of the last solve, by the CG recurrence (equal to the true residual in exact
   * arithmetic).
   */
  public double residualNorm() {
    return residualNorm;
  }

  /** True when the last solve stopped on {@code pᵀAp ≤ 0}. */
  public boolean curvatureBreakdown() {
    return curvatureBreakdown;
  }
}
