package io.metabound.reports.heatmap;

import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepIdentity;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The {@link SweepIdentity} of a heatmap request: every option that changes a cell — grid (both
 * axes and N or the fixed β), estimator and its parameters, criterion, start point, noise and
 * batches, the tasks' SHA-256, seed and shard count. Two shards merge only when these are equal,
 * so this list must grow with every new option that changes the cells.
 */
public final class HeatmapIdentity {

  private HeatmapIdentity() {}

  /** The identity of {@code request}'s sweep. */
  public static SweepIdentity of(HeatmapJob.Request request) {
    SweepIdentity.Builder id = SweepIdentity.builder();
    SweepGrid grid = request.grid();
    id.put("map", grid.mapName());
    if (grid instanceof SweepGrid.AlphaBeta ab) {
      id.put("alpha", ab.alpha().spec());
      id.put("beta", ab.beta().spec());
      id.put("innerSteps", ab.innerSteps());
    } else if (grid instanceof SweepGrid.StepsAlpha sa) {
      id.put("steps", sa.steps().spec());
      id.put("alpha", sa.alpha().spec());
      id.put("beta", sa.fixedBeta());
    }
    SweepTasks problem = request.problem();
    id.put("estimator", problem.estimator().name().toLowerCase(Locale.ROOT));
    SweepTasks.Settings settings = problem.settings();
    switch (problem.estimator()) {
      case HFMAML -> id.put("delta", settings.delta());
      case IMAML -> id.put("lambda", settings.lambda());
      case MAML_PROX ->
          id.put("lambda", settings.lambda())
              .put("proxSteps", settings.proxSteps())
              .put("proxRate", settings.proxRate());
      default -> {}
    }
    id.put("iterations", request.criterion().iterations());
    id.put("tolerance", request.criterion().tolerance());
    id.put("cap", request.criterion().cap());
    StringJoiner start = new StringJoiner(",");
    for (double x : request.start()) {
      start.add(Double.toString(x));
    }
    id.put("start", start.toString());
    SweepTasks.Noise noise = problem.noise();
    if (noise == null) {
      id.put("noise", "none");
    } else {
      id.put("noise", noise.gradientNoise() + "," + noise.hessianNoise());
      id.put("batches", noise.innerBatch() + "," + noise.hessianBatch() + "," + noise.outerBatch());
      id.put("taskBatch", noise.taskBatch());
    }
    SweepTasks.TasksDigest tasks = problem.tasksDigest();
    id.put(tasks.field(), tasks.sha256());
    id.put("seed", request.seed());
    id.put("shardCount", request.shard().count());
    // what each cell computes, in words: catches a setting missing from the fields above
    id.put("cellModel", request.model().description());
    return id.build();
  }
}
