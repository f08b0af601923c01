// 04 — MAML, FO-MAML and HF-MAML (Fallah, Mokhtari, Ozdaglar 2020)
//
// Fallah et al. (AISTATS 2020; docs/THEOREMS.md §2) analyse one-step MAML and two cheaper estimators of its
// meta-gradient ∇F(w) = Σ p_i (I − α∇²f_i(w)) ∇f_i(w − α∇f_i(w)):
//   FO-MAML (eq. (8)) drops the Hessian factor:           g_FO(w) = Σ p_i ∇f_i(w − α∇f_i(w));
//   HF-MAML (eqs. (10)–(11)) replaces the Hessian-vector product by a central difference of gradients,
//   with error at most ρδ‖v‖² per product (eq. (9)).
// Their theorems say MAML and HF-MAML reach ε-stationarity while FO-MAML stalls at a floor that does
// not vanish with more iterations (Thm 4.15; docs/THEOREMS.md §6.3: of order αLσ). This notebook shows,
// exactly on quadratic tasks and then on logistic-regression tasks:
//   1. the three directions at a point, each computed twice (closed-form oracle and the algorithm);
//   2. their fixed points, and FO-MAML's stationarity floor ‖∇F(w_FO)‖ > 0, bounded by a quantity
//      derived here and shrinking in proportion to α;
//   3. runs of the three algorithms with the exact ‖∇F(w_k)‖ recorded (chart);
//   4. on logistic tasks (ρ > 0) HF-MAML's error against δ, with Fallah's eq. (9) bound (chart).

// %% Imports and helpers
import java.nio.file.*;
import java.util.*;
import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.registry.*;
import io.metabound.experiments.task.*;
import io.metabound.experiments.oracle.*;
import io.metabound.experiments.algorithm.*;
import io.metabound.experiments.family.LogisticTaskFamily;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.io.AtomicFiles;
import org.knowm.xchart.*;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.lines.SeriesLines;

void check(boolean ok, String expectation) {
  if (!ok) throw new IllegalStateException("expectation failed: " + expectation);
}
void savePng(XYChart chart, String file) throws java.io.IOException {
  AtomicFiles.write(OUT.resolve(file), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
}
// columns of equal length as CSV (Double.toString reads back bit for bit)
String csv(String header, double[]... columns) {
  StringBuilder text = new StringBuilder(header).append('\n');
  for (int r = 0; r < columns[0].length; r++) {
    for (int c = 0; c < columns.length; c++) text.append(c == 0 ? "" : ",").append(columns[c][r]);
    text.append('\n');
  }
  return text.toString();
}
double norm(double[] x) {
  double s = 0;
  for (double v : x) s += v * v;
  return Math.sqrt(s);
}
double distance(double[] x, double[] y) {
  double s = 0;
  for (int k = 0; k < x.length; k++) s += (x[k] - y[k]) * (x[k] - y[k]);
  return Math.sqrt(s);
}

// %% Three convex quadratic tasks
// Different Hessians, so the three estimators really differ (with one shared Hessian FO-MAML's fixed
// point would coincide with MAML's).
TaskSet tasks = QuadraticTaskFile.parse("""
    {"tasks": [
      {"H": [[2.0, 0.5], [0.5, 1.0]],   "c": [1.0, -1.0]},
      {"H": [[0.5, 0.0], [0.0, 3.0]],   "c": [-1.0, 0.5]},
      {"H": [[1.5, -0.7], [-0.7, 1.0]], "c": [0.5, 1.5]}
    ]}
    """, "three tasks");
double L = QuadraticInstanceConstants.of(tasks).get("L");
double alpha = 0.15;
System.out.printf(Locale.ROOT, "L = %.6f, alpha = %.2f (alpha L = %.3f <= 1, Fallah's range)%n", L, alpha,
    alpha * L);
check(alpha <= 1 / L, "alpha in [0, 1/L]");

// %% 1. The three directions at a point, each derived twice
// Oracle: closed forms in the eigenbasis of H_i. Algorithms: the estimators an outer loop runs
// (MamlMetaGradient back-propagates with Hessian-vector products, HessianFreeMaml takes central
// differences with a fixed δ). On quadratics the central difference is exact for every δ, so
// HF-MAML equals MAML up to rounding of order ε/δ.
double[] w = {0.4, -0.3};
QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, alpha, 1);
double[] maml = oracle.metaGradient(w).value();
double[] fo = oracle.firstOrderDirection(w).value();
System.out.println("MAML    " + Arrays.toString(maml));
System.out.println("FO-MAML " + Arrays.toString(fo) + String.format(Locale.ROOT,
    "   (relative gap to MAML %.3f)", distance(fo, maml) / norm(maml)));
