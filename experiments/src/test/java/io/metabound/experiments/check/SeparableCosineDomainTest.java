package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.SeparableCosineLoss;
import io.metabound.experiments.task.MetaTask;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SeparableDomain} with the cosine term: decoding, admission and the exact constants. */
class SeparableCosineDomainTest {

  static LongStream seeds() {
    return LongStream.range(1, 9);
  }

  private static SeparableDomain.Builder cosine(boolean shifted) {
    return SeparableDomain.builder("cosine")
        .term(SeparableDomain.Term.COSINE)
        .dimensions(1, 2)
        .taskCounts(1, 2)
        .weights(0.1, 1)
        .centreRadius(1)
        .shiftedOuterCentre(shifted)
        .vector("w", 4.5)
        .parameter(ParameterRange.integers("N", 1, 5))
        .parameter(ParameterRange.expressions("alpha", "0.01/L", "2/L"));
  }

  private static double[] point(SearchSpace s, SplittableRandom r) {
    double[] lo = s.lowerBounds();
    double[] hi = s.upperBounds();
    double[] x = new double[lo.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = lo[k] + (hi[k] - lo[k]) * r.nextDouble();
    }
    return x;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decodedInstancesAreCosineTasksWithExactConstants(long seed) {
    for (boolean shifted : new boolean[] {false, true}) {
      SeparableDomain domain = cosine(shifted).build();
      SeparableDomain log =
          SeparableDomain.builder("log").dimensions(1, 2).taskCounts(1, 2).vector("w", 4.5).build();
      SplittableRandom r = new SplittableRandom(seed);
      for (SearchSpace s : domain.searchSpaces()) {
        Instance x = s.decode(point(s, r), seed);
        assertTrue(domain.admits(x), x.describe());
        assertFalse(log.admits(x), x.describe());
        double max = 0;
        for (MetaTask t : x.tasks().tasks()) {
          SeparableCosineLoss inner = (SeparableCosineLoss) t.inner();
          SeparableCosineLoss outer = (SeparableCosineLoss) t.outer();
          assertEquals(shifted, !t.isSameLoss());
          for (double a : inner.weights()) {
            max = Math.max(max, a);
          }
          assertTrue(java.util.Arrays.equals(inner.weights(), outer.weights()));
        }
        Map<String, Double> c = SeparableDomain.constants(x.tasks());
        assertEquals(max, c.get("L"), 0);
        assertEquals(max, c.get("rho"), 0);
        assertEquals(-max, c.get("mu"), 0);
        double alpha = x.parameter("alpha");
        assertTrue(alpha >= 0.01 / max * (1 - 1e-12) && alpha <= 2 / max * (1 + 1e-12));
      }
    }
  }

  @Test
  void describesTheTermAndRejectsAnAnchor() {
    assertTrue(cosine(false).build().description().contains("cos"));
    assertNotEquals(
        cosine(false).build().description(),
        SeparableDomain.builder("cosine").build().description());
    assertThrows(
        IllegalArgumentException.class, () -> cosine(false).anchor(0.1, 1, 5).build());
  }
}
