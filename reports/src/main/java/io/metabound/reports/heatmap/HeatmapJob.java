package io.metabound.reports.heatmap;

import io.metabound.experiments.io.Sha256;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.CellModel;
import io.metabound.experiments.sweep.ConvergenceCriterion;
import io.metabound.experiments.sweep.EmpiricalBoundary;
import io.metabound.experiments.sweep.EstimatorMapSource;
import io.metabound.experiments.sweep.HeatmapSweep;
import io.metabound.experiments.sweep.Ji2022StepsOverlay;
import io.metabound.experiments.sweep.JsonArray;
import io.metabound.experiments.sweep.JsonObject;
import io.metabound.experiments.sweep.OverlayGap;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.Shard;
import io.metabound.experiments.sweep.SpectralOverlay;
import io.metabound.experiments.sweep.SweepCsv;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepResult;
import io.metabound.experiments.sweep.SweepSidecar;
import io.metabound.experiments.sweep.RegistryOverlay;
import io.metabound.experiments.sweep.TakagiOverlay;
import io.metabound.reports.plot.HeatmapColouring;
import io.metabound.reports.plot.HeatmapPlot;
import io.metabound.reports.plot.ImageFormat;
import io.metabound.experiments.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One heatmap from start to files: run (or read) the sweep, compute the overlays that apply and
 * their distance from the empirical boundary, and write {@code heatmap.csv}, {@code heatmap.json},
 * {@code heatmap-overlays.csv} and the pictures into a folder. Shared by the {@code heatmap}
 * command and the report, so both draw the same thing from the same code.
 */
public final class HeatmapJob {

  private HeatmapJob() {}

  /**
   * What to draw.
   *
   * @param problem tasks and estimator
   * @param grid the grid
   * @param criterion T, tolerance and cap
   * @param start w_0
   * @param model the cell model ({@link SweepTasks#cellModel})
   * @param seed the sweep seed
   * @param shard the slice to compute ({@link Shard#WHOLE} for all)
   * @param fromCsv an existing sweep CSV to draw instead of computing, or null
   * @param formats the pictures to write (CSV and JSON are always written)
   * @param colouring status or rate
   * @param out the output folder
   * @param tool the tool name and version for the sidecar
   * @param processStartNanos {@link System#nanoTime()} at process start, for the sidecar's
   *     timing (0: not recorded)
   */
  public record Request(
      SweepTasks problem,
      SweepGrid grid,
      ConvergenceCriterion criterion,
      double[] start,
      CellModel model,
      long seed,
      Shard shard,
      Path fromCsv,
      Set<ImageFormat> formats,
      HeatmapColouring colouring,
      Path out,
      String tool,
      long processStartNanos) {}

  /**
   * What was drawn.
   *
   * @param result the sweep
   * @param overlays the overlays drawn (empty for a shard)
   * @param notApplicable the overlays not drawn, each with why
   * @param gaps how far each predicting overlay is from the empirical boundary
   * @param written the files written, in order
   * @param notes remarks for the user (skipped formats, shards)
   * @param title the picture's title
   */
  public record Outcome(
      SweepResult result,
      List<BoundaryOverlay> overlays,
      List<String> notApplicable,
      List<OverlayGap> gaps,
      List<String> written,
      List<String> notes,
      String title) {}

  /** The overlays that apply to this estimator and map, and the ones that do not (with why). */
  public record Overlays(List<BoundaryOverlay> drawn, List<String> notApplicable) {}

  /**
   * Runs the request.
   *
   * @param progress receives the number of cells done
   * @param beforeSweep runs just before the sweep starts (e.g. to stop a warm-up thread)
   * @param phase receives a phase name after each step (timings)
   */
  public static Outcome run(
      Request request, LongConsumer progress, Runnable beforeSweep, Consumer<String> phase)
      throws IOException {
    return run(request, request.out(), progress, beforeSweep, phase);
  }