check(distance(new MamlMetaGradient(tasks, alpha, 1).direction(w), maml) <= 1e-14 * norm(maml),
    "MAML: algorithm = oracle");
check(distance(new FirstOrderMaml(tasks, alpha, 1).direction(w), fo) <= 1e-14 * norm(fo),
    "FO-MAML: algorithm = oracle");
check(distance(fo, maml) > 0.01 * norm(maml), "FO-MAML's direction differs from MAML's");
for (double delta : new double[] {1e-1, 1e-3, 1e-6}) {
  double[] hfOracle = new QuadraticHessianFreeMaml(tasks, alpha, delta).direction(w).value();
  double[] hfAlgorithm = new HessianFreeMaml(tasks, alpha, 1,
      new FiniteDifferenceStep.Fixed(delta)).direction(w);
  double gap = distance(hfOracle, maml) / norm(maml);
  System.out.printf(Locale.ROOT, "HF-MAML δ = %.0e %s   (relative gap to MAML %.1e)%n", delta,
      Arrays.toString(hfOracle), gap);
  check(gap < 1e-14 / delta, "HF-MAML equals MAML on quadratics up to rounding (δ = " + delta + ")");
  check(distance(hfAlgorithm, hfOracle) <= 1e-12 * norm(maml),
      "HF-MAML: algorithm = oracle formula (δ = " + delta + ")");
}

// %% 2. Fixed points and FO-MAML's stationarity floor
// Each estimator's direction is affine, g(w) = Aw − b, with a unique fixed point. MAML's is the
// minimiser of F; FO-MAML's is not stationary for F. At w_FO the first-order direction vanishes,
// Σ p_i v_i = 0 with v_i = ∇f_i(φ_i), so ∇F(w_FO) = Σ p_i (J_i − I) v_i with J_i = I − αH_i, hence
//     ‖∇F(w_FO)‖ ≤ max_i ‖αH_i‖ · Σ p_i ‖v_i‖ ≤ αL Σ p_i ‖v_i‖     (derived here, not a paper result),
// a floor proportional to α. It is checked, and so is its scaling as α halves.
EstimatorMaps maps = EstimatorMaps.of(tasks);
StationaryPoint mamlPoint = oracle.stationaryPoint();
StationaryPoint foPoint = oracle.firstOrderFixedPoint();
StationaryPoint hfPoint = maps.fixedPoint(Estimator.HFMAML, EstimatorParameters.hfMaml(alpha, 1e-3));
AffineGradientMap trueGradient = oracle.gradientMap();
double gradientNormAt(double[] x) {
  double[] g = new double[x.length];
  trueGradient.apply(x, g);
  return norm(g);
}
System.out.println(mamlPoint);
System.out.println(foPoint);
System.out.println(hfPoint);
double floor = gradientNormAt(foPoint.point());
double outerGradientMean = 0;
for (int i = 0; i < tasks.size(); i++) {
  double[] v = new double[2];
  tasks.get(i).outer().gradient(oracle.adaptedPoint(i, foPoint.point()), v);
  outerGradientMean += tasks.probability(i) * norm(v);
}
System.out.printf(Locale.ROOT,
    "‖∇F‖ at the MAML point %.2e, at the HF-MAML point %.2e, at the FO-MAML point %.6f (floor)%n",
    gradientNormAt(mamlPoint.point()), gradientNormAt(hfPoint.point()), floor);
System.out.printf(Locale.ROOT, "derived bound αL Σ p_i ‖v_i‖ = %.6f, ratio %.3f%n",
    alpha * L * outerGradientMean, floor / (alpha * L * outerGradientMean));
check(mamlPoint.nature() == StationaryPoint.Nature.MINIMUM && gradientNormAt(mamlPoint.point()) < 1e-12,
    "MAML's fixed point is F's minimiser");
check(distance(hfPoint.point(), mamlPoint.point()) < 1e-9, "HF-MAML's fixed point is MAML's");
check(floor > 1e-3 && floor <= alpha * L * outerGradientMean,
    "FO-MAML's floor is positive and below the derived bound");
