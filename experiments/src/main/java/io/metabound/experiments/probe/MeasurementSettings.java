package io.metabound.experiments.probe;

/**
 * What a probe is asked for.
 *
 * @param confidenceLevel two-sided confidence level of Monte Carlo intervals, in (0, 1)
 * @param samples number of Monte Carlo samples a stochastic probe should draw (≥ 2)
 */
public record MeasurementSettings(double confidenceLevel, int samples) {

  public MeasurementSettings {
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidence level must be in (0, 1), got " + confidenceLevel);
    }
    if (samples < 2) {
      throw new IllegalArgumentException(
          "a Monte Carlo estimate needs at least 2 samples, got " + samples);
    }
  }
}
