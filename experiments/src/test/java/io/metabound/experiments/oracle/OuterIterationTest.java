package io.metabound.experiments.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.TaskSet;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Long runs of the outer iteration {@code w ← w − β g(w)} with the pointwise direction g (not the
 * affine map): below the exact threshold the iterates land on the oracle's stationary / fixed
 * point, just above it they diverge.
 */
class OuterIterationTest {

  private static final int DIMENSION = 3;

  static Stream<Arguments> estimators() {
    return Stream.of(
        Arguments.of("MAML", false, 11L),
        Arguments.of("MAML", true, 12L),
        Arguments.of("FOMAML", false, 13L),
        Arguments.of("FOMAML", true, 14L),
        Arguments.of("IMAML", false, 15L),
        Arguments.of("IMAML", true, 16L));
  }

  /** The pointwise direction, the map it is affine with, and its fixed point. */
  private record Setup(
      Function<double[], double[]> direction, AffineGradientMap map, StationaryPoint point) {}

  private static Setup setup(String estimator, boolean finiteSum, long seed) {
    // PD Hessians in [0.2, 2] keep every map's spectrum in the right half-plane
    TaskSet tasks = QuadraticFixtures.random(seed, DIMENSION, 3, finiteSum, false);
    return switch (estimator) {
      case "MAML" -> {
        QuadraticMetaOracle o = QuadraticMetaOracle.maml(tasks, 0.2, 2);
        yield new Setup(w -> o.metaGradient(w).value(), o.gradientMap(), o.stationaryPoint());
      }
      case "FOMAML" -> {
        QuadraticMetaOracle o = QuadraticMetaOracle.maml(tasks, 0.2, 2);
        yield new Setup(
            w -> o.firstOrderDirection(w).value(), o.firstOrderMap(), o.firstOrderFixedPoint());
      }
      default -> {
        QuadraticMetaOracle o = QuadraticMetaOracle.imaml(tasks, 1.0);
        yield new Setup(w -> o.metaGradient(w).value(), o.gradientMap(), o.stationaryPoint());
      }
    };
  }

  private static double[] run(Setup s, double beta, int steps, long seed) {
    double[] w = QuadraticFixtures.gaussian(new SplittableRandom(seed), DIMENSION);
    for (int t = 0; t < steps; t++) {
      double[] g = s.direction().apply(w);
      for (int k = 0; k < DIMENSION; k++) {
        w[k] -= beta * g[k];
      }
    }
    return w;
  }

  @ParameterizedTest(name = "{0} finiteSum={1}")
  @MethodSource("estimators")
  void halfTheThresholdLandsOnTheFixedPoint(String estimator, boolean finiteSum, long seed) {
    Setup s = setup(estimator, finiteSum, seed);
    BetaThreshold threshold = BetaThreshold.of(s.map());
    assertTrue(threshold.exists(), threshold.reason());
    double[] w = run(s, 0.5 * threshold.value(), 20_000, seed);
    double[] star = s.point().point();
    assertTrue(
        QuadraticFixtures.distance(w, star) < 1e-8 * (1 + QuadraticFixtures.norm(star)),
        () -> s.point() + " vs " + java.util.Arrays.toString(w));
  }

  @ParameterizedTest(name = "{0} finiteSum={1}")
  @MethodSource("estimators")
  void justBelowTheThresholdConvergesAndJustAboveDiverges(
      String estimator, boolean finiteSum, long seed) {
    Setup s = setup(estimator, finiteSum, seed);
    double beta = BetaThreshold.of(s.map()).value();
    double[] star = s.point().point();
    double start =
        QuadraticFixtures.distance(
            QuadraticFixtures.gaussian(new SplittableRandom(seed), DIMENSION), star);

    double below = QuadraticFixtures.distance(run(s, 0.99 * beta, 20_000, seed), star);
    double above = QuadraticFixtures.distance(run(s, 1.01 * beta, 20_000, seed), star);

    assertTrue(below < 1e-8 * start, "0.99 beta*: distance " + below);
    assertTrue(above > 1e6 * start, "1.01 beta*: distance " + above);
  }
}
