package io.metabound.experiments.plan;

import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.SearchSpace;
import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shapes of the task families the Monte Carlo plans search, as boxes of coordinates decoded
 * into task sets ({@link FamilyDomain.Shape}).
 */
final class Families {

  private Families() {}

  /**
   * Quadratic tasks {@code ½(w − c_i)ᵀH(w − c_i)} sharing one Hessian {@code H = diag(λ)}, {@code λ
   * ∈ [lo, hi]^d}, centres {@code c_i ∈ [−r, r]^d}; with {@code separateQuery} the outer (query)
   * loss is {@code ½(w − e_i)ᵀH(w − e_i)}, {@code e_i ∈ [−r, r]^d} (Ji2022's finite-sum case with
   * the exact gap {@code b_i = ‖H(c_i − e_i)‖}).
   *
   * <p>A shared Hessian makes the task-gradient spread σ (Ji2022 Ass. 2 / 5.1, Fallah2020 Ass. 4.5)
   * exact on all of {@code R^d}: {@code ∇l_i − ∇l = −H(c_i − c̄)} does not depend on w. Diagonal H
   * loses nothing: with one Hessian for all tasks, isotropic additive noise and the start at the
   * origin, an orthogonal change of variables maps any such instance to a diagonal one with the
   * same statistics.
   */
  static FamilyDomain.Shape sharedHessianQuadratics(
      int d, int m, double lo, double hi, double radius, boolean separateQuery) {
    int centres = separateQuery ? 2 * m : m;
    double[] lower = new double[d + centres * d];
    double[] upper = new double[lower.length];
    Arrays.fill(lower, 0, d, lo);
    Arrays.fill(upper, 0, d, hi);
    Arrays.fill(lower, d, lower.length, -radius);
    Arrays.fill(upper, d, upper.length, radius);
    return new FamilyDomain.Shape(
        separateQuery
            ? "finite-sum quadratic (shared diagonal H)"
            : "quadratic (shared diagonal H)",
        d,
        m,
        lower,
        upper,
        x -> {
          double[] h = new double[d * d];
          for (int k = 0; k < d; k++) {
            h[k * d + k] = x[k];
          }
          List<MetaTask> tasks = new ArrayList<>(m);
          for (int i = 0; i < m; i++) {
            QuadraticLoss inner =
                new QuadraticLoss(h, Arrays.copyOfRange(x, d + i * d, d + (i + 1) * d));
            QuadraticLoss outer = inner;
            if (separateQuery) {
              int at = d + (m + i) * d;
              outer = new QuadraticLoss(h, Arrays.copyOfRange(x, at, at + d));
            }
            tasks.add(new MetaTask(inner, outer, 1.0));
          }
          return new TaskSet(tasks);
        });
  }

