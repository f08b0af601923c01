// 02 — Takagi's conditions on α and β, against the exact thresholds
//
// Takagi, Nagano, Yoshida, Okada (2019, OpenReview r1e8qpVKPS; docs/THEOREMS.md §3, verbatim [V] from the
// poster) state that one-step MAML on one task, with the same data for the inner and the meta update,
// converges near a local minimum with Hessian eigenvalues λ_i when
//     Cond-α:  α ≤ 1/λ_i            and      Cond-β:  β < 2/(λ_i − αλ_i²)      for every i.
// On a quadratic task both the FO-MAML and the exact MAML iterations are linear, w ← w − β(Aw − b),
// so their exact β thresholds are β* = min_k 2 Re μ_k/|μ_k|² over the eigenvalues μ_k of A
// (BetaThreshold). This notebook shows, with every number computed:
//   1. Takagi's β bound is exactly FO-MAML's threshold (A = H(I − αH), eigenvalues λ − αλ²);
//   2. for exact MAML (A = H(I − αH)², eigenvalues λ(1 − αλ)²) it is conservative by the factor
//      1 − αλ, and Cond-α is not needed: MAML still converges for α > 1/λ_max, FO-MAML does not;
//   3. an (α, β) convergence heatmap of each estimator, swept cell by cell, with Takagi's curves
//      and the exact spectral boundary drawn on top (PNG next to this page, CSV beside it).

// %% Imports and the assertion helper
import java.nio.file.*;
import java.util.*;
import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.registry.*;
import io.metabound.experiments.task.*;
import io.metabound.experiments.oracle.*;
import io.metabound.experiments.sweep.*;
import io.metabound.reports.plot.*;

void check(boolean ok, String expectation) {
  if (!ok) throw new IllegalStateException("expectation failed: " + expectation);
}

// %% One quadratic task
// H = diag(0.5, 2, 4), so λ_max = 4 and Cond-α reads α ≤ 1/4. The centre c only moves the fixed
// point; the thresholds depend on H alone.
TaskSet tasks = QuadraticTaskFile.parse("""
    {"tasks": [{"H": [[0.5, 0, 0], [0, 2, 0], [0, 0, 4]], "c": [1, -1, 0.5]}]}
    """, "inline task");
EstimatorMaps maps = EstimatorMaps.of(tasks);
double[] lambdas = maps.tasks().innerEigenvalues(0);
System.out.println("Hessian eigenvalues λ_i = " + Arrays.toString(lambdas));

// %% Takagi's conditions from the registry
// The registry holds both conditions with their provenance; they are evaluated per eigenvalue.
// Cond-α is an assumption of Cond-β: where it fails the registry says so, and no β is predicted.
Bound condAlpha = BoundRegistry.find("takagi2019.cond-alpha.stability").orElseThrow();
Bound condBeta = BoundRegistry.find("takagi2019.cond-beta.stability").orElseThrow();
Bound exactMamlBeta = BoundRegistry.find("takagi2019.cond-beta.exact-maml-stability").orElseThrow();
for (Bound b : List.of(condAlpha, condBeta, exactMamlBeta)) {
  System.out.println(b.id() + " " + b.provenance().tag() + ": " + b.statement());
}
double alphaCritical = Double.POSITIVE_INFINITY;
for (double lambda : lambdas) {
  alphaCritical = Math.min(alphaCritical, condAlpha.evaluate(Bindings.empty().with("lambda_i", lambda)));
}
// β_T(α) = min_i 2/(λ_i − αλ_i²), or 0 when Cond-α fails for some λ_i
double takagiBeta(double alpha) {
  double beta = Double.POSITIVE_INFINITY;
  for (double lambda : lambdas) {
    Bindings at = Bindings.empty().with("lambda_i", lambda).with("alpha", alpha);
    if (!condBeta.assumptionsHold(at)) return 0;
    beta = Math.min(beta, condBeta.evaluate(at));
  }
  return beta;
}
// the MetaBound-derived exact MAML threshold min_i 2/(λ_i (1 − αλ_i)²), also in the registry
double exactMamlFormula(double alpha) {
  double beta = Double.POSITIVE_INFINITY;
  for (double lambda : lambdas) {
    beta = Math.min(beta, exactMamlBeta.evaluate(Bindings.empty().with("lambda_i", lambda).with("alpha",
        alpha)));
  }
  return beta;
}
System.out.println("Cond-α: α_c = min_i 1/λ_i = " + alphaCritical);
check(alphaCritical == 0.25, "α_c = 1/λ_max = 1/4");

