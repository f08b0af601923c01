package io.metabound.reports.cli;

import io.metabound.experiments.algorithm.ImplicitMaml;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.BetaThreshold;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.MetaHessian;
import io.metabound.experiments.oracle.NumericStatus;
import io.metabound.experiments.oracle.QuadraticHessianFreeMaml;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.oracle.StationaryPoint;
import io.metabound.experiments.sweep.JsonArray;
import io.metabound.experiments.sweep.JsonObject;
import io.metabound.experiments.sweep.StreamingTaskFile;
import io.metabound.experiments.sweep.SweepInputException;
import io.metabound.experiments.task.TaskSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metabound oracle}: the exact value of one meta-learning quantity on quadratic tasks, from
 * the closed forms of {@link QuadraticMetaOracle}, {@link EstimatorMaps}, {@link BetaThreshold},
 * {@link StationaryPoint} and {@link QuadraticHessianFreeMaml}; for iMAML's meta-gradient with
 * given inner-solve and CG settings, the algorithm itself ({@link ImplicitMaml}).
 *
 * <table>
 *   <caption>which quantity applies to which estimator</caption>
 *   <tr><th>quantity</th><th>maml, imaml, maml-prox</th><th>fomaml, hfmaml</th></tr>
 *   <tr><td>meta-objective F(w)</td><td>yes</td><td>no: the direction is not a gradient</td></tr>
 *   <tr><td>meta-gradient at w</td><td>∇F(w) (imaml: CG estimate, or exact with --exact)</td>
 *       <td>the update direction at w</td></tr>
 *   <tr><td>meta-hessian, meta-smoothness ‖∇²F‖₂</td><td>yes</td><td>no</td></tr>
 *   <tr><td>stationary-point of F</td><td>yes</td><td>no (use fixed-point)</td></tr>
 *   <tr><td>fixed-point, beta-threshold of the outer iteration</td><td>yes</td><td>yes</td></tr>
 * </table>
 *
 * <p>With {@code --json}: {@code {"quantity": …, "estimator": …, "value": number | [..] |
 * [[..]] | null, "exact": bool, …}} with doubles in full (round-trip) precision; {@code null} when
 * no unique point exists; {@code note} and {@code nature} explain thresholds and points. A value
 * that does not exist in double precision (it overflows, or is NaN) is never printed as a number:
 * the text output is {@code QUANTITY: overflow — reason} (or {@code undefined}), the JSON has
 * {@code "value": null, "status": "overflow" | "undefined", "reason": …}; the exit code stays 0
 * (the question was answered: the exact value is beyond double precision).
 */
@Command(
    name = "oracle",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prints one exact quantity of an estimator on quadratic tasks.",
      "Quantities: the meta-objective F, meta-gradient, meta-Hessian and",
      "meta-smoothness ||Hess F||_2, the stationary point of F, and the fixed",
      "point and beta-stability threshold of the outer iteration.",
      "Needed: --alpha, --steps (maml, fomaml); --alpha (hfmaml); --lambda",
      "(imaml, maml-prox); --inner-steps, --inner-lr (maml-prox, and imaml's",
      "meta-gradient with --cg-steps, unless --exact).",
      ""
    })
public final class OracleCommand implements Callable<Integer> {

  /** The quantities the oracle answers, by CLI name. */
  enum OracleQuantity {
    META_OBJECTIVE("meta-objective"),
    META_GRADIENT("meta-gradient"),
    META_HESSIAN("meta-hessian"),
    META_SMOOTHNESS("meta-smoothness"),
    FIXED_POINT("fixed-point"),
    STATIONARY_POINT("stationary-point"),
    BETA_THRESHOLD("beta-threshold");

    final String cliName;

    OracleQuantity(String cliName) {
      this.cliName = cliName;
    }

    static OracleQuantity parse(String name) {
      for (OracleQuantity q : values()) {
        if (q.cliName.equalsIgnoreCase(name.trim())) {
          return q;
        }
      }
      StringJoiner names = new StringJoiner(", ");
      for (OracleQuantity q : values()) {
        names.add(q.cliName);
      }
      throw new UserInputException("--quantity: unknown quantity '" + name + "'; expected " + names);
    }

    boolean usesPoint() {
      return this == META_OBJECTIVE || this == META_GRADIENT;
    }
  }

