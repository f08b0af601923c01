// 03 — Multi-step MAML (Ji, Yang, Liang 2022): meta-smoothness as N grows
//
// Proposition 1 of Ji et al. (JMLR 2022; docs/THEOREMS.md §1.5, [R-hi]) bounds the smoothness of the
// N-step MAML objective by L_w = (1 + αL)^{2N} L + C_L E_i‖∇l_i(w)‖, and Corollary 6 picks the inner
// step α = 1/(8NL) so that (1 + αL)^{2N} ≤ e^{1/4} stays bounded however many inner steps are taken.
// On quadratic tasks ρ = 0, so C_L = 0 and the exact meta-smoothness is ‖Σ p_i H_i (I − αH_i)^{2N}‖₂.
// This notebook shows, for N = 1 … 24:
//   1. at a fixed α, L_w grows like (1 + αL)^{2N}, and a task with the eigenvalue −L attains it exactly
//      (the tight case of docs/THEOREMS.md §6.1), while on convex tasks the exact smoothness never exceeds L;
//   2. with α = 1/(8NL) (Cor 6) the bound stays below e^{1/4} L, the registry's Cor 6 bound on the
//      squared expansion factor, and approaches it as N grows;
//   3. one chart of both regimes (normalised by L), with its data as CSV.

// %% Imports and helpers
import java.nio.file.*;
import java.util.*;
import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.registry.*;
import io.metabound.experiments.task.*;
import io.metabound.experiments.oracle.*;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.io.AtomicFiles;
import org.knowm.xchart.*;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.lines.SeriesLines;

void check(boolean ok, String expectation) {
  if (!ok) throw new IllegalStateException("expectation failed: " + expectation);
}
// a chart as PNG in OUT (shown inline), written atomically
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

// %% Three task sets with exact constants
// Convex: 5 random tasks in d = 4 with eigenvalues in [0.1, 1]. Non-convex: the same draws with
// eigenvalues in [−1, 1]. Tight: one task whose Hessian has the eigenvalue −L.
Map<String, TaskSet> taskSets = new LinkedHashMap<>();
taskSets.put("convex", QuadraticFamily.of(4, 5, 0.1, 1.0, 1.0, 7L).generate());
taskSets.put("non-convex", QuadraticFamily.of(4, 5, -1.0, 1.0, 1.0, 7L).generate());
taskSets.put("tight (eigenvalue -L)", QuadraticTaskFile.parse("""
    {"tasks": [{"H": [[-1.0, 0.0], [0.0, 0.3]], "c": [0.5, -0.5]}]}
    """, "tight task"));
for (var e : taskSets.entrySet()) {
  Map<String, Double> c = QuadraticInstanceConstants.of(e.getValue());
  System.out.printf(Locale.ROOT, "%-22s d = %.0f, m = %.0f, L = %.6f, min eigenvalue %.6f%n", e.getKey(),
      c.get("d"), c.get("m"), c.get("L"), c.get("mu"));
}

// %% Prop 1's L_w from the registry, and the exact meta-smoothness
// L_w is evaluated from the registry formula at the exact constants (ρ = 0; the gradient term is
// bound to E_i‖∇l_i(0)‖ and vanishes). The exact side is the spectral norm of the constant meta-Hessian.
Bound prop1 = BoundRegistry.find("ji2022.prop1.meta-smoothness").orElseThrow();
double boundLw(TaskSet tasks, double alpha, int n) {
  double gradientMean = 0;
  double[] g = new double[tasks.dimension()];
  for (int i = 0; i < tasks.size(); i++) {
    tasks.get(i).inner().gradient(new double[tasks.dimension()], g);
    gradientMean += tasks.probability(i) * Math.sqrt(Arrays.stream(g).map(x -> x * x).sum());
  }
  Bindings at = Bindings.of(QuadraticInstanceConstants.of(tasks)).
      with("alpha", alpha).
      with("N", n).
      with("grad_task_mean", gradientMean);
  return prop1.evaluate(at);
}
double exactSmoothness(TaskSet tasks, double alpha, int n) {
  return QuadraticMetaOracle.maml(tasks, alpha, n).metaSmoothness().value();
}
System.out.println(prop1.id() + " " + prop1.provenance().tag() + ": " + prop1.statement());

