// 05 — iMAML: implicit meta-gradients (Rajeswaran, Finn, Kakade, Levine 2019)
//
// iMAML adapts by solving the proximal problem Alg*(θ) = argmin_φ L̂(φ) + (λ/2)‖φ − θ‖² and gets the
// meta-gradient from the implicit function theorem, without back-propagating through the solver:
//   Lemma 1 (eq. (6), [V]):  dAlg*/dθ = (I + ∇²L̂(φ)/λ)^{-1},   g = (I + ∇²L̂/λ)^{-1} ∇L(Alg*(θ)),
// the linear system being solved by a few conjugate-gradient (CG) steps. Lemma 3 ([V]) bounds the error
// of an approximate solve by (2λρB/μ² + λL/μ)δ + δ′, which on quadratics (ρ = 0) is λL/μ·δ + δ′,
// δ being the inner solver's error and δ′ the CG error. On a quadratic task everything is exact
// (docs/THEOREMS.md §6.1), so this notebook shows, with numbers computed from closed forms:
//   1. the implicit Jacobian against finite differences of Alg*, and its norm bound λ/μ (attained);
//   2. the meta-gradient error against the number of CG steps, with the textbook CG bound and the
//      registry's CG-iteration bound (Thm 1);
//   3. a re-creation of Fig. 2(a): error against inner GD steps for MAML back-propagated through the
//      proximal GD path and for iMAML with 2 and 5 CG steps, each point checked against Lemma 3 (chart).

// %% Imports and helpers
import java.nio.file.*;
import java.util.*;
import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.registry.*;
import io.metabound.experiments.task.*;
import io.metabound.experiments.oracle.*;
import io.metabound.experiments.algorithm.ImplicitMaml;
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

// %% One task with an ill-conditioned inner loss
// Inner (training) loss ½(φ − c)ᵀA(φ − c) with A = Q diag(0.05, 0.5, 2, 8) Qᵀ, Q a Householder
// reflection (so A is not diagonal); outer (test) loss ½(φ − e)ᵀG(φ − e). With λ = 0.5 the proximal
// problem is μ = λ + λ_min(A) = 0.55 strongly convex and λ + λ_max(A) = 8.5 smooth: κ ≈ 15.5.
int d = 4;
double[] spectrum = {0.05, 0.5, 2, 8};
double[] u = {1, 2, -1, 1};
double uu = 0;
for (double x : u) uu += x * x;
double[][] a = new double[d][d];
for (int r = 0; r < d; r++) {
  for (int s = 0; s < d; s++) {
    // A = Q diag(spectrum) Q, Q = I − 2uuᵀ/‖u‖²
    double sum = 0;
    for (int k = 0; k < d; k++) {
      double qrk = (r == k ? 1 : 0) - 2 * u[r] * u[k] / uu;
      double qks = (k == s ? 1 : 0) - 2 * u[k] * u[s] / uu;
      sum += qrk * spectrum[k] * qks;
    }
    a[r][s] = sum;
  }
}
for (int r = 0; r < d; r++) for (int s = 0; s < r; s++) a[r][s] = a[s][r];
double[][] gOuter = {{1.0, 0.2, 0, 0}, {0.2, 2.0, 0, 0}, {0, 0, 0.5, 0}, {0, 0, 0, 1.5}};
QuadraticLoss inner = QuadraticLoss.of(a, new double[] {1, -1, 0.5, 2});
QuadraticLoss outer = QuadraticLoss.of(gOuter, new double[] {0.5, -0.5, 1, 1.5});
TaskSet task = new TaskSet(List.of(new MetaTask(inner, outer, 1.0)));
double lambda = 0.5;
double[] innerEigenvalues = QuadraticTasks.of(task).innerEigenvalues(0);
double mu = lambda + innerEigenvalues[0];
double smooth = lambda + innerEigenvalues[d - 1];
double kappa = smooth / mu;
double outerL = QuadraticInstanceConstants.eigenvalues(outer.hessian(), d)[0];
System.out.println("eigenvalues of A: " + Arrays.toString(innerEigenvalues));
System.out.printf(Locale.ROOT,
    "lambda = %.2f, mu = %.4f, lambda + lambda_max = %.4f, kappa = %.4f, L (outer) = %.6f%n",
    lambda, mu, smooth, kappa, outerL);