System.out.println("   alpha   floor ‖∇F(w_FO)‖   floor/alpha");
List<Double> floorOverAlpha = new ArrayList<>();
for (double a = 0.2; a > 0.003; a /= 2) {
  QuadraticMetaOracle o = QuadraticMetaOracle.maml(tasks, a, 1);
  double[] g = new double[2];
  o.gradientMap().apply(o.firstOrderFixedPoint().point(), g);
  System.out.printf(Locale.ROOT, "%8.5f %18.10f %13.6f%n", a, norm(g), norm(g) / a);
  floorOverAlpha.add(norm(g) / a);
}
// floor(α)/α converges (floor = cα + O(α²)): successive changes shrink, the last below 2 %
for (int j = 2; j < floorOverAlpha.size(); j++) {
  double change = Math.abs(floorOverAlpha.get(j) - floorOverAlpha.get(j - 1));
  check(change < Math.abs(floorOverAlpha.get(j - 1) - floorOverAlpha.get(j - 2)),
      "floor/alpha converges as alpha halves");
}
int last = floorOverAlpha.size() - 1;
check(Math.abs(floorOverAlpha.get(last) / floorOverAlpha.get(last - 1) - 1) < 0.02,
    "the floor is proportional to alpha for small alpha");
Bound floorBound = BoundRegistry.find("fallah2020.thm4.15.stationarity-floor").orElseThrow();
System.out.println("registry: " + floorBound.id() + " (" + floorBound.relation() + "): " +
    floorBound.statement());

// %% 3. Runs of the three algorithms
// Full task batch, a constant meta step β = half the smallest exact threshold of the three
// iterations, 60 steps from w_0 = (3, −2); the observer records the exact ‖∇F(w_k)‖ at every iterate.
double beta = 0.5 * Math.min(maps.betaThreshold(Estimator.MAML, EstimatorParameters.maml(alpha, 1)).value(),
    Math.min(maps.betaThreshold(Estimator.FOMAML, EstimatorParameters.maml(alpha, 1)).value(),
        maps.betaThreshold(Estimator.HFMAML, EstimatorParameters.hfMaml(alpha, 1e-3)).value()));
int iterations = 60;
double[] w0 = {3, -2};
Map<String, MetaGradientEstimator> estimators = new LinkedHashMap<>();
estimators.put("MAML", new MamlMetaGradient(tasks, alpha, 1));
estimators.put("FO-MAML", new FirstOrderMaml(tasks, alpha, 1));
estimators.put("HF-MAML (δ = 1e-3)", new HessianFreeMaml(tasks, alpha, 1,
    new FiniteDifferenceStep.Fixed(1e-3)));
Map<String, double[]> curves = new LinkedHashMap<>();
for (var e : estimators.entrySet()) {
  Trajectory t = OuterLoop.builder(e.getValue()).
      iterations(iterations).
      stepSize(beta).
      observer(x -> gradientNormAt(x)).
      build().
      run(w0, 20261201L);
  curves.put(e.getKey(), t.observed());
  System.out.printf(Locale.ROOT, "%-20s after %d steps: ‖∇F(w_K)‖ = %.3e%n", e.getKey(), t.iterations(),
      t.lastObserved());
}
System.out.printf(Locale.ROOT, "beta = %.4f%n", beta);
double start = curves.get("MAML")[0];
check(curves.get("MAML")[iterations] < 1e-10 * start, "MAML reaches stationarity");
check(curves.get("HF-MAML (δ = 1e-3)")[iterations] < 1e-10 * start, "HF-MAML reaches stationarity");
check(Math.abs(curves.get("FO-MAML")[iterations] - floor) < 1e-8 * floor,
    "FO-MAML stalls exactly at its floor");
double[] k = new double[iterations + 1];
for (int i = 0; i <= iterations; i++) k[i] = i;
XYChart runs = new XYChartBuilder().width(900).height(520).
    title("Exact ‖∇F(w_k)‖ along the runs (3 quadratic tasks, N = 1, α = 0.15)").
    xAxisTitle("meta-iteration k").
    yAxisTitle("‖∇F(w_k)‖").
    build();
runs.getStyler().setYAxisLogarithmic(true);
runs.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
runs.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
runs.getStyler().setMarkerSize(4);
for (var e : curves.entrySet()) {
  // a log axis needs positive values: an exact zero is drawn at 1e-17
  double[] y = Arrays.stream(e.getValue()).map(v -> Math.max(v, 1e-17)).toArray();
  // HF-MAML lies on MAML's curve: dots on a line
  boolean dots = e.getKey().startsWith("HF");
  runs.addSeries(e.getKey(), k, y).
      setMarker(dots ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE).
      setLineStyle(dots ? SeriesLines.NONE : SeriesLines.SOLID);
}
double[] floorLine = new double[iterations + 1];
Arrays.fill(floorLine, floor);
runs.addSeries("FO-MAML floor ‖∇F(w_FO)‖", k,
    floorLine).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
