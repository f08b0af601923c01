package io.metabound.experiments.sweep;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A theoretical boundary drawn over a heatmap, with the data behind it and the threshold it
 * predicts for comparison with the empirical boundary.
 *
 * @param id stable identifier ({@code takagi2019.beta-critical}, {@code spectral.exact}, …)
 * @param label legend text
 * @param provenance paper, result and equation, and whether it is verbatim or reconstructed
 * @param segments the curve pieces in data coordinates (row coordinate, column coordinate)
 * @param predicted the predicted threshold in the column coordinate as a function of the row
 *     coordinate (β(α) for (α, β) maps, α(N) for (N, α) maps): cells below it are predicted to
 *     converge; {@code null} for reference lines that predict no threshold by themselves
 * @param note when the overlay is exact and when it is not
 */
public record BoundaryOverlay(
    String id,
    String label,
    String provenance,
    List<Polyline> segments,
    DoubleUnaryOperator predicted,
    String note) {

  public BoundaryOverlay {
    segments = List.copyOf(segments);
  }
}
