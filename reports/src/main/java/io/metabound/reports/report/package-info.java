/**
 * The report: {@link io.metabound.reports.report.ReportGenerator} runs a {@link
 * io.metabound.reports.report.ReportSuite} (injectable; the registry's by default), a profile per
 * checked bound, the reproductions ({@link io.metabound.reports.report.ReproductionRenderer}), the
 * heatmaps ({@link io.metabound.reports.report.HeatmapSpec} through the shared {@link
 * io.metabound.reports.heatmap.HeatmapJob}), the registry's statements as SVG and the notebooks,
 * and writes an offline {@code index.html}, {@code report.md}, {@code report.json} and, on request,
 * the LaTeX export ({@code bounds/<id>.tex}, {@code verdicts.tex}, pgfplots {@code .dat}) — all
 * into a staging folder moved into place at the end.
 */
package io.metabound.reports.report;