QuadraticMetaOracle imaml = QuadraticMetaOracle.imaml(task, lambda);
double[] theta = {0.3, 0.1, -0.4, 0.2};
double[] exactGradient = imaml.metaGradient(theta).value();
System.out.println("exact implicit meta-gradient d/dθ L(Alg*(θ)) = " + Arrays.toString(exactGradient));

// %% 1. Lemma 1: the implicit Jacobian
// Closed form (I + A/λ)^{-1} against central differences of Alg*(θ) = (A + λI)^{-1}(Ac + λθ), which
// is affine in θ, so the differences are exact up to rounding. Its eigenvalues are the registry's
// 1/(1 + λ_i/λ); its norm λ/(λ + λ_min(A)) equals the bound λ/μ of rajeswaran2019.lemma1.jacobian-norm.
double[] jacobian = imaml.adaptationJacobian(0);
double h = 1e-4;
double jacobianError = 0;
for (int k = 0; k < d; k++) {
  double[] plus = theta.clone();
  double[] minus = theta.clone();
  plus[k] += h;
  minus[k] -= h;
  double[] fp = imaml.adaptedPoint(0, plus);
  double[] fm = imaml.adaptedPoint(0, minus);
  for (int r = 0; r < d; r++) jacobianError = Math.max(jacobianError,
      Math.abs((fp[r] - fm[r]) / (2 * h) - jacobian[r * d + k]));
}
// a second derivation of Alg*: 3000 GD steps on the proximal problem
ImplicitMaml solver = new ImplicitMaml(task, lambda, 3000, 1 / smooth, 0);
double[] phiByGd = new double[d];
solver.adapt(0, theta, phiByGd);
double[] jacobianEigenvalues = QuadraticInstanceConstants.eigenvalues(jacobian, d);
Bound definition = BoundRegistry.find("rajeswaran2019.lemma1.implicit-jacobian").orElseThrow();
Bound normBound = BoundRegistry.find("rajeswaran2019.lemma1.jacobian-norm").orElseThrow();
System.out.printf(Locale.ROOT,
    "max |finite difference − closed form| = %.2e; ‖Alg*(θ) by GD − closed form‖ = %.2e%n",
    jacobianError, distance(phiByGd, imaml.adaptedPoint(0, theta)));
for (int k = 0; k < d; k++) {
  // the Jacobian's eigenvalues in decreasing order pair with A's in increasing order
  double formula = definition.evaluate(Bindings.empty().with("lambda", lambda).with("lambda_i",
      innerEigenvalues[k]));
  System.out.printf(Locale.ROOT, "  eigenvalue of J %.12f   registry 1/(1 + λ_i/λ) at λ_i = %5.2f: %.12f%n",
      jacobianEigenvalues[k], innerEigenvalues[k], formula);
  check(Math.abs(jacobianEigenvalues[k] - formula) < 1e-12,
      "J's spectrum is Lemma 1's 1/(1 + lambda_i/lambda)");
}
double jacobianBound = normBound.evaluate(Bindings.empty().with("lambda", lambda).with("mu", mu));
System.out.printf(Locale.ROOT, "‖J‖ = %.12f, bound λ/μ = %.12f, ratio %.12f%n", jacobianEigenvalues[0],
    jacobianBound, jacobianEigenvalues[0] / jacobianBound);
check(jacobianError < 1e-9, "Lemma 1's Jacobian agrees with finite differences");
check(distance(phiByGd, imaml.adaptedPoint(0, theta)) < 1e-12,
    "GD on the proximal problem reaches Alg*(theta)");
check(Math.abs(jacobianEigenvalues[0] / jacobianBound - 1) < 1e-12,
    "the Jacobian norm bound lambda/mu is attained");