  /**
   * Runs the request, writing the files into {@code writeInto} (a staging folder that is later
   * moved to {@link Request#out}, {@link io.metabound.reports.io.OutputFolder}) while naming them,
   * in the outcome and the sidecar, by where they will be: {@code request.out()}.
   *
   * @param writeInto the folder the files are written into
   */
  public static Outcome run(
      Request request,
      Path writeInto,
      LongConsumer progress,
      Runnable beforeSweep,
      Consumer<String> phase)
      throws IOException {
    SweepTasks problem = request.problem();
    SweepGrid grid = request.grid();
    Path out = request.out();
    Path fromCsv = request.fromCsv();
    SweepResult result;
    Path csv = out.resolve("heatmap.csv");
    Path csvWritten = writeInto.resolve("heatmap.csv");
    if (fromCsv != null) {
      result = SweepCsv.readResult(fromCsv, grid);
      Files.createDirectories(writeInto);
      if (!fromCsv.toAbsolutePath().normalize().equals(csv.toAbsolutePath().normalize())) {
        SweepCsv.write(result, csvWritten);
      } else if (!csvWritten.toAbsolutePath().normalize().equals(csv.toAbsolutePath().normalize())) {
        // drawing the folder's own CSV into a staging folder: the CSV goes along unchanged
        AtomicFiles.write(csvWritten, Files.readAllBytes(fromCsv));
      }
    } else {
      HeatmapSweep sweep = new HeatmapSweep(grid, request.model(), request.seed());
      beforeSweep.run();
      result = sweep.run(request.shard(), progress);
      phase.accept("sweep");
      SweepCsv.write(result, csvWritten);
      phase.accept("write csv");
    }

    JsonObject sidecar =
        SweepSidecar.describe(
            result, request.criterion(), request.start(), request.seed(), request.model());
    sidecar.put("tool", request.tool());
    sidecar.put("command", "heatmap");
    sidecar.put("estimator", problem.estimator().name().toLowerCase(Locale.ROOT));
    sidecar.put("estimatorName", problem.displayName());
    if (problem.stochastic()) {
      sidecar.put("stochastic", true);
    }
    JsonObject parameters = sidecar.putObject("estimatorParameters");
    SweepTasks.Settings settings = problem.settings();
    switch (problem.estimator()) {
      case HFMAML -> parameters.put("delta", settings.delta());
      case IMAML -> parameters.put("lambda", settings.lambda());
      case MAML_PROX ->
          parameters
              .put("lambda", settings.lambda())
              .put("proxSteps", settings.proxSteps())
              .put("proxRate", settings.proxRate());
      default -> {}
    }
    if (!problem.dependsOnAlpha()) {
      sidecar.put(
          "alphaNote",
          problem.estimator().displayName()
              + "'s exact map does not depend on alpha: every alpha row is the same");
    }
    sidecar.set("tasks", problem.describe());
    HeatmapIdentity.of(request).writeTo(sidecar);
    sidecar.put(SweepSidecar.CSV_SHA256, Sha256.ofFile(csvWritten));
    if (fromCsv != null) {
      sidecar.put("fromCsv", fromCsv.toAbsolutePath().normalize().toString());
    }
    List<String> written = new ArrayList<>(List.of(csv.toString()));
    List<String> notes = new ArrayList<>();
    List<OverlayGap> gaps = new ArrayList<>();
    List<BoundaryOverlay> drawn = List.of();
    List<String> notApplicable = List.of();
    String title = title(problem, grid, request.criterion(), request.colouring());
    if (result.isComplete()) {
      Overlays overlays = overlays(problem, grid, request.start());
      drawn = overlays.drawn();
      notApplicable = overlays.notApplicable();
      phase.accept("overlays");
      List<EmpiricalBoundary> boundary = EmpiricalBoundary.of(result);
      for (BoundaryOverlay overlay : overlays.drawn()) {
        if (overlay.predicted() != null) {
          gaps.add(OverlayGap.of(overlay, boundary));
        }
      }
      phase.accept("gaps");
      SweepSidecar.putOverlays(sidecar, grid.rowName(), overlays.drawn(), gaps);
      JsonArray skipped = sidecar.putArray("overlaysNotApplicable");
      overlays.notApplicable().forEach(skipped::add);
      notes.addAll(overlays.notApplicable());
      phase.accept("sidecar overlays");
      Path curves = out.resolve("heatmap-overlays.csv");
      SweepSidecar.writeOverlayCsv(overlays.drawn(), grid, writeInto.resolve(curves.getFileName()));
      written.add(curves.toString());
      if (!request.formats().isEmpty()) {
        writePictures(result, overlays.drawn(), request, writeInto, title, written, notes);
      }
    } else {
      notes.add(
          "shard "
              + result.shard().spec()
              + ": no overlays or pictures; merge the shards"
              + " (metabound merge) and draw with --from-csv");
    }
    phase.accept("overlay csv and pictures");
    if (request.processStartNanos() != 0) {
      JsonObject timing = (JsonObject) sidecar.get("timing");
      timing.put("processSecondsBeforeSidecar", (System.nanoTime() - request.processStartNanos()) * 1e-9);
    }
    Path json = out.resolve("heatmap.json");
    JsonArray files = sidecar.putArray("files");
    written.forEach(files::add);
    files.add(json.toString());
    SweepSidecar.write(sidecar, writeInto.resolve(json.getFileName()));
    written.add(json.toString());
    phase.accept("write json");
    return new Outcome(result, drawn, notApplicable, gaps, written, notes, title);
  }

