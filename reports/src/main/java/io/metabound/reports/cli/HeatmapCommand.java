package io.metabound.reports.cli;

import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.sweep.CellModel;
import io.metabound.experiments.sweep.CellStatus;
import io.metabound.experiments.sweep.ConvergenceCriterion;
import io.metabound.experiments.sweep.GridAxis;
import io.metabound.experiments.sweep.KernelWarmUp;
import io.metabound.experiments.sweep.OverlayGap;
import io.metabound.experiments.sweep.Shard;
import io.metabound.experiments.sweep.StepsRange;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepInputException;
import io.metabound.experiments.sweep.SweepResult;
import io.metabound.reports.heatmap.HeatmapJob;
import io.metabound.reports.heatmap.SweepTasks;
import io.metabound.reports.io.OutputFolder;
import io.metabound.reports.io.TerminalProgress;
import io.metabound.reports.plot.HeatmapColouring;
import io.metabound.reports.plot.ImageFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metabound heatmap}: the convergence map of a deterministic MAML-family estimator on
 * quadratic tasks, with the theoretical boundaries on top and the data next to the picture.
 *
 * <p>Two map types: {@code --map alpha-beta} (default; α rows × β columns, N fixed by
 * {@code --steps}) and {@code --map n-alpha} (N rows from {@code --steps-range FIRST:LAST} × α
 * columns, with one fixed meta step size {@code --beta B}) for Ji2022's α ∝ 1/N claim.
 *
 * <p>Writes {@code DIR/heatmap.csv} and {@code DIR/heatmap.json} always, the pictures
 * {@code DIR/heatmap.{png,svg,pdf}} per {@code --format}, and {@code DIR/heatmap-overlays.csv} (the
 * curves' data) whenever overlays are computed (whole grids only; a shard draws nothing — merge the
 * shards and draw with {@code --from-csv}). All files are written atomically.
 */
@Command(
    name = "heatmap",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Draws the convergence map of a deterministic estimator on quadratic tasks.",
      "Each cell runs T outer iterations w <- w - beta*(A w - b) of the estimator's",
      "exact update map from the start and is classified converged",
      "(||grad F(w_T)|| <= tol*||grad F(w_0)||), diverged (non-finite, or |w_j| > cap",
      "at some iteration) or undecided. Grid points: LO + (HI-LO)*(k+1)/COUNT.",
      "Overlays: the exact spectral boundary; Takagi2019 (N = 1); Ji2022's",
      "alpha = c/(N L) (n-alpha maps); every registered stepsize condition of the",
      "bounds registry that applies. Stdout and the JSON sidecar say how far each",
      "overlay is from the empirical boundary.",
      "Writes DIR/heatmap.{csv,json} always, DIR/heatmap.{png,svg,pdf} per --format.",
      ""
    })
public final class HeatmapCommand implements Callable<Integer> {

  static final class TaskChoice {
    @Option(names = "--tasks", paramLabel = "FILE", required = true,
        description = "quadratic task file (JSON: {\"tasks\":[{\"H\":[[..]],\"c\":[..]}, ...]})")
    Path file;

    @Option(names = "--family", paramLabel = "SPEC", required = true,
        description = "generated task family (the experiments generator's spec)")
    String family;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  TaskChoice tasks;

  @Option(names = "--estimator", paramLabel = "NAME", defaultValue = "maml",
      description = "maml (exact N-step), fomaml, hfmaml (N = 1), imaml, maml-prox (default: ${DEFAULT-VALUE})")
  String estimator;

  @Option(names = "--map", paramLabel = "TYPE", defaultValue = "alpha-beta",
      description = "alpha-beta (default) or n-alpha (rows N from --steps-range, columns alpha, fixed --beta)")
  String map;

  @Option(names = "--steps", paramLabel = "N", description = "inner steps N of an alpha-beta map (default 1)")
  Integer steps;

  @Option(names = "--steps-range", paramLabel = "FIRST:LAST", description = "inner steps of an n-alpha map, e.g. 1:20")
  String stepsRange;

  @Option(names = "--iters", paramLabel = "T", defaultValue = "300", description = "outer iterations T (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--alpha", paramLabel = "LO:HI:COUNT", required = true, description = "inner step sizes")
  String alpha;

