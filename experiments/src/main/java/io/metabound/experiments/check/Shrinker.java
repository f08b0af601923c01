package io.metabound.experiments.check;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * Greedy simplification of a failing instance (in the spirit of QuickCheck/Hypothesis shrinking):
 * candidate simplifications are tried in order, and each is kept only if the instance still fails.
 *
 * <p>Simplifications, from the largest to the smallest: drop a task; rotate every task into the
 * eigenbasis of task 0's Hessian (an orthogonal change of variables, after which task 0 is diagonal
 * and dimensions can be dropped along eigen-directions); drop a coordinate (leading principal
 * sub-blocks of every {@code H}, {@code G} and the matching centre entries); zero the off-diagonal
 * entries; make the outer loss equal to the inner loss; set centres to 0; set weights to 1; then
 * round every number — parameters first, then Hessian entries (symmetric pairs together), centres
 * and weights — to a simpler value: 0, then {@code {1, 2, 5} × 10^k}, then 1, 2, 3 … significant
 * digits. Whole numbers (N, batch sizes, integer entries) are only replaced by whole numbers of
 * smaller magnitude. Passes repeat until none succeeds or the evaluation budget is spent. Every
 * accepted step strictly simplifies, so shrinking terminates.
 *
 * <p>Structural steps apply to quadratic instances; other instances only get their parameters
 * rounded.
 */
public final class Shrinker {

  private Shrinker() {}

  /**
   * @param instance the simplified instance (the start instance when nothing could be simplified)
   * @param steps the accepted steps, in order
   * @param evaluations candidate instances evaluated
   * @param budgetExhausted true when the budget stopped shrinking before a fixpoint
   */
  public record Result(
      Instance instance, List<String> steps, int evaluations, boolean budgetExhausted) {}

  private record Candidate(String description, Instance instance) {}

