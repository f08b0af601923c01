package io.metabound.experiments.reproduction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.TaskSet;
import org.junit.jupiter.api.Test;

/** The computations behind imaml-fig2a and imaml-table1. */
class ImplicitMamlTest {

  @Test
  void smallestCountOfAKnownStepFunction() {
    // error(k) = 10^{−k}: ≤ 1e-6 first at k = 6
    assertEquals(6, ImplicitMamlTable1.smallestCount(k -> Math.pow(10, -k), 1000));
    assertEquals(-1, ImplicitMamlTable1.smallestCount(k -> 1, 50));
    assertEquals(1, ImplicitMamlTable1.smallestCount(k -> 0, 50));
  }

  @Test
  void cgFinishesInAsManyStepsAsTheSystemHasEigenvalues() {
    // d = 3 distinct eigenvalues: CG is exact after 3 steps (to rounding), not after 2
    assertEquals(3, ImplicitMamlTable1.cgSteps(3, 50));
  }

  @Test
  void exactImplicitGradientOfTheDiagonalSystem() {
    // g*_k = v_k/μ_k with μ = Chebyshev nodes of [2, 2κ]: d = 3, κ = 5 → μ = 2, 6, 10
    assertArrayEquals(
        new double[] {2, 6, 10}, ImplicitMamlTable1.spectrum(3, 5), 1e-12);
    double v = 1 / Math.sqrt(3);
    assertArrayEquals(new double[] {v / 2, v / 6, v / 10}, ImplicitMamlTable1.exact(3, 5), 1e-15);
  }

  @Test
  void gdNeedsStepsGrowingLikeKappa() {
    int low = ImplicitMamlTable1.gdSteps(10, 10);
    int high = ImplicitMamlTable1.gdSteps(10, 100);
    // slowest direction μ = 2: error ½(1 − 1/κ)^K, so K ≈ κ ln(1/(2ε)): ratio ≈ 10
    assertTrue(high > 8 * low && high < 12 * low, low + " vs " + high);
  }

  @Test
  void implicitMamlMemoryDoesNotGrowWithInnerSteps() {
    if (ImplicitMamlTable1.allocatedBytes() < 0) {
      return; // the JVM does not count allocations; the reproduction says INCONCLUSIVE then
    }
    ReproductionResult r = new ImplicitMamlTable1().run(new ReproductionSettings(1, true));
    assertTrue(r.number("imaml_bytes_spread") <= 1024);
    // MAML stores one iterate (8d + 16 bytes, d = 50) per inner step
    assertEquals(416, r.number("maml_bytes_per_step"), 0.25 * 416);
    assertTrue(r.fit("CG steps vs κ").slopeIntervalContains(0.5)
        || Math.abs(r.fit("CG steps vs κ").slope() - 0.5) <= 0.1);
  }

  @Test
  void stepCountsStartAtOneAndEndAtTheMaximum() {
    int[] k = ImplicitMamlFigure2a.stepCounts(2000, false);
    assertEquals(1, k[0]);
    assertEquals(2000, k[k.length - 1]);
    for (int i = 1; i < k.length; i++) {
      assertTrue(k[i] > k[i - 1]);
    }
  }

  @Test
  void onTwoDimensionsTwoCgStepsAreExactAndMamlConverges() {
    TaskSet tasks = ImplicitMamlFigure2a.problem(2, 5);
    ImplicitMamlFigure2a.Curves c = ImplicitMamlFigure2a.measure(tasks, 2000, true);
    int last = c.steps().length - 1;
    assertTrue(c.cg2()[last] < 1e-10, "2 CG steps solve a 2-dimensional system: " + c.cg2()[last]);
    assertTrue(c.maml()[last] < 1e-10);
    assertTrue(c.oracleDiscrepancy() < 1e-10, "ProximalMaml equals its closed form");
    // one inner step from θ is far from Alg*(θ): the first error is much larger than the last
    assertTrue(c.maml()[0] > 1e6 * c.maml()[last], c.maml()[0] + " vs " + c.maml()[last]);
  }

  @Test
  void theFigure2aVerdictsUseASmallErrorAndDoNotCountTheExactLowDimensionalCase() {
    ReproductionResult r = new ImplicitMamlFigure2a().run(new ReproductionSettings(20261201, true));
    java.util.Map<String, Double> numbers = new java.util.HashMap<>();
    r.numbers().forEach(m -> numbers.put(m.name(), m.value()));
    Finding small = r.findings().stream().filter(f -> f.claim().contains("small terminal error")).findFirst().orElseThrow();
    Finding vanishes = r.findings().stream().filter(f -> f.claim().contains("vanishes with 5 CG")).findFirst().orElseThrow();
    // "small" is at most a tenth: a 2-CG error above it on the main problem cannot count as agreement
    double cg2 = numbers.get("imaml2_terminal_error");
    if (cg2 > ImplicitMamlFigure2a.SMALL_ERROR) {
      assertTrue(small.agreement() != Agreement.AGREES, small.measured());
    }
    // the 5-CG claim is judged on d = 10 alone: d = 5 is exact by construction
    double cg5 = numbers.get("imaml5_terminal_error");
    assertEquals(cg5 <= 1e-6 ? Agreement.AGREES : Agreement.DISAGREES, vanishes.agreement(), vanishes.measured());
    assertTrue(vanishes.measured().contains("not evidence"), vanishes.measured());
    assertTrue(numbers.get("low_imaml5_terminal_error") < 1e-6, "CG is exact in 5 steps on d = 5");
  }
}
