package io.metabound.reports.report;

import io.metabound.bounds.registry.Bound;
import io.metabound.experiments.check.BoundProfile;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.reports.heatmap.HeatmapJob;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, computed once and rendered by {@link HtmlReport}, {@link
 * MarkdownReport} and {@link LatexExport}. Paths are relative to the report folder.
 *
 * @param header run information
 * @param summary the verdict table
 * @param tightnessImage the ratio-per-bound plot, or null when no ratio can be drawn
 * @param tightnessCsv its data
 * @param profiles one entry per check
 * @param reproductions the rendered reproductions
 * @param heatmaps the convergence maps
 * @param registry one entry per registry bound
 * @param notebooks the notebooks section
 * @param claims the claims section
 */
record ReportContent(
    Header header,
    SuiteSummary summary,
    String tightnessImage,
    String tightnessCsv,
    List<ProfileEntry> profiles,
    List<ReproductionRenderer.Rendered> reproductions,
    List<HeatmapEntry> heatmaps,
    List<RegistryEntry> registry,
    NotebookSection notebooks,
    ClaimsSection claims) {

  /**
   * @param versions name → version
   * @param seed the master seed
   * @param commandLine the command as typed
   * @param started ISO-8601 start time (UTC)
   * @param seconds wall time of the whole run
   * @param quick quick mode
   * @param suite where the suite comes from
   * @param settings the check settings, in words
   * @param timings step → seconds
   * @param latexDirectory the LaTeX export folder as given, or null
   */
  record Header(
      Map<String, String> versions,
      long seed,
      String commandLine,
      String started,
      double seconds,
      boolean quick,
      String suite,
      String settings,
      Map<String, Double> timings,
      String latexDirectory) {}

  /**
   * @param result the check's result
   * @param profile the profile, or null
   * @param image the plot, or null
   * @param csv the data, or null
   * @param note why there is no plot (empty when there is one)
   */
  record ProfileEntry(
      CheckResult result, BoundProfile profile, String image, String csv, String note) {}

  /**
   * @param id file-name-safe id
   * @param description what the map shows
   * @param outcome the job's outcome
   * @param folder its folder
   */
  record HeatmapEntry(String id, String description, HeatmapJob.Outcome outcome, String folder) {}

  /**
   * @param bound the bound
   * @param latex its statement in LaTeX
   * @param svg the rendered statement, or null when jlatexmath could not render it
   * @param renderError why not (empty otherwise)
   * @param status checked (with the verdict), or not checkable (with the reason)
   */
  record RegistryEntry(Bound bound, String latex, String svg, String renderError, String status) {}

  /**
   * @param index the notebooks' index page, or null
   * @param pages name → page (with "FAILED: …" for a failed notebook in {@code failures})
   * @param failures name → failure
   * @param note a sentence when there are no notebooks
   */
  record NotebookSection(
      String index, Map<String, String> pages, Map<String, String> failures, String note) {}

  /**
   * @param validation the claims' verdicts, or null when no claims file was validated
   * @param file the claims file as given
   * @param verdicts the verdicts file (JSON), relative to the report, or null
   * @param note a sentence when there are no claims
   */
  record ClaimsSection(
      io.metabound.reports.claims.ClaimsValidation validation,
      String file,
      String verdicts,
      String note) {}
}
