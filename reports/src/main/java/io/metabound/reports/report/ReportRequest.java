package io.metabound.reports.report;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.reproduction.Reproduction;
import io.metabound.experiments.reproduction.Reproductions;
import java.nio.file.Path;
import java.util.List;

/**
 * What a report contains and where it goes. Every part is injectable; {@link #defaults} is what
 * {@code metabound report} asks for.
 *
 * @param out the report folder ({@code index.html}, {@code report.md} and the data)
 * @param latex the LaTeX export folder, or null for none
 * @param seed the master seed (checks, reproductions, heatmaps)
 * @param quick quick mode (smaller budgets and grids)
 * @param commandLine the command as typed, for the header
 * @param suite the checks
 * @param bounds the registry section's bounds
 * @param reproductions the reproductions to run
 * @param heatmaps the convergence maps
 * @param notebooks the notebook folder to run and link, or null for none
 * @param tool the tool name and version ({@code metabound 0.1.0})
 * @param claims a claims file to validate and show (the papers' headline claims), or null
 */
public record ReportRequest(
    Path out,
    Path latex,
    long seed,
    boolean quick,
    String commandLine,
    ReportSuite suite,
    List<Bound> bounds,
    List<Reproduction> reproductions,
    List<HeatmapSpec> heatmaps,
    Path notebooks,
    String tool,
    Path claims) {

  public ReportRequest {
    bounds = List.copyOf(bounds);
    reproductions = List.copyOf(reproductions);
    heatmaps = List.copyOf(heatmaps);
  }

  /**
   * The full report: the registry suite of {@link ReportSuite#registry} (in quick mode with its
   * {@link ReportSuite#quick} budgets), every registry bound, every reproduction, the default maps.
   */
  public static ReportRequest defaults(
      Path out, Path latex, long seed, boolean quick, String commandLine, Path notebooks, String tool) {
    ReportSuite suite = ReportSuite.registry(seed);
    return new ReportRequest(
        out,
        latex,
        seed,
        quick,
        commandLine,
        quick ? suite.quick() : suite,
        BoundRegistry.all(),
        Reproductions.all(),
        HeatmapSpec.defaults(seed, quick),
        notebooks,
        tool,
        null);
  }

  /** The same request with another suite (tests inject a small one). */
  public ReportRequest withSuite(ReportSuite newSuite) {
    return new ReportRequest(
        out, latex, seed, quick, commandLine, newSuite, bounds, reproductions, heatmaps, notebooks, tool,
        claims);
  }

  /** The same request with other reproductions. */
  public ReportRequest withReproductions(List<Reproduction> list) {
    return new ReportRequest(
        out, latex, seed, quick, commandLine, suite, bounds, list, heatmaps, notebooks, tool, claims);
  }

  /** The same request with the first {@code count} default maps only. */
  public ReportRequest withHeatmapCount(int count) {
    return new ReportRequest(
        out, latex, seed, quick, commandLine, suite, bounds, reproductions,
        heatmaps.subList(0, Math.min(count, heatmaps.size())), notebooks, tool, claims);
  }

  /** The same request with a claims file to validate and show (null for none). */
  public ReportRequest withClaims(Path file) {
    return new ReportRequest(
        out, latex, seed, quick, commandLine, suite, bounds, reproductions, heatmaps, notebooks, tool,
        file);
  }
}
