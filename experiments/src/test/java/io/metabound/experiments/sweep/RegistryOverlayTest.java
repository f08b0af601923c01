package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.Estimator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The registry's stepsize conditions over heatmaps, at hand-computed constants: L = 2.5, ρ = 0 (a
 * quadratic family), so every gradient-norm term of Fallah2020's stepsizes vanishes.
 */
class RegistryOverlayTest {

  private static final Map<String, Double> CONSTANTS =
      Map.of("L", 2.5, "mu", 0.5, "rho", 0.0, "d", 3.0, "m", 2.0);

  private static final PlotWindow WINDOW = new PlotWindow(0.0, 0.5, 0.0, 1.0);

  private static Optional<BoundaryOverlay> find(RegistryOverlay.Selection s, String id) {
    return s.drawn().stream().filter(o -> o.id().equals(id)).findFirst();
  }

  private static boolean skipped(RegistryOverlay.Selection s, String id, String why) {
    return s.notApplicable().stream().anyMatch(n -> n.startsWith(id + ":") && n.contains(why));
  }

  @Test
  void oneStepMamlGetsFallahAndJiConditionsAtTheirValues() {
    RegistryOverlay.Selection s = RegistryOverlay.alphaBeta(Estimator.MAML, 1, CONSTANTS, WINDOW);
    // Fallah2020 Thm 4.12: α ≤ 1/L = 0.4, a vertical line
    BoundaryOverlay alpha = find(s, "fallah2020.thm4.12.alpha-threshold").orElseThrow();
    assertEquals(0.4, alpha.segments().get(0).x(0), 1e-15);
    assertEquals(0.4, alpha.segments().get(0).x(1), 1e-15);
    // Lemma 4.9: β = 1/(4L + 2ρα‖∇f‖) = 1/(4·2.5) = 0.1 at ρ = 0, on its hypothesis α ≤ 1/L only
    BoundaryOverlay beta = find(s, "fallah2020.lemma4.9.stepsize-estimate").orElseThrow();
    Polyline line = beta.segments().get(0);
    for (int i = 0; i < line.size(); i++) {
      assertEquals(0.1, line.y(i), 1e-15);
      assertTrue(line.x(i) <= 0.4 + 1e-12, "drawn beyond alpha <= 1/L at " + line.x(i));
    }
    assertTrue(beta.label().contains("β = 0.1000"), beta.label());
    assertNull(beta.predicted(), "a stepsize choice predicts no threshold");
    // Ji2022 Lemma 15 with N = 1: α < (√2 − 1)/L
    BoundaryOverlay ji = find(s, "ji2022.lemma15.alpha-threshold").orElseThrow();
    assertEquals((Math.sqrt(2) - 1) / 2.5, ji.segments().get(0).x(0), 1e-15);
    // Corollaries 6 and 10 choose the same α = 1/(8NL): drawn once
    assertTrue(find(s, "ji2022.cor6.inner-stepsize").isPresent());
    assertTrue(skipped(s, "ji2022.cor10.inner-stepsize", "the same line as"));
    // Ji2022 (14) needs the free constant C_β: not drawn, and the note names it
    assertTrue(skipped(s, "ji2022.eq14.meta-stepsize", "C_beta"), s.notApplicable().toString());
    // results on other estimators are listed, not drawn
    assertTrue(skipped(s, "fallah2020.thm4.15.alpha-threshold", "FO-MAML"));
  }

  @Test
  void foMamlAndHfMamlGetTheirOwnTheorems() {
    RegistryOverlay.Selection fo = RegistryOverlay.alphaBeta(Estimator.FOMAML, 1, CONSTANTS, WINDOW);
    // Thm 4.15: α ≤ 1/(10L) = 0.04; β = 1/(18·4L) = 1/180
    assertEquals(
        0.04, find(fo, "fallah2020.thm4.15.alpha-threshold").orElseThrow().segments().get(0).x(0),
        1e-15);
    assertEquals(
        1.0 / 180,
        find(fo, "fallah2020.thm4.15.meta-stepsize").orElseThrow().segments().get(0).y(0),
        1e-15);
    assertTrue(skipped(fo, "ji2022.lemma15.alpha-threshold", "N-step MAML"));
    RegistryOverlay.Selection hf = RegistryOverlay.alphaBeta(Estimator.HFMAML, 1, CONSTANTS, WINDOW);
    // Thm 4.17: α ≤ 1/(6L) = 1/15
    assertEquals(
        1.0 / 15,
        find(hf, "fallah2020.thm4.17.alpha-threshold").orElseThrow().segments().get(0).x(0),
        1e-15);
  }

  @Test
  void multiStepMapsDropTheOneStepResults() {
    RegistryOverlay.Selection s = RegistryOverlay.alphaBeta(Estimator.MAML, 3, CONSTANTS, WINDOW);
    assertTrue(skipped(s, "fallah2020.thm4.12.alpha-threshold", "one-step"));
    // (2^(1/6) − 1)/L
    assertEquals(
        (Math.pow(2, 1.0 / 6) - 1) / 2.5,
        find(s, "ji2022.lemma15.alpha-threshold").orElseThrow().segments().get(0).x(0),
        1e-15);
    // an α line outside the plotted range is listed, not drawn
    RegistryOverlay.Selection narrow =
        RegistryOverlay.alphaBeta(Estimator.MAML, 1, CONSTANTS, new PlotWindow(0, 0.01, 0, 1));
    assertTrue(skipped(narrow, "fallah2020.thm4.12.alpha-threshold", "outside"));
  }

  @Test
  void stepsAlphaMapsDrawTheNDependentConditionsAsCurves() {
    PlotWindow window = new PlotWindow(1, 10, 0, 0.2);
    RegistryOverlay.Selection s =
        RegistryOverlay.stepsAlpha(
            Estimator.MAML, CONSTANTS, window, Set.of("ji2022.cor6.inner-stepsize"));
    BoundaryOverlay lemma15 = find(s, "ji2022.lemma15.alpha-threshold").orElseThrow();
    for (int n = 1; n <= 10; n++) {
      double expected = (Math.pow(2, 1.0 / (2 * n)) - 1) / 2.5;
      assertEquals(expected, lemma15.predicted().applyAsDouble(n), 1e-15);
    }
    assertTrue(skipped(s, "ji2022.cor6.inner-stepsize", "dedicated"));
    assertTrue(skipped(s, "fallah2020.thm4.12.alpha-threshold", "one-step"));
  }
}
