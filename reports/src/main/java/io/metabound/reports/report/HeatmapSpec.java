package io.metabound.reports.report;

import io.metabound.experiments.sweep.CellModel;
import io.metabound.experiments.sweep.ConvergenceCriterion;
import io.metabound.experiments.sweep.GridAxis;
import io.metabound.experiments.sweep.Shard;
import io.metabound.experiments.sweep.StepsRange;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.reports.heatmap.HeatmapJob;
import io.metabound.reports.heatmap.SweepTasks;
import io.metabound.reports.plot.HeatmapColouring;
import io.metabound.reports.plot.ImageFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One convergence map of the report, drawn by the same {@link HeatmapJob} as {@code metabound
 * heatmap} (what the equivalent command line would be is in {@link #commandLine()}).
 *
 * @param id file-name-safe id, also the folder name
 * @param estimator the CLI estimator name
 * @param family the task family spec
 * @param alphaBeta true for an (α, β) map, false for an (N, α) map
 * @param steps N of an (α, β) map
 * @param stepsRange {@code FIRST:LAST} of an (N, α) map
 * @param alpha {@code LO:HI:COUNT}
 * @param beta {@code LO:HI:COUNT}, or the fixed β of an (N, α) map
 * @param iterations T
 * @param seed the sweep seed
 */
public record HeatmapSpec(
    String id,
    String estimator,
    String family,
    boolean alphaBeta,
    int steps,
    String stepsRange,
    String alpha,
    String beta,
    int iterations,
    long seed) {

  /** λ, δ, K and η of the estimators that need them (the heatmap command's defaults). */
  static final SweepTasks.Settings SETTINGS = new SweepTasks.Settings(1.0, 1e-3, 10, 0.1);

  /**
   * The report's maps on one generated family: (α, β) maps of every deterministic estimator with
   * one inner step (so Takagi2019's curves apply to the MAML family), and the (N, α) map of exact
   * MAML with Ji2022's α = c/(NL) curves.
   */
  public static List<HeatmapSpec> defaults(long seed, boolean quick) {
    String family = "quadratic:dim=4,tasks=4,spectrum=0.25:2,seed=" + seed;
    int count = quick ? 16 : 60;
    int t = quick ? 150 : 300;
    String alpha = "0:1.2:" + count;
    String beta = "0:3:" + count;
    return List.of(
        new HeatmapSpec("maml", "maml", family, true, 1, null, alpha, beta, t, seed),
        new HeatmapSpec("fomaml", "fomaml", family, true, 1, null, alpha, beta, t, seed),
        new HeatmapSpec("hfmaml", "hfmaml", family, true, 1, null, alpha, beta, t, seed),
        new HeatmapSpec("imaml", "imaml", family, true, 1, null, alpha, "0:24:" + count, t, seed),
        new HeatmapSpec("maml-prox", "maml-prox", family, true, 1, null, alpha, "0:24:" + count, t, seed),
        new HeatmapSpec(
            "maml-n-alpha", "maml", family, false, 0, quick ? "1:10" : "1:30", "0:0.6:" + count, "1.0", t, seed));
  }

  /** The equivalent {@code metabound heatmap} command line. */
  public String commandLine() {
    return "metabound heatmap --family " + family + " --estimator " + estimator
        + (alphaBeta ? " --steps " + steps : " --map n-alpha --steps-range " + stepsRange)
        + " --alpha " + alpha + " --beta " + beta + " --iters " + iterations + " --seed " + seed
        + " --format png";
  }

  /** Runs the map into {@code dir}. */
  HeatmapJob.Outcome run(Path dir, String tool) throws IOException {
    SweepTasks problem = SweepTasks.load(null, family, estimator, SETTINGS);
    SweepGrid grid =
        alphaBeta
            ? new SweepGrid.AlphaBeta(GridAxis.parse("alpha", alpha), GridAxis.parse("beta", beta), steps)
            : new SweepGrid.StepsAlpha(
                StepsRange.parse(stepsRange), GridAxis.parse("alpha", alpha), Double.parseDouble(beta));
    problem.checkParameters(grid.steps(0, 0), grid.alpha(0, 0));
    ConvergenceCriterion criterion = ConvergenceCriterion.of(iterations);
    double[] start = new double[problem.dimension()];
    CellModel model = problem.cellModel(start, criterion, null, grid.steps(0, 0));
    return HeatmapJob.run(
        new HeatmapJob.Request(
            problem, grid, criterion, start, model, seed, Shard.WHOLE, null,
            Set.of(ImageFormat.PNG), HeatmapColouring.STATUS, dir, tool, 0),
        done -> {},
        () -> {},
        phase -> {});
  }
}
