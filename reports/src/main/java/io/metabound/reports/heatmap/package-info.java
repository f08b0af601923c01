/**
 * Heatmaps from tasks to files, shared by {@code metabound heatmap} and the report: {@link
 * io.metabound.reports.heatmap.SweepTasks} binds tasks and an estimator to its exact update map,
 * {@link io.metabound.reports.heatmap.HeatmapJob} runs the sweep, computes the overlays and their
 * gaps, and writes the CSV, JSON and pictures.
 */
package io.metabound.reports.heatmap;
