package io.metabound.experiments.constant;

import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The constants of a quadratic family that the papers' assumptions name (docs/THEOREMS.md §6.1),
 * each labelled exact or certified upper bound.
 *
 * <p>Task i: inner (support) loss {@code l_{S_i} = ½(w − c_i)ᵀH_i(w − c_i)}, outer (query) loss
 * {@code l_{T_i} = ½(w − e_i)ᵀG_i(w − e_i)} (the same in the resampling case), probability {@code
 * p_i}.
 *
 * <ul>
 *   <li>{@code L = max_i max(‖H_i‖₂, ‖G_i‖₂)} — Ji2022 Ass. 1.2 / 4, Fallah2020 Ass. 4.3. EXACT
 *       (spectral norm of a symmetric matrix = largest |eigenvalue|).
 *   <li>{@code mu = min_i λ_min(H_i)} — curvature of the inner losses (negative when a task is
 *       non-convex). EXACT.
 *   <li>{@code rho = 0} — Hessians are constant (Ji2022 Ass. 1.3, Fallah2020 Ass. 4.4). EXACT.
 *   <li>{@code sigma}: {@code sup_w E_i‖∇l_{T_i}(w) − E_j∇l_{T_j}(w)‖²} under the square root
 *       (Ji2022 Ass. 2 / 5.1, Fallah2020 Ass. 4.5, with the outer losses; in the resampling case
 *       they are the inner ones). Since {@code ∇l_i − ∇l̄ = (G_i − Ḡ)w − (G_i e_i − mean(Ge))}:
 *       <ul>
 *         <li>all {@code G_i} equal: {@code σ² = E_i‖G(e_i − ē)‖²} for every w — EXACT;
 *         <li>otherwise the supremum over {@code R^d} is {@code +∞} (EXACT, with a note), and over
 *             a ball {@code ‖w − z‖ ≤ R} a CERTIFIED_UPPER_BOUND (see {@link #of(TaskSet, Ball)}).
 *       </ul>
 *   <li>{@code b_i = sup_w ‖∇l_{S_i}(w) − ∇l_{T_i}(w)‖} (Ji2022 Ass. 5.2): {@code ‖H_i(c_i − e_i)‖}
 *       when {@code H_i = G_i} (EXACT); otherwise {@code +∞} on {@code R^d} (EXACT) or {@code ‖a_i‖
 *       + ‖H_i − G_i‖₂R} on a ball, with {@code a_i = (H_i − G_i)z − (H_i c_i − G_i e_i)}
 *       (CERTIFIED); {@code b = E_i b_i}, {@code b_sq = E_i b_i²}.
 * </ul>
 *
 * <p>Tasks of probability 0 lie outside the distribution: they count for L and μ (which the papers
 * state "for every i") but not for the expectations σ, b, b_sq. Certified bounds are inflated by
 * the relative factor {@code 1 + 1e-12}, which covers the rounding of the O(d) sums and of the
 * backward-stable eigenvalue computation they involve.
 *
 * @param lipschitz {@code L}
 * @param mu {@code mu}
 * @param rho {@code rho}
 * @param sigma {@code sigma}
 * @param taskGaps {@code b_i} for every task, symbols {@code b_0, b_1, …}
 * @param meanGap {@code b = E_i b_i}
 * @param meanSquaredGap {@code b_sq = E_i b_i²}
 */
public record QuadraticFamilyConstants(
    FamilyConstant lipschitz,
    FamilyConstant mu,
    FamilyConstant rho,
    FamilyConstant sigma,
    List<FamilyConstant> taskGaps,
    FamilyConstant meanGap,
    FamilyConstant meanSquaredGap) {

  /** Relative inflation of certified bounds that absorbs floating-point rounding. */
  static final double ROUNDING_MARGIN = 1 + 1e-12;

  public QuadraticFamilyConstants {
    taskGaps = List.copyOf(taskGaps);
  }

  /**
   * The constants with suprema over all of {@code R^d}: σ and {@code b_i} are exact, and {@code +∞}
   * when the family makes them unbounded.
   */
  public static QuadraticFamilyConstants of(TaskSet tasks) {
    return compute(QuadraticTasks.of(tasks), null);
  }

  /**
   * The constants with σ and {@code b_i} taken over a ball when they are unbounded on {@code R^d}
   * (certified upper bounds naming the ball); exact values are kept where they exist.
   */
  public static QuadraticFamilyConstants of(TaskSet tasks, Ball region) {
    if (region.dimension() != tasks.dimension()) {
      throw new IllegalArgumentException(
          "ball has dimension "
              + region.dimension()
              + ", the tasks have dimension "
              + tasks.dimension());
    }
    return compute(QuadraticTasks.of(tasks), region);
  }

  /**
   * L, mu, rho, sigma, b, b_sq in this order (the per-task {@code b_i} are in {@link #taskGaps}).
   */
  public List<FamilyConstant> asList() {
    return List.of(lipschitz, mu, rho, sigma, meanGap, meanSquaredGap);
  }

  private static QuadraticFamilyConstants compute(QuadraticTasks t, Ball region) {
    int d = t.dimension();
    int m = t.size();
    // L = max_i max(‖H_i‖₂, ‖G_i‖₂), μ = min_i λ_min(H_i)
    double lipschitz = 0;
    double smallest = Double.POSITIVE_INFINITY;
    boolean finiteSum = false;
    for (int i = 0; i < m; i++) {
      double[] inner = t.innerEigenvalues(i);
      lipschitz = Math.max(lipschitz, Math.max(Math.abs(inner[0]), Math.abs(inner[d - 1])));
      smallest = Math.min(smallest, inner[0]);
      double[] g = t.outerHessian(i);
      if (!Arrays.equals(g, t.innerHessian(i))) {
        lipschitz = Math.max(lipschitz, spectralNorm(g, d));
      }
      finiteSum |=
          !Arrays.equals(g, t.innerHessian(i))
              || !Arrays.equals(t.outerCentre(i), t.innerCentre(i));
    }
    FamilyConstant l =
        new FamilyConstant(
            "L",
            lipschitz,
            Exactness.EXACT,
            "max over tasks of the spectral norm of H_i"
                + (finiteSum ? " and G_i" : "")
                + " (largest |eigenvalue|)");
    FamilyConstant mu =
        new FamilyConstant(
            "mu",
            smallest,
            Exactness.EXACT,
            "smallest eigenvalue of the inner Hessians H_i"
                + (smallest < 0 ? " (non-convex tasks)" : ""));
    FamilyConstant rho =
        new FamilyConstant("rho", 0.0, Exactness.EXACT, "quadratic tasks have constant Hessians");
    FamilyConstant sigma = sigma(t, region);

    List<FamilyConstant> gaps = new ArrayList<>(m);
    double mean = 0;
    double meanSquare = 0;
    boolean allExact = true;
    for (int i = 0; i < m; i++) {
      FamilyConstant gap = gap(t, i, region);
      gaps.add(gap);
      allExact &= gap.exactness() == Exactness.EXACT;
      double p = t.probability(i);
      if (p > 0) {
        mean += p * gap.value();
        meanSquare += p * gap.value() * gap.value();
      }
    }
    Exactness gapExactness = allExact ? Exactness.EXACT : Exactness.CERTIFIED_UPPER_BOUND;
    String where = allExact ? "over R^d" : "over " + region.describe();
    FamilyConstant b = new FamilyConstant("b", mean, gapExactness, "E_i b_i " + where);
    FamilyConstant bSq = new FamilyConstant("b_sq", meanSquare, gapExactness, "E_i b_i^2 " + where);
    return new QuadraticFamilyConstants(l, mu, rho, sigma, gaps, b, bSq);
  }

  private static FamilyConstant sigma(QuadraticTasks t, Ball region) {
    int d = t.dimension();
    int m = t.size();
    double[] reference = null;
    boolean homogeneous = true;
    for (int i = 0; i < m; i++) {
      if (t.probability(i) > 0) {
        double[] g = t.outerHessian(i);
        if (reference == null) {
          reference = g;
        } else {
          homogeneous &= Arrays.equals(reference, g);
        }
      }
    }
    if (homogeneous) {
      // σ² = Σ p_i ‖G(e_i − ē)‖², ē = Σ p_i e_i
      double[] mean = new double[d];
      for (int i = 0; i < m; i++) {
        double[] e = t.outerCentre(i);
        for (int k = 0; k < d; k++) {
          mean[k] += t.probability(i) * e[k];
        }
      }
      double sum = 0;
      double[] diff = new double[d];
      for (int i = 0; i < m; i++) {
        double p = t.probability(i);
        if (p > 0) {
          double[] e = t.outerCentre(i);
          for (int k = 0; k < d; k++) {
            diff[k] = e[k] - mean[k];
          }
          double n = Vectors.norm(apply(reference, diff, d));
          sum += p * n * n;
        }
      }
      return new FamilyConstant(
          "sigma",
          Math.sqrt(sum),
          Exactness.EXACT,
          "all tasks share the Hessian G, so grad l_i - grad l = -G(e_i - mean e) is constant in w:"
              + " sigma^2 = E_i |G(e_i - mean e)|^2");
    }
    if (region == null) {
      return new FamilyConstant(
          "sigma",
          Double.POSITIVE_INFINITY,
          Exactness.EXACT,
          "the task Hessians differ, so grad l_i - grad l = (G_i - mean G) w - (G_i e_i - mean Ge)"
              + " grows with |w|: the supremum over R^d is +infinity; give a ball for a regional"
              + " bound");
    }
    // ∇l_i − ∇l̄ = a_i + D_i u on w = z + u, ‖u‖ ≤ R, with D_i = G_i − Ḡ, a_i = D_i z − (G_i e_i −
    // mean(Ge))
    double[] gBar = new double[d * d];
    double[] geBar = new double[d];
    for (int i = 0; i < m; i++) {
      double p = t.probability(i);
      double[] g = t.outerHessian(i);
      double[] ge = apply(g, t.outerCentre(i), d);
      for (int k = 0; k < d * d; k++) {
        gBar[k] += p * g[k];
      }
      for (int k = 0; k < d; k++) {
        geBar[k] += p * ge[k];
      }
    }
    double[] z = region.centre();
    double sumA = 0;
    double[] linear = new double[d];
    double[] quadratic = new double[d * d];
    for (int i = 0; i < m; i++) {
      double p = t.probability(i);
      if (p == 0) {
        continue;
      }
      double[] g = t.outerHessian(i);
      double[] di = new double[d * d];
      for (int k = 0; k < d * d; k++) {
        di[k] = g[k] - gBar[k];
      }
      double[] a = apply(di, z, d);
      double[] ge = apply(g, t.outerCentre(i), d);
      for (int k = 0; k < d; k++) {
        a[k] -= ge[k] - geBar[k];
      }
      double na = Vectors.norm(a);
      sumA += p * na * na;
      // Σ p D_i a_i
      double[] da = apply(di, a, d);
      for (int k = 0; k < d; k++) {
        linear[k] += p * da[k];
      }
      // Σ p D_i²
      for (int r = 0; r < d; r++) {
        for (int j = 0; j < d; j++) {
          double s = 0;
          for (int k = 0; k < d; k++) {
            s += di[r * d + k] * di[k * d + j];
          }
          quadratic[r * d + j] += p * s;
        }
      }
    }
    // σ² ≤ Σp‖a_i‖² + 2R‖Σ p D_i a_i‖ + R² λ_max(Σ p D_i²)   (sup of each part separately)
    double radius = region.radius();
    double bound =
        sumA + 2 * radius * Vectors.norm(linear) + radius * radius * spectralNorm(quadratic, d);
    return new FamilyConstant(
        "sigma",
        Math.sqrt(bound) * ROUNDING_MARGIN,
        Exactness.CERTIFIED_UPPER_BOUND,
        String.format(
            Locale.ROOT,
            "task Hessians differ: sup over %s of sqrt(E_i |grad l_i(w) - grad l(w)|^2), bounded by"
                + " E|a_i|^2 + 2R|E D_i a_i| + R^2 lambda_max(E D_i^2) with D_i = G_i - mean G"
                + " (the supremum over R^d is +infinity)",
            region.describe()));
  }

  private static FamilyConstant gap(QuadraticTasks t, int i, Ball region) {
    int d = t.dimension();
    double[] h = t.innerHessian(i);
    double[] g = t.outerHessian(i);
    double[] c = t.innerCentre(i);
    double[] e = t.outerCentre(i);
    String symbol = "b_" + i;
    if (Arrays.equals(h, g)) {
      // b_i = ‖H(c − e)‖: ∇l_S − ∇l_T = H(w − c) − H(w − e) = H(e − c) for every w
      double[] diff = new double[d];
      for (int k = 0; k < d; k++) {
        diff[k] = c[k] - e[k];
      }
      return new FamilyConstant(
          symbol,
          Vectors.norm(apply(h, diff, d)),
          Exactness.EXACT,
          "support and query Hessians are equal: b_i = |H_i(c_i - e_i)| for every w");
    }
    if (region == null) {
      return new FamilyConstant(
          symbol,
          Double.POSITIVE_INFINITY,
          Exactness.EXACT,
          "support and query Hessians differ, so grad l_S - grad l_T = (H_i - G_i) w - (H_i c_i -"
              + " G_i e_i) is unbounded on R^d (Ji2022 Ass. 5.2 fails; its relaxed form"
              + " b_i + c|grad l_T| would be needed)");
    }
    // b_i ≤ ‖(H − G)z − (Hc − Ge)‖ + ‖H − G‖₂ R on ‖w − z‖ ≤ R
    double[] diff = new double[d * d];
    for (int k = 0; k < d * d; k++) {
      diff[k] = h[k] - g[k];
    }
    double[] a = apply(diff, region.centre(), d);
    double[] hc = apply(h, c, d);
    double[] ge = apply(g, e, d);
    for (int k = 0; k < d; k++) {
      a[k] -= hc[k] - ge[k];
    }
    double bound = Vectors.norm(a) + spectralNorm(diff, d) * region.radius();
    return new FamilyConstant(
        symbol,
        bound * ROUNDING_MARGIN,
        Exactness.CERTIFIED_UPPER_BOUND,
        "support and query Hessians differ: sup over "
            + region.describe()
            + " of |grad l_S - grad l_T| <= |a_i| + |H_i - G_i| R (unbounded on R^d)");
  }

  /**
   * σ(w) = sqrt(E_i‖∇l_{T_i}(w) − E_j∇l_{T_j}(w)‖²) at one point (EXACT): the pointwise task
   * variance that Ji2022 Lemma 15 / 19 may use in place of the global σ.
   */
  public static FamilyConstant sigmaAt(TaskSet tasks, double[] w) {
    QuadraticTasks t = QuadraticTasks.of(tasks);
    int d = t.dimension();
    double[][] grads = outerGradients(t, w);
    double[] mean = new double[d];
    for (int i = 0; i < t.size(); i++) {
      for (int k = 0; k < d; k++) {
        mean[k] += t.probability(i) * grads[i][k];
      }
    }
    double sum = 0;
    for (int i = 0; i < t.size(); i++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        double x = grads[i][k] - mean[k];
        s += x * x;
      }
      sum += t.probability(i) * s;
    }
    return new FamilyConstant(
        "sigma",
        Math.sqrt(sum),
        Exactness.EXACT,
        "pointwise task-gradient spread at w = " + Arrays.toString(w));
  }

  /** {@code E_i‖∇l_{T_i}(w)‖} at one point (EXACT; Ji2022 Prop 1 / Lemma 15, Fallah2020 (15)). */
  public static FamilyConstant meanTaskGradientNorm(TaskSet tasks, double[] w) {
    QuadraticTasks t = QuadraticTasks.of(tasks);
    double[][] grads = outerGradients(t, w);
    double sum = 0;
    for (int i = 0; i < t.size(); i++) {
      sum += t.probability(i) * Vectors.norm(grads[i]);
    }
    return new FamilyConstant(
        "grad_task_mean",
        sum,
        Exactness.EXACT,
        "E_i |grad l_i(w)| of the outer losses at w = " + Arrays.toString(w));
  }

  private static double[][] outerGradients(QuadraticTasks t, double[] w) {
    int d = t.dimension();
    if (w.length != d) {
      throw new IllegalArgumentException("point has dimension " + w.length + ", tasks have " + d);
    }
    double[][] grads = new double[t.size()][];
    for (int i = 0; i < t.size(); i++) {
      double[] e = t.outerCentre(i);
      double[] diff = new double[d];
      for (int k = 0; k < d; k++) {
        diff[k] = w[k] - e[k];
      }
      // ∇l_T(w) = G(w − e)
      grads[i] = apply(t.outerHessian(i), diff, d);
    }
    return grads;
  }

  private static double[] apply(double[] a, double[] v, int d) {
    double[] out = new double[d];
    for (int r = 0; r < d; r++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += a[r * d + k] * v[k];
      }
      out[r] = s;
    }
    return out;
  }

  /** Largest |eigenvalue| of a symmetric matrix (symmetrised against rounding). */
  private static double spectralNorm(double[] a, int d) {
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        m.data[r * d + k] = 0.5 * (a[r * d + k] + a[k * d + r]);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
    if (!eig.decompose(m)) {
      throw new ArithmeticException("symmetric eigen-decomposition failed");
    }
    double max = 0;
    for (int k = 0; k < d; k++) {
      max = Math.max(max, Math.abs(eig.getEigenvalue(k).real));
    }
    return max;
  }
}
