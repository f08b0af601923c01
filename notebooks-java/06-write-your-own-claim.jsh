// 06 — Write your own claim: an expression, a check, a verdict, a LaTeX table
//
// How an author tests a bound of a draft before it goes into a claims file. A claim is a bound written
// in the plain expression syntax of MetaBound (the same syntax the registry and the claims file use),
// paired with a probe that measures the quantity it bounds and an instance domain to search. This
// notebook:
//   1. parses two candidate bounds on the meta-smoothness of N-step MAML: a true one, Ji2022 Prop 1 on
//      quadratics, (1 + αL)^{2N} L, and a false one that forgets the 2 in the exponent;
//   2. wraps each as a check (ExpressionBound + a probe written here + QuadraticDomain) and runs the
//      falsifier: the true claim HOLDS with its tightness ratio, the false one is VIOLATED, its
//      counterexample shrunk to the simplest instance found and written as a replayable JSON file;
//   3. replays that file, and exports the claims as LaTeX: the formulas (also drawn as SVG) and a small
//      booktabs table of the verdicts, ready for a paper.

// %% Imports and the assertion helper
import java.nio.file.*;
import java.util.*;
import io.metabound.bounds.expr.*;
import io.metabound.bounds.registry.Assumption;
import io.metabound.experiments.check.*;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.probe.*;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.io.AtomicFiles;
import io.metabound.reports.render.LatexSvg;

void check(boolean ok, String expectation) {
  if (!ok) throw new IllegalStateException("expectation failed: " + expectation);
}

// %% 1. Two claims in the plain syntax
// Expression.parse reads +, −, ×, ÷, ^, sqrt, exp, log, min, max over the catalogued symbols (L, rho,
// alpha, N, …); it evaluates, prints back to the same text, and renders LaTeX. A typo is reported
// with its column.
Expression trueClaim = Expression.parse("(1 + alpha*L)^(2*N) * L");
Expression falseClaim = Expression.parse("(1 + alpha*L)^N * L");
Bindings sample = Bindings.empty().with("alpha", 0.1).with("L", 2).with("N", 3);
for (Expression e : List.of(trueClaim, falseClaim)) {
  System.out.printf(Locale.ROOT, "%-24s symbols %s, value at alpha = 0.1, L = 2, N = 3: %.6f%n", e.toPlain(),
      e.symbols(), e.evaluate(sample));
  check(Expression.parse(e.toPlain()).equals(e), "the plain text parses back to the same expression");
}
check(Math.abs(trueClaim.evaluate(sample) - 2 * Math.pow(1.2, 6)) < 1e-12,
    "the parsed claim evaluates to (1 + 0.2)^6 * 2");
try {
  Expression.parse("(1 + alpha*L^(2*N) * L");
  check(false, "an unbalanced parenthesis is rejected");
} catch (ExpressionParseException e) {
  System.out.println("a typo is reported: " + e.getMessage());
  check(e.column() > 0, "the parse error names a column");
}

// %% 2. The probe and the domain
// The quantity is the exact meta-smoothness ‖∇²F‖₂ of N-step MAML on quadratic tasks (∇F is affine,
// so this is the smallest Lipschitz constant of the meta-gradient). The domain draws 1–3 tasks in
// d = 1…3 with eigenvalues in [−1, 1] (non-convex tasks included), alpha in [0, 1/L], N in 1…4.
// The claim's hypothesis alpha <= 1/L is written in the same syntax (Assumption.parse): an instance
// outside it would be out of scope, never a counterexample.
Probe metaSmoothness = new Probe() {
  public String quantityId() { return "meta-smoothness"; }
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    QuadraticMetaOracle o = QuadraticMetaOracle.maml(instance.tasks(), instance.parameter("alpha"),
        instance.integerParameter("N"));
    return Measurement.exact(o.metaSmoothness().value());
  }
};
InstanceDomain domain = QuadraticDomain.builder("quadratic").
    dimensions(1, 3).
    taskCounts(1, 3).
    eigenvalues(-1, 1).
    parameter(ParameterRange.expressions("alpha", "0", "1/L")).
    parameter(ParameterRange.integers("N", 1, 4)).
    build();
List<Assumption> hypotheses = List.of(Assumption.parse("alpha <= 1/L",
    "inner step within the smoothness range"));
BoundCheck claimCheck(String id, Expression bound) {
  ExpressionBound theory = new ExpressionBound(bound, hypotheses, List.of(),
      i -> QuadraticInstanceConstants.of(i.tasks()));
  return new BoundCheck(id, Comparison.AT_MOST, theory, metaSmoothness, domain);
}
System.out.println("domain: " + domain.description());