// %% 2. Meta-gradient error against CG steps (exact inner solve)
// With the inner problem solved to rounding (3000 GD steps, δ ≈ 0), the error is the CG error δ′.
// CG minimises over Krylov spaces, so it is exact after as many steps as A has distinct eigenvalues
// (4 here), and before that it obeys ‖g_k − g*‖ ≤ 2√κ ((√κ − 1)/(√κ + 1))^k ‖g*‖ (κ of I + A/λ).
// The registry's Thm 1 CG count √κ/2 · log(2√κ λB/(μδ′)) (with B = ‖∇L(Alg*)‖ ≥ μ‖g*‖/λ) must be
// enough to reach each accuracy δ′.
double rate = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
double[] cgError = new double[7];
System.out.println("  CG steps  ‖g_k − g*‖/‖g*‖   CG bound");
for (int k = 0; k <= 6; k++) {
  double[] g = new ImplicitMaml(task, lambda, 3000, 1 / smooth, k).solve(0, theta).gradient();
  cgError[k] = distance(g, exactGradient) / norm(exactGradient);
  double bound = 2 * Math.sqrt(kappa) * Math.pow(rate, k);
  System.out.printf(Locale.ROOT, "%10d %17.3e %10.3e%n", k, cgError[k], bound);
  check(cgError[k] <= bound * (1 + 1e-9) + 1e-14, "the CG bound holds at k = " + k);
}
check(cgError[2] > 1e-4 && cgError[4] < 1e-10,
    "CG is inexact after 2 steps and exact after 4 (= distinct eigenvalues)");
Bound cgCount = BoundRegistry.find("rajeswaran2019.thm1.cg-iterations").orElseThrow();
double[] target = new double[d];
outer.gradient(imaml.adaptedPoint(0, theta), target);
System.out.println(cgCount.id() + " " + cgCount.provenance().tag() + ": " + cgCount.statement());
for (double deltaPrime : new double[] {1e-2, 1e-6, 1e-10}) {
  int needed = 0;
  while (needed < 6 && cgError[needed] * norm(exactGradient) > deltaPrime) needed++;
  Bindings at = Bindings.empty().with("kappa", kappa).with("lambda", lambda).with("mu", mu).with("B_lip",
      norm(target)).with("delta_prime", deltaPrime);
  double allowed = cgCount.evaluate(at);
  System.out.printf(Locale.ROOT, "  δ′ = %.0e: CG steps needed %d, Thm 1 allows %.2f%n", deltaPrime, needed,
      allowed);
  check(needed <= allowed, "Thm 1's CG count suffices for delta' = " + deltaPrime);
}

// %% 3. Fig. 2(a) re-created: error against inner GD steps, with Lemma 3 at every point
// MAML (App. A) back-propagates through K GD steps of rate η = 1/(λ + λ_max) on the proximal problem,
// from φ_0 = θ (exact closed form: QuadraticMetaOracle.mamlProx). iMAML runs the same K steps and then
// 2 or 5 CG steps. For iMAML, δ = ‖φ_K − Alg*(θ)‖ and δ′ = ‖g − (I + A/λ)^{-1}∇L(φ_K)‖ (a dense solve)
// are measured and the error is checked against Lemma 3's λL/μ·δ + δ′.
Bound lemma3 = BoundRegistry.find("rajeswaran2019.lemma3.gradient-error-quadratic").orElseThrow();
System.out.println(lemma3.id() + " " + lemma3.provenance().tag() + ": " + lemma3.statement());
int[] innerSteps = java.util.stream.IntStream.rangeClosed(0, 40).map(i -> 10 * i).toArray();
double[] ks = Arrays.stream(innerSteps).asDoubleStream().toArray();
double[] mamlError = new double[innerSteps.length];
double[] cg2Error = new double[innerSteps.length];
double[] cg5Error = new double[innerSteps.length];
double[] cg5Bound = new double[innerSteps.length];
double worstLemma3Ratio = 0;
double[] cgRun(int steps, int cg, double[] boundOut, int at) {
  ImplicitMaml run = new ImplicitMaml(task, lambda, steps, 1 / smooth, cg);
  var result = run.solve(0, theta);
  double[] phi = result.adapted();
  double[] gradientAtPhi = new double[d];
  outer.gradient(phi, gradientAtPhi);
  double[] linearSolve = new double[d];
  ImplicitMaml.exactSolve(inner, phi, gradientAtPhi, lambda, linearSolve);
  double delta = Math.max(distance(phi, imaml.adaptedPoint(0, theta)), Double.MIN_NORMAL);
  double deltaPrime = Math.max(distance(result.gradient(), linearSolve), Double.MIN_NORMAL);
  Bindings b = Bindings.empty().with("lambda", lambda).with("L", outerL).with("mu", mu).with("delta",
      delta).with("delta_prime", deltaPrime);
  boundOut[at] = lemma3.evaluate(b);
  return result.gradient();
}
double[] cg2Bound = new double[innerSteps.length];
for (int j = 0; j < innerSteps.length; j++) {
  int k = innerSteps[j];
  mamlError[j] = distance(QuadraticMetaOracle.mamlProx(task, lambda, k,
      1 / smooth).metaGradient(theta).value(), exactGradient);
  cg2Error[j] = distance(cgRun(k, 2, cg2Bound, j), exactGradient);
  cg5Error[j] = distance(cgRun(k, 5, cg5Bound, j), exactGradient);
  check(cg2Error[j] <= cg2Bound[j] * (1 + 1e-9) && cg5Error[j] <= cg5Bound[j] * (1 + 1e-9),
      "Lemma 3 holds at K = " + k);
  worstLemma3Ratio = Math.max(worstLemma3Ratio, Math.max(cg2Error[j] / cg2Bound[j],
      cg5Error[j] / cg5Bound[j]));
}
System.out.println("      K   MAML (prox GD)   iMAML CG=2   iMAML CG=5   Lemma 3 bound (CG=5)");
for (int j = 0; j < innerSteps.length; j += 5) {
  System.out.printf(Locale.ROOT, "%7d %16.3e %12.3e %12.3e %14.3e%n", innerSteps[j], mamlError[j],
      cg2Error[j], cg5Error[j], cg5Bound[j]);
}
System.out.printf(Locale.ROOT, "largest error / Lemma 3 bound over all K and both CG counts: %.4f%n",
    worstLemma3Ratio);
