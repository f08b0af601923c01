package io.metabound.experiments.reproduction;

import io.metabound.experiments.sweep.AffineCellModel;
import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.ConvergenceCriterion;
import io.metabound.experiments.sweep.EmpiricalBoundary;
import io.metabound.experiments.sweep.EstimatorMapSource;
import io.metabound.experiments.sweep.HeatmapSweep;
import io.metabound.experiments.sweep.OverlayGap;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Convergence maps for reproductions: the sweep machinery plus overlay gaps, in one call. */
final class Sweeps {

  private Sweeps() {}

  /**
   * Sweeps a grid with a deterministic estimator's exact affine map and compares every overlay
   * that predicts a threshold with the empirical boundary.
   *
   * @param overlays the overlays, built for the grid's plot window
   */
  static HeatmapPanel panel(
      String id,
      String title,
      String xLabel,
      String yLabel,
      SweepGrid grid,
      EstimatorMapSource maps,
      double[] start,
      ConvergenceCriterion criterion,
      long seed,
      Function<PlotWindow, List<BoundaryOverlay>> overlays) {
    SweepResult result =
        new HeatmapSweep(grid, new AffineCellModel(maps, start, criterion), seed).run();
    List<BoundaryOverlay> drawn = overlays.apply(PlotWindow.of(grid));
    List<EmpiricalBoundary> boundary = EmpiricalBoundary.of(result);
    List<OverlayGap> gaps = new ArrayList<>();
    for (BoundaryOverlay overlay : drawn) {
      if (overlay.predicted() != null) {
        gaps.add(OverlayGap.of(overlay, boundary));
      }
    }
    return new HeatmapPanel(id, title, xLabel, yLabel, result, drawn, gaps);
  }

  /** The gap of the overlay whose id starts with {@code prefix}. */
  static OverlayGap gap(HeatmapPanel panel, String prefix) {
    for (OverlayGap g : panel.gaps()) {
      if (g.overlayId().startsWith(prefix)) {
        return g;
      }
    }
    throw new IllegalStateException(panel.id() + " has no overlay " + prefix);
  }
}