// %% 3. Run the falsifier on both claims
// BoundCheck.run: random sampling and CMA-ES restarts maximise the ratio empirical/bound (600
// instances here), the best instance is confirmed, a violation is shrunk (fewer dimensions, fewer
// tasks, round numbers) and written to OUT as counterexample-<id>.json, and the negative control
// (the bound halved must be VIOLATED) shows the check can fail. Same seed, same result.
CheckSettings settings = CheckSettings.defaults(20261201L).withCounterexampleDirectory(OUT);
CheckResult holds = claimCheck("my-draft.meta-smoothness", trueClaim).run(settings);
CheckResult violated = claimCheck("my-draft.meta-smoothness-typo", falseClaim).run(settings);
for (CheckResult r : List.of(holds, violated)) {
  System.out.printf(Locale.ROOT, "%-32s %-8s ratio %.6f  (empirical %.6f vs bound %.6f)%s%n", r.boundId(),
      r.verdict(), r.ratio(),
      r.empirical(), r.theoretical(), r.tight() ? " tight" : "");
  System.out.println("    on " + r.instanceDescription() + "; negative control " +
      r.negativeControl().status());
}
check(holds.verdict() == Verdict.HOLDS && holds.ratio() > 0.99,
    "the true claim holds, attained by an eigenvalue -L");
check(holds.negativeControl().status() == NegativeControlResult.Status.FAILS_AS_REQUIRED,
    "the true claim's check can fail");
check(violated.verdict() == Verdict.VIOLATED && violated.ratio() > 1, "the false claim is VIOLATED");

// %% 4. The shrunk counterexample
// The shrinker keeps simplifying while the violation persists; what is left is the smallest case
// the search found, here one task in one dimension. It is worth reading: the eigenvalue sits at −L,
// where (1 + αL)^{2N} L, not (1 + αL)^N L, is the truth.
Instance counterexample = violated.instance();
System.out.println(violated.note());
violated.shrinkSteps().forEach(step -> System.out.println("  shrink: " + step));
for (int i = 0; i < counterexample.taskCount(); i++) {
  QuadraticLoss loss = (QuadraticLoss) counterexample.tasks().get(i).inner();
  System.out.println("  task " + i + ": H = " + Arrays.toString(loss.hessian()) +
      ", c = " + Arrays.toString(loss.centre()));
}
System.out.println("  parameters " + counterexample.parameters() + ", seed " + counterexample.seed());
System.out.println("  written to " + Path.of(violated.counterexample()).getFileName());
check(counterexample.dimension() == 1 && counterexample.taskCount() == 1,
    "the counterexample shrinks to one task in one dimension");
double eigenvalue = ((QuadraticLoss) counterexample.tasks().get(0).inner()).hessian()[0];
check(eigenvalue < 0, "the counterexample has a negative eigenvalue");

// %% 5. Replay the counterexample file
// The file holds the instance, its seed and the settings: re-running the check on it gives the
// recorded verdict bit for bit (what `metabound check --replay FILE` does for registry bounds).
Replay.Outcome replayed = Replay.replay(Path.of(violated.counterexample()),
    id -> id.equals(violated.boundId()) ? Optional.of(claimCheck(id, falseClaim)) : Optional.empty());
System.out.printf(Locale.ROOT, "replayed: %s, ratio %.6f, reproduced = %s%n", replayed.result().verdict(),
    replayed.result().ratio(), replayed.reproduced());
check(replayed.reproduced() && replayed.result().ratio() == violated.ratio(),
    "the counterexample replays exactly");

// %% 6. Export: LaTeX formulas and a booktabs table
// Expression.toLatex gives math-mode LaTeX; the table needs \usepackage{booktabs}. The formulas are
// also drawn to SVG (jlatexmath, glyphs as paths) so they show here without a TeX installation.
String row(String claim, Expression e, CheckResult r) {
  return String.format(Locale.ROOT, "%s & $%s$ & %s & %.4f & \\texttt{%s} \\\\%n", claim, e.toLatex(),
      r.verdict(), r.ratio(),
      r.instanceDescription().replace("_", "\\_"));
}
String table = "\\begin{tabular}{llrrl}\n\\toprule\n" +
    "Claim & Bound on $\\|\\nabla^2 F\\|$ & Verdict & Ratio & Instance \\\\\n\\midrule\n" +
    row("draft", trueClaim, holds) +
    row("typo", falseClaim, violated) +
    "\\bottomrule\n\\end{tabular}\n";
AtomicFiles.writeString(OUT.resolve("claims-table.tex"), table);
System.out.print(table);
AtomicFiles.writeString(OUT.resolve("claim-draft.svg"),
    LatexSvg.render("\\|\\nabla^2 F\\| \\le " + trueClaim.toLatex(), 22));
AtomicFiles.writeString(OUT.resolve("claim-typo.svg"),
    LatexSvg.render("\\|\\nabla^2 F\\| \\le " + falseClaim.toLatex(), 22));
check(table.contains("\\toprule") && table.contains("VIOLATED") && table.contains(trueClaim.toLatex()),
    "the table holds both claims");

// %% How to run
// Headless: ./metabound notebook 06-write-your-own-claim   # -> target/notebooks/06-write-your-own-claim.html
// Interactively (after one ./metabound run has built the jar):
//   jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell notebooks-java/06-write-your-own-claim.jsh
// then try your own bound, e.g. `claimCheck("mine", Expression.parse("4*L")).run(settings)`.
