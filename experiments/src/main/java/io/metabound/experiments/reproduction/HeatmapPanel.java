package io.metabound.experiments.reproduction;

import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.OverlayGap;
import io.metabound.experiments.sweep.SweepResult;
import java.util.List;

/**
 * A convergence map of a reproduction (the sweep machinery's result) with the overlays to draw on
 * it and how far each one is from the empirical boundary.
 *
 * @param id a file-name-safe identifier, unique within the reproduction
 * @param title the title
 * @param xLabel the axis of the grid's rows
 * @param yLabel the axis of the grid's columns
 * @param result the complete sweep
 * @param overlays the theoretical boundaries
 * @param gaps for each overlay that predicts a threshold, its distance from the empirical boundary
 */
public record HeatmapPanel(
    String id,
    String title,
    String xLabel,
    String yLabel,
    SweepResult result,
    List<BoundaryOverlay> overlays,
    List<OverlayGap> gaps) {

  public HeatmapPanel {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("heatmap id must be lower-case letters, digits and '-': " + id);
    }
    if (!result.isComplete()) {
      throw new IllegalArgumentException("heatmap " + id + " needs a complete sweep");
    }
    overlays = List.copyOf(overlays);
    gaps = List.copyOf(gaps);
  }
}
