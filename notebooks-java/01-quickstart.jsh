// 01 — Quickstart: from a task file to a checked bound
//
// What this notebook shows, in five steps on two small quadratic tasks:
//   1. write and load a task file (the DESIGN.md contract {"tasks":[{"H":[[..]],"c":[..]}, ...]});
//   2. compute the exact N-step MAML meta-gradient with the closed-form oracle (Ji2022 eq. (3):
//      ∇F(w) = Σ p_i (I − αH_i)^N H_i (I − αH_i)^N (w − c_i) on quadratics);
//   3. check it twice: against central finite differences of the meta-objective F, and against a
//      second derivation (back-propagation through the inner GD path, MamlMetaGradient);
//   4. evaluate a registry bound, Ji2022 Proposition 1 (meta-smoothness L_w, [R-hi]), at the
//      tasks' exact constants and compare it with the exact meta-smoothness ‖∇²F‖₂;
//   5. check that bound over a whole instance domain with the falsifier (BoundCheck.run), using a
//      probe written right here, and print the verdict, the tightness ratio and the negative control.
// Paper result: Ji, Yang, Liang (2022) Prop 1, tight on quadratics with an eigenvalue −L
// (docs/THEOREMS.md §6.1, §6.3). Every number printed is computed; every expectation is asserted.

// %% Imports and a tiny assertion helper
// A notebook is a test: `check` throws when an expectation fails, so `mvn verify` catches a
// regression (the runner reports the notebook, the cell and this message).
import java.nio.file.*;
import java.util.*;
import io.metabound.bounds.expr.*;
import io.metabound.bounds.registry.*;
import io.metabound.experiments.task.*;
import io.metabound.experiments.oracle.*;
import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.check.*;
import io.metabound.experiments.probe.*;

void check(boolean ok, String expectation) {
  if (!ok) throw new IllegalStateException("expectation failed: " + expectation);
}

// %% 1. Write a task file and load it
// Two tasks in d = 2. Task 0 is convex; task 1 has a negative eigenvalue (a saddle), which the
// theory allows (Assumption 1 only asks for L-smooth losses). The file goes to OUT, next to the
// notebook's HTML. (bench/tasks-8x10.json is a larger file in the same format.)
Path taskFile = OUT.resolve("quickstart-tasks.json");
Files.writeString(taskFile, """
    {"tasks": [
      {"H": [[2.0, 0.5], [0.5, 1.0]],  "c": [1.0, -1.0]},
      {"H": [[0.5, 0.0], [0.0, -0.75]], "c": [-0.5, 2.0]}
    ]}
    """);
TaskSet tasks = QuadraticTaskFile.read(taskFile);
Map<String, Double> constants = QuadraticInstanceConstants.of(tasks);
double L = constants.get("L");
System.out.printf(Locale.ROOT, "read %s: d = %d, m = %d tasks%n", taskFile.getFileName(), tasks.dimension(),
    tasks.size());
System.out.printf(Locale.ROOT,
    "exact constants: L = %.6f (max |eigenvalue|), mu = %.4f (min eigenvalue), rho = %.1f%n",
    L, constants.get("mu"), constants.get("rho"));
check(tasks.size() == 2 && tasks.dimension() == 2, "the file holds two 2-d tasks");
// L of task 0 is 1.5 + sqrt(0.5) (eigenvalues of [[2, .5], [.5, 1]])
check(Math.abs(L - (1.5 + Math.sqrt(0.5))) < 1e-12, "L = 1.5 + sqrt(1/2)");

// %% 2. The exact meta-gradient
// The oracle works in the eigenbasis of each H_i, so its cost does not depend on N.
double alpha = 0.1;
int steps = 3;
double[] w = {0.3, -0.7};
QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, alpha, steps);
MetaGradient gradient = oracle.metaGradient(w);
System.out.println(oracle.name() + ", alpha <= 1/L = " + (1 / L));
System.out.printf(Locale.ROOT, "F(w) = %.12f%n", oracle.metaObjective(w));
System.out.println("∇F(w) = " + Arrays.toString(gradient.value()) +
    (gradient.exact() ? "  [exact closed form]" : ""));
check(alpha <= 1 / L, "alpha is inside Prop 1's usual range alpha <= 1/L");

// %% 3. Check the meta-gradient: finite differences and a second derivation
// F is quadratic, so the central difference [F(w + h e_k) − F(w − h e_k)] / 2h is exact up to
// rounding (about eps·|F|/h). The second derivation runs N real GD steps per task and applies
// Π_j (I − αH_i) backwards with Hessian-vector products: it shares no code with the oracle.
double h = 1e-5;
double[] finiteDifference = new double[w.length];
for (int k = 0; k < w.length; k++) {
  double[] plus = w.clone();
  double[] minus = w.clone();
  plus[k] += h;
  minus[k] -= h;
  finiteDifference[k] = (oracle.metaObjective(plus) - oracle.metaObjective(minus)) / (2 * h);
}
double[] backprop = new MamlMetaGradient(tasks, alpha, steps).metaGradient(w);
double scale = gradient.norm();
double fdError = 0, backpropError = 0;
for (int k = 0; k < w.length; k++) {
  fdError = Math.max(fdError, Math.abs(finiteDifference[k] - gradient.get(k)) / scale);
  backpropError = Math.max(backpropError, Math.abs(backprop[k] - gradient.get(k)) / scale);
}
System.out.println("finite differences  = " + Arrays.toString(finiteDifference));
System.out.println("back-propagation    = " + Arrays.toString(backprop));
System.out.printf(Locale.ROOT, "relative error: finite differences %.2e, back-propagation %.2e%n", fdError,
    backpropError);
