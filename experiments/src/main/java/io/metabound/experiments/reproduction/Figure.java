package io.metabound.experiments.reproduction;

import java.util.List;

/**
 * The data of one plot of a reproduction: curves over a common x axis.
 *
 * @param id a file-name-safe identifier, unique within the reproduction ({@code error-vs-steps})
 * @param title the title
 * @param xLabel the x axis
 * @param yLabel the y axis
 * @param logX logarithmic x axis
 * @param logY logarithmic y axis
 * @param series the curves
 */
public record Figure(
    String id,
    String title,
    String xLabel,
    String yLabel,
    boolean logX,
    boolean logY,
    List<Series> series) {

  public Figure {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("figure id must be lower-case letters, digits and '-': " + id);
    }
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("figure " + id + " has no curves");
    }
  }
}
