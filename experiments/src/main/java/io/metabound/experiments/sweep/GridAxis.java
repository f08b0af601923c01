package io.metabound.experiments.sweep;

/**
 * One axis of a sweep grid, written {@code LO:HI:COUNT} on the command line, with the points
 *
 * <pre>{@code x_k = LO + (HI − LO)·(k + 1)/COUNT,   k = 0 … COUNT − 1}</pre>
 *
 * so the grid excludes {@code LO} and ends exactly at {@code HI}. A step-size axis starting at
 * {@code LO = 0} thus never contains the degenerate step 0. The points are computed with exactly
 * this expression (in this order of operations), so any other implementation of the formula in
 * IEEE double arithmetic (e.g. the NumPy benchmark) produces bit-identical grid values.
 *
 * @param symbol the axis name used in messages ({@code alpha}, {@code beta})
 * @param low {@code LO}, excluded from the grid
 * @param high {@code HI}, the last point
 * @param count {@code COUNT ≥ 1}
 */
public record GridAxis(String symbol, double low, double high, int count) {

  public GridAxis {
    if (count <= 0) {
      throw new SweepInputException(
          "--" + symbol + ": COUNT must be a positive integer, got " + count);
    }
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new SweepInputException(
          "--" + symbol + ": LO and HI must be finite numbers, got " + low + ":" + high);
    }
    if (low < 0) {
      throw new SweepInputException(
          "--" + symbol + ": step sizes must be non-negative, got LO = " + low);
    }
    if (!(low < high)) {
      throw new SweepInputException(
          "--" + symbol + ": LO must be smaller than HI, got " + low + ":" + high);
    }
  }

  /**
   * Parses {@code LO:HI:COUNT}.
   *
   * @throws SweepInputException naming {@code --symbol} if the text is malformed or invalid
   */
  public static GridAxis parse(String symbol, String spec) {
    if (spec == null) {
      throw new SweepInputException("--" + symbol + ": missing range LO:HI:COUNT");
    }
    String[] parts = spec.trim().split(":", -1);
    if (parts.length != 3) {
      throw new SweepInputException(
          "--" + symbol + ": expected LO:HI:COUNT (e.g. 0:1:100), got '" + spec + "'");
    }
    double lo = number(symbol, "LO", parts[0], spec);
    double hi = number(symbol, "HI", parts[1], spec);
    int count;
    try {
      count = Integer.parseInt(parts[2].trim());
    } catch (NumberFormatException e) {
      throw new SweepInputException(
          "--" + symbol + ": COUNT must be a positive integer, got '" + parts[2].trim() + "'");
    }
    return new GridAxis(symbol, lo, hi, count);
  }

  private static double number(String symbol, String what, String text, String spec) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new SweepInputException(
          "--" + symbol + ": " + what + " is not a number in '" + spec + "'");
    }
  }

  /** The point {@code x_k = LO + (HI − LO)·(k + 1)/COUNT}. */
  public double point(int k) {
    if (k < 0 || k >= count) {
      throw new IndexOutOfBoundsException("grid index " + k + " outside 0.." + (count - 1));
    }
    return low + (high - low) * (k + 1) / count;
  }

  /** All points, ascending. */
  public double[] points() {
    double[] x = new double[count];
    for (int k = 0; k < count; k++) {
      x[k] = point(k);
    }
    return x;
  }

  /** The spacing {@code (HI − LO)/COUNT} between neighbouring points. */
  public double spacing() {
    return (high - low) / count;
  }

  /** The command-line form {@code LO:HI:COUNT}. */
  public String spec() {
    return low + ":" + high + ":" + count;
  }
}
