package io.metabound.experiments.plan;

import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.constant.QuadraticFamilyConstants;
import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.family.TaskFamilyConstants;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.StationaryPoint;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The constants the Monte Carlo plans bind into the bounds, all exact (closed forms or finite sums)
 * unless noted. The measurement point is the origin {@code w = 0} (see {@code
 * io.metabound.experiments.probe.MonteCarloProbes}), so point-wise quantities are functions of the
 * tasks and the parameters.
 *
 * <ul>
 *   <li>{@code L}, {@code rho}, {@code d}, {@code m}: exact for quadratic tasks ({@link
 *       QuadraticInstanceConstants}) and separable tasks; for other losses their known constants
 *       ({@link TaskFamilyConstants}: exact or certified).
 *   <li>{@link #pointwise}: the task-gradient spread at the point, {@code σ(w)² = Σ_i p_i
 *       ‖∇l_{T_i}(w) − Σ_j p_j ∇l_{T_j}(w)‖²}, in place of the global σ of Ji2022 Ass. 2 /
 *       Fallah2020 Ass. 4.5. The bounds that use it (Ji2022 Props 3, 4, 8 and Lemmas 16, 20 second
 *       moments, Fallah2020 Lemma 4.9) are statements conditional on {@code w_k} whose proofs use
 *       the spread only at {@code w_k} (through Lemma 15 / 19, or the variance of the {@code
 *       B'}-average), so the point-wise value is admissible; it is never larger than the global
 *       one, so the check is the stricter one. Also {@code grad_task_mean = Σ p_i ‖∇l_{T_i}(w)‖},
 *       {@code grad_meta = ‖∇𝓛(w)‖} (when {@code alpha}, {@code N} are set), {@code grad_adapted =
 *       (Σ_i p_i ‖∇f_i(w − α∇f_i(w))‖²)^{1/2}} (when {@code alpha} is set; the task's own value for
 *       one task), and the support/query gaps {@code b}, {@code b_sq}.
 *   <li>{@link #global}: σ over all of {@code R^d} (exact for quadratic tasks sharing one Hessian,
 *       0 for a single task, a certified upper bound for several separable tasks: {@link
 *       #separableSpread}) and {@code Delta = 𝓛(w_0) − inf 𝓛} (exact for quadratic tasks from the
 *       closed-form stationary point, {@code +∞} when the meta-objective is unbounded below; exact
 *       for one separable task, {@code 𝓛 ≥ 0 = 𝓛(c)}; for several separable tasks the certified
 *       upper bound {@code 𝓛(w_0)}, since every task loss is ≥ 0), as the convergence theorems
 *       need. {@link #withGlobalSpread} puts the same σ (and the gaps) next to {@link #ofTasks}
 *       for the parameter ranges that refer to it; {@link #require} reads a constant and fails
 *       naming it when it is missing (never a silent default).
 * </ul>
 */
final class MonteCarloConstants {

  private MonteCarloConstants() {}

  /** {@code L, rho, d, m} (and {@code mu} for quadratic tasks): what parameter ranges refer to. */
  static Map<String, Double> ofTasks(TaskSet tasks) {
    boolean quadratic = true;
    for (MetaTask t : tasks.tasks()) {
      quadratic &= t.inner() instanceof QuadraticLoss && t.outer() instanceof QuadraticLoss;
    }
    if (quadratic) {
      return QuadraticInstanceConstants.of(tasks);
    }
    TaskFamilyConstants c = TaskFamilyConstants.of(tasks, Double.POSITIVE_INFINITY);
    Map<String, Double> out = new TreeMap<>();
    out.put("L", c.smoothness().value());
    out.put("rho", c.hessianLipschitz().value());
    out.put("d", (double) tasks.dimension());
    out.put("m", (double) tasks.size());
    return out;
  }

  /**
   * {@link #ofTasks} plus the point-wise task-gradient spread {@code sigma} and {@code
   * grad_task_mean} at the origin, and the gaps {@code b}, {@code b_sq}: what depends on the tasks
   * alone (parameter ranges may refer to it).
   */
  static Map<String, Double> pointwise(TaskSet tasks) {
    Map<String, Double> out = ofTasks(tasks);
    int d = tasks.dimension();
    double[] w = new double[d];
    double[] g = new double[d];
    double[] mean = new double[d];
    double[][] gradients = new double[tasks.size()][d];
    double meanNorm = 0;
    for (int i = 0; i < tasks.size(); i++) {
      double p = tasks.probability(i);
      tasks.get(i).outer().gradient(w, gradients[i]);
      meanNorm += p * Vectors.norm(gradients[i]);
      for (int k = 0; k < d; k++) {
        mean[k] += p * gradients[i][k];
      }
    }
    double spread = 0;
    for (int i = 0; i < tasks.size(); i++) {
      for (int k = 0; k < d; k++) {
        g[k] = gradients[i][k] - mean[k];
      }
      double n = Vectors.norm(g);
      // σ(w)² = Σ p_i ‖∇l_i(w) − ∇l(w)‖²
      spread += tasks.probability(i) * n * n;
    }
    out.put("sigma", Math.sqrt(spread));
    out.put("grad_task_mean", meanNorm);
    putGaps(tasks, out);
    return out;
  }

  /** The constants with point-wise σ and gradients at the origin (see the class comment). */
  static Map<String, Double> pointwise(Instance instance) {
    TaskSet tasks = instance.tasks();
    Map<String, Double> out = pointwise(tasks);
    int d = tasks.dimension();
    double[] w = new double[d];
    double[] g = new double[d];
    if (instance.hasParameter("alpha")) {
      double alpha = instance.parameter("alpha");
      if (instance.hasParameter("N")) {
        out.put(
            "grad_meta",
            Vectors.norm(
                new MamlMetaGradient(tasks, alpha, instance.integerParameter("N"))
                    .metaGradient(w)));
      }
      double adapted = 0;
      double[] u = new double[d];
      for (int i = 0; i < tasks.size(); i++) {
        SmoothLoss f = tasks.get(i).inner();
        // ‖∇f(w − α∇f(w))‖²
        f.gradient(w, g);
        for (int k = 0; k < d; k++) {
          u[k] = w[k] - alpha * g[k];
        }
        f.gradient(u, g);
        double n = Vectors.norm(g);
        adapted += tasks.probability(i) * n * n;
      }
      out.put("grad_adapted", Math.sqrt(adapted));
    }
    return out;
  }

  /** The constants with the global σ and Δ of the convergence theorems (see the class comment). */
  static Map<String, Double> global(Instance instance) {
    TaskSet tasks = instance.tasks();
    Map<String, Double> out = ofTasks(tasks);
    double alpha = instance.parameter("alpha");
    int steps = instance.integerParameter("N");
    double[] w0 = new double[tasks.dimension()];
    if (instance.isQuadratic()) {
      out.put("sigma", QuadraticFamilyConstants.of(tasks).sigma().value());
      QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(tasks, alpha, steps);
      StationaryPoint optimum = oracle.stationaryPoint();
      // Δ = 𝓛(w_0) − 𝓛(w*) at the unique minimiser; unbounded below otherwise
      out.put(
          "Delta",
          optimum.nature() == StationaryPoint.Nature.MINIMUM
              ? Math.max(0, oracle.metaObjective(w0) - oracle.metaObjective(optimum.point()))
              : Double.POSITIVE_INFINITY);
    } else if (Families.separableTasks(tasks)) {
      // one task: σ = 0 and 𝓛 ≥ 0 = 𝓛(c) (the inner path stays at the centre): Δ = 𝓛(0) exactly;
      // several tasks: σ certified, and 𝓛 ≥ 0 gives the certified Δ ≤ 𝓛(0)
      out.put("sigma", separableSpread(tasks));
      out.put("Delta", new MamlMetaGradient(tasks, alpha, steps).metaObjective(w0));
    } else {
      throw new IllegalArgumentException(
          "global sigma and Delta are known here only for quadratic tasks or separable tasks;"
              + " instance "
              + instance.describe());
    }
    putGaps(tasks, out);
    return out;
  }

  /**
   * {@link #global} plus {@code epsilon = Double.MIN_NORMAL}: Fallah2020's explicit theorems
   * (4.12/4.15/4.17) in the limit of many iterations. The theorems promise {@code E‖∇F(w_ζ)‖ ≤
   * max{√(c(1+ρασ/L)Σ), cραΣ/L, ε}} for every {@code ε > 0} after {@code O(1)Δ min{…}}
   * iterations; since ε may be taken arbitrarily small once K is large, the limit {@code K → ∞} of
   * the ζ-average, which is the stationary (plateau) mean of {@code ‖∇F(w_k)‖}, is bounded by the
   * noise floor {@code max{√(c(1+ρασ/L)Σ), cραΣ/L}} alone. Binding ε to the smallest positive
   * double makes the registry formula evaluate to that floor, without the unspecified {@code O(1)}
   * of the iteration count (which only says how fast the limit is approached).
   */
  static Map<String, Double> fallahFloor(Instance instance) {
    Map<String, Double> out = global(instance);
    out.put("epsilon", Double.MIN_NORMAL);
    return out;
  }

  /**
   * Constants of regression sample pools at the origin (Fallah2020 Thm 4.11): {@code L} (exact),
   * and the largest per-sample variances over the tasks, {@code sigma_g² = max_i (1/n) Σ_j ‖∇l_j(w)
   * − ∇f_i(w)‖²} and {@code sigma_H² = max_i (1/n) Σ_j ‖x_j x_jᵀ − (1/n)Σ_l x_l x_lᵀ‖_F²}
   * (Frobenius: the norm under which a batch of size D has variance exactly 1/D of it). The
   * theorem's proof uses both only at the point w, so point-wise values are admissible.
   */
  static Map<String, Double> pools(Instance instance) {
    return pools(instance, false);
  }

  /**
   * {@link #pools} with the per-sample Hessian variance in the spectral norm when {@code
   * spectral}: {@code sigma_H² = max_i (1/n) Σ_j ‖x_j x_jᵀ − (1/n)Σ_l x_l x_lᵀ‖_2²} (never larger
   * than the Frobenius one; a batch of size D need not have spectral variance ≤ σ_H²/D).
   */
  static Map<String, Double> pools(Instance instance, boolean spectral) {
    TaskSet tasks = instance.tasks();
    Map<String, Double> out = ofTasks(tasks);
    int d = tasks.dimension();
    double[] w = new double[d];
    double worstGradient = 0;
    double worstHessian = 0;
    for (MetaTask t : tasks.tasks()) {
      LeastSquaresLoss pool = (LeastSquaresLoss) t.inner();
      int n = pool.sampleCount();
      double[] mean = new double[d];
      pool.gradient(w, mean);
      double[] hessian = new double[d * d];
      pool.hessian(w, hessian);
      double gradientVariance = 0;
      double hessianVariance = 0;
      for (int j = 0; j < n; j++) {
        double[] x = pool.feature(j);
        double residual = -pool.target(j);
        for (int k = 0; k < d; k++) {
          residual += x[k] * w[k];
        }
        double[][] deviation = new double[d][d];
        for (int k = 0; k < d; k++) {
          // ∇l_j − ∇f = x_j (x_jᵀw − y_j) − ∇f
          double e = residual * x[k] - mean[k];
          gradientVariance += e * e / n;
          for (int r = 0; r < d; r++) {
            double h = x[k] * x[r] - hessian[k * d + r];
            deviation[k][r] = h;
            hessianVariance += spectral ? 0 : h * h / n;
          }
        }
        if (spectral) {
          // ‖x_j x_jᵀ − H‖_2 = max |λ| of the symmetric deviation
          double norm = 0;
          for (double lambda :
              new org.hipparchus.linear.EigenDecompositionSymmetric(
                      new org.hipparchus.linear.Array2DRowRealMatrix(deviation))
                  .getEigenvalues()) {
            norm = Math.max(norm, Math.abs(lambda));
          }
          hessianVariance += norm * norm / n;
        }
      }
      worstGradient = Math.max(worstGradient, gradientVariance);
      worstHessian = Math.max(worstHessian, hessianVariance);
    }
    out.put("sigma_g", Math.sqrt(worstGradient));
    out.put("sigma_H", Math.sqrt(worstHessian));
    return out;
  }

  /**
   * {@link #ofTasks} plus the global task-gradient spread {@code sigma} (as {@link #global}: exact
   * for quadratic tasks sharing one Hessian, certified for separable tasks) and the gaps {@code b},
   * {@code b_sq}: the constants the stationarity domains' parameter ranges (batch thresholds, step
   * constants) refer to. Other task sets get no {@code sigma}, so a range that needs it fails in
   * {@link #require} rather than reading a default.
   */
  static Map<String, Double> withGlobalSpread(TaskSet tasks) {
    Map<String, Double> out = ofTasks(tasks);
    if (Families.sharesOneHessian(tasks)) {
      out.put("sigma", QuadraticFamilyConstants.of(tasks).sigma().value());
    } else if (Families.separableTasks(tasks)) {
      out.put("sigma", separableSpread(tasks));
    }
    putGaps(tasks, out);
    return out;
  }

  /**
   * The constant {@code name}; fails naming it when it is missing (a constant a formula needs is
   * never silently 0).
   */
  static double require(Map<String, Double> constants, String name) {
    Double v = constants.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "constant '" + name + "' is not known for these tasks (have " + constants.keySet() + ")");
    }
    return v;
  }

  /** Grid step of {@link #separableSpread}. */
  static final double SPREAD_GRID_STEP = 1e-3;

  /** Half-width beyond the centres of the grid of {@link #separableSpread}. */
  static final double SPREAD_WINDOW = 50;

  /**
   * A certified upper bound on the global spread {@code σ = sup_w (Σ_i p_i ‖∇l_i(w) − ∇l(w)‖²)^{1/2}}
   * of separable tasks {@code l_i(w) = Σ_k a_{ik} log(1 + (w_k − c_{ik})²)} (0 for one task). The
   * spread separates over coordinates, {@code σ² = Σ_k sup_u v_k(u)} with {@code v_k(u) = Var_i
   * g_{ik}(u)}, {@code g_{ik}(u) = 2a_{ik}(u − c_{ik})/(1 + (u − c_{ik})²)}. Each {@code sup_u
   * v_k} is bounded by its maximum on a grid of step {@code h} over the centres ± {@link
   * #SPREAD_WINDOW} plus {@code Lip(v_k) h/2}, {@code Lip(v_k) ≤ 4 max_i |g_i| |g_i'| ≤ 8 a²}
   * ({@code |g| ≤ a}, {@code |g'| ≤ 2a}, {@code a = max_i a_{ik}}), and beyond the window by
   * {@code E_i g_i² ≤ 4a²/R²} ({@code |g(x)| ≤ 2a/|x|}). The region is all of {@code R^d}, so the
   * bound holds wherever the iterates go.
   */
  static double separableSpread(TaskSet tasks) {
    int m = tasks.size();
    if (m == 1) {
      return 0;
    }
    int d = tasks.dimension();
    double[] p = new double[m];
    SeparableNonconvexLoss[] losses = new SeparableNonconvexLoss[m];
    for (int i = 0; i < m; i++) {
      p[i] = tasks.probability(i);
      losses[i] = (SeparableNonconvexLoss) tasks.get(i).inner();
    }
    double total = 0;
    for (int k = 0; k < d; k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double a = 0;
      for (SeparableNonconvexLoss f : losses) {
        lo = Math.min(lo, f.centre()[k]);
        hi = Math.max(hi, f.centre()[k]);
        a = Math.max(a, f.weights()[k]);
      }
      double best = 0;
      long points = (long) Math.ceil((hi - lo + 2 * SPREAD_WINDOW) / SPREAD_GRID_STEP);
      for (long j = 0; j <= points; j++) {
        double u = lo - SPREAD_WINDOW + j * SPREAD_GRID_STEP;
        double mean = 0;
        double square = 0;
        for (int i = 0; i < m; i++) {
          double x = u - losses[i].centre()[k];
          // g = 2a x/(1 + x²)
          double g = 2 * losses[i].weights()[k] * x / (1 + x * x);
          mean += p[i] * g;
          square += p[i] * g * g;
        }
        best = Math.max(best, square - mean * mean);
      }
      double grid = best + 8 * a * a * SPREAD_GRID_STEP / 2;
      double tail = 4 * a * a / (SPREAD_WINDOW * SPREAD_WINDOW);
      total += Math.max(grid, tail);
    }
    return Math.sqrt(total);
  }

  private static void putGaps(TaskSet tasks, Map<String, Double> out) {
    boolean quadratic = true;
    boolean same = true;
    for (MetaTask t : tasks.tasks()) {
      quadratic &= t.inner() instanceof QuadraticLoss && t.outer() instanceof QuadraticLoss;
      same &= t.isSameLoss();
    }
    if (quadratic) {
      QuadraticFamilyConstants c = QuadraticFamilyConstants.of(tasks);
      out.put("b", c.meanGap().value());
      out.put("b_sq", c.meanSquaredGap().value());
    } else if (same) {
      out.put("b", 0.0);
      out.put("b_sq", 0.0);
    }
  }
}