int n = innerSteps.length - 1;
double scale = norm(exactGradient);
check(mamlError[n] < 1e-6 * scale && cg5Error[n] < 1e-8 * scale,
    "MAML and iMAML (5 CG steps) converge to the exact meta-gradient");
check(cg2Error[n] > 1e-4 * scale && Math.abs(cg2Error[n] - cg2Error[n - 5]) < 1e-3 * cg2Error[n],
    "iMAML with 2 CG steps keeps a terminal error");
check(cg5Error[10] < mamlError[10], "iMAML is more accurate than MAML at a finite number of inner steps");
XYChart chart = new XYChartBuilder().width(900).height(520).
    title("Meta-gradient error against inner GD steps (one quadratic task, d = 4, κ ≈ 15.5)").
    xAxisTitle("inner GD steps K").
    yAxisTitle("‖g − d/dθ L(Alg*(θ))‖").
    build();
chart.getStyler().setYAxisLogarithmic(true);
chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
// a log axis needs positive values: an exact zero is drawn at 1e-17
double[] positive(double[] y) {
  return Arrays.stream(y).map(v -> Math.max(v, 1e-17)).toArray();
}
chart.addSeries("MAML through proximal GD", ks, positive(mamlError)).setMarker(SeriesMarkers.NONE);
chart.addSeries("iMAML, 2 CG steps", ks, positive(cg2Error)).setMarker(SeriesMarkers.SQUARE);
chart.addSeries("iMAML, 5 CG steps", ks, positive(cg5Error)).setMarker(SeriesMarkers.CIRCLE);
chart.addSeries("Lemma 3 bound λL/μ·δ + δ′ (5 CG steps)", ks,
    positive(cg5Bound)).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
savePng(chart, "imaml-fig2a.png");
AtomicFiles.writeString(OUT.resolve("imaml-fig2a.csv"),
    csv("K,maml_prox_error,imaml_cg2_error,imaml_cg5_error,lemma3_bound_cg2,lemma3_bound_cg5",
        ks, mamlError, cg2Error, cg5Error, cg2Bound, cg5Bound));

// %% How to run
// Headless: ./metabound notebook 05-imaml-implicit-gradients    # -> target/notebooks/05-imaml-implicit-gradients.html
// Interactively (after one ./metabound run has built the jar):
//   jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell notebooks-java/05-imaml-implicit-gradients.jsh
// Not the paper's set-up (its App. F is not available, docs/THEOREMS.md §4): a low-dimensional task chosen
// so that 5 CG steps are exact, which is what "the terminal error vanishes with 5 CG steps" suggests.
