package io.metabound.experiments.plan;

import static io.metabound.experiments.plan.PlanSupport.anchored;
import static io.metabound.experiments.plan.PlanSupport.separable;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.Ablation;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.Profile;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.ScopeCondition;
import io.metabound.experiments.check.SeparableDomain;
import io.metabound.experiments.check.UnionDomain;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.oracle.StationaryPoint;
import io.metabound.experiments.probe.AgdIterationsProbe;
import io.metabound.experiments.probe.CgIterationsProbe;
import io.metabound.experiments.probe.ImplicitGradientCostProbe;
import io.metabound.experiments.probe.ImplicitGradientErrorProbe;
import io.metabound.experiments.probe.ImplicitJacobianNormProbe;
import io.metabound.experiments.probe.MetaGradientCallsProbe;
import io.metabound.experiments.task.MetaTask;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact plans for Rajeswaran, Finn, Kakade and Levine (2019), iMAML: the implicit Jacobian (Lemma
 * 1), accelerated gradient descent's iteration count (Lemma 2), the implicit-gradient error (Lemma
 * 3) over the worst δ-accurate inner solution and δ'-accurate linear solve, Theorem 1's gradient
 * computations (Algorithm 2 run with the theorem's accuracies δ and δ', its count and its accuracy
 * checked) and conjugate-gradient steps, and Corollary 1's meta-gradient calls, counted by running
 * the implementation. Theorem 1's memory constant is not checked (see {@link #addReasonsTo}).
 *
 * <p>Constants: μ is the strong convexity of {@code G_i(·, θ) = l̂_i + (λ/2)‖· − θ‖²}, i.e. {@code
 * λ + inf λ_min(∇²l̂_i)}, {@code κ = (λ + sup λ_max)/μ}; L and {@code B_lip} are the smoothness and
 * Lipschitz constant of the outer losses {@code L_i}, ρ the Hessian-Lipschitz constant of the inner
 * ones. Quadratic outer losses are not globally Lipschitz: where {@code B_lip} is needed it is
 * taken on the region the proof uses, and said so in the plan's conditions.
 */
final class Rajeswaran2019Plans {

  private Rajeswaran2019Plans() {}

  /** λ ≥ 0.05 and λ + inf curvature ≥ 0.05, so that {@code G_i} is strongly convex. */
  private static final ParameterRange LAMBDA =
      ParameterRange.of(
          "lambda", c -> Math.max(0.05, 0.05 - c.get("mu")), c -> 5, "[max(0.05, 0.05 - mu), 5]");

