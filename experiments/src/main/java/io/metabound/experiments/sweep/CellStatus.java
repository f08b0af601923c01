package io.metabound.experiments.sweep;

/**
 * The classification of one sweep cell after {@code T} outer iterations, with the integer code
 * written to the CSV.
 */
public enum CellStatus {
  /**
   * The convergence test cannot be evaluated in double precision: the start's gradient is not
   * zero but so small ({@code ‖∇F(w_0)‖ < }{@link #DEGENERATE_GRADIENT_NORM}) that its square and
   * the relative levels {@code tol²‖∇F(w_0)‖²} underflow, so "converged" and the rate would be
   * artefacts of underflow; or exactly zero because the update map itself underflowed ({@code (1 −
   * αh)^{2N}} below the normal range, {@link EstimatorMapSource#underflows}): −2. Never written for
   * a run whose gradients and maps are in range.
   */
  DEGENERATE(-2),
  /** A non-finite value, or a coordinate of {@code w} above the cap, at some iteration: −1. */
  DIVERGED(-1),
  /** Neither converged nor diverged after {@code T} iterations: 0. */
  UNDECIDED(0),
  /** {@code ‖∇F(w_T)‖ ≤ tol·‖∇F(w_0)‖}: 1. */
  CONVERGED(1);

  /**
   * {@code √(MIN_NORMAL) / RATE_FLOOR ≈ 1.5e-144}: below it, {@code ‖g_0‖²·RATE_FLOOR²} (the
   * rate's level) is no longer a normal double.
   */
  public static final double DEGENERATE_GRADIENT_NORM =
      Math.sqrt(Double.MIN_NORMAL) / AffineIteration.RATE_FLOOR;

  private final int code;

  CellStatus(int code) {
    this.code = code;
  }

  /** The CSV code: 1 converged, −1 diverged, 0 undecided, −2 degenerate. */
  public int code() {
    return code;
  }

  /**
   * True when a gradient of norm {@code norm} (not zero) is too small for the relative convergence
   * test: see {@link #DEGENERATE}.
   */
  public static boolean degenerateStart(double norm) {
    return norm > 0 && norm < DEGENERATE_GRADIENT_NORM;
  }

  /** The status of a CSV code. */
  public static CellStatus ofCode(int code) {
    return switch (code) {
      case 1 -> CONVERGED;
      case -1 -> DIVERGED;
      case 0 -> UNDECIDED;
      case -2 -> DEGENERATE;
      default -> throw new IllegalArgumentException("status code must be 1, 0, -1 or -2, got " + code);
    };
  }
}