  /** True when every task's losses are quadratics with one common Hessian. */
  static boolean sharesOneHessian(TaskSet tasks) {
    double[] first = null;
    for (MetaTask t : tasks.tasks()) {
      for (var loss : List.of(t.inner(), t.outer())) {
        if (!(loss instanceof QuadraticLoss q)) {
          return false;
        }
        if (first == null) {
          first = q.hessian();
        } else if (!Arrays.equals(first, q.hessian())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Finite-sum quadratic tasks (Ji2022 eq. (8)): support loss {@code ½(w − c_i)ᵀH_i(w − c_i)} with
   * a rotated {@code H_i} of eigenvalues in {@code [lo, hi]} (decoded by {@link QuadraticDomain}),
   * query loss {@code ½(w − e_i)ᵀH_i(w − e_i)} with the same Hessian and its own centre {@code e_i
   * ∈ [−r, r]^d}: the support/query gap {@code b_i = ‖H_i(c_i − e_i)‖} is then exact (with
   * different Hessians it is unbounded and Ji2022 Ass. 5.2 fails).
   */
  static FamilyDomain.Shape finiteSumQuadratics(int d, int m, double lo, double hi, double radius) {
    SearchSpace base =
        QuadraticDomain.builder("quadratic")
            .dimensions(d, d)
            .taskCounts(m, m)
            .eigenvalues(lo, hi)
            .centreRadius(radius)
            .rotations(true)
            .build()
            .searchSpaces()
            .get(0);
    double[] baseLower = base.lowerBounds();
    double[] baseUpper = base.upperBounds();
    int n = baseLower.length;
    double[] lower = Arrays.copyOf(baseLower, n + m * d);
    double[] upper = Arrays.copyOf(baseUpper, n + m * d);
    Arrays.fill(lower, n, lower.length, -radius);
    Arrays.fill(upper, n, upper.length, radius);
    return new FamilyDomain.Shape(
        "finite-sum quadratic (H_i = G_i)",
        d,
        m,
        lower,
        upper,
        x -> {
          TaskSet support = base.decode(Arrays.copyOf(x, n), 0).tasks();
          List<MetaTask> tasks = new ArrayList<>(m);
          for (int i = 0; i < m; i++) {
            QuadraticLoss inner = (QuadraticLoss) support.get(i).inner();
            int at = n + i * d;
            QuadraticLoss outer =
                new QuadraticLoss(inner.hessian(), Arrays.copyOfRange(x, at, at + d));
            tasks.add(new MetaTask(inner, outer, 1.0));
          }
          return new TaskSet(tasks);
        });
  }

  /** True when every task is quadratic with equal support and query Hessians. */
  static boolean equalSupportAndQueryHessians(TaskSet tasks) {
    for (MetaTask t : tasks.tasks()) {
      if (!(t.inner() instanceof QuadraticLoss s) || !(t.outer() instanceof QuadraticLoss q)) {
        return false;
      }
      if (!Arrays.equals(s.hessian(), q.hessian())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Separable non-convex tasks {@code Σ_k a_{ik} log(1 + (w_k − c_{ik})²)} ({@link
   * SeparableNonconvexLoss}: exact {@code L = 2 max a}, {@code ρ = max a (3+2√2)/2}) with weights
   * {@code a_{ik} ∈ [aLo, aHi]} and centres {@code c_{ik} ∈ [−r, r]}; outer loss = inner loss.
   */
  static FamilyDomain.Shape separable(int d, int m, double aLo, double aHi, double radius) {
    double[] lower = new double[2 * m * d];
    double[] upper = new double[lower.length];
    for (int i = 0; i < m; i++) {
      Arrays.fill(lower, 2 * i * d, (2 * i + 1) * d, aLo);
      Arrays.fill(upper, 2 * i * d, (2 * i + 1) * d, aHi);
      Arrays.fill(lower, (2 * i + 1) * d, (2 * i + 2) * d, -radius);
      Arrays.fill(upper, (2 * i + 1) * d, (2 * i + 2) * d, radius);
    }
    return new FamilyDomain.Shape(
        "separable non-convex",
        d,
        m,
        lower,
        upper,
        x -> {
          List<MetaTask> tasks = new ArrayList<>(m);
          for (int i = 0; i < m; i++) {
            tasks.add(
                MetaTask.same(
                    new SeparableNonconvexLoss(
                        Arrays.copyOfRange(x, 2 * i * d, (2 * i + 1) * d),
                        Arrays.copyOfRange(x, (2 * i + 1) * d, (2 * i + 2) * d))));
          }
          return new TaskSet(tasks);
        });
  }

  /** {@link #separable} with weights in {@code [0.25, 1]} and centres in {@code [−3, 3]}. */
  static FamilyDomain.Shape separableWide(int d, int m) {
    return separable(d, m, 0.25, 1, 3);
  }

  /** {@link #separable} with weights in {@code [0.25, 1]} and centres in {@code [−2, 2]}. */
  static FamilyDomain.Shape separableNarrow(int d, int m) {
    return separable(d, m, 0.25, 1, 2);
  }

  /** True when every task is one separable non-convex loss (inner = outer). */
  static boolean separableTasks(TaskSet tasks) {
    for (MetaTask t : tasks.tasks()) {
      if (!(t.inner() instanceof SeparableNonconvexLoss) || !t.isSameLoss()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Regression sample pools: task i is the empirical least-squares loss of {@code n} samples {@code
   * (x_j, y_j)}, {@code x_j ∈ [−r, r]^d}, {@code y_j ∈ [−r, r]} (Fallah2020 Thm 4.11 with exact
   * enumeration of the test batches).
   */
  static FamilyDomain.Shape regressionPools(int d, int m, int n, double radius) {
    double[] lower = new double[m * n * (d + 1)];
    double[] upper = new double[lower.length];
    Arrays.fill(lower, -radius);
    Arrays.fill(upper, radius);
    return new FamilyDomain.Shape(
        "regression pools (n=" + n + ")",
        d,
        m,
        lower,
        upper,
        x -> {
          List<MetaTask> tasks = new ArrayList<>(m);
          int at = 0;
          for (int i = 0; i < m; i++) {
            double[][] features = new double[n][d];
            double[] targets = new double[n];
            for (int j = 0; j < n; j++) {
              for (int k = 0; k < d; k++) {
                features[j][k] = x[at++];
              }
              targets[j] = x[at++];
            }
            tasks.add(MetaTask.same(new LeastSquaresLoss(features, targets)));
          }
          return new TaskSet(tasks);
        });
  }

  /** True when every task is a sample pool (inner = outer). */
  static boolean samplePools(TaskSet tasks) {
    for (MetaTask t : tasks.tasks()) {
      if (!(t.inner() instanceof LeastSquaresLoss) || !t.isSameLoss()) {
        return false;
      }
    }
    return true;
  }
}