  static void addTo(Map<String, Plan> plans) {
    plans.put(
        "rajeswaran2019.lemma1.jacobian-norm",
        new Plan(
                new ImplicitJacobianNormProbe(),
                UnionDomain.of(
                    quadratic("quadratic").eigenvalues(-1, 2).parameter(LAMBDA).build(),
                    separable("separable")
                        .weights(0.1, 2)
                        .vector("theta", 3)
                        .parameter(LAMBDA)
                        .build()),
                Rajeswaran2019Plans::jacobianConstants,
                List.of(),
                null,
                Profile.of(LAMBDA),
                null)
            .consistencyCheck(
                "the measured norm is Lemma 1's own (I + ∇²l^(phi*)/lambda)^(-1): lambda/(lambda +"
                    + " lambda_min) = lambda/mu by definition on quadratics, and lambda/(lambda +"
                    + " f''(phi*)) <= lambda/mu since mu = lambda + inf f'' on separable tasks;"
                    + " formula (6) itself is tested against finite differences of Alg* in"
                    + " ImplicitProbesTest"));
    plans.put(
        "rajeswaran2019.lemma2.agd-iterations",
        new Plan(
            new AgdIterationsProbe(),
            UnionDomain.of(
                agdDomain(quadratic("quadratic, one task").taskCounts(1, 1)),
                agdDomain(
                    quadratic("quadratic, one task, d = 20")
                        .dimensions(20, 20)
                        .taskCounts(1, 1)
                        .rotations(false))),
            Rajeswaran2019Plans::agdConstants,
            List.of(
                new ScopeCondition(
                    "delta <= ||x*|| (below that, x = 0 is already delta-accurate)",
                    x -> x.parameter("delta") <= agdConstants(x).get("D_sol"))),
            null,
            Profile.of(ParameterRange.between("delta", 1e-8, 1).logarithmic()),
            null));
    QuadraticDomain quadraticError = errorDomain(quadratic("quadratic finite-sum, one task"));
    plans.put(
        "rajeswaran2019.lemma3.gradient-error",
        new Plan(
                new ImplicitGradientErrorProbe(),
                UnionDomain.of(
                    quadraticError,
                    separableErrorDomain(
                        separable("separable finite-sum, one task").weights(0.1, 2)),
                    separableErrorDomain(anchored("separable anchored finite-sum, one task"))),
                Rajeswaran2019Plans::errorConstants,
                List.of(),
                null,
                Profile.of(ParameterRange.between("delta", 1e-4, 1).logarithmic()),
                // 13 parameters on the separable parts: a longer search (cheap exact probe)
                PlanSupport.budget(2000, 400))
            .withNote(REGIONAL_LIPSCHITZ)
            .consistencyCheck(LEMMA3_ONE_DIMENSION, Rajeswaran2019Plans::oneDimensionalQuadratic)
            .withAblation(Ablation.rho("ρ-term 2 lambda rho B delta/mu^2")));
    plans.put(
        "rajeswaran2019.lemma3.gradient-error-quadratic",
        new Plan(
                new ImplicitGradientErrorProbe(),
                quadraticError,
                Rajeswaran2019Plans::errorConstants,
                List.of(),
                null,
                Profile.of(ParameterRange.between("delta", 1e-4, 1).logarithmic()),
                null)
            .consistencyCheck(LEMMA3_ONE_DIMENSION, Rajeswaran2019Plans::oneDimensionalQuadratic));
    plans.put(
        "rajeswaran2019.thm1.formal-gradient-computations",
        new Plan(
            ImplicitGradientCostProbe.prescribed(Rajeswaran2019Plans::theorem1Schedule),
            separable("separable finite-sum, one task")
                .taskCounts(1, 1)
                .shiftedOuterCentre(true)
                .vector("theta", 2)
                .parameter(LAMBDA)
                .parameter(ParameterRange.between("epsilon", 1e-8, 1e-1).logarithmic())
                .build(),
            Rajeswaran2019Plans::costConstants,
            List.of(),
            null,
            Profile.of(ParameterRange.between("epsilon", 1e-8, 1e-1).logarithmic()),
            null));
    plans.put(
        "rajeswaran2019.thm1.cg-iterations",
        new Plan(
                new CgIterationsProbe(),
                UnionDomain.of(
                    cgDomain(quadratic("quadratic finite-sum, one task").taskCounts(1, 1)),
                    cgDomain(
                        quadratic("quadratic finite-sum, one task, d = 20")
                            .dimensions(20, 20)
                            .taskCounts(1, 1)
                            .rotations(false))),
                Rajeswaran2019Plans::cgConstants,
                List.of(
                    new ScopeCondition(
                        "delta_prime < ||g*|| (otherwise g = 0 is already delta'-accurate, no step"
                            + " is needed and the count formula can be negative)",
                        x -> x.parameter("delta_prime") < cgSolutionNorm(x))),
                null,
                Profile.of(ParameterRange.between("delta_prime", 1e-8, 1).logarithmic()),
                null)
            .withNote(POINTWISE_GRADIENT));
    plans.put(
        "rajeswaran2019.cor1.meta-gradient-calls",
        new Plan(
            new MetaGradientCallsProbe(),
            quadratic("quadratic finite-sum")
                .eigenvalues(0.1, 2)
                .separateOuterLoss(true)
                .parameter(ParameterRange.between("lambda", 0.1, 5))
                .parameter(ParameterRange.between("epsilon", 1e-4, 1).logarithmic())
                .build(),
            Rajeswaran2019Plans::callsConstants,
            List.of(
                new ScopeCondition(
                    "F bounded below: its constant Hessian is positive definite (Delta finite)",
                    x -> Double.isFinite(callsConstants(x).get("Delta")))),
            null,
            Profile.of(ParameterRange.between("epsilon", 1e-4, 1).logarithmic()),
            null));
  }

