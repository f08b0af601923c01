/**
 * Plots: sweep heatmaps ({@link io.metabound.reports.plot.HeatmapPlot}) drawn with plain Graphics2D
 * ({@code HeatmapFigure}) — cells as one embedded image, overlays in distinct colour-blind-safe
 * styles ({@link io.metabound.reports.plot.OverlayStyle}), round ticks ({@link
 * io.metabound.reports.plot.NiceTicks}), the legend outside the plot and off-window overlays listed
 * below it ({@link io.metabound.reports.plot.OutsideWindow}) — exported as PNG and SVG at screen
 * size and PDF at a paper's column width ({@link io.metabound.reports.plot.FigureLayout}); curve
 * figures with XChart ({@link io.metabound.reports.plot.CurvePlot}).
 */
package io.metabound.reports.plot;
