/**
 * Plots: sweep heatmaps drawn with XChart ({@link io.metabound.reports.plot.HeatmapPlot}), coloured
 * by status or rate, with the theoretical boundaries drawn on top by one XChart adapter ({@code
 * OverlayAnnotation}), exported as PNG, SVG and PDF.
 */
package io.metabound.reports.plot;
