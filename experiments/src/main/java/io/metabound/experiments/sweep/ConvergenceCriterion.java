package io.metabound.experiments.sweep;

/**
 * How a cell is classified after {@code T} outer iterations {@code w_{k+1} = w_k − β ∇F(w_k)} from
 * the start {@code w_0}:
 *
 * <ul>
 *   <li>DIVERGED if at some iteration a value is non-finite or a coordinate satisfies
 *       {@code |w_j| > cap};
 *   <li>else CONVERGED if {@code ‖∇F(w_T)‖ ≤ tol·‖∇F(w_0)‖} (a start with {@code ∇F(w_0) = 0} is
 *       converged);
 *   <li>else UNDECIDED.
 * </ul>
 *
 * The classification is a function of the iterate at {@code T}; a run may stop early only on
 * divergence (or on an exact floating-point fixed point, after which every iterate is identical).
 *
 * @param iterations {@code T ≥ 1}
 * @param tolerance {@code tol > 0}, relative to {@code ‖∇F(w_0)‖}
 * @param cap divergence cap on {@code |w_j|}, {@code > 0}
 */
public record ConvergenceCriterion(int iterations, double tolerance, double cap) {

  /** Default relative tolerance {@code 1e-6}. */
  public static final double DEFAULT_TOLERANCE = 1e-6;
  /** Default divergence cap {@code 1e8}. */
  public static final double DEFAULT_CAP = 1e8;
  /** Largest supported {@code T}. */
  public static final int MAX_ITERATIONS = 100_000_000;

  public ConvergenceCriterion {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new SweepInputException(
          "--iters: T must be in 1.." + MAX_ITERATIONS + ", got " + iterations);
    }
    if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
      throw new SweepInputException("--tol: must be a finite number > 0, got " + tolerance);
    }
    if (!(cap > 0) || !Double.isFinite(cap)) {
      throw new SweepInputException("--cap: must be a finite number > 0, got " + cap);
    }
  }

  /** {@code T} iterations with the default tolerance and cap. */
  public static ConvergenceCriterion of(int iterations) {
    return new ConvergenceCriterion(iterations, DEFAULT_TOLERANCE, DEFAULT_CAP);
  }
}
