package io.metabound.experiments.check;

import io.metabound.experiments.probe.MeasurementSettings;
import java.nio.file.Path;

/**
 * How hard and how carefully to check.
 *
 * @param seed master seed: the falsifier's random choices and the probes' random numbers derive
 *     from it, so the same seed gives identical results
 * @param evaluationBudget number of instances the falsifier evaluates (deterministic)
 * @param timeCapSeconds wall-clock cap on the search; output stays deterministic unless the cap is
 *     hit, which is then reported ({@code Double.POSITIVE_INFINITY} for none)
 * @param familyWiseLevel family-wise error level α of the suite; a single check uses confidence
 *     level {@code 1 − α}, the suite adjusts it per check by Holm's step-down
 * @param searchSamples Monte Carlo samples per instance during the search
 * @param confirmationSamples Monte Carlo samples when the verdict is confirmed on the chosen
 *     instance (with a fresh seed, so the interval is not biased by the selection)
 * @param relativeTolerance tolerance of exact comparisons ({@link VerdictRule})
 * @param shrinkBudget number of candidate instances the shrinker may evaluate
 * @param randomFraction share of the evaluation budget spent on uniform random sampling before the
 *     CMA-ES restarts
 * @param negativeControlStrength factor the negative control multiplies every ratio by (2: an upper
 *     bound halved, a lower bound doubled); 0 disables negative controls
 * @param counterexampleDirectory where to write {@code counterexample-<bound>.json}; null: nowhere
 */
public record CheckSettings(
    long seed,
    int evaluationBudget,
    double timeCapSeconds,
    double familyWiseLevel,
    int searchSamples,
    int confirmationSamples,
    double relativeTolerance,
    int shrinkBudget,
    double randomFraction,
    double negativeControlStrength,
    Path counterexampleDirectory) {

  public CheckSettings {
    if (evaluationBudget < 1) {
      throw new IllegalArgumentException("evaluation budget must be >= 1, got " + evaluationBudget);
    }
    if (!(timeCapSeconds > 0)) {
      throw new IllegalArgumentException("time cap must be > 0 seconds, got " + timeCapSeconds);
    }
    if (!(familyWiseLevel > 0 && familyWiseLevel < 1)) {
      throw new IllegalArgumentException(
          "family-wise level must be in (0, 1), got " + familyWiseLevel);
    }
    if (searchSamples < 2 || confirmationSamples < 2) {
      throw new IllegalArgumentException("Monte Carlo sample counts must be >= 2");
    }
    if (!(relativeTolerance >= 0)) {
      throw new IllegalArgumentException(
          "relative tolerance must be >= 0, got " + relativeTolerance);
    }
    if (shrinkBudget < 0) {
      throw new IllegalArgumentException("shrink budget must be >= 0, got " + shrinkBudget);
    }
    if (!(randomFraction >= 0 && randomFraction <= 1)) {
      throw new IllegalArgumentException(
          "random fraction must be in [0, 1], got " + randomFraction);
    }
    if (!(negativeControlStrength == 0 || negativeControlStrength > 1)) {
      throw new IllegalArgumentException(
          "negative-control strength must be 0 (off) or > 1, got " + negativeControlStrength);
    }
  }

  /**
   * Defaults: 600 evaluations, no time cap, α = 0.01, 200 search / 2000 confirmation samples,
   * tolerance 1e-9, 400 shrink evaluations, 25 % random sampling, negative control strength 2.
   */
  public static CheckSettings defaults(long seed) {
    return new CheckSettings(
        seed,
        600,
        Double.POSITIVE_INFINITY,
        0.01,
        200,
        2000,
        VerdictRule.DEFAULT_RELATIVE_TOLERANCE,
        400,
        0.25,
        2.0,
        null);
  }

  /** Confidence level of a single check: {@code 1 − α}. */
  public double confidenceLevel() {
    return 1 - familyWiseLevel;
  }

  MeasurementSettings searchMeasurement() {
    return new MeasurementSettings(confidenceLevel(), searchSamples);
  }

  MeasurementSettings confirmationMeasurement() {
    return new MeasurementSettings(confidenceLevel(), confirmationSamples);
  }

  public CheckSettings withSeed(long s) {
    return new CheckSettings(
        s,
        evaluationBudget,
        timeCapSeconds,
        familyWiseLevel,
        searchSamples,
        confirmationSamples,
        relativeTolerance,
        shrinkBudget,
        randomFraction,
        negativeControlStrength,
        counterexampleDirectory);
  }

  public CheckSettings withEvaluationBudget(int b) {
    return new CheckSettings(
        seed,
        b,
        timeCapSeconds,
        familyWiseLevel,
        searchSamples,
        confirmationSamples,
        relativeTolerance,
        shrinkBudget,
        randomFraction,
        negativeControlStrength,
        counterexampleDirectory);
  }

  public CheckSettings withTimeCapSeconds(double t) {
    return new CheckSettings(
        seed,
        evaluationBudget,
        t,
        familyWiseLevel,
        searchSamples,
        confirmationSamples,
        relativeTolerance,
        shrinkBudget,
        randomFraction,
        negativeControlStrength,
        counterexampleDirectory);
  }

  public CheckSettings withFamilyWiseLevel(double a) {
    return new CheckSettings(
        seed,
        evaluationBudget,
        timeCapSeconds,
        a,
        searchSamples,
        confirmationSamples,
        relativeTolerance,
        shrinkBudget,
        randomFraction,
        negativeControlStrength,
        counterexampleDirectory);
  }

  public CheckSettings withSamples(int search, int confirmation) {
    return new CheckSettings(
        seed,
        evaluationBudget,
        timeCapSeconds,
        familyWiseLevel,
        search,
        confirmation,
        relativeTolerance,
        shrinkBudget,
        randomFraction,
        negativeControlStrength,
        counterexampleDirectory);
  }

  public CheckSettings withRelativeTolerance(double t) {
    return new CheckSettings(
        seed,
        evaluationBudget,
        timeCapSeconds,
        familyWiseLevel,
        searchSamples,
        confirmationSamples,
        t,
        shrinkBudget,
        randomFraction,
        negativeControlStrength,
        counterexampleDirectory);
  }

  public CheckSettings withShrinkBudget(int b) {
    return new CheckSettings(
        seed,
        evaluationBudget,
        timeCapSeconds,
        familyWiseLevel,
        searchSamples,
        confirmationSamples,
        relativeTolerance,
        b,
        randomFraction,
        negativeControlStrength,
        counterexampleDirectory);
  }

  public CheckSettings withRandomFraction(double f) {
    return new CheckSettings(
        seed,
        evaluationBudget,
        timeCapSeconds,
        familyWiseLevel,
        searchSamples,
        confirmationSamples,
        relativeTolerance,
        shrinkBudget,
        f,
        negativeControlStrength,
        counterexampleDirectory);
  }

  public CheckSettings withNegativeControlStrength(double s) {
    return new CheckSettings(
        seed,
        evaluationBudget,
        timeCapSeconds,
        familyWiseLevel,
        searchSamples,
        confirmationSamples,
        relativeTolerance,
        shrinkBudget,
        randomFraction,
        s,
        counterexampleDirectory);
  }

  public CheckSettings withCounterexampleDirectory(Path dir) {
    return new CheckSettings(
        seed,
        evaluationBudget,
        timeCapSeconds,
        familyWiseLevel,
        searchSamples,
        confirmationSamples,
        relativeTolerance,
        shrinkBudget,
        randomFraction,
        negativeControlStrength,
        dir);
  }
}
