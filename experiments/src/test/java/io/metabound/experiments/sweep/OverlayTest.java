package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.BetaThreshold;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayTest {

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void takagiIsTheExactFoMamlThresholdOnOneTask(long seed) {
    // THEOREMS §3: g − αHg is the FO-MAML direction on a quadratic, so min_i 2/(λ_i − αλ_i²)
    // equals the spectral threshold of A = H(I − αH)
    int d = 5;
    double[] h = TestMaps.randomSpd(d, 0.2, 6, seed);
    double[] c = TestMaps.randomVector(d, seed);
    double[] eig = SymmetricEigenvalues.of(h, d);
    for (double alpha : new double[] {0.01, 0.05, 0.1, 0.15}) {
      double exact = BetaThreshold.of(TestMaps.foMaml(h, c).map(1, alpha)).value();
      double takagi = TakagiOverlay.predicted(TakagiOverlay.distinctPositive(eig), alpha);
      if (alpha < 1 / eig[d - 1]) {
        assertEquals(exact, takagi, 1e-9 * exact);
      } else {
        assertEquals(0, takagi);
        assertEquals(0, exact, 1e-9); // an eigenvalue λ − αλ² ≤ 0
      }
      // exact MAML: 2/(λ(1 − αλ)²) — larger than Takagi's by 1/(1 − αλ) for the binding λ
      if (alpha < 1 / eig[d - 1]) {
        double maml = BetaThreshold.of(TestMaps.maml(h, c).map(1, alpha)).value();
        assertTrue(maml > takagi, "α=" + alpha);
      }
    }
  }

  @Test
  void overlaysSitOnTheEmpiricalBoundaryWhereTheoryIsExact() {
    int d = 3;
    double[] h = TestMaps.randomSpd(d, 0.5, 4, 21);
    double[] c = TestMaps.randomVector(d, 22);
    SweepGrid grid = new SweepGrid.AlphaBeta(
        GridAxis.parse("alpha", "0:0.3:30"), GridAxis.parse("beta", "0:6:60"), 1);
    PlotWindow window = PlotWindow.of(grid);
    double[] eig = SymmetricEigenvalues.of(h, d);

    // FO-MAML, one task, N = 1: Takagi and the spectral boundary are both exact
    SweepResult fo = new HeatmapSweep(grid,
        new AffineCellModel(TestMaps.foMaml(h, c), new double[d], ConvergenceCriterion.of(3000)), 1)
        .run();
    List<EmpiricalBoundary> foBoundary = EmpiricalBoundary.of(fo);
    OverlayGap takagiOnFo = OverlayGap.of(TakagiOverlay.alphaBeta(eig, window).get(1), foBoundary);
    OverlayGap spectralOnFo = OverlayGap.of(
        SpectralOverlay.alphaBeta(TestMaps.foMaml(h, c), 1, new double[d], window, "FO-MAML"), foBoundary);
    assertEquals(30, takagiOnFo.rowsCompared());
    assertEquals(30, takagiOnFo.rowsOnBoundary(), takagiOnFo.summary("alpha"));
    assertEquals(30, spectralOnFo.rowsOnBoundary(), spectralOnFo.summary("alpha"));
    assertEquals(0, takagiOnFo.maxAbsRelativeMiss());

    // exact MAML: the spectral boundary is exact, Takagi misses by the factor (1 − αλ)
    SweepResult maml = new HeatmapSweep(grid,
        new AffineCellModel(TestMaps.maml(h, c), new double[d], ConvergenceCriterion.of(3000)), 1)
        .run();
    List<EmpiricalBoundary> mamlBoundary = EmpiricalBoundary.of(maml);
    OverlayGap spectralOnMaml = OverlayGap.of(
        SpectralOverlay.alphaBeta(TestMaps.maml(h, c), 1, new double[d], window, "MAML"), mamlBoundary);
    OverlayGap takagiOnMaml = OverlayGap.of(TakagiOverlay.alphaBeta(eig, window).get(1), mamlBoundary);
    assertEquals(30, spectralOnMaml.rowsOnBoundary(), spectralOnMaml.summary("alpha"));
    assertTrue(takagiOnMaml.rowsOnBoundary() < 30, takagiOnMaml.summary("alpha"));
    assertTrue(takagiOnMaml.worstRelativeMiss() < -0.1, takagiOnMaml.summary("alpha"));
    assertTrue(takagiOnMaml.medianRatio() < 1, takagiOnMaml.summary("alpha"));
  }

  @Test
  void takagiCurvesAndLinesLieInTheWindow() {
    PlotWindow window = new PlotWindow(0, 0.5, 0, 5);
    BoundaryOverlay overlay = TakagiOverlay.alphaBeta(new double[] {-1, 2, 4, 4}, window).get(0);
    // λ = 2: line at α = 0.5 is on the edge (excluded), λ = 4: line at 0.25; curves for both
    long lines = overlay.segments().stream().filter(p -> p.size() == 2).count();
    assertEquals(1, lines);
    assertEquals(3, overlay.segments().size());
    for (Polyline p : overlay.segments()) {
      for (int i = 0; i < p.size(); i++) {
        assertTrue(p.x(i) >= 0 && p.x(i) <= 0.5);
      }
    }
  }

  @Test
  void jiCurveAndExactStepsBoundary() {
    double[] h = {4};
    double[] c = {1};
    StepsRange steps = StepsRange.parse("1:10");
    double beta = 0.4;
    SweepGrid grid = new SweepGrid.StepsAlpha(steps, GridAxis.parse("alpha", "0:0.8:80"), beta);
    PlotWindow window = PlotWindow.of(grid);
    BoundaryOverlay ji = Ji2022StepsOverlay.curve(Ji2022StepsOverlay.C_PAPER, 4, window);
    assertEquals(1.0 / 8 / (3 * 4), ji.predicted().applyAsDouble(3), 1e-15);
    // MAML, d = 1, λ = 4, β = 0.4 < 2/λ: small α is stable; unstable iff β ≥ 2/(4(1 − 4α)^{2N}),
    // i.e. (4α − 1)^{2N} ≥ 1.25 with 4α > 1: the first unstable α* = (1 + 1.25^{1/(2N)})/4
    BoundaryOverlay exact = SpectralOverlay.stepsAlpha(TestMaps.maml(h, c), steps, beta, new double[1], window, "MAML");
    for (int n = 1; n <= 10; n++) {
      double expected = (1 + Math.pow(1.25, 1.0 / (2 * n))) / 4;
      assertEquals(expected, exact.predicted().applyAsDouble(n), 1e-10);
    }
    SweepResult result = new HeatmapSweep(grid,
        new AffineCellModel(TestMaps.maml(h, c), new double[1], ConvergenceCriterion.of(2000)), 3)
        .run();
    OverlayGap gap = OverlayGap.of(exact, EmpiricalBoundary.of(result));
    assertEquals(10, gap.rowsOnBoundary(), gap.summary("steps"));
    // on a convex quadratic Ji's α = 1/(8NL) is far inside the stable region (sufficient only)
    OverlayGap jiGap = OverlayGap.of(ji, EmpiricalBoundary.of(result));
    assertTrue(jiGap.medianRatio() < 0.2, jiGap.summary("steps"));
  }
}