  static void addReasonsTo(Map<String, String> reasons) {
    reasons.put(
        "rajeswaran2019.thm1.memory",
        "Theorem 1's constant 2 counts the memory of a network's backpropagation graph in units of"
            + " one gradient (Assumption 1), so counting this implementation's d-vectors says"
            + " nothing about it; the independence of the memory from the inner and CG steps is"
            + " measured by the imaml-table1 reproduction.");
  }

  private static QuadraticDomain.Builder quadratic(String family) {
    return QuadraticDomain.builder(family)
        .dimensions(1, 3)
        .taskCounts(1, 3)
        .eigenvalues(0.05, 2)
        .centreRadius(1)
        .rotations(true);
  }

  private static QuadraticDomain agdDomain(QuadraticDomain.Builder b) {
    return b.eigenvalues(0.05, 2)
        .parameter(ParameterRange.between("delta", 1e-8, 1).logarithmic())
        .build();
  }

  private static QuadraticDomain errorDomain(QuadraticDomain.Builder b) {
    return b.taskCounts(1, 1)
        .eigenvalues(-1, 2)
        .separateOuterLoss(true)
        .parameter(LAMBDA)
        .parameter(ParameterRange.between("delta", 1e-4, 1).logarithmic())
        .parameter(ParameterRange.between("delta_prime", 1e-6, 1).logarithmic())
        .build();
  }

  /** One separable finite-sum task with θ, the direction of φ − φ*, λ, δ and δ'. */
  private static SeparableDomain separableErrorDomain(SeparableDomain.Builder b) {
    return b.taskCounts(1, 1)
        .shiftedOuterCentre(true)
        .vector("theta", 2)
        .vector("dir", 1)
        .parameter(LAMBDA)
        .parameter(ParameterRange.between("delta", 1e-4, 1).logarithmic())
        .parameter(ParameterRange.between("delta_prime", 1e-6, 1).logarithmic())
        .build();
  }

  private static QuadraticDomain cgDomain(QuadraticDomain.Builder b) {
    return b.eigenvalues(-1, 2)
        .separateOuterLoss(true)
        .parameter(LAMBDA)
        .parameter(ParameterRange.between("delta_prime", 1e-8, 1).logarithmic())
        .build();
  }

  /** Where Lemma 3's B is taken: a note, not a hypothesis (it holds on every instance). */
  private static final String REGIONAL_LIPSCHITZ =
      "constants: Assumption 2.1 (B-Lipschitz outer loss) is taken on the delta-ball around the"
          + " exact inner solution phi* = Alg*(theta), where the proof evaluates ∇L_i (at phi* and"
          + " at the delta-accurate phi): B_lip = ||∇L_i(phi*)|| + L delta, certified, on quadratic"
          + " outer losses (phi* = Alg*(0); rho = 0 there removes the B-term anyway) and on"
          + " anchored separable ones (not globally Lipschitz); the global (Σ a_k²)^(1/2), exact,"
          + " on separable ones without anchor. L exact, rho exact (inner loss), mu = lambda + inf"
          + " curvature exact";

  /** Where the CG count's B is taken: a note, not a hypothesis. */
  private static final String POINTWISE_GRADIENT =
      "constants: B_lip taken at the right-hand side, B_lip = ||∇L_i(Alg*(0))|| (the CG bound uses"
          + " B only through ||g*|| <= lambda B/mu), exact; kappa and mu of lambda I + H exact";

  private static final String LEMMA3_ONE_DIMENSION =
      "on one-dimensional quadratics the measured error sigma_max(A^(-1) G) delta + delta' ="
          + " (lambda |g|/(lambda + h)) delta + delta' equals the bound (lambda L/mu) delta +"
          + " delta' by definition (L = |g|, mu = lambda + h, rho = 0); from d = 2 on it is the"
          + " inequality sigma_max(A^(-1) G) <= ||A^(-1)|| ||G||";

  /** One-dimensional quadratic instances, where Lemma 3's quadratic form is an identity. */
  private static boolean oneDimensionalQuadratic(Instance x) {
    return x.isQuadratic() && x.dimension() == 1;
  }

