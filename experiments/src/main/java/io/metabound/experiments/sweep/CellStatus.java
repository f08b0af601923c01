package io.metabound.experiments.sweep;

/**
 * The classification of one sweep cell after {@code T} outer iterations, with the integer code
 * written to the CSV.
 */
public enum CellStatus {
  /** A non-finite value, or a coordinate of {@code w} above the cap, at some iteration: −1. */
  DIVERGED(-1),
  /** Neither converged nor diverged after {@code T} iterations: 0. */
  UNDECIDED(0),
  /** {@code ‖∇F(w_T)‖ ≤ tol·‖∇F(w_0)‖}: 1. */
  CONVERGED(1);

  private final int code;

  CellStatus(int code) {
    this.code = code;
  }

  /** The CSV code: 1 converged, −1 diverged, 0 undecided. */
  public int code() {
    return code;
  }

  /** The status of a CSV code. */
  public static CellStatus ofCode(int code) {
    return switch (code) {
      case 1 -> CONVERGED;
      case -1 -> DIVERGED;
      case 0 -> UNDECIDED;
      default -> throw new IllegalArgumentException("status code must be 1, 0 or -1, got " + code);
    };
  }
}
