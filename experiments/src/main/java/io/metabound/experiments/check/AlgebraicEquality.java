package io.metabound.experiments.check;

import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Detects a check whose measured side equals its bound on its whole domain: the ratio is 1 (to
 * {@link #TOLERANCE}) on every in-scope instance of a uniform sample. Such a check is algebra — a
 * consistency check of the encoding — whatever its label says, and the build's gate fails when a
 * check labelled {@link Strength#GENUINE} is one.
 *
 * <p>Only exact measurements are compared; a Monte Carlo value equal to its bound in expectation
 * is not equal on any sample. The test is one-sided: a check that equals its bound only on a
 * lower-dimensional part of the domain (e.g. a Hessian eigenvalue exactly {@code −L}) passes it,
 * which is why such checks are labelled by derivation ({@code AlgebraicChecks}) and their tight
 * instances are tested for class membership ({@link HypothesisClass}).
 */
public final class AlgebraicEquality {

  private AlgebraicEquality() {}

  /** Ratios within this of 1 count as equal. */
  public static final double TOLERANCE = 1e-9;

  /** Fewer in-scope exact instances than this decide nothing. */
  public static final int MINIMUM_SAMPLE = 10;

  /**
   * Samples {@code perSpace} uniform points of every search space of the check's domain.
   *
   * @return a description of the equality when every in-scope exact instance has ratio 1 (and
   *     there are at least {@link #MINIMUM_SAMPLE}), else empty
   */
  public static Optional<String> everywhereEqual(
      BoundCheck check, CheckSettings settings, int perSpace) {
    RandomGenerator random = new Well19937c(Seeds.derive(settings.seed(), 99));
    int inScope = 0;
    for (SearchSpace space : check.domain().searchSpaces()) {
      double[] lo = space.lowerBounds();
      double[] hi = space.upperBounds();
      double[] x = new double[lo.length];
      for (int n = 0; n < perSpace; n++) {
        for (int k = 0; k < x.length; k++) {
          x[k] = lo[k] + random.nextDouble() * (hi[k] - lo[k]);
        }
        CheckResult r;
        try {
          r = check.evaluate(space.decode(x, settings.seed()), settings);
        } catch (RuntimeException e) {
          continue; // an instance the probe cannot measure decides nothing here
        }
        if (r.verdict() == Verdict.OUT_OF_SCOPE
            || r.measurement() == null
            || r.measurement().isStochastic()
            || !Double.isFinite(r.ratio())) {
          continue;
        }
        if (Math.abs(r.ratio() - 1) > TOLERANCE) {
          return Optional.empty();
        }
        inScope++;
      }
    }
    return inScope >= MINIMUM_SAMPLE
        ? Optional.of(
            "ratio 1 on all " + inScope + " in-scope instances sampled uniformly from the domain")
        : Optional.empty();
  }
}