  /**
   * Shrinks {@code start} while {@code stillFails} holds.
   *
   * @param start a failing instance
   * @param stillFails true when a candidate still fails (and belongs to the domain)
   * @param budget maximum number of candidates to evaluate
   */
  public static Result shrink(Instance start, Predicate<Instance> stillFails, int budget) {
    List<Function<Instance, List<Candidate>>> generators =
        List.of(
            Shrinker::dropTasks,
            Shrinker::rotateToEigenbasis,
            Shrinker::dropCoordinates,
            Shrinker::zeroOffDiagonal,
            Shrinker::sameOuterLoss,
            Shrinker::zeroCentres,
            Shrinker::unitWeights,
            Shrinker::roundParameters,
            Shrinker::roundEntries);
    Instance current = start;
    List<String> steps = new ArrayList<>();
    int evaluations = 0;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Function<Instance, List<Candidate>> generator : generators) {
        boolean accepted = true;
        // re-generate from the new current instance after every success of this generator
        while (accepted) {
          accepted = false;
          for (Candidate c : generator.apply(current)) {
            if (evaluations >= budget) {
              return new Result(current, steps, evaluations, true);
            }
            evaluations++;
            if (stillFails.test(c.instance())) {
              current = c.instance();
              steps.add(c.description());
              accepted = true;
              progress = true;
              break;
            }
          }
        }
      }
    }
    return new Result(current, steps, evaluations, false);
  }

  // ---- structural steps (quadratic instances) ----

  private static List<Candidate> dropTasks(Instance x) {
    List<Candidate> out = new ArrayList<>();
    int m = x.taskCount();
    for (int i = m - 1; i >= 0 && m > 1; i--) {
      List<MetaTask> tasks = new ArrayList<>(x.tasks().tasks());
      tasks.remove(i);
      TaskSet reduced;
      try {
        reduced = new TaskSet(tasks);
      } catch (IllegalArgumentException e) {
        continue; // e.g. the remaining weights sum to 0
      }
      out.add(new Candidate("dropped task " + i, x.withTasks(reduced)));
    }
    return out;
  }

  private static List<Candidate> rotateToEigenbasis(Instance x) {
    if (!x.isQuadratic() || x.dimension() < 2) {
      return List.of();
    }
    int d = x.dimension();
    QuadraticLoss first = (QuadraticLoss) x.tasks().get(0).inner();
    if (isDiagonal(first.hessian(), d)) {
      return List.of();
    }
    double[][] rows = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        rows[r][k] = 0.5 * (first.h(r, k) + first.h(k, r));
      }
    }
    // V: eigenvectors of H_0 as columns, eigenvalues in decreasing order
    EigenDecompositionSymmetric eigen =
        new EigenDecompositionSymmetric(new Array2DRowRealMatrix(rows, false));
    RealMatrix v = eigen.getV();
    double[] eigenvalues = eigen.getEigenvalues();
    // H ↦ Vᵀ H V, c ↦ Vᵀ c for every loss: an orthogonal change of variables w = V u
    Instance rotated =
        mapLosses(
            x,
            q -> {
              double[] h = new double[d * d];
              for (int r = 0; r < d; r++) {
                for (int k = r; k < d; k++) {
                  double s = 0;
                  for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                      s += v.getEntry(a, r) * q.h(a, b) * v.getEntry(b, k);
                    }
                  }
                  h[r * d + k] = s;
                  h[k * d + r] = s;
                }
              }
              if (q == first) {
                // H_0 is diagonal in its own eigenbasis: store exactly diag(eigenvalues)
                for (int r = 0; r < d; r++) {
                  for (int k = 0; k < d; k++) {
                    h[r * d + k] = r == k ? eigenvalues[r] : 0;
                  }
                }
              }
              double[] c = q.centre();
              double[] rc = new double[d];
              for (int r = 0; r < d; r++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                  s += v.getEntry(a, r) * c[a];
                }
                rc[r] = s;
              }
              return new QuadraticLoss(h, rc, q.offset());
            });
    return List.of(new Candidate("rotated into the eigenbasis of task 0's Hessian", rotated));
  }

  private static List<Candidate> dropCoordinates(Instance x) {
    if (!x.isQuadratic() || x.dimension() < 2) {
      return List.of();
    }
    int d = x.dimension();
    List<Candidate> out = new ArrayList<>();
    for (int j = d - 1; j >= 0; j--) {
      int drop = j;
      out.add(
          new Candidate(
              "dropped coordinate " + j,
              mapLosses(
                  x,
                  q -> {
                    int n = d - 1;
                    double[] h = new double[n * n];
                    double[] c = new double[n];
                    double[] centre = q.centre();
                    for (int r = 0, rr = 0; r < d; r++) {
                      if (r == drop) {
                        continue;
                      }
                      c[rr] = centre[r];
                      for (int k = 0, kk = 0; k < d; k++) {
                        if (k == drop) {
                          continue;
                        }
                        h[rr * n + kk] = q.h(r, k);
                        kk++;
                      }
                      rr++;
                    }
                    return new QuadraticLoss(h, c, q.offset());
                  })));
    }
    return out;
  }

  private static List<Candidate> zeroOffDiagonal(Instance x) {
    if (!x.isQuadratic() || x.dimension() < 2) {
      return List.of();
    }
    int d = x.dimension();
    boolean any = false;
    for (MetaTask t : x.tasks().tasks()) {
      any |= !isDiagonal(((QuadraticLoss) t.inner()).hessian(), d);
      any |= !isDiagonal(((QuadraticLoss) t.outer()).hessian(), d);
    }
    if (!any) {
      return List.of();
    }
    return List.of(
        new Candidate(
            "set off-diagonal Hessian entries to 0",
            mapLosses(
                x,
                q -> {
                  double[] h = new double[d * d];
                  for (int r = 0; r < d; r++) {
                    h[r * d + r] = q.h(r, r);
                  }
                  return new QuadraticLoss(h, q.centre(), q.offset());
                })));
  }

  private static List<Candidate> sameOuterLoss(Instance x) {
    boolean any = false;
    List<MetaTask> tasks = new ArrayList<>();
    for (MetaTask t : x.tasks().tasks()) {
      any |= !t.isSameLoss();
      tasks.add(new MetaTask(t.inner(), t.inner(), t.weight()));
    }
    if (!any) {
      return List.of();
    }
    return List.of(
        new Candidate("outer losses set equal to inner losses", x.withTasks(new TaskSet(tasks))));
  }

  private static List<Candidate> zeroCentres(Instance x) {
    if (!x.isQuadratic()) {
      return List.of();
    }
    List<Candidate> out = new ArrayList<>();
    boolean any = false;
    for (MetaTask t : x.tasks().tasks()) {
      any |= !isZero(((QuadraticLoss) t.inner()).centre());
      any |= !isZero(((QuadraticLoss) t.outer()).centre());
    }
    if (!any) {
      return out;
    }
    out.add(
        new Candidate(
            "set every centre to 0",
            mapLosses(x, q -> new QuadraticLoss(q.hessian(), new double[q.dimension()], q.offset()))));
    int d = x.dimension();
    for (int j = 0; j < d && d > 1; j++) {
      int coordinate = j;
      boolean nonzero = false;
      for (MetaTask t : x.tasks().tasks()) {
        nonzero |= ((QuadraticLoss) t.inner()).centre()[j] != 0;
        nonzero |= ((QuadraticLoss) t.outer()).centre()[j] != 0;
      }
      if (nonzero) {
        out.add(
            new Candidate(
                "set coordinate " + j + " of every centre to 0",
                mapLosses(
                    x,
                    q -> {
                      double[] c = q.centre();
                      c[coordinate] = 0;
                      return new QuadraticLoss(q.hessian(), c, q.offset());
                    })));
      }
    }
    return out;
  }

  private static List<Candidate> unitWeights(Instance x) {
    boolean any = false;
    List<MetaTask> tasks = new ArrayList<>();
    for (MetaTask t : x.tasks().tasks()) {
      any |= t.weight() != 1.0;
      tasks.add(new MetaTask(t.inner(), t.outer(), 1.0));
    }
    if (!any) {
      return List.of();
    }
    return List.of(new Candidate("set every task weight to 1", x.withTasks(new TaskSet(tasks))));
  }

  // ---- rounding ----

  private static List<Candidate> roundParameters(Instance x) {
    List<Candidate> out = new ArrayList<>();
    for (Map.Entry<String, Double> p : x.parameters().entrySet()) {
      double v = p.getValue();
      for (double c : simplerValues(v)) {
        out.add(
            new Candidate(
                p.getKey() + ": " + Instance.format(v) + " → " + Instance.format(c),
                x.withParameter(p.getKey(), c)));
      }
    }
    return out;
  }

  private static List<Candidate> roundEntries(Instance x) {
    if (!x.isQuadratic()) {
      return List.of();
    }
    List<Candidate> out = new ArrayList<>();
    int d = x.dimension();
    for (int i = 0; i < x.taskCount(); i++) {
      MetaTask t = x.tasks().get(i);
      boolean same = t.isSameLoss();
      for (int which = 0; which < (same ? 1 : 2); which++) {
        QuadraticLoss q = (QuadraticLoss) (which == 0 ? t.inner() : t.outer());
        String name = (which == 0 ? "H" : "G") + "_" + i;
        String centreName = (which == 0 ? "c" : "e") + "_" + i;
        for (int r = 0; r < d; r++) {
          for (int k = r; k < d; k++) {
            double v = q.h(r, k);
            for (double c : simplerValues(v)) {
              double[] h = q.hessian();
              h[r * d + k] = c;
              h[k * d + r] = c;
              out.add(
                  new Candidate(
                      name
                          + "["
                          + r
                          + ","
                          + k
                          + "]: "
                          + Instance.format(v)
                          + " → "
                          + Instance.format(c),
                      replaceLoss(x, i, which, new QuadraticLoss(h, q.centre(), q.offset()), same)));
            }
          }
        }
        for (int r = 0; r < d; r++) {
          double v = q.centre()[r];
          for (double c : simplerValues(v)) {
            double[] centre = q.centre();
            centre[r] = c;
            out.add(
                new Candidate(
                    centreName + "[" + r + "]: " + Instance.format(v) + " → " + Instance.format(c),
                    replaceLoss(x, i, which, new QuadraticLoss(q.hessian(), centre, q.offset()), same)));
          }
        }
      }
      double w = t.weight();
      for (double c : simplerValues(w)) {
        if (c <= 0) {
          continue;
        }
        List<MetaTask> tasks = new ArrayList<>(x.tasks().tasks());
        tasks.set(i, new MetaTask(t.inner(), t.outer(), c));
        out.add(
            new Candidate(
                "weight_" + i + ": " + Instance.format(w) + " → " + Instance.format(c),
                x.withTasks(new TaskSet(tasks))));
      }
    }
    return out;
  }

  /**
   * Values simpler than {@code v}, simplest first. For a whole number: whole numbers of smaller
   * magnitude (0, ±1, half, one less). Otherwise: 0, the neighbours in {@code {1, 2, 5} × 10^k},
   * then {@code v} rounded to 1, 2, … significant digits — each kept only if its {@link
   * #complexity} is below that of {@code v}.
   */
  static List<Double> simplerValues(double v) {
    List<Double> out = new ArrayList<>();
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return out;
    }
    double sign = Math.signum(v);
    double a = Math.abs(v);
    double decade = Math.pow(10, Math.floor(Math.log10(a)));
    if (v == Math.rint(v)) {
      double niceBelow = 1;
      for (double m : new double[] {1, 2, 5, 10}) {
        if (clean(m * decade) < a) {
          niceBelow = Math.max(niceBelow, clean(m * decade));
        }
      }
      for (double c : new double[] {0, 1, niceBelow, Math.floor(a / 2), a - 1}) {
        double signed = c == 0 ? 0.0 : sign * c;
        if (c < a && !out.contains(signed)) {
          out.add(signed);
        }
      }
      return out;
    }
    List<Double> candidates = new ArrayList<>();
    candidates.add(0.0);
    double below = decade;
    double above = 10 * decade;
    for (double m : new double[] {1, 2, 5, 10}) {
      double c = m * decade;
      if (c <= a) {
        below = c;
      }
      if (c >= a && c < above) {
        above = c;
      }
    }
    // nearer neighbour first
    if (a - below <= above - a) {
      candidates.add(sign * clean(below));
      candidates.add(sign * clean(above));
    } else {
      candidates.add(sign * clean(above));
      candidates.add(sign * clean(below));
    }
    for (int digits = 1; digits <= 6; digits++) {
      candidates.add(new BigDecimal(v).round(new MathContext(digits)).doubleValue());
    }
    int own = complexity(v);
    for (double c : candidates) {
      if (c != v && complexity(c) < own && !out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * How complicated a number looks: 0 for 0; 1 for {@code {1, 2, 5} × 10^k}; {@code s + 1} for a
   * number with {@code s} significant digits; 18 for anything longer.
   */
  static int complexity(double v) {
    if (v == 0) {
      return 0;
    }
    BigDecimal exact = BigDecimal.valueOf(v);
    for (int s = 1; s <= 16; s++) {
      BigDecimal r = exact.round(new MathContext(s));
      if (r.doubleValue() == v) {
        if (s == 1) {
          int lead = r.unscaledValue().abs().toString().charAt(0) - '0';
          if (lead == 1 || lead == 2 || lead == 5) {
            return 1;
          }
        }
        return s + 1;
      }
    }
    return 18;
  }

  private static double clean(double v) {
    return new BigDecimal(v).round(new MathContext(1)).doubleValue();
  }

  // ---- helpers ----

  private static Instance mapLosses(Instance x, Function<QuadraticLoss, QuadraticLoss> f) {
    List<MetaTask> tasks = new ArrayList<>();
    for (MetaTask t : x.tasks().tasks()) {
      QuadraticLoss inner = f.apply((QuadraticLoss) t.inner());
      QuadraticLoss outer = t.isSameLoss() ? inner : f.apply((QuadraticLoss) t.outer());
      tasks.add(new MetaTask(inner, outer, t.weight()));
    }
    return x.withTasks(new TaskSet(tasks));
  }

  private static Instance replaceLoss(
      Instance x, int task, int which, QuadraticLoss loss, boolean same) {
    List<MetaTask> tasks = new ArrayList<>(x.tasks().tasks());
    MetaTask t = tasks.get(task);
    MetaTask replaced;
    if (same) {
      replaced = new MetaTask(loss, loss, t.weight());
    } else if (which == 0) {
      replaced = new MetaTask(loss, t.outer(), t.weight());
    } else {
      replaced = new MetaTask(t.inner(), loss, t.weight());
    }
    tasks.set(task, replaced);
    return x.withTasks(new TaskSet(tasks));
  }

  private static boolean isDiagonal(double[] h, int d) {
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        if (r != k && h[r * d + k] != 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isZero(double[] c) {
    for (double v : c) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
