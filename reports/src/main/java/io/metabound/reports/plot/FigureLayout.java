package io.metabound.reports.plot;

import java.awt.Font;

/**
 * The size and typography of a heatmap figure, in the units of its output (pixels for a PNG,
 * points for a PDF or SVG). Two presets: {@link #SCREEN} for the HTML report and the PNG, and
 * {@link #COLUMN} for a paper's column (3.3 in, serif text at 8–9 pt).
 *
 * @param width figure width
 * @param height figure height, or 0 to fit the content (the plot area then has {@code
 *     plotAspect} height per width)
 * @param fontFamily one family for all the text ({@link Font#SERIF} or {@link Font#SANS_SERIF})
 * @param titleSize title font size
 * @param labelSize axis-title font size
 * @param textSize tick-label, legend and note font size
 * @param lineScale multiplies overlay line widths and dash lengths
 * @param margin empty border around the figure
 * @param legend where the legend goes; always outside the plot area
 * @param tickSpacing about how far apart ticks should be
 * @param plotAspect plot-area height per width when {@code height} is 0
 */
public record FigureLayout(
    double width,
    double height,
    String fontFamily,
    float titleSize,
    float labelSize,
    float textSize,
    double lineScale,
    double margin,
    LegendPlacement legend,
    double tickSpacing,
    double plotAspect) {

  /** Where the legend sits: right of the plot area or below the axis title. */
  public enum LegendPlacement {
    RIGHT,
    BELOW
  }

  /** 1000 × 760 px, sans-serif, legend to the right: the PNG of the HTML report. */
  public static final FigureLayout SCREEN =
      new FigureLayout(1000, 760, Font.SANS_SERIF, 15, 15, 13, 1.0, 14, LegendPlacement.RIGHT, 110, 0);

  /**
   * One paper column: 240 pt (3.3 in) wide, serif text (9 pt title and axis titles, 8 pt ticks,
   * legend and notes), legend below; as tall as the content.
   */
  public static final FigureLayout COLUMN =
      new FigureLayout(240, 0, Font.SERIF, 9, 9, 8, 0.45, 6, LegendPlacement.BELOW, 48, 0.72);

  public FigureLayout {
    if (!(width > 0) || height < 0) {
      throw new IllegalArgumentException("figure size must be positive: " + width + " × " + height);
    }
  }

  /** True when the height follows from the content. */
  public boolean fitsHeight() {
    return height == 0;
  }

  /** A small spacing unit: half the text size. */
  double gap() {
    return textSize / 2.0;
  }

  /** Tick length. */
  double tickLength() {
    return textSize * 0.4;
  }

  /** Length of the line sample in a legend entry. */
  double sampleLength() {
    return textSize * 2.6;
  }
}