  @Option(names = "--tasks", paramLabel = "FILE", required = true,
      description = "quadratic task file (JSON: {\"tasks\":[{\"H\":[[..]],\"c\":[..]}, ...]}, optional \"G\",\"e\",\"weight\")")
  Path tasksFile;

  @Option(names = "--estimator", paramLabel = "NAME", required = true,
      description = "maml (exact N-step), fomaml, hfmaml (N = 1), imaml, maml-prox")
  String estimatorName;

  @Option(names = "--quantity", paramLabel = "Q", required = true,
      description = "meta-objective, meta-gradient, meta-hessian, meta-smoothness, fixed-point, stationary-point, beta-threshold")
  String quantityName;

  @Option(names = "--alpha", paramLabel = "A", description = "inner step size (maml, fomaml, hfmaml)")
  Double alpha;

  @Option(names = "--steps", paramLabel = "N", description = "inner steps (maml, fomaml; hfmaml takes N = 1)")
  Integer steps;

  @Option(names = "--point", paramLabel = "w1,w2,...", description = "where meta-objective and meta-gradient are evaluated (default: the origin)")
  String point;

  @Option(names = "--lambda", paramLabel = "LAMBDA", description = "proximal regulariser (imaml, maml-prox)")
  Double lambda;

  @Option(names = "--cg-steps", paramLabel = "k", description = "imaml meta-gradient: conjugate-gradient steps from g = 0")
  Integer cgSteps;

  @Option(names = "--inner-steps", paramLabel = "K", description = "GD steps on the proximal problem from phi = theta (maml-prox; imaml meta-gradient)")
  Integer innerSteps;

  @Option(names = "--inner-lr", paramLabel = "ETA", description = "step size of those GD steps")
  Double innerRate;

  @Option(names = "--delta", paramLabel = "DELTA", description = "hfmaml finite-difference step (default: 1e-3)")
  Double delta;

  @Option(names = "--exact", description = "imaml meta-gradient: the exact implicit meta-gradient (exact inner solution and linear solve)")
  boolean exact;

  @Option(names = "--json", description = "print {\"quantity\": ..., \"value\": ...} (full double precision)")
  boolean json;

  @Option(names = "--timings", hidden = true, description = "print phase timings to stderr")
  boolean timings;

  @Spec CommandSpec spec;

  private long phaseStart = System.nanoTime();

  private void phase(String name) {
    if (timings) {
      long now = System.nanoTime();
      spec.commandLine().getErr().printf(Locale.ROOT, "timing: %-24s %7.3f s%n", name, (now - phaseStart) * 1e-9);
      spec.commandLine().getErr().flush();
      phaseStart = now;
    }
  }

  /**
   * The value of a quantity: a number, a vector, a row-major matrix, nothing, or — when it has no
   * value in double precision — a {@link NumericStatus} and the reason in words.
   */
  private record Answer(Double scalar, double[] vector, double[] matrix, int dimension, boolean exact,
      String nature, List<String> notes, NumericStatus status, String reason) {

    static Answer scalar(double v, String... notes) {
      return new Answer(v, null, null, 0, true, null, List.of(notes), null, null);
    }

    static Answer vector(double[] v, boolean exact, String... notes) {
      return new Answer(null, v, null, v.length, exact, null, List.of(notes), null, null);
    }

    static Answer matrix(double[] m, int d) {
      return new Answer(null, null, m, d, true, null, List.of(), null, null);
    }

    static Answer point(StationaryPoint p) {
      if (p.nature() == StationaryPoint.Nature.NOT_REPRESENTABLE) {
        return notRepresentable(NumericStatus.OVERFLOW, p.description(), true);
      }
      return new Answer(null, p.point(), null, 0, true,
          p.nature().name().toLowerCase(Locale.ROOT).replace('_', '-'), List.of(p.description()),
          null, null);
    }

    static Answer notRepresentable(NumericStatus status, String reason, boolean exact) {
      return new Answer(null, null, null, 0, exact, null, List.of(), status, reason);
    }

    /** The values of a numeric answer (empty for a point-less or status answer). */
    double[] values() {
      if (scalar != null) {
        return new double[] {scalar};
      }
      return matrix != null ? matrix : vector != null ? vector : new double[0];
    }

    /**
     * This answer, or — when a value is ±∞ or NaN — the status answer saying so: a value that
     * over- or underflowed is never printed as a number.
     */
    Answer checked(String what) {
      NumericStatus s = status != null ? null : NumericStatus.of(values());
      return s == null ? this : notRepresentable(s, s.describe(what), exact);
    }
  }