// %% Exact thresholds of FO-MAML and MAML against the conditions
// For each α, the exact threshold of each estimator's linear iteration, from the spectrum of its
// update map, next to Takagi's prediction.
System.out.println("   alpha  Takagi β_T    FO-MAML β*     MAML β*   2/(λ(1−αλ)²)  MAML/Takagi");
for (double alpha : new double[] {0.0, 0.05, 0.1, 0.15, 0.2, 0.24, 0.26, 0.3}) {
  EstimatorParameters p = EstimatorParameters.maml(alpha, 1);
  BetaThreshold fo = maps.betaThreshold(Estimator.FOMAML, p);
  BetaThreshold maml = maps.betaThreshold(Estimator.MAML, p);
  double takagi = takagiBeta(alpha);
  double formula = exactMamlFormula(alpha);
  System.out.printf(Locale.ROOT, "%8.3f %11.6f %13.6f %11.6f %13.6f %12s%n", alpha, takagi, fo.value(),
      maml.value(),
      formula, takagi > 0 ? String.format(Locale.ROOT, "%.4f", maml.value() / takagi) : "—");
  // 1. Takagi's β bound is FO-MAML's exact threshold; where Cond-α fails FO-MAML has none
  check(Math.abs(fo.value() - takagi) <= 1e-12 * Math.max(1, takagi),
      "FO-MAML β* equals Takagi's β_T at α = " + alpha);
  check((alpha > alphaCritical) == !fo.exists(),
      "FO-MAML has a convergent β exactly when Cond-α holds (α = " + alpha + ")");
  // 2. exact MAML: the registry's 2/(λ(1−αλ)²), larger than Takagi's, and defined beyond α_c
  check(Math.abs(maml.value() - formula) <= 1e-12 * formula,
      "MAML β* equals min 2/(λ(1−αλ)²) at α = " + alpha);
  check(maml.exists() && maml.value() >= takagi * (1 - 1e-12),
      "MAML converges for every β below Takagi's bound (α = " + alpha + ")");
}

// %% The (α, β) heatmaps: sweep, overlays, picture
// Each cell iterates the exact update map T = 2000 times from w_0 = 0 and is classified converged
// (‖∇F(w_T)‖ ≤ 1e-6 ‖∇F(w_0)‖), diverged, or undecided (T too short near the boundary). Rows are α,
// columns β. On top: Takagi's per-eigenvalue curves and their envelope β_T(α), and the exact spectral
// boundary β*(α). OverlayGap compares each overlay with the empirical boundary row by row.
SweepGrid grid = new SweepGrid.AlphaBeta(new GridAxis("alpha", 0, 0.3, 30), new GridAxis("beta", 0, 3, 40),
    1);