// %% 1. A fixed inner step: exponential growth, attained by the tight task
// α = 0.2/L for every task set. Every ratio exact/bound is printed; the tight task gives 1.
int maxSteps = 24;
double fixedAlphaTimesL = 0.2;
Map<String, double[]> fixedRatio = new LinkedHashMap<>();
Map<String, double[]> fixedExact = new LinkedHashMap<>();
double[] fixedBound = new double[maxSteps];
for (var e : taskSets.entrySet()) {
  double L = QuadraticInstanceConstants.of(e.getValue()).get("L");
  double alpha = fixedAlphaTimesL / L;
  double[] ratio = new double[maxSteps];
  double[] exact = new double[maxSteps];
  for (int n = 1; n <= maxSteps; n++) {
    double lw = boundLw(e.getValue(), alpha, n);
    exact[n - 1] = exactSmoothness(e.getValue(), alpha, n) / L;
    ratio[n - 1] = exact[n - 1] * L / lw;
    fixedBound[n - 1] = lw / L;
    check(exact[n - 1] * L <= lw * (1 + 1e-12), "Prop 1 holds for " + e.getKey() + " at N = " + n);
    if (n > 1) check(Math.abs(fixedBound[n - 1] / fixedBound[n - 2] - Math.pow(1 + fixedAlphaTimesL,
        2)) < 1e-12,
        "L_w grows by (1 + alpha L)^2 per inner step");
  }
  fixedRatio.put(e.getKey(), ratio);
  fixedExact.put(e.getKey(), exact);
  System.out.printf(Locale.ROOT, "%-22s exact/L_w at N = 1, 6, 12, 24: %.4g %.4g %.4g %.4g%n", e.getKey(),
      ratio[0], ratio[5], ratio[11], ratio[23]);
}
System.out.printf(Locale.ROOT, "L_w/L at N = 24 with αL = %.1f: %.1f = (1 + αL)^48%n", fixedAlphaTimesL,
    fixedBound[maxSteps - 1]);
for (double r : fixedRatio.get("tight (eigenvalue -L)")) check(Math.abs(r - 1) < 1e-12,
    "the eigenvalue -L task attains Prop 1");
for (double x : fixedExact.get("convex")) check(x <= 1 + 1e-12,
    "convex tasks: exact meta-smoothness <= L for alpha <= 1/L");

// %% 2. Corollary 6's inner step α = 1/(8NL): bounded growth
// The registry gives α = 1/(8NL) (a definition) and the bound (1 + αL)^{2N} ≤ e^{1/4} under
// α ≤ 1/(8NL). On the tight task the exact meta-smoothness divided by L *is* (1 + αL)^{2N}, so the
// tight task measures the squared expansion factor directly.
Bound innerStep = BoundRegistry.find("ji2022.cor6.inner-stepsize").orElseThrow();
Bound expansion = BoundRegistry.find("ji2022.cor6.expansion-factor-squared").orElseThrow();
System.out.println(innerStep.id() + ": " + innerStep.statement());
System.out.println(expansion.id() + " " + expansion.provenance().tag() + ": " + expansion.statement());
TaskSet tight = taskSets.get("tight (eigenvalue -L)");
double tightL = QuadraticInstanceConstants.of(tight).get("L");
double[] corBound = new double[maxSteps];
double[] corTight = new double[maxSteps];
double[] corConvex = new double[maxSteps];
double expansionBound = 0;
for (int n = 1; n <= maxSteps; n++) {
  Bindings at = Bindings.empty().with("N", n).with("L", tightL);
  double alpha = innerStep.evaluate(at);
  Bindings withAlpha = at.with("alpha", alpha);
  check(expansion.assumptionsHold(withAlpha), "Cor 6's assumption alpha <= 1/(8NL) holds at its own alpha");
  expansionBound = expansion.evaluate(withAlpha);
  corBound[n - 1] = boundLw(tight, alpha, n) / tightL;
  corTight[n - 1] = exactSmoothness(tight, alpha, n) / tightL;
  TaskSet convex = taskSets.get("convex");
  double convexL = QuadraticInstanceConstants.of(convex).get("L");
  corConvex[n - 1] = exactSmoothness(convex, 1 / (8.0 * n * convexL), n) / convexL;
  check(corTight[n - 1] <= expansionBound, "(1 + alpha L)^(2N) <= e^(1/4) at N = " + n);
  if (n > 1) check(corTight[n - 1] > corTight[n - 2], "the expansion factor increases with N");
}
System.out.printf(Locale.ROOT,
    "e^(1/4) = %.6f; (1 + αL)^(2N) at N = 1, 24: %.6f, %.6f (ratio to the bound %.4f)%n",
    expansionBound, corTight[0], corTight[maxSteps - 1], corTight[maxSteps - 1] / expansionBound);