  /** {@code μ = λ + inf curvature} (quadratic: {@code λ_min(H_i)}; separable: {@code −max a/4}). */
  private static double innerCurvature(Instance x) {
    double smallest = Double.POSITIVE_INFINITY;
    for (MetaTask t : x.tasks().tasks()) {
      if (t.inner() instanceof SeparableNonconvexLoss s) {
        smallest = Math.min(smallest, s.smallestCurvature());
      }
    }
    if (x.isQuadratic()) {
      smallest = PlanSupport.quadratic(x).get("mu");
    }
    return smallest;
  }

  private static Map<String, Double> jacobianConstants(Instance x) {
    Map<String, Double> c = PlanSupport.quadraticOrKnown(x);
    c.put("mu", x.parameter("lambda") + innerCurvature(x));
    return c;
  }

  /** Lemma 2's κ = λ_max/λ_min of the task-0 loss and {@code D_sol = ‖x*‖ = ‖c‖}, exact. */
  private static Map<String, Double> agdConstants(Instance x) {
    Map<String, Double> c = PlanSupport.quadratic(x);
    QuadraticTasks tasks = QuadraticTasks.of(x.tasks());
    double[] eig = tasks.innerEigenvalues(0);
    c.put("kappa", eig[eig.length - 1] / eig[0]);
    c.put("D_sol", Vectors.norm(tasks.innerCentre(0)));
    return c;
  }

  /**
   * Lemma 3: L = outer smoothness, μ = λ + inner curvature, ρ of the inner loss, {@code B_lip}:
   * exact {@code (Σa²)^{1/2}} for separable outer losses; on the δ-ball around {@code Alg*(0)} for
   * quadratic ones.
   */
  private static Map<String, Double> errorConstants(Instance x) {
    Map<String, Double> c = new TreeMap<>();
    double lambda = x.parameter("lambda");
    c.put("mu", lambda + innerCurvature(x));
    MetaTask task = x.tasks().get(0);
    if (x.isQuadratic()) {
      QuadraticTasks tasks = QuadraticTasks.of(x.tasks());
      double outer = spectralNorm(tasks.outerHessian(0), tasks.dimension());
      double[] phi =
          QuadraticMetaOracle.imaml(tasks, lambda).adaptedPoint(0, new double[x.dimension()]);
      double[] g = new double[x.dimension()];
      task.outer().gradient(phi, g);
      c.put("L", outer);
      c.put("rho", 0.0);
      c.put("B_lip", Vectors.norm(g) + outer * x.parameter("delta"));
    } else {
      SeparableNonconvexLoss inner = (SeparableNonconvexLoss) task.inner();
      SeparableNonconvexLoss outer = (SeparableNonconvexLoss) task.outer();
      double smoothness = outer.smoothness().value();
      c.put("L", smoothness);
      c.put("rho", inner.hessianLipschitz().value());
      if (outer.isAnchored()) {
        // sup of ||∇L_i|| on the δ-ball around φ* = Alg*(θ): ||∇L_i(φ*)|| + L δ
        double[] phi = inner.proximalPoint(x.vectorParameter("theta"), lambda);
        double[] g = new double[phi.length];
        outer.gradient(phi, g);
        c.put("B_lip", Vectors.norm(g) + smoothness * x.parameter("delta"));
      } else {
        c.put("B_lip", outer.gradientBound(Double.POSITIVE_INFINITY).value());
      }
    }
    return c;
  }

  /** Theorem 1 (formal): κ, μ, L, ρ, {@code B_lip} exact; {@code D_sol = ‖Alg*(θ)‖} at θ. */
  private static Map<String, Double> costConstants(Instance x) {
    Map<String, Double> c = new TreeMap<>();
    MetaTask task = x.tasks().get(0);
    SeparableNonconvexLoss inner = (SeparableNonconvexLoss) task.inner();
    SeparableNonconvexLoss outer = (SeparableNonconvexLoss) task.outer();
    double lambda = x.parameter("lambda");
    double mu = lambda + inner.smallestCurvature();
    c.put("mu", mu);
    c.put("kappa", (lambda + inner.smoothness().value()) / mu);
    c.put("L", outer.smoothness().value());
    c.put("rho", inner.hessianLipschitz().value());
    c.put("B_lip", outer.gradientBound(Double.POSITIVE_INFINITY).value());
    c.put("D_sol", Vectors.norm(inner.proximalPoint(x.vectorParameter("theta"), lambda)));
    return c;
  }