  private final List<String> notes = new ArrayList<>();

  @Override
  public Integer call() {
    if (timings) {
      spec.commandLine().getErr().printf(Locale.ROOT, "timing: %-24s %7.3f s%n", "jvm start to command",
          (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) * 1e-3);
      phaseStart = System.nanoTime();
    }
    Estimator estimator;
    try {
      estimator = Estimator.parse(estimatorName);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--estimator: " + e.getMessage());
    }
    OracleQuantity quantity = OracleQuantity.parse(quantityName);
    checkOptions(estimator, quantity);
    TaskSet taskSet;
    try {
      taskSet = StreamingTaskFile.read(tasksFile);
    } catch (SweepInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    phase("read tasks");
    double[] w = new double[taskSet.dimension()];
    if (point != null) {
      w = CliVectors.parse("--point", point, taskSet.dimension());
    }
    Answer answer;
    try {
      answer = answer(estimator, quantity, taskSet, w).checked("the " + quantity.cliName);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--estimator " + estimatorName + ": " + e.getMessage(), e);
    }
    phase("compute");
    print(estimator, quantity, answer);
    phase("print");
    return MetaBoundCommand.OK;
  }

  /**
   * Whether the quantity applies to the estimator (checked before the task file is read), required
   * options per estimator; options that do not apply are noted, not fatal.
   */
  private void checkOptions(Estimator estimator, OracleQuantity quantity) {
    if (estimator == Estimator.REPTILE || estimator == Estimator.MOREAU) {
      throw new UserInputException(unsupported(estimator));
    }
    boolean firstOrder = estimator == Estimator.FOMAML || estimator == Estimator.HFMAML;
    if (firstOrder && quantity != OracleQuantity.META_GRADIENT && quantity != OracleQuantity.FIXED_POINT
        && quantity != OracleQuantity.BETA_THRESHOLD) {
      throw new UserInputException(quantity.cliName + " does not apply to " + estimatorName + ": "
          + estimator.displayName() + "'s update direction is not the gradient of an objective (it"
          + " approximates the MAML meta-gradient); it has a meta-gradient (its direction), a"
          + " fixed-point and a beta-threshold. For MAML's " + quantity.cliName + " use --estimator maml"
          + (estimator == Estimator.HFMAML ? " --steps 1" : ""));
    }
    String name = estimator.name().toLowerCase(Locale.ROOT).replace('_', '-');
    List<String> unused = new ArrayList<>();
    boolean imamlGradient = estimator == Estimator.IMAML && quantity == OracleQuantity.META_GRADIENT && !exact;
    switch (estimator) {
      case MAML, FOMAML -> {
        require(alpha != null, name + " needs --alpha A");
        require(steps != null, name + " needs --steps N");
      }
      case HFMAML -> {
        require(alpha != null, "hfmaml needs --alpha A");
        require(steps == null || steps == 1, "--steps: HF-MAML (Fallah2020 eqs. (10)-(11)) takes exactly one inner step; got N = " + steps);
      }
      case IMAML -> {
        require(lambda != null, "imaml needs --lambda LAMBDA");
        if (imamlGradient) {
          require(innerSteps != null && innerRate != null && cgSteps != null,
              "imaml meta-gradient needs --inner-steps K --inner-lr ETA --cg-steps k (the inner solve and CG"
                  + " settings), or --exact for the exact implicit meta-gradient");
        }
      }
      case MAML_PROX -> {
        require(lambda != null, "maml-prox needs --lambda LAMBDA");
        require(innerSteps != null && innerRate != null, "maml-prox needs --inner-steps K --inner-lr ETA");
      }
    }
    boolean usesAlpha = estimator == Estimator.MAML || estimator == Estimator.FOMAML || estimator == Estimator.HFMAML;
    boolean usesLambda = estimator == Estimator.IMAML || estimator == Estimator.MAML_PROX;
    boolean usesInner = estimator == Estimator.MAML_PROX || imamlGradient;
    addIf(unused, alpha != null && !usesAlpha, "--alpha");
    addIf(unused, steps != null && !usesAlpha, "--steps");
    addIf(unused, lambda != null && !usesLambda, "--lambda");
    addIf(unused, innerSteps != null && !usesInner, "--inner-steps");
    addIf(unused, innerRate != null && !usesInner, "--inner-lr");
    addIf(unused, cgSteps != null && !imamlGradient, "--cg-steps");
    addIf(unused, delta != null && estimator != Estimator.HFMAML, "--delta");
    addIf(unused, exact && !(estimator == Estimator.IMAML && quantity == OracleQuantity.META_GRADIENT), "--exact");
    addIf(unused, point != null && !quantity.usesPoint(), "--point");
    if (!unused.isEmpty()) {
      notes.add(String.join(", ", unused) + (unused.size() == 1 ? " does" : " do") + " not apply to "
          + quantity.cliName + " of " + name + " (ignored)");
    }
    if (estimator == Estimator.IMAML && !imamlGradient) {
      notes.add("iMAML with the exact inner solution Alg*(theta) and the exact implicit Jacobian (I + H/lambda)^-1"
          + " (Rajeswaran2019 Lemma 1)");
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new UserInputException(message);
    }
  }

  private static void addIf(List<String> list, boolean condition, String item) {
    if (condition) {
      list.add(item);
    }
  }

  private EstimatorParameters parameters(Estimator estimator) {
    double fd = delta == null ? EstimatorParameters.DEFAULT_DELTA : delta;
    return switch (estimator) {
      case MAML, FOMAML -> EstimatorParameters.maml(alpha, steps);
      case HFMAML -> EstimatorParameters.hfMaml(alpha, fd);
      case IMAML -> EstimatorParameters.imaml(lambda);
      case MAML_PROX -> EstimatorParameters.mamlProx(lambda, innerSteps, innerRate);
      case REPTILE, MOREAU -> throw new IllegalArgumentException(unsupported(estimator));
    };
  }

  /** The meta-objective's oracle of MAML, iMAML or MAML-prox. */
  private QuadraticMetaOracle objectiveOracle(Estimator estimator, QuadraticTasks tasks) {
    return switch (estimator) {
      case MAML, FOMAML -> QuadraticMetaOracle.maml(tasks, alpha, steps);
      case IMAML -> QuadraticMetaOracle.imaml(tasks, lambda);
      case MAML_PROX -> QuadraticMetaOracle.mamlProx(tasks, lambda, innerSteps, innerRate);
      case HFMAML -> throw new IllegalStateException("HF-MAML has no meta-objective oracle");
      case REPTILE, MOREAU -> throw new IllegalArgumentException(unsupported(estimator));
    };
  }

  private static String unsupported(Estimator estimator) {
    return "--estimator " + estimator.claimName() + ": the oracle command supports maml, fomaml,"
        + " hfmaml, imaml and maml-prox";
  }

  private Answer answer(Estimator estimator, OracleQuantity quantity, TaskSet taskSet, double[] w) {
    QuadraticTasks tasks = QuadraticTasks.of(taskSet);
    phase("prepare (eigenbases)");
    EstimatorMaps maps = EstimatorMaps.of(tasks);
    switch (quantity) {
      case BETA_THRESHOLD -> {
        AffineGradientMap map = maps.map(estimator, parameters(estimator));
        NumericStatus mapStatus = NumericStatus.of(map);
        if (mapStatus != null) {
          return Answer.notRepresentable(mapStatus, mapStatus.describe("the update map A w - b")
              + ", so its spectrum and threshold are not defined", true);
        }
        BetaThreshold t = BetaThreshold.of(map);
        if (!t.defined()) {
          return Answer.notRepresentable(NumericStatus.UNDEFINED, t.reason(), true);
        }
        return Answer.scalar(t.value(), "exact threshold of w <- w - beta*(A w - b): converges from every"
            + " start iff 0 < beta < " + t.value() + "; " + t.reason());
      }
      case FIXED_POINT -> {
        return Answer.point(maps.fixedPoint(estimator, parameters(estimator)));
      }
      case META_GRADIENT -> {
        if (estimator == Estimator.FOMAML) {
          return Answer.vector(QuadraticMetaOracle.maml(tasks, alpha, steps).firstOrderDirection(w).value(), true,
              "FO-MAML direction sum_i p_i grad l_Ti(phi_i(w)) (Fallah2020 eq. (8), exact gradients)");
        }
        if (estimator == Estimator.HFMAML) {
          QuadraticHessianFreeMaml hf = new QuadraticHessianFreeMaml(tasks, alpha,
              delta == null ? EstimatorParameters.DEFAULT_DELTA : delta);
          return Answer.vector(hf.direction(w).value(), true,
              "HF-MAML direction (Fallah2020 eqs. (10)-(11), exact gradients, central difference with delta)");
        }
        if (estimator == Estimator.IMAML && !exact) {
          ImplicitMaml imaml = new ImplicitMaml(taskSet, lambda, innerSteps, innerRate, cgSteps);
          return Answer.vector(imaml.direction(w), false, "iMAML meta-gradient sum_i p_i g_i: K = " + innerSteps
              + " GD steps of rate " + innerRate + " on the proximal problem from phi = theta, then "
              + cgSteps + " CG steps from g = 0 on (I + H/lambda) g = grad l_T(phi) (Rajeswaran2019 Alg. 2);"
              + " --exact gives the exact implicit meta-gradient");
        }
        return Answer.vector(objectiveOracle(estimator, tasks).metaGradient(w).value(), true);
      }
      case META_OBJECTIVE -> {
        return Answer.scalar(objectiveOracle(estimator, tasks).metaObjective(w));
      }
      case META_HESSIAN -> {
        MetaHessian h = objectiveOracle(estimator, tasks).metaHessian();
        return Answer.matrix(h.matrix(), h.dimension());
      }
      case META_SMOOTHNESS -> {
        // metaSmoothness() is this Hessian's spectral norm; a non-finite Hessian is not decomposed
        MetaHessian hessian = objectiveOracle(estimator, tasks).metaHessian();
        NumericStatus hessianStatus = NumericStatus.of(hessian.matrix());
        if (hessianStatus != null) {
          return Answer.notRepresentable(hessianStatus, hessianStatus.describe("the meta-Hessian"), true);
        }
        return Answer.scalar(hessian.spectralNorm(),
            "exact: the spectral norm of the constant meta-Hessian (the meta-gradient is affine)");
      }
      case STATIONARY_POINT -> {
        return Answer.point(objectiveOracle(estimator, tasks).stationaryPoint());
      }
      default -> throw new IllegalStateException(quantity.toString());
    }
  }

  private void print(Estimator estimator, OracleQuantity quantity, Answer a) {
    PrintWriter out = spec.commandLine().getOut();
    List<String> all = new ArrayList<>(notes);
    all.addAll(a.notes());
    if (json) {
      // the sweep's small writer: the databind machinery would cost a third of a second of
      // class loading, as much as answering the query
      JsonObject o = new JsonObject();
      o.put("quantity", quantity.cliName);
      o.put("estimator", estimator.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      if (a.status() != null) {
        o.put("value", (String) null);
        o.put("status", a.status().word());
        o.put("reason", a.reason());
      } else if (a.scalar() != null) {
        o.put("value", a.scalar().doubleValue());
      } else if (a.matrix() != null) {
        JsonArray rows = o.putArray("value");
        int d = a.dimension();
        for (int r = 0; r < d; r++) {
          JsonArray row = rows.addArray();
          for (int k = 0; k < d; k++) {
            row.add(a.matrix()[r * d + k]);
          }
        }
      } else if (a.vector() != null) {
        JsonArray v = o.putArray("value");
        for (double x : a.vector()) {
          v.add(x);
        }
      } else {
        o.put("value", (String) null);
      }
      o.put("exact", a.exact());
      if (a.nature() != null) {
        o.put("nature", a.nature());
      }
      if (!all.isEmpty()) {
        o.put("note", String.join("; ", all));
      }
      out.print(o.toText());
    } else {
      if (a.status() != null) {
        out.println(quantity.cliName + ": " + a.status().word() + " — " + a.reason());
      } else if (a.scalar() != null) {
        out.println(Double.toString(a.scalar()));
      } else if (a.matrix() != null) {
        int d = a.dimension();
        for (int r = 0; r < d; r++) {
          StringJoiner row = new StringJoiner(",");
          for (int k = 0; k < d; k++) {
            row.add(Double.toString(a.matrix()[r * d + k]));
          }
          out.println(row);
        }
      } else if (a.vector() != null) {
        StringJoiner row = new StringJoiner(",");
        for (double x : a.vector()) {
          row.add(Double.toString(x));
        }
        out.println(row);
      } else {
        out.println("none");
      }
      if (a.nature() != null) {
        out.println("nature: " + a.nature());
      }
      for (String note : all) {
        out.println("note: " + note);
      }
    }
    out.flush();
  }
}