check(corTight[maxSteps - 1] > 0.99 * expansionBound, "the expansion factor approaches e^(1/4)");

// %% 3. The chart
// Log scale; every curve is divided by its task set's L.
double[] steps = new double[maxSteps];
for (int n = 1; n <= maxSteps; n++) steps[n - 1] = n;
XYChart chart = new XYChartBuilder().width(900).height(560).
    title("Ji2022 Prop 1: meta-smoothness / L against inner steps N").
    xAxisTitle("N (inner steps)").
    yAxisTitle("smoothness / L").
    build();
chart.getStyler().setYAxisLogarithmic(true);
chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
chart.addSeries("Prop 1 L_w, αL = 0.2", steps, fixedBound).setMarker(SeriesMarkers.NONE);
chart.addSeries("exact, tight task, αL = 0.2", steps,
    fixedExact.get("tight (eigenvalue -L)")).setMarker(SeriesMarkers.CIRCLE).setLineStyle(SeriesLines.NONE);
chart.addSeries("exact, non-convex tasks, αL = 0.2", steps,
    fixedExact.get("non-convex")).setMarker(SeriesMarkers.DIAMOND);
chart.addSeries("exact, convex tasks, αL = 0.2", steps,
    fixedExact.get("convex")).setMarker(SeriesMarkers.SQUARE);
chart.addSeries("Prop 1 L_w, α = 1/(8NL)", steps,
    corBound).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
chart.addSeries("exact, convex tasks, α = 1/(8NL)", steps,
    corConvex).setMarker(SeriesMarkers.TRIANGLE_UP).setLineStyle(SeriesLines.DASH_DASH);
double[] eQuarter = new double[maxSteps];
Arrays.fill(eQuarter, expansionBound);
chart.addSeries("Cor 6 bound e^(1/4)", steps,
    eQuarter).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DOT_DOT);
savePng(chart, "ji2022-prop1-smoothness.png");
AtomicFiles.writeString(OUT.resolve("ji2022-prop1-smoothness.csv"),
    csv("N,bound_fixed_alpha,exact_tight,exact_nonconvex,exact_convex," +
        "bound_cor6_alpha,exact_convex_cor6_alpha,e_quarter",
        steps, fixedBound, fixedExact.get("tight (eigenvalue -L)"), fixedExact.get("non-convex"),
        fixedExact.get("convex"), corBound, corConvex, eQuarter));
System.out.println("wrote ji2022-prop1-smoothness.png and .csv");

// %% How to run
// Headless: ./metabound notebook 03-multi-step-maml-ji2022    # -> target/notebooks/03-multi-step-maml-ji2022.html
// Interactively (after one ./metabound run has built the jar):
//   jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell notebooks-java/03-multi-step-maml-ji2022.jsh
// then e.g. `exactSmoothness(taskSets.get("non-convex"), 0.05, 40)` at the prompt.