  /**
   * Theorem 1's accuracies, evaluated from the registry's definitions {@code
   * rajeswaran2019.thm1.delta-choice} ({@code δ = ε/(2 C_δ)}, {@code C_δ = 2λρB/μ² + λL/μ}) and
   * {@code rajeswaran2019.thm1.delta-prime-choice} ({@code δ' = ε/2}) on the constants of {@link
   * #costConstants}: with them Lemma 3 gives error {@code ≤ ε}.
   */
  private static ImplicitGradientCostProbe.Schedule theorem1Schedule(Instance x) {
    TreeMap<String, Double> values = new TreeMap<>(costConstants(x));
    values.putAll(x.parameters());
    Bindings b = Bindings.of(values);
    return new ImplicitGradientCostProbe.Schedule(
        BoundRegistry.find("rajeswaran2019.thm1.delta-choice").orElseThrow().formula().evaluate(b),
        BoundRegistry.find("rajeswaran2019.thm1.delta-prime-choice")
            .orElseThrow()
            .formula()
            .evaluate(b));
  }

  /** CG: κ of {@code λI + H}, μ = λ + λ_min(H), {@code B_lip = ‖∇L_i(Alg*(0))‖}. */
  private static Map<String, Double> cgConstants(Instance x) {
    Map<String, Double> c = new TreeMap<>();
    QuadraticTasks tasks = QuadraticTasks.of(x.tasks());
    double lambda = x.parameter("lambda");
    double[] eig = tasks.innerEigenvalues(0);
    c.put("mu", lambda + eig[0]);
    c.put("kappa", (lambda + eig[eig.length - 1]) / (lambda + eig[0]));
    double[] phi =
        QuadraticMetaOracle.imaml(tasks, lambda).adaptedPoint(0, new double[x.dimension()]);
    double[] g = new double[x.dimension()];
    x.tasks().get(0).outer().gradient(phi, g);
    c.put("B_lip", Vectors.norm(g));
    return c;
  }

  /** {@code ‖g*‖} of the CG system at {@code Alg*(0)}. */
  private static double cgSolutionNorm(Instance x) {
    QuadraticTasks tasks = QuadraticTasks.of(x.tasks());
    double lambda = x.parameter("lambda");
    double[] phi =
        QuadraticMetaOracle.imaml(tasks, lambda).adaptedPoint(0, new double[x.dimension()]);
    MetaTask task = x.tasks().get(0);
    double[] v = new double[x.dimension()];
    task.outer().gradient(phi, v);
    double[] g = new double[x.dimension()];
    io.metabound.experiments.algorithm.ImplicitMaml.exactSolve(task.inner(), phi, v, lambda, g);
    return Vectors.norm(g);
  }

  /** Corollary 1: M, L_F = ‖∇²F‖₂ and Δ = F(0) − min F, exact (Δ = +∞ when F is unbounded). */
  private static Map<String, Double> callsConstants(Instance x) {
    Map<String, Double> c = new TreeMap<>();
    QuadraticMetaOracle oracle =
        QuadraticMetaOracle.imaml(QuadraticTasks.of(x.tasks()), x.parameter("lambda"));
    c.put("M", (double) x.taskCount());
    c.put("L_F", oracle.metaSmoothness().value());
    StationaryPoint p = oracle.stationaryPoint();
    double delta =
        p.nature() == StationaryPoint.Nature.MINIMUM
            ? oracle.metaObjective(new double[x.dimension()]) - oracle.metaObjective(p.point())
            : Double.POSITIVE_INFINITY;
    c.put("Delta", delta);
    return c;
  }

  private static double spectralNorm(double[] symmetric, int d) {
    double max = 0;
    for (double e :
        io.metabound.experiments.check.QuadraticInstanceConstants.eigenvalues(symmetric, d)) {
      max = Math.max(max, Math.abs(e));
    }
    return max;
  }
}