check(fdError < 1e-8, "central differences agree with the closed form to 1e-8");
check(backpropError < 1e-13, "back-propagation agrees with the closed form to rounding");

// %% 4. A registry bound at the exact constants
// Ji2022 Prop 1: ‖∇F(w) − ∇F(u)‖ ≤ L_w ‖w − u‖ with L_w = (1 + αL)^{2N} L + C_L E_i‖∇l_i(w)‖.
// On quadratics rho = 0, so C_L = 0 and the gradient term drops out; it is still bound (at w,
// here) because the formula names it. The measured side is the exact meta-smoothness ‖∇²F‖₂.
Bound prop1 = BoundRegistry.find("ji2022.prop1.meta-smoothness").orElseThrow();
double taskGradientMean = 0;
for (int i = 0; i < tasks.size(); i++) {
  double[] g = new double[tasks.dimension()];
  tasks.get(i).inner().gradient(w, g);
  taskGradientMean += tasks.probability(i) * Math.hypot(g[0], g[1]);
}
Bindings at = Bindings.of(constants).
    with("alpha", alpha).
    with("N", steps).
    with("grad_task_mean", taskGradientMean);
double theoretical = prop1.evaluate(at);
double empirical = oracle.metaSmoothness().value();
System.out.println(prop1.id() + " — " + prop1.title() + " " + prop1.provenance().tag());
System.out.println("statement: " + prop1.statement());
System.out.println("LaTeX:     " + prop1.formula().toLatex());
System.out.printf(Locale.ROOT, "L_w = %.6f (bound)   ‖∇²F‖ = %.6f (exact)   ratio = %.4f%n",
    theoretical, empirical, empirical / theoretical);
check(Math.abs(theoretical - Math.pow(1 + alpha * L, 2 * steps) * L) < 1e-12 * theoretical,
    "with rho = 0 Prop 1 reduces to (1 + alpha L)^(2N) L");
check(empirical <= theoretical, "Prop 1 holds on these tasks");

// %% 5. A probe of your own, and the falsifier over a domain
// The check framework pairs a bound with a probe (the empirical side) and an instance domain. The
// probe below measures the exact meta-smoothness of any quadratic instance with parameters alpha and
// N. The domain draws 1–3 tasks in d = 1…3 with eigenvalues in [−1, 1] (so non-convex tasks and the
// tight case, an eigenvalue −L, are reachable), alpha in [0, 1/L] and N in 1…6. BoundCheck.run
// searches it (random sampling, then CMA-ES), confirms the best instance, and runs the negative
// control: the bound halved must come out VIOLATED, which proves the check can fail.
Probe exactMetaSmoothness = new Probe() {
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
    parameter(ParameterRange.integers("N", 1, 6)).
    build();
// grad_task_mean is multiplied by rho = 0 on quadratics; it is bound at w = 0: Σ p_i ‖H_i c_i‖
Map<String, Double> withGradientMean(Instance instance) {
  Map<String, Double> c = new TreeMap<>(QuadraticInstanceConstants.of(instance.tasks()));
  double mean = 0;
  double[] g = new double[instance.dimension()];
  for (int i = 0; i < instance.taskCount(); i++) {
    instance.tasks().get(i).inner().gradient(new double[instance.dimension()], g);
    double norm = 0;
    for (double x : g) norm += x * x;
    mean += instance.tasks().probability(i) * Math.sqrt(norm);
  }
  c.put("grad_task_mean", mean);
  return c;
}
RegistryChecks.Plan plan = new RegistryChecks.Plan(exactMetaSmoothness, domain, i -> withGradientMean(i),
    List.of(), null);
BoundCheck prop1Check = RegistryChecks.check(prop1, plan);
CheckSettings settings = CheckSettings.defaults(20261201L).withEvaluationBudget(300);
CheckResult result = prop1Check.run(settings);
System.out.println("domain:   " + domain.description());
System.out.println("verdict:  " + result.verdict() +
    (result.tight() ? " (tight: the bound is attained)" : ""));
System.out.printf(Locale.ROOT, "ratio:    %.6f = empirical %.6f / bound %.6f%n", result.ratio(),
    result.empirical(), result.theoretical());
System.out.println("instance: " + result.instanceDescription() + ", seed " + result.seed());
System.out.println("search:   " + result.search().evaluations() + " instances evaluated, " +
    result.search().inScopeEvaluations() + " in scope");
NegativeControlResult control = result.negativeControl();
System.out.println("negative control: " + control.status() +
    " (bound ×" + control.factor() + " → " + control.verdict() + ")");
check(result.verdict() == Verdict.HOLDS, "Prop 1 holds over the whole domain");
check(result.ratio() > 0.99 && result.ratio() <= 1 + 1e-9, "the falsifier finds the tight case (ratio → 1)");
check(control.status() == NegativeControlResult.Status.FAILS_AS_REQUIRED,
    "the halved bound is VIOLATED");

// %% How to run
// Headless, rendered to HTML with its output (what `mvn verify` does for every notebook):
//   ./metabound notebook 01-quickstart                # -> target/notebooks/01-quickstart.html
// Interactively, cell by cell, with the project's classes on the class path:
//   ./metabound --version                            # builds reports/target/metabound.jar once
//   jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell notebooks-java/01-quickstart.jsh
// then keep exploring at the jshell> prompt (e.g. `oracle.metaHessian()`); `/exit` leaves.