  /**
   * The overlays of a map: the exact spectral boundary, Takagi2019 (N = 1), Ji2022 (n-alpha), and
   * every registered stepsize condition of the bounds registry that applies ({@link
   * RegistryOverlay}).
   */
  public static Overlays overlays(SweepTasks problem, SweepGrid grid, double[] start) {
    PlotWindow window = PlotWindow.of(grid);
    List<BoundaryOverlay> drawn = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    EstimatorMapSource maps = problem.maps();
    if (grid instanceof SweepGrid.AlphaBeta ab) {
      drawn.add(
          SpectralOverlay.alphaBeta(maps, ab.innerSteps(), start, window, problem.displayName()));
      boolean mamlFamily = problem.dependsOnAlpha();
      if (mamlFamily && ab.innerSteps() == 1) {
        drawn.addAll(TakagiOverlay.alphaBeta(problem.innerEigenvalues(), window));
      } else {
        skipped.add(
            "takagi2019: not applicable ("
                + (mamlFamily
                    ? "N = " + ab.innerSteps() + "; the conditions are for one inner step"
                    : problem.estimator().displayName() + " is not a one-step MAML update")
                + ")");
      }
      RegistryOverlay.Selection registry =
          RegistryOverlay.alphaBeta(
              problem.estimator(), ab.innerSteps(), problem.constants(), window);
      drawn.addAll(registry.drawn());
      skipped.addAll(registry.notApplicable());
    } else if (grid instanceof SweepGrid.StepsAlpha sa) {
      drawn.add(
          SpectralOverlay.stepsAlpha(
              maps, sa.steps(), sa.fixedBeta(), start, window, problem.displayName()));
      if (problem.estimator() == Estimator.MAML) {
        double l = problem.smoothness();
        drawn.add(Ji2022StepsOverlay.curve(Ji2022StepsOverlay.C_PAPER, l, window));
        drawn.add(Ji2022StepsOverlay.curve(Ji2022StepsOverlay.C_LIMIT, l, window));
      } else {
        skipped.add("ji2022: not applicable (the alpha = c/(N L) choice is for multi-step MAML)");
      }
      RegistryOverlay.Selection registry =
          RegistryOverlay.stepsAlpha(
              problem.estimator(),
              problem.constants(),
              window,
              Set.of("ji2022.cor6.inner-stepsize", "ji2022.cor10.inner-stepsize"));
      drawn.addAll(registry.drawn());
      skipped.addAll(registry.notApplicable());
    }
    return new Overlays(drawn, skipped);
  }

  /** The picture's title: estimator, N or β, task count, dimension, T. */
  static String title(
      SweepTasks problem, SweepGrid grid, ConvergenceCriterion criterion, HeatmapColouring colouring) {
    String steps =
        grid instanceof SweepGrid.AlphaBeta ab
            ? (problem.hasInnerSteps() ? ", N = " + ab.innerSteps() : "")
            : ", β = " + ((SweepGrid.StepsAlpha) grid).fixedBeta();
    return problem.displayName()
        + steps
        + " — "
        + problem.tasks().size()
        + " task"
        + (problem.tasks().size() == 1 ? "" : "s")
        + ", d = "
        + problem.dimension()
        + ", T = "
        + criterion.iterations()
        + (colouring == HeatmapColouring.RATE ? " — colour: empirical linear rate" : "");
  }

  /** Axis titles: rows along x, columns along y. */
  public static String xTitle(SweepGrid grid) {
    return grid instanceof SweepGrid.AlphaBeta ? "α (inner step size)" : "N (inner steps)";
  }

  public static String yTitle(SweepGrid grid) {
    return grid instanceof SweepGrid.AlphaBeta ? "β (meta step size)" : "α (inner step size)";
  }

  private static void writePictures(
      SweepResult result,
      List<BoundaryOverlay> overlays,
      Request request,
      Path writeInto,
      String title,
      List<String> written,
      List<String> notes)
      throws IOException {
    SweepGrid grid = request.grid();
    if (grid.cells() > HeatmapPlot.MAX_PICTURE_CELLS) {
      notes.add("grid too large to draw (" + grid.cells() + " cells); CSV and JSON written");
      return;
    }
    HeatmapPlot plot =
        new HeatmapPlot(result, overlays, request.colouring(), title, xTitle(grid), yTitle(grid));
    plot.outsideWindow().forEach(o -> notes.add(o.text()));
    for (ImageFormat f : request.formats()) {
      if (!plot.supports(f)) {
        notes.add(
            f.extension()
                + " skipped: more than "
                + HeatmapPlot.MAX_VECTOR_CELLS
                + " cells for a vector picture (the PNG is written)");
        continue;
      }
      Path file = request.out().resolve("heatmap." + f.extension());
      plot.write(f, writeInto.resolve(file.getFileName()));
      written.add(file.toString());
    }
  }
}
