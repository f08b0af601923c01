package io.metabound.reports.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NiceTicksTest {

  /** Random ranges over twelve orders of magnitude, seeded. */
  static Stream<Arguments> ranges() {
    Random random = new Random(20261207L);
    return IntStream.range(0, 200).mapToObj(i -> {
      double scale = Math.pow(10, random.nextInt(12) - 8);
      double min = (random.nextDouble() * 2 - 1) * scale * 10;
      double max = min + scale * (0.5 + random.nextDouble() * 9.5);
      return Arguments.of(min, max, 3 + random.nextInt(8));
    });
  }

  @ParameterizedTest
  @MethodSource("ranges")
  void ticksAreRoundAndInsideTheRange(double min, double max, int target) {
    NiceTicks ticks = NiceTicks.of(min, max, target, 0);
    HeatmapPlotTest.assertRound(ticks);
    double[] values = ticks.values();
    assertTrue(values.length >= 2, "at least two ticks in [" + min + ", " + max + "]");
    assertTrue(values.length <= 2.5 * target + 1, values.length + " ticks for " + target);
    for (double v : values) {
      double slack = ticks.step() * 1e-6;
      assertTrue(v >= min - slack && v <= max + slack, v + " outside [" + min + ", " + max + "]");
    }
  }

  @Test
  void theIssuesGridPointTicksBecomeRound() {
    // a β axis of 0.0025 … 0.0575: ticks at 0, 0.01 …, not at 0.005, 0.0549
    assertEquals(List.of("0.01", "0.02", "0.03", "0.04", "0.05"),
        NiceTicks.of(0.0025, 0.0575, 6, 0).labels());
    assertEquals(List.of("0", "0.5", "1", "1.5", "2"), NiceTicks.of(-0.04, 2.04, 5, 0).labels());
  }

  @Test
  void wholeNumberAxesStepAtLeastOne() {
    NiceTicks steps = NiceTicks.of(0.5, 3.5, 8, 1);
    assertEquals(1, steps.step());
    assertEquals(List.of("1", "2", "3"), steps.labels());
    assertEquals(List.of("5", "10", "15", "20"), NiceTicks.of(0.5, 20.5, 5, 1).labels());
  }
}