  @Option(names = "--beta", paramLabel = "LO:HI:COUNT|B",
      description = "meta step sizes (alpha-beta map), or the one fixed meta step size B (n-alpha map)")
  String beta;

  @Option(names = "--start", paramLabel = "w1,w2,...", description = "start point w_0 (default: the origin)")
  String start;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "sweep seed; cell seeds derive from it (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--shard", paramLabel = "i/n", description = "compute only shard i of n (1-based contiguous cell blocks)")
  String shard;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = "all",
      description = "all, csv, or a comma list of png, svg, pdf (CSV and JSON are always written; default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = {"--colour", "--color"}, paramLabel = "WHAT", defaultValue = "status",
      description = "cell colour: status or rate (default: ${DEFAULT-VALUE})")
  String colour;

  @Option(names = "--tol", paramLabel = "TOL", defaultValue = "1e-6", description = "relative gradient tolerance (default: ${DEFAULT-VALUE})")
  double tolerance;

  @Option(names = "--cap", paramLabel = "CAP", defaultValue = "1e8", description = "divergence cap on |w_j| (default: ${DEFAULT-VALUE})")
  double cap;

  @Option(names = "--lambda", paramLabel = "LAMBDA", defaultValue = "1.0",
      description = "iMAML / MAML-prox regulariser (default: ${DEFAULT-VALUE})")
  double lambda;

  @Option(names = "--delta", paramLabel = "DELTA", defaultValue = "1e-3",
      description = "HF-MAML finite-difference step (default: ${DEFAULT-VALUE})")
  double delta;

  @Option(names = "--prox-steps", paramLabel = "K", defaultValue = "10",
      description = "MAML-prox: GD steps on the proximal problem (default: ${DEFAULT-VALUE})")
  int proxSteps;

  @Option(names = "--prox-rate", paramLabel = "ETA", defaultValue = "0.1",
      description = "MAML-prox: step size of those steps (default: ${DEFAULT-VALUE})")
  double proxRate;

  @Option(names = "--noise", paramLabel = "SIGMA_G[,SIGMA_H]",
      description = "stochastic sweep: additive Gaussian noise on task gradients (and Hessians);"
          + " maml runs Ji2022 Alg. 1, fomaml/hfmaml Fallah2020's one-step estimators")
  String noise;

  @Option(names = "--batches", paramLabel = "S,D,T", defaultValue = "10,10,10",
      description = "stochastic sweep: inner, Hessian and outer sample batch sizes (default: ${DEFAULT-VALUE})")
  String batches;

  @Option(names = "--task-batch", paramLabel = "B", defaultValue = "0",
      description = "stochastic sweep: tasks drawn per outer step; 0 = all, weighted (default: ${DEFAULT-VALUE})")
  int taskBatch;

  @Option(names = "--from-csv", paramLabel = "FILE",
      description = "draw from an existing (e.g. merged) sweep CSV of the same grid instead of computing")
  Path fromCsv;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
  Path out;

  @Option(names = "--timings", hidden = true, description = "print phase timings to stderr")
  boolean timings;

  @Spec CommandSpec spec;

  private long phaseStart;

  private void phase(String name) {
    if (timings) {
      long now = System.nanoTime();
      spec.commandLine().getErr().printf(Locale.ROOT, "timing: %-28s %7.3f s%n", name, (now - phaseStart) * 1e-9);
      spec.commandLine().getErr().flush();
      phaseStart = now;
    }
  }

  @Override
  public Integer call() throws IOException {
    try {
      return run();
    } catch (SweepInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private Integer run() throws IOException {
    long processStart = System.nanoTime();
    phaseStart = processStart;
    if (timings) {
      spec.commandLine().getErr().printf(Locale.ROOT, "timing: %-28s %7.3f s%n", "jvm start to command",
          (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) * 1e-3);
    }
    try (KernelWarmUp warmUp = fromCsv == null ? KernelWarmUp.start() : null) {
      return run(processStart, warmUp);
    }
  }

  private Integer run(long processStart, KernelWarmUp warmUp) throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    Set<ImageFormat> formats = parseFormats(format);
    HeatmapColouring colouring = parseColouring(colour);
    Shard slice = shard == null ? Shard.WHOLE : Shard.parse(shard);
    if (fromCsv != null && !slice.isWhole()) {
      throw new UserInputException("--from-csv draws a whole grid; it cannot be combined with --shard");
    }
    phase("options");
    SweepTasks problem = SweepTasks.load(tasks.file, tasks.family, estimator,
        new SweepTasks.Settings(lambda, delta, proxSteps, proxRate));
    phase("tasks");
    SweepGrid grid = grid(problem);
    problem.checkParameters(grid.steps(0, 0), grid.alpha(0, 0));
    ConvergenceCriterion criterion = new ConvergenceCriterion(iterations, tolerance, cap);
    double[] w0 = startPoint(problem.dimension());
    phase("read tasks, bind estimator");
    CellModel model = problem.cellModel(w0, criterion, parseNoise(), grid.steps(0, 0));
    grid.checkSize(slice);

    phase("setup");
    long cells = slice.endCell(grid.cells()) - slice.firstCell(grid.cells());
    HeatmapJob.Outcome outcome;
    // CSV, JSON and pictures are committed together: a killed rerun leaves the old set or the new
    try (OutputFolder folder = OutputFolder.open(out, "--out", "heatmap");
        TerminalProgress progress =
        fromCsv == null
            ? TerminalProgress.start("heatmap", cells, " cells", 20_000)
            : TerminalProgress.silent()) {
      outcome =
          HeatmapJob.run(
              new HeatmapJob.Request(
                  problem, grid, criterion, w0, model, seed, slice, fromCsv, formats, colouring,
                  out, spec.root().version()[0], processStart),
              folder.path(),
              progress,
              () -> {
                if (warmUp != null) {
                  warmUp.close(); // the sweep needs every core
                }
              },
              this::phase);
      folder.commit();
    }
    report(stdout, outcome.result(), problem, outcome.gaps(), grid, outcome.written(), outcome.notes());
    return MetaBoundCommand.OK;
  }

  private SweepGrid grid(SweepTasks problem) {
    String type = map.toLowerCase(Locale.ROOT);
    if (beta == null) {
      throw new UserInputException("--beta is required (LO:HI:COUNT for alpha-beta maps, one value for n-alpha)");
    }
    switch (type) {
      case "alpha-beta", "ab" -> {
        if (stepsRange != null) {
          throw new UserInputException("--steps-range belongs to --map n-alpha; use --steps N here");
        }
        int n = steps == null ? 1 : steps;
        if (problem.estimator() == Estimator.HFMAML && n != 1) {
          throw new UserInputException("--steps: HF-MAML takes one inner step (N = 1), got " + n);
        }
        return new SweepGrid.AlphaBeta(GridAxis.parse("alpha", alpha), GridAxis.parse("beta", beta), n);
      }
      case "n-alpha", "steps-alpha" -> {
        if (steps != null) {
          throw new UserInputException("--steps belongs to alpha-beta maps; an n-alpha map takes --steps-range");
        }
        if (stepsRange == null) {
          throw new UserInputException("--map n-alpha needs --steps-range FIRST:LAST (e.g. 1:20)");
        }
        if (noise != null && problem.estimator() != Estimator.MAML) {
          throw new UserInputException("--map n-alpha with --noise needs --estimator maml (the"
              + " stochastic FO-/HF-MAML estimators take one inner step)");
        }
        if (!problem.hasInnerSteps()) {
          throw new UserInputException("--map n-alpha needs an estimator with N inner steps (maml or fomaml)");
        }
        double b;
        try {
          b = Double.parseDouble(beta.trim());
        } catch (NumberFormatException e) {
          throw new UserInputException("--beta: an n-alpha map takes one fixed meta step size, got '" + beta + "'");
        }
        return new SweepGrid.StepsAlpha(StepsRange.parse(stepsRange), GridAxis.parse("alpha", alpha), b);
      }
      default -> throw new UserInputException("--map: expected alpha-beta or n-alpha, got '" + map + "'");
    }
  }

  private SweepTasks.Noise parseNoise() {
    if (noise == null) {
      return null;
    }
    String[] sigma = noise.trim().split("\\s*,\\s*");
    String[] batch = batches.trim().split("\\s*,\\s*");
    if (sigma.length > 2) {
      throw new UserInputException("--noise: expected SIGMA_G or SIGMA_G,SIGMA_H, got '" + noise + "'");
    }
    if (batch.length != 3) {
      throw new UserInputException("--batches: expected S,D,T (three batch sizes), got '" + batches + "'");
    }
    double sigmaG = nonNegative("--noise", sigma[0]);
    double sigmaH = sigma.length == 2 ? nonNegative("--noise", sigma[1]) : 0;
    int[] sizes = new int[3];
    for (int i = 0; i < 3; i++) {
      try {
        sizes[i] = Integer.parseInt(batch[i]);
      } catch (NumberFormatException e) {
        sizes[i] = 0;
      }
      if (sizes[i] < 1) {
        throw new UserInputException("--batches: batch sizes must be integers >= 1, got '" + batch[i] + "'");
      }
    }
    if (taskBatch < 0) {
      throw new UserInputException("--task-batch: must be >= 0 (0 = all tasks), got " + taskBatch);
    }
    return new SweepTasks.Noise(sigmaG, sigmaH, sizes[0], sizes[1], sizes[2], taskBatch);
  }

  private static double nonNegative(String option, String text) {
    double x;
    try {
      x = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UserInputException(option + ": not a number: '" + text + "'");
    }
    if (!(x >= 0) || Double.isInfinite(x)) {
      throw new UserInputException(option + ": must be a finite number >= 0, got " + text);
    }
    return x;
  }

  private double[] startPoint(int dimension) {
    return start == null ? new double[dimension] : CliVectors.parse("--start", start, dimension);
  }

  static Set<ImageFormat> parseFormats(String text) {
    Set<ImageFormat> formats = EnumSet.noneOf(ImageFormat.class);
    for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
      switch (part.trim()) {
        case "all" -> formats.addAll(EnumSet.allOf(ImageFormat.class));
        case "csv", "json" -> { }
        case "png" -> formats.add(ImageFormat.PNG);
        case "svg" -> formats.add(ImageFormat.SVG);
        case "pdf" -> formats.add(ImageFormat.PDF);
        default -> throw new UserInputException(
            "--format: expected all, csv, png, svg or pdf (comma-separated), got '" + part.trim() + "'");
      }
    }
    return formats;
  }

  private static HeatmapColouring parseColouring(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "status" -> HeatmapColouring.STATUS;
      case "rate" -> HeatmapColouring.RATE;
      default -> throw new UserInputException("--colour: expected status or rate, got '" + text + "'");
    };
  }

  private static void report(
      PrintWriter stdout, SweepResult result, SweepTasks problem, List<OverlayGap> gaps,
      SweepGrid grid, List<String> written, List<String> notes) {
    int degenerate = result.count(CellStatus.DEGENERATE);
    stdout.printf(Locale.ROOT, "heatmap %s %s: %d cells%s: %d converged, %d undecided, %d diverged%s%n",
        grid.mapName(), problem.displayName(), result.size(),
        result.shard().isWhole() ? "" : " (shard " + result.shard().spec() + ")",
        result.count(CellStatus.CONVERGED), result.count(CellStatus.UNDECIDED),
        result.count(CellStatus.DIVERGED),
        degenerate == 0 ? "" : ", " + degenerate + " degenerate (the start gradient underflowed"
            + " double precision: below " + CellStatus.DEGENERATE_GRADIENT_NORM + ", or zero because"
            + " the update map underflowed)");
    if (result.elapsedNanos() > 0) {
      stdout.printf(Locale.ROOT, "computed in %.3f s on %d threads (%.0f cells/s)%n",
          result.elapsedNanos() * 1e-9, result.threads(), result.cellsPerSecond());
    }
    for (OverlayGap gap : gaps) {
      stdout.println("overlay " + gap.summary(grid.rowName()));
    }
    for (String note : notes) {
      stdout.println("note: " + note);
    }
    for (String file : written) {
      stdout.println("wrote " + file);
    }
    stdout.flush();
  }
}