double[] start = new double[tasks.dimension()];
PlotWindow window = PlotWindow.of(grid);
Map<String, OverlayGap> heatmap(Estimator estimator, String file) throws java.io.IOException {
  EstimatorMapSource source = (n, a) -> maps.map(estimator, EstimatorParameters.maml(a, n));
  SweepResult result = new HeatmapSweep(grid, new AffineCellModel(source, start,
      ConvergenceCriterion.of(2000)), 20261201L).run();
  List<BoundaryOverlay> overlays = new ArrayList<>(TakagiOverlay.alphaBeta(lambdas, window));
  overlays.add(SpectralOverlay.alphaBeta(source, 1, start, window, estimator.displayName()));
  String title = estimator.displayName() + ", N = 1, one task, λ = {0.5, 2, 4}, T = 2000";
  new HeatmapPlot(result, overlays, HeatmapColouring.STATUS, title, "α (inner step size)",
      "β (meta step size)").
      write(ImageFormat.PNG, OUT.resolve(file + ".png"));
  SweepCsv.write(result, OUT.resolve(file + ".csv"));
  List<EmpiricalBoundary> boundary = EmpiricalBoundary.of(result);
  Map<String, OverlayGap> gaps = new LinkedHashMap<>();
  for (BoundaryOverlay o : overlays) {
    if (o.predicted() != null) gaps.put(o.id(), OverlayGap.of(o, boundary));
  }
  System.out.printf(Locale.ROOT, "%s: %d converged, %d undecided, %d diverged of %d cells%n",
      estimator.displayName(),
      result.count(CellStatus.CONVERGED), result.count(CellStatus.UNDECIDED), result.count(CellStatus.DIVERGED),
      result.size());
  for (OverlayGap g : gaps.values()) {
    System.out.printf(Locale.ROOT,
        "  %-22s on the empirical boundary in %d/%d rows, median prediction/empirical %.3f%n",
        g.overlayId(), g.rowsOnBoundary(), g.rowsCompared(), g.medianRatio());
  }
  return gaps;
}
Map<String, OverlayGap> foGaps = heatmap(Estimator.FOMAML, "takagi-fo-maml");
check(foGaps.get("takagi2019.envelope").rowsOnBoundary() == foGaps.get("takagi2019.envelope").rowsCompared(),
    "FO-MAML: Takagi's envelope lies on the empirical boundary in every α row");
// One row needs a closer look: at α = 1/λ_max = 0.25 exactly, FO-MAML's A = H(I − αH) has the
// eigenvalue 4 − 0.25·16 = 0, so BetaThreshold (convergence from every start) reports no convergent β.
// From w_0 = 0, though, the error never has a component along that null direction (b = H(I − αH)c
// has none), and the sweep converges there: the spectral overlay is exact for "every start", the
// sweep for this start. Takagi's convention (Cond-α with equality bounds nothing) matches the sweep.
List<Double> missedRows(OverlayGap gap) {
  List<Double> missed = new ArrayList<>();
  for (OverlayGap.Row row : gap.rows()) {
    if (row.relativeMiss() != 0) missed.add(row.rowValue());
  }
  return missed;
}
double[] singular = maps.map(Estimator.FOMAML, EstimatorParameters.maml(0.25, 1)).matrix();
System.out.println("spectral overlay off the empirical boundary at α = " +
    missedRows(foGaps.get("spectral.exact")) +
    "; A(α = 0.25) = diag" + Arrays.toString(new double[] {singular[0], singular[4], singular[8]}));
check(missedRows(foGaps.get("spectral.exact")).equals(List.of(0.25)) && singular[8] == 0,
    "FO-MAML: the spectral boundary lies on the empirical one in every α row but the singular one");

// %% The same map for exact MAML
// Takagi's envelope now sits inside the converging region: exact MAML tolerates larger β (by
// 1/(1 − αλ)) and keeps converging past α_c = 1/4, where the envelope drops to 0. MAML's
// A = H(I − αH)² is singular at α = 1/4 as well, with the same consequence for that one row.
Map<String, OverlayGap> mamlGaps = heatmap(Estimator.MAML, "takagi-maml");
OverlayGap takagiOnMaml = mamlGaps.get("takagi2019.envelope");
System.out.println("spectral overlay off the empirical boundary at α = " +
    missedRows(mamlGaps.get("spectral.exact")));
check(missedRows(mamlGaps.get("spectral.exact")).equals(List.of(0.25)),
    "MAML: the exact spectral boundary lies on the empirical boundary in every α row but the singular one");
check(takagiOnMaml.rowsOnBoundary() < takagiOnMaml.rowsCompared() && takagiOnMaml.medianRatio() < 1,
    "MAML: Takagi's envelope is conservative (below the empirical boundary)");

// %% How to run
// Headless, with both heatmaps inline in the HTML:
//   ./metabound notebook 02-takagi-conditions         # -> target/notebooks/02-takagi-conditions.html
// Interactively (after one ./metabound run has built the jar):
//   jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell notebooks-java/02-takagi-conditions.jsh
// The same maps at full size, with SVG/PDF and a JSON sidecar, come from the CLI, e.g.
//   ./metabound heatmap --tasks TASKS.json --estimator fomaml --steps 1 --alpha 0:0.3:300 --beta 0:3:400
