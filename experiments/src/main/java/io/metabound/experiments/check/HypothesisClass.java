package io.metabound.experiments.check;

import io.metabound.bounds.registry.Assumption;
import io.metabound.experiments.family.KnownConstants;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Decides, on one instance, the descriptive hypotheses of a result: whether the instance lies in
 * the paper's class.
 *
 * <p>A checkable assumption ({@code alpha <= 1/L}) puts an instance out of scope before it is
 * measured; a descriptive one ("Assumption 1: every l_i is bounded below, L-smooth, …") is not a
 * formula, so the search may well run outside it. That does not make a HOLDS wrong — the
 * inequality still holds there — but a ratio 1 attained only outside the class shows tightness for
 * a statement the paper does not make. This class reads each descriptive hypothesis of the four
 * papers and decides it on the instance's tasks:
 *
 * <ul>
 *   <li><b>bounded below</b> (Ji 2022 Assumptions 1 and 4, Fallah 2020 Assumption 4.2): a
 *       quadratic {@code ½(w − c)ᵀH(w − c) + f₀} is bounded below iff {@code H ⪰ 0} (an
 *       eigenvalue {@code −L} makes it unbounded); a family loss is when it proves a lower bound
 *       ({@link KnownConstants#lowerBound});
 *   <li><b>smoothness, Hessian-Lipschitz, {@code ‖A_j‖ ≤ αL}</b>: hold on every family MetaBound
 *       searches, whose {@code L} and {@code ρ} are the instance's exact constants;
 *   <li><b>bounded gradient dissimilarity for all w</b> (Ji Assumptions 2 and 5, Fallah 4.5): holds
 *       with one task, and for quadratics with one common Hessian; quadratics with different
 *       Hessians break it (the dissimilarity grows linearly in {@code w}); otherwise undecided;
 *   <li><b>noise models, stepsize rules, inexact solvers</b> ({@code σ_g}, {@code σ_H}, the meta
 *       stepsize of (14)/(22), δ-approximate inner solutions): hold by construction of the probes,
 *       which implement them;
 *   <li><b>Takagi's setting</b> (one inner step, one task, same data, eigenvalues at a local
 *       minimum): the instance's task count, step count and {@code H ⪰ 0};
 *   <li><b>Rajeswaran's convexity</b> (strongly convex inner problem, invertible {@code I +
 *       ∇²L̂/λ}, strongly convex AGD objective): decided from the Hessians' spectra and λ.
 * </ul>
 *
 * A hypothesis no recogniser reads is {@link Holds#UNDECIDED}, never silently in class.
 */
public final class HypothesisClass {

  private HypothesisClass() {}

  /** Whether an instance satisfies a hypothesis. */
  public enum Holds {
    HOLDS,
    BROKEN,
    UNDECIDED
  }

  /**
   * One hypothesis decided on one instance.
   *
   * @param hypothesis the assumption's description
   * @param verdict holds, broken or undecided
   * @param reason why, in words (e.g. "task 1 has eigenvalue −2: unbounded below")
   */
  public record Status(String hypothesis, Holds verdict, String reason) {
    public Status {
      Objects.requireNonNull(hypothesis, "hypothesis");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(reason, "reason");
    }

    /** {@code Assumption 1: … — BROKEN: task 1 has eigenvalue −2 (unbounded below)}. */
    public String describe() {
      return hypothesis + " — " + verdict.name() + ": " + reason;
    }
  }

  /** The statuses among {@code statuses} with the given verdict, in order. */
  public static List<Status> withVerdict(List<Status> statuses, Holds verdict) {
    return statuses.stream().filter(s -> s.verdict() == verdict).toList();
  }

  /** Relative tolerance below which a negative eigenvalue counts as zero. */
  private static final double EIGEN_TOLERANCE = 1e-12;

  /** The descriptive hypotheses among {@code assumptions}, each decided on {@code instance}. */
  public static List<Status> decide(List<Assumption> assumptions, Instance instance) {
    List<Status> out = new ArrayList<>();
    for (Assumption a : assumptions) {
      if (a.isCheckable()) {
        continue;
      }
      out.add(decide(a.description(), instance));
    }
    return out;
  }

  /** One descriptive hypothesis decided on {@code instance}. */
  public static Status decide(String hypothesis, Instance instance) {
    String h = hypothesis.toLowerCase(Locale.ROOT);
    List<Status> parts = new ArrayList<>();
    boolean read = false;
    if (h.contains("bounded below") || h.contains("items 1-3 of assumption 1")) {
      parts.add(boundedBelow(hypothesis, instance));
      read = true;
    }
    if (h.contains("∇l_i(w) - ∇l(w)")
        || h.contains("∇f_i(w) - ∇f(w)")
        || h.contains("∇l_{t_i}(w) - ∇l_t(w)")) {
      parts.add(dissimilarity(hypothesis, instance, h.contains("b_i")));
      read = true;
    }
    if (h.startsWith("setting: one inner step, one task")) {
      parts.add(takagiSetting(hypothesis, instance, true));
      read = true;
    } else if (h.startsWith("multi-task setting")) {
      parts.add(takagiSetting(hypothesis, instance, false));
      read = true;
    }
    if (h.contains("mu-strongly convex")) {
      parts.add(stronglyConvex(hypothesis, instance, h.contains("g_i(.")));
      read = true;
    }
    if (h.contains("invertible")) {
      parts.add(invertibleProximal(hypothesis, instance));
      read = true;
    }
    if (byConstruction(h)) {
      if (!read) {
        return new Status(hypothesis, Holds.HOLDS, constructionReason(h));
      }
      parts.add(new Status(hypothesis, Holds.HOLDS, constructionReason(h)));
    }
    if (!read) {
      return new Status(hypothesis, Holds.UNDECIDED, "no recogniser reads this hypothesis");
    }
    return combine(hypothesis, parts);
  }

  /** Hypotheses that hold on every instance MetaBound searches, by how its probes work. */
  private static boolean byConstruction(String h) {
    return h.contains("l-smooth")
        || h.contains("lipschitz hessian")
        || h.contains("||a_j|| <= alpha*l")
        || h.contains("per-sample gradient variance")
        || h.contains("meta stepsize beta_k")
        || h.contains("hessian-vector product")
        || h.contains("delta-approximate")
        || h.contains("(def 2)")
        || h.contains("the conditions of theorem 1");
  }

  private static String constructionReason(String h) {
    if (h.contains("per-sample gradient variance")) {
      return "the noise model's σ_g and σ_H are its exact standard deviations";
    }
    if (h.contains("meta stepsize beta_k")) {
      return "the probe runs the algorithm with this stepsize rule";
    }
    if (h.contains("hessian-vector product")) {
      return "MetaBound counts a Hessian-vector product at the stated cost";
    }
    if (h.contains("delta-approximate") || h.contains("(def 2)")) {
      return "the probe's inner solver is run to the stated accuracy";
    }
    if (h.contains("the conditions of theorem 1")) {
      return "the probe's instances are those of the Theorem 1 check (quadratic, exact L_F)";
    }
    return "L and ρ are the instance's exact constants";
  }

  private static Status combine(String hypothesis, List<Status> parts) {
    List<String> reasons = new ArrayList<>();
    Holds worst = Holds.HOLDS;
    for (Status s : parts) {
      reasons.add(s.reason());
      if (s.verdict() == Holds.BROKEN) {
        worst = Holds.BROKEN;
      } else if (s.verdict() == Holds.UNDECIDED && worst == Holds.HOLDS) {
        worst = Holds.UNDECIDED;
      }
    }
    return new Status(hypothesis, worst, String.join("; ", reasons));
  }

  // ---- bounded below ----

  private static Status boundedBelow(String hypothesis, Instance instance) {
    List<MetaTask> tasks = instance.tasks().tasks();
    for (int i = 0; i < tasks.size(); i++) {
      for (SmoothLoss loss : losses(tasks.get(i))) {
        Status s = boundedBelow(hypothesis, loss, i + 1);
        if (s.verdict() != Holds.HOLDS) {
          return s;
        }
      }
    }
    return new Status(hypothesis, Holds.HOLDS, "every task loss is bounded below");
  }

  private static Status boundedBelow(String hypothesis, SmoothLoss loss, int task) {
    if (loss instanceof QuadraticLoss q) {
      double[] spectrum = eigenvalues(q);
      double min = Double.POSITIVE_INFINITY;
      double scale = 1;
      for (double v : spectrum) {
        min = Math.min(min, v);
        scale = Math.max(scale, Math.abs(v));
      }
      if (min < -EIGEN_TOLERANCE * scale) {
        return new Status(
            hypothesis,
            Holds.BROKEN,
            "task "
                + task
                + " is a quadratic with Hessian eigenvalue "
                + SuiteSummary.number(min)
                + " < 0, unbounded below");
      }
      return new Status(hypothesis, Holds.HOLDS, "quadratic with H ⪰ 0");
    }
    if (loss instanceof KnownConstants known && known.lowerBound().isPresent()) {
      return new Status(
          hypothesis,
          Holds.HOLDS,
          "f ≥ " + SuiteSummary.number(known.lowerBound().getAsDouble()) + " (proved)");
    }
    return new Status(
        hypothesis,
        Holds.UNDECIDED,
        "task " + task + ": no lower bound known for " + loss.getClass().getSimpleName());
  }

  // ---- gradient dissimilarity ----

  private static Status dissimilarity(String hypothesis, Instance instance, boolean supportQuery) {
    List<MetaTask> tasks = instance.tasks().tasks();
    boolean sameLoss = tasks.stream().allMatch(MetaTask::isSameLoss);
    if (tasks.size() == 1 && (!supportQuery || sameLoss)) {
      return new Status(hypothesis, Holds.HOLDS, "one task: no dissimilarity");
    }
    if (allQuadratic(instance)) {
      double[] reference = ((QuadraticLoss) tasks.get(0).inner()).hessian();
      for (MetaTask t : tasks) {
        if (!java.util.Arrays.equals(reference, ((QuadraticLoss) t.inner()).hessian())
            || !java.util.Arrays.equals(reference, ((QuadraticLoss) t.outer()).hessian())) {
          return new Status(
              hypothesis,
              Holds.BROKEN,
              "quadratic tasks with different Hessians: the gradient dissimilarity grows"
                  + " linearly in w, no finite bound for all w");
        }
      }
      return new Status(
          hypothesis, Holds.HOLDS, "one common Hessian: the dissimilarity is constant in w");
    }
    double bound = 0;
    for (MetaTask t : tasks) {
      for (SmoothLoss loss : List.of(t.inner(), t.outer())) {
        bound =
            Math.max(
                bound,
                loss instanceof KnownConstants known
                    ? known.gradientBound(Double.POSITIVE_INFINITY).value()
                    : Double.POSITIVE_INFINITY);
      }
    }
    if (Double.isFinite(bound)) {
      // ‖∇l_i(w) − ∇l(w)‖ ≤ 2 sup ‖∇l‖: bounded for all w
      return new Status(
          hypothesis,
          Holds.HOLDS,
          "every gradient is globally bounded by "
              + SuiteSummary.number(bound)
              + ", so the dissimilarity is bounded for all w");
    }
    return new Status(
        hypothesis,
        Holds.UNDECIDED,
        "several non-quadratic tasks without a global gradient bound: the sup over w of the"
            + " dissimilarity is not computed");
  }

  // ---- Takagi ----

  private static Status takagiSetting(String hypothesis, Instance instance, boolean oneTask) {
    List<String> broken = new ArrayList<>();
    if (oneTask && instance.taskCount() != 1) {
      broken.add(instance.taskCount() + " tasks, the setting has one");
    }
    if (instance.hasParameter("N") && instance.integerParameter("N") != 1) {
      broken.add("N = " + instance.integerParameter("N") + " inner steps, the setting has one");
    }
    if (!instance.tasks().tasks().stream().allMatch(MetaTask::isSameLoss)) {
      broken.add("separate inner and outer losses, the setting uses the same data");
    }
    if (!allQuadratic(instance)) {
      return new Status(hypothesis, Holds.UNDECIDED, "not a quadratic instance");
    }
    for (int i = 0; i < instance.taskCount(); i++) {
      double min = smallestEigenvalue((QuadraticLoss) instance.tasks().get(i).inner());
      if (min < 0) {
        broken.add(
            "task " + (i + 1) + " has eigenvalue " + SuiteSummary.number(min) + ": no local minimum");
      }
    }
    return broken.isEmpty()
        ? new Status(hypothesis, Holds.HOLDS, "one step, same data, H ⪰ 0 at the minimum")
        : new Status(hypothesis, Holds.BROKEN, String.join("; ", broken));
  }

  // ---- Rajeswaran ----

  private static Status stronglyConvex(String hypothesis, Instance instance, boolean proximal) {
    if (!allQuadratic(instance)) {
      return new Status(hypothesis, Holds.UNDECIDED, "not a quadratic instance");
    }
    // the proximal inner problem L̂_i(φ) + (λ/2)‖φ − θ‖² has Hessian H_i + λI
    double shift = proximal && instance.hasParameter("lambda") ? instance.parameter("lambda") : 0;
    return spectrumAbove(
        hypothesis,
        instance,
        q -> smallestEigenvalue(q) + shift,
        proximal ? "H + λI ≻ 0: strongly convex" : "H ≻ 0: strongly convex",
        proximal ? "smallest eigenvalue of H + λI" : "smallest eigenvalue of H");
  }

  private static Status invertibleProximal(String hypothesis, Instance instance) {
    if (!allQuadratic(instance) || !instance.hasParameter("lambda")) {
      return new Status(hypothesis, Holds.UNDECIDED, "not a quadratic instance with λ");
    }
    double lambda = instance.parameter("lambda");
    // I + H/λ is invertible iff no eigenvalue of H equals −λ; it is positive definite iff λ_min > −λ
    return spectrumAbove(
        hypothesis,
        instance,
        q -> 1 + smallestEigenvalue(q) / lambda,
        "I + H/λ ≻ 0: invertible",
        "smallest eigenvalue of I + H/λ");
  }

  private static Status spectrumAbove(
      String hypothesis,
      Instance instance,
      Function<QuadraticLoss, Double> smallest,
      String holds,
      String what) {
    for (int i = 0; i < instance.taskCount(); i++) {
      double v = smallest.apply((QuadraticLoss) instance.tasks().get(i).inner());
      if (!(v > 0)) {
        return new Status(
            hypothesis,
            Holds.BROKEN,
            "task " + (i + 1) + ": " + what + " is " + SuiteSummary.number(v) + " ≤ 0");
      }
    }
    return new Status(hypothesis, Holds.HOLDS, holds);
  }

  // ---- helpers ----

  private static List<SmoothLoss> losses(MetaTask t) {
    return t.isSameLoss() ? List.of(t.inner()) : List.of(t.inner(), t.outer());
  }

  private static boolean allQuadratic(Instance instance) {
    for (MetaTask t : instance.tasks().tasks()) {
      if (!(t.inner() instanceof QuadraticLoss) || !(t.outer() instanceof QuadraticLoss)) {
        return false;
      }
    }
    return true;
  }

  private static double[] eigenvalues(QuadraticLoss q) {
    int d = q.dimension();
    double[][] h = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int c = 0; c < d; c++) {
        // symmetrise: H is symmetric up to rounding of its rotation
        h[r][c] = 0.5 * (q.hessian()[r * d + c] + q.hessian()[c * d + r]);
      }
    }
    return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false)).getEigenvalues();
  }

  private static double smallestEigenvalue(QuadraticLoss q) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : eigenvalues(q)) {
      min = Math.min(min, v);
    }
    return min;
  }

}