savePng(runs, "fallah-runs.png");
AtomicFiles.writeString(OUT.resolve("fallah-runs.csv"), csv("k,maml,fomaml,hfmaml,fomaml_floor",
    k, curves.get("MAML"), curves.get("FO-MAML"), curves.get("HF-MAML (δ = 1e-3)"), floorLine));

// %% 4. HF-MAML on logistic tasks: the finite-difference error against δ
// Logistic losses have ρ > 0 (a certified upper bound, LogisticRegressionLoss), so the central
// difference is no longer exact. The HF-MAML direction's error against exact MAML is
// α ‖Σ p_i (d_i − ∇²f_i(w) v_i)‖, and eq. (9) bounds each product's error by ρδ‖v_i‖²: summed, the
// bound α Σ p_i ρδ‖v_i‖². A central difference is in fact second order, so the error falls like δ²
// (rounding, of order ε/δ, would take over only at far smaller δ) while the bound falls like δ.
TaskSet logistic = LogisticTaskFamily.standard(3, 4).generate(11L);
double logisticAlpha = 0.1;
double[] u = {0.2, -0.1, 0.3};
double[] exactLogistic = new MamlMetaGradient(logistic, logisticAlpha, 1).direction(u);
Bound eq9 = BoundRegistry.find("fallah2020.eq9.finite-difference-error").orElseThrow();
System.out.println("registry: " + eq9.id() + " " + eq9.provenance().tag() + ": " + eq9.statement());
double[] deltas = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4};
double[] hfError = new double[deltas.length];
double[] eq9Bound = new double[deltas.length];
System.out.println("   delta   HF-MAML error   eq. (9) bound   ratio");
for (int j = 0; j < deltas.length; j++) {
  double[] hf = new HessianFreeMaml(logistic, logisticAlpha, 1,
      new FiniteDifferenceStep.Fixed(deltas[j])).direction(u);
  hfError[j] = distance(hf, exactLogistic);
  double bound = 0;
  for (int i = 0; i < logistic.size(); i++) {
    var inner = (io.metabound.experiments.family.LogisticRegressionLoss) logistic.get(i).inner();
    double[] adapted = new double[3];
    double[] v = new double[3];
    inner.gradient(u, adapted);
    for (int r = 0; r < 3; r++) adapted[r] = u[r] - logisticAlpha * adapted[r];
    logistic.get(i).outer().gradient(adapted, v);
    Bindings at = Bindings.empty().with("rho", inner.hessianLipschitz().value()).with("delta",
        deltas[j]).with("v_norm", norm(v));
    bound += logistic.probability(i) * logisticAlpha * eq9.evaluate(at);
  }
  eq9Bound[j] = bound;
  System.out.printf(Locale.ROOT, "%8.0e %15.3e %15.3e %9.2e%n", deltas[j], hfError[j], bound,
      hfError[j] / bound);
  check(hfError[j] <= bound, "eq. (9) carried through (10) bounds HF-MAML's error at delta = " + deltas[j]);
}
double slope = Math.log(hfError[0] / hfError[2]) / Math.log(deltas[0] / deltas[2]);
System.out.printf(Locale.ROOT,
    "log-log slope of the error between δ = 0.1 and 0.01: %.3f (central differences: 2)%n", slope);
check(Math.abs(slope - 2) < 0.2, "the finite-difference error is second order in delta");
XYChart fd = new XYChartBuilder().width(900).height(520).
    title("HF-MAML on 4 logistic tasks: direction error against δ").
    xAxisTitle("δ (finite-difference step)").
    yAxisTitle("‖g_HF − ∇F‖").
    build();
fd.getStyler().setXAxisLogarithmic(true);
fd.getStyler().setYAxisLogarithmic(true);
fd.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
fd.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
fd.addSeries("HF-MAML error (exact MAML by Hessian-vector products)", deltas,
    hfError).setMarker(SeriesMarkers.CIRCLE);
fd.addSeries("Fallah eq. (9) bound α Σ p_i ρδ‖v_i‖² (ρ certified)", deltas,
    eq9Bound).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
savePng(fd, "fallah-hf-delta.png");
AtomicFiles.writeString(OUT.resolve("fallah-hf-delta.csv"),
    csv("delta,hf_error,eq9_bound", deltas, hfError, eq9Bound));

// %% How to run
// Headless: ./metabound notebook 04-fallah-fo-hf-maml      # -> target/notebooks/04-fallah-fo-hf-maml.html
// Interactively (after one ./metabound run has built the jar):
//   jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell notebooks-java/04-fallah-fo-hf-maml.jsh
