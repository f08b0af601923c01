package io.metabound.experiments.reproduction;

import io.metabound.experiments.algorithm.FiniteDifferenceStep;
import io.metabound.experiments.algorithm.OneStepStochasticMaml;
import io.metabound.experiments.algorithm.OuterLoop;
import io.metabound.experiments.algorithm.Trajectory;
import io.metabound.experiments.check.Seeds;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.noise.AdditiveGaussianNoise;
import io.metabound.experiments.noise.StochasticOracle;
import io.metabound.experiments.noise.StochasticTaskSet;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticFamily;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fallah, Mokhtari and Ozdaglar (2020), Table 1 and Theorems 4.12, 4.15, 4.17: FO-MAML reaches only
 * {@code E‖∇F(w)‖ = O(ασ)} (Cor. 4.16: O(ασL)), whatever the batch sizes, while MAML and HF-MAML
 * reach any ε with large enough batches.
 *
 * <p>Two measurements on one-step MAML over heterogeneous quadratic tasks (the floor needs
 * different task Hessians: with one shared Hessian FO-MAML's fixed point is stationary):
 *
 * <ol>
 *   <li><b>Deterministic part, exact.</b> The iterates of an estimator with exact gradients converge
 *       to the fixed point of its affine direction; {@code ‖∇F‖} there is its floor. FO-MAML's fixed
 *       point {@code w_FO} ({@link QuadraticMetaOracle#firstOrderFixedPoint}) is not stationary:
 *       {@code ‖∇F(w_FO)‖ = α‖Σ p_i H_i ∇F_i^{FO}(w_FO)‖ + O(α²)}, linear in α and in the spread of
 *       the task gradients σ(w_FO) (exact, at w_FO). MAML's and HF-MAML's fixed points are
 *       stationary (floor at rounding). Fitted: log-log slope of the FO floor against α·σ over a
 *       grid of α and centre scales.
 *   <li><b>Stochastic runs.</b> Fallah's estimators (eq. (5), (8), (10)–(11)) with additive Gaussian
 *       noise, batch D for D_in = D_o = D_h, a constant β, all tasks per step; {@code ‖∇F(w_k)‖}
 *       exact along the run, averaged over the last half of the iterations, then over seeds (mean
 *       with a 95 % Student-t interval). MAML and HF-MAML fall as {@code D^{−1/2}}; FO-MAML
 *       plateaus at its exact floor (by Jensen its expectation is at least the floor).
 * </ol>
 */
public final class FallahTable1 implements Reproduction {

  static final int DIMENSION = 3;
  static final int TASKS = 4;
  static final double SPECTRUM_LOW = 0.5;
  static final double SPECTRUM_HIGH = 2.0;
  static final double DELTA = 1e-3;

  private static final long TASK_STREAM = 31;
  private static final long RUN_STREAM = 32;

  @Override
  public String name() {
    return "fallah-table1";
  }

  @Override
  public String title() {
    return "Fallah2020 Table 1: FO-MAML's floor grows linearly in α·σ; MAML and HF-MAML have none";
  }

  /** The base tasks (centres of scale 1). */
  static TaskSet baseTasks(long seed) {
    return new QuadraticFamily(
            DIMENSION, TASKS, SPECTRUM_LOW, SPECTRUM_HIGH, 1.0, 0.0, false, Seeds.derive(seed, TASK_STREAM))
        .generate();
  }

  /** The tasks with every centre multiplied by {@code scale}. */
  static TaskSet scaled(TaskSet tasks, double scale) {
    List<MetaTask> out = new ArrayList<>();
    for (MetaTask t : tasks.tasks()) {
      QuadraticLoss q = (QuadraticLoss) t.inner();
      double[] c = q.centre();
      for (int k = 0; k < c.length; k++) {
        c[k] *= scale;
      }
      out.add(MetaTask.same(new QuadraticLoss(q.hessian(), c)));
    }
    return new TaskSet(out);
  }

  /** {@code L = max_i ‖H_i‖₂} (exact). */
  static double smoothness(TaskSet tasks) {
    QuadraticTasks q = QuadraticTasks.of(tasks);
    double l = 0;
    for (int i = 0; i < q.size(); i++) {
      double[] e = q.innerEigenvalues(i);
      l = Math.max(l, Math.max(Math.abs(e[0]), Math.abs(e[e.length - 1])));
    }
    return l;
  }

  /** σ(w)² = Σ p_i ‖∇f_i(w) − Σ_j p_j ∇f_j(w)‖², exact. */
  static double taskSpread(TaskSet tasks, double[] w) {
    int d = tasks.dimension();
    double[][] g = new double[tasks.size()][d];
    double[] mean = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      tasks.get(i).inner().gradient(w, g[i]);
      for (int k = 0; k < d; k++) {
        mean[k] += tasks.probability(i) * g[i][k];
      }
    }
    double s = 0;
    for (int i = 0; i < tasks.size(); i++) {
      s += tasks.probability(i) * Math.pow(Vectors.distance(g[i], mean), 2);
    }
    return Math.sqrt(s);
  }

  /** The exact floors of one (α, scale) point: FO-MAML, MAML, HF-MAML, and σ at w_FO. */
  record Floors(double alpha, double scale, double sigma, double fo, double maml, double hf) {}

  static Floors floors(TaskSet tasks, double alpha, double scale) {
    TaskSet t = scaled(tasks, scale);
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(t, alpha, 1);
    double[] wFo = oracle.firstOrderFixedPoint().point();
    double[] wMaml = oracle.stationaryPoint().point();
    double[] wHf =
        EstimatorMaps.of(t).fixedPoint(Estimator.HFMAML, EstimatorParameters.hfMaml(alpha, DELTA)).point();
    return new Floors(
        alpha,
        scale,
        taskSpread(t, wFo),
        Vectors.norm(oracle.metaGradient(wFo).value()),
        Vectors.norm(oracle.metaGradient(wMaml).value()),
        Vectors.norm(oracle.metaGradient(wHf).value()));
  }

  /**
   * {@code ‖∇F(w_k)‖} of a stochastic run, averaged over the second half of the iterations, for
   * each of {@code runs} seeds.
   */
  static double[] stationarity(
      TaskSet tasks,
      double alpha,
      OneStepStochasticMaml.Variant variant,
      int batch,
      double beta,
      int iterations,
      int runs,
      long seed) {
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, alpha, 1);
    double[] gradient = new double[tasks.dimension()];
    double[] out = new double[runs];
    for (int r = 0; r < runs; r++) {
      List<StochasticOracle> oracles = new ArrayList<>();
      for (MetaTask t : tasks.tasks()) {
        oracles.add(new AdditiveGaussianNoise(t.inner(), 1.0, 1.0));
      }
      OneStepStochasticMaml estimator =
          new OneStepStochasticMaml(
              StochasticTaskSet.uniform(oracles),
              alpha,
              variant,
              batch,
              batch,
              batch,
              new FiniteDifferenceStep.Fixed(DELTA));
      Trajectory run =
          OuterLoop.builder(estimator)
              .iterations(iterations)
              .stepSize(beta)
              .observer(
                  w -> {
                    oracle.metaGradient(w, gradient);
                    return Vectors.norm(gradient);
                  })
              .build()
              .run(new double[tasks.dimension()], Seeds.derive(seed, r));
      double[] observed = run.observed();
      int from = iterations / 2;
      double s = 0;
      int n = 0;
      for (int k = from; k < observed.length; k++) {
        s += observed[k];
        n++;
      }
      out[r] = s / n;
    }
    return out;
  }

  @Override
  public ReproductionResult run(ReproductionSettings settings) {
    long seed = settings.seed();
    boolean quick = settings.quick();
    TaskSet tasks = baseTasks(seed);
    double l = smoothness(tasks);

    // 1. exact floors over α and the centre scale
    double[] alphas = Numbers.logSpaced(0.02 / l, 0.1 / l, quick ? 3 : 6);
    double[] scales = quick ? new double[] {0.5, 1, 2} : new double[] {0.25, 0.5, 1, 2, 4};
    List<Floors> grid = new ArrayList<>();
    for (double a : alphas) {
      for (double s : scales) {
        grid.add(floors(tasks, a, s));
      }
    }
    double[] alphaSigma = grid.stream().mapToDouble(f -> f.alpha() * f.sigma()).toArray();
    double[] fo = grid.stream().mapToDouble(Floors::fo).toArray();
    double[] maml = grid.stream().mapToDouble(Floors::maml).toArray();
    double[] hf = grid.stream().mapToDouble(Floors::hf).toArray();
    LineFit floorFit = LineFit.logLog("FO-MAML floor vs α·σ", alphaSigma, fo, 0.95);
    double worstOther = 0;
    double smallestFo = Double.POSITIVE_INFINITY;
    double ratioLow = Double.POSITIVE_INFINITY;
    double ratioHigh = 0;
    for (Floors f : grid) {
      worstOther = Math.max(worstOther, Math.max(f.maml(), f.hf()) / f.fo());
      smallestFo = Math.min(smallestFo, f.fo());
      double r = f.fo() / (f.alpha() * f.sigma() * l);
      ratioLow = Math.min(ratioLow, r);
      ratioHigh = Math.max(ratioHigh, r);
    }

    // 2. stochastic runs at the largest α and scale
    double alpha = alphas[alphas.length - 1];
    double scale = scales[scales.length - 1];
    TaskSet runTasks = scaled(tasks, scale);
    Floors runFloors = floors(tasks, alpha, scale);
    double metaSmoothness =
        QuadraticMetaOracle.maml(runTasks, alpha, 1).metaSmoothness().value();
    double beta = 0.5 / metaSmoothness;
    int iterations = quick ? 200 : 400;
    int runs = quick ? 8 : 24;
    int[] batches = quick ? new int[] {1, 8, 64, 512} : new int[] {1, 4, 16, 64, 256, 1024, 4096};
    double[] d = new double[batches.length];
    List<Series> runSeries = new ArrayList<>();
    List<LineFit> fits = new ArrayList<>(List.of(floorFit));
    List<Finding> findings = new ArrayList<>();
    findings.add(
        new Finding(
            "FO-MAML's accuracy floor is O(ασ) (Table 1; Cor. 4.16: O(ασL)): linear in α·σ.",
            floorFit.describe()
                + String.format(
                    Locale.ROOT,
                    " over %d points (α ∈ [%s, %s], centre scales %s); floor/(ασL) ∈ [%s, %s]",
                    grid.size(),
                    Numbers.format(alphas[0]),
                    Numbers.format(alphas[alphas.length - 1]),
                    java.util.Arrays.toString(scales),
                    Numbers.format(ratioLow),
                    Numbers.format(ratioHigh)),
            "1 in the slope's 95 % interval, or |slope − 1| ≤ 0.1",
            Agreement.of(floorFit.slopeIntervalContains(1) || Math.abs(floorFit.slope() - 1) <= 0.1)));
    findings.add(
        new Finding(
            "MAML and HF-MAML have no such floor: their fixed points are stationary, so they go"
                + " below any ε (Thms 4.12, 4.17).",
            String.format(
                Locale.ROOT,
                "largest ‖∇F‖ at the MAML / HF-MAML fixed point relative to FO-MAML's floor: %s"
                    + " (smallest FO floor %s)",
                Numbers.format(worstOther),
                Numbers.format(smallestFo)),
            "≤ 1e-8 at every grid point",
            Agreement.of(worstOther <= 1e-8)));

    double[] foMean = new double[batches.length];
    double[] foLower = new double[batches.length];
    double[] foUpper = new double[batches.length];
    for (OneStepStochasticMaml.Variant variant : OneStepStochasticMaml.Variant.values()) {
      double[] mean = new double[batches.length];
      double[] lower = new double[batches.length];
      double[] upper = new double[batches.length];
      for (int b = 0; b < batches.length; b++) {
        d[b] = batches[b];
        double[] samples =
            stationarity(
                runTasks, alpha, variant, batches[b], beta, iterations, runs,
                Seeds.derive(Seeds.derive(seed, RUN_STREAM), variant.ordinal() * 1000L + b));
        Measurement m = Measurement.ofSamples(samples, 0.95);
        mean[b] = m.value();
        lower[b] = m.lower();
        upper[b] = m.upper();
      }
      String label =
          switch (variant) {
            case MAML -> "MAML (5)";
            case FIRST_ORDER -> "FO-MAML (8)";
            case HESSIAN_FREE -> "HF-MAML (10)–(11)";
          };
      runSeries.add(Series.measured(label, d, mean, lower, upper));
      if (variant == OneStepStochasticMaml.Variant.FIRST_ORDER) {
        foMean = mean;
        foLower = lower;
        foUpper = upper;
      } else {
        LineFit fit = LineFit.logLog(label + " vs D", d, mean, 0.95);
        fits.add(fit);
        runSeries.add(Series.fit(fit, d));
        int last = batches.length - 1;
        boolean below = upper[last] < runFloors.fo();
        boolean slope = fit.slopeIntervalContains(-0.5) || Math.abs(fit.slope() + 0.5) <= 0.1;
        findings.add(
            new Finding(
                label + " goes below FO-MAML's floor as the batches grow (E‖∇F‖ ∝ D^{−1/2}).",
                String.format(
                    Locale.ROOT,
                    "%s; at D = %d: %s [%s, %s] against the FO floor %s",
                    fit.describe(),
                    batches[last],
                    Numbers.format(mean[last]),
                    Numbers.format(lower[last]),
                    Numbers.format(upper[last]),
                    Numbers.format(runFloors.fo())),
                "−½ in the slope's interval (or within 0.1) and the upper end at the largest D below"
                    + " the FO floor",
                Agreement.of(below && slope)));
      }
    }
    int last = batches.length - 1;
    boolean neverBelow = true;
    for (int b = 0; b < batches.length; b++) {
      neverBelow &= foUpper[b] >= runFloors.fo();
    }
    double plateau = foMean[last] / runFloors.fo();
    findings.add(
        new Finding(
            "FO-MAML does not go below its floor, whatever the batch size.",
            String.format(
                Locale.ROOT,
                "at D = %d: %s [%s, %s], exact floor %s (ratio %s); upper end ≥ floor at %s batch"
                    + " sizes",
                batches[last],
                Numbers.format(foMean[last]),
                Numbers.format(foLower[last]),
                Numbers.format(foUpper[last]),
                Numbers.format(runFloors.fo()),
                Numbers.format(plateau),
                neverBelow ? "all" : "not all"),
            "upper end ≥ floor at every D and mean within 10 % of the floor at the largest D",
            Agreement.of(neverBelow && Math.abs(plateau - 1) <= 0.1)));
    double[] floorLine = new double[batches.length];
    java.util.Arrays.fill(floorLine, runFloors.fo());
    runSeries.add(Series.theory("FO-MAML floor ‖∇F(w_FO)‖ (exact)", d, floorLine));

    List<Figure> figures = new ArrayList<>();
    figures.add(
        new Figure(
            "floor-vs-alpha-sigma",
            "Exact stationarity floor at the fixed point against α·σ",
            "α·σ(w_FO)",
            "‖∇F(w*)‖ at the estimator's fixed point",
            true,
            true,
            List.of(
                Series.measured("FO-MAML", alphaSigma, fo),
                Series.fit(floorFit, alphaSigma),
                Series.measured("MAML", alphaSigma, atLeast(maml)),
                Series.measured("HF-MAML (δ = " + DELTA + ")", alphaSigma, atLeast(hf)))));
    figures.add(
        new Figure(
            "stationarity-vs-batch",
            String.format(
                Locale.ROOT,
                "Stochastic runs: E‖∇F(w)‖ against the batch size (α = %s, σ = %s, %d seeds)",
                Numbers.format(alpha),
                Numbers.format(runFloors.sigma()),
                runs),
            "batch size D = D_in = D_o = D_h",
            "E‖∇F(w_k)‖ (second half of the run)",
            true,
            true,
            runSeries));
    List<Measured> numbers =
        List.of(
            new Measured("L", l, "max_i ‖H_i‖ (exact)"),
            new Measured("floor_slope", floorFit.slope(), "log-log slope of FO-MAML's floor against α·σ"),
            new Measured("floor_over_alpha_sigma_L_min", ratioLow, "smallest floor/(α σ L) on the grid"),
            new Measured("floor_over_alpha_sigma_L_max", ratioHigh, "largest floor/(α σ L) on the grid"),
            new Measured("other_over_fo_max", worstOther, "largest MAML/HF-MAML fixed-point ‖∇F‖ relative to the FO floor"),
            new Measured("run_alpha", alpha, "α of the stochastic runs"),
            new Measured("run_beta", beta, "constant β of the stochastic runs (0.5/L_F)"),
            new Measured("run_fo_floor", runFloors.fo(), "FO-MAML's exact floor at the runs' α and scale"),
            new Measured("run_fo_plateau_ratio", plateau, "FO-MAML mean at the largest D over its exact floor"));
    String setup =
        String.format(
            Locale.ROOT,
            "%d quadratic tasks in d = %d, eigenvalues uniform in [%s, %s], Haar-random bases,"
                + " centres N(0, I) times a scale s (seed %d); L = %s. Floors: α log-spaced in [0.02/L,"
                + " 0.1/L] (Thm 4.15 needs α ≤ 1/(10L)), s ∈ %s, σ exact at FO-MAML's fixed point;"
                + " HF-MAML with δ = %s. Runs: α = %s, s = %s, additive Gaussian noise σ_g = σ_H = 1"
                + " (per sample), batch D for D_in, D_o and D_h, all tasks each step, β = 0.5/L_F =%s"
                + " constant, %d iterations from w = 0, ‖∇F‖ averaged over the second half, %d seeds"
                + " per point (95 %% Student-t intervals).",
            TASKS,
            DIMENSION,
            Numbers.format(SPECTRUM_LOW),
            Numbers.format(SPECTRUM_HIGH),
            seed,
            Numbers.format(l),
            java.util.Arrays.toString(scales),
            Numbers.format(DELTA),
            Numbers.format(alpha),
            Numbers.format(scale),
            " " + Numbers.format(beta),
            iterations,
            runs);
    List<PaperClaim> claims =
        List.of(
            PaperClaim.ofBound(
                "fallah2020.thm4.15.stationarity-floor",
                "FO-MAML: E‖∇F(w_ε)‖ ≤ O(√(σ²(α²L² + 1/B) + σ̃²/(BD_o) + σ̃²/D_in)) + ε; the α²L²σ²"
                    + " term does not shrink with the batch sizes."),
            PaperClaim.ofBound(
                "fallah2020.cor4.16.stationarity-floor",
                "FO-MAML reaches E‖∇F‖ ≤ O(ασL) (Table 1: accuracy O(ασ)) and no better."),
            PaperClaim.ofBound(
                "fallah2020.thm4.12.stationarity-floor",
                "MAML: E‖∇F(w_ε)‖ ≤ O(√(σ²/B + σ̃²/(BD_o) + σ̃²/D_in)) + ε: any ε with large batches."),
            PaperClaim.ofBound(
                "fallah2020.thm4.17.stationarity-floor", "HF-MAML: the same guarantee as MAML."));
    return new ReproductionResult(
        name(),
        title(),
        claims,
        setup,
        figures,
        List.of(),
        fits,
        numbers,
        findings,
        Agreement.combine(findings),
        seed,
        quick,
        List.of(
            "Only the O(·) part of the theorems can be compared (their constants are unspecified):"
                + " the comparison is in slope, not in value.",
            "The floor's interval on the slope reflects how far the exact floors are from a pure power"
                + " law (the O(α²) term), not noise.",
            "MAML's and HF-MAML's floors are at rounding level and drawn at 1e-18 where they are"
                + " exactly 0."));
  }

  private static double[] atLeast(double[] values) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(out[i], 1e-18);
    }
    return out;
  }
}
