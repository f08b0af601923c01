package io.metabound.experiments.scaling;

/**
 * One point of a scaling sequence.
 *
 * @param x the value of the scaling variable
 * @param measured the measured quantity (exact, or a Monte Carlo mean)
 * @param standardError its standard error; NaN for an exact value
 * @param bound the registry formula at the same instance
 */
public record ScalingPoint(double x, double measured, double standardError, double bound) {

  /** {@code measured / bound}. */
  public double ratio() {
    return measured / bound;
  }
}
