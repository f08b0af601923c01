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
 *       0 for a single task) and {@code Delta = 𝓛(w_0) − inf 𝓛} (exact: for quadratic tasks from
 *       the closed-form stationary point, {@code +∞} when the meta-objective is unbounded below;
 *       for one separable task {@code 𝓛 ≥ 0 = 𝓛(c)}), as the convergence theorems need.
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
    } else if (tasks.size() == 1 && tasks.get(0).inner() instanceof SeparableNonconvexLoss) {
      // one task: σ = 0; 𝓛 ≥ 0 with 𝓛(c) = 0 (the inner path stays at the centre)
      out.put("sigma", 0.0);
      out.put("Delta", new MamlMetaGradient(tasks, alpha, steps).metaObjective(w0));
    } else {
      throw new IllegalArgumentException(
          "global sigma and Delta are exact here only for quadratic tasks or one separable task;"
              + " instance "
              + instance.describe());
    }
    putGaps(tasks, out);
    return out;
  }

  /**
   * {@link #global} plus {@code epsilon}: the accuracy Fallah2020's explicit theorems promise after
   * the instance's {@code K} iterations. The iteration count of Thms 4.12/4.15/4.17 is {@code O(1)
   * Δ min{(L + ρα(σ + ε))/ε², LB/σ² + L(B D_o + D_in)/σ̃²}} with an unspecified {@code O(1)}; it is
   * taken as {@code c_K = 8c} with {@code c} the step divisor (12, 18, 25), twice the descent-lemma
   * constant {@code 4c} of {@code β_k ≥ 1/(4cL)}: after {@code K ≥ 4c L Δ/ε²} steps the descent
   * lemma alone gives {@code (1/K)Σ_k ‖∇F(w_k)‖² ≲ ε²}. Then {@code epsilon} is the smallest ε
   * whose count fits in K, the positive root of {@code K ε² = c_K Δ (L + ρασ) + c_K Δ ρα ε}; when K
   * already exceeds {@code c_K Δ} times the second entry of the minimum, every ε is reached and
   * {@code epsilon} is the smallest positive double (the bound is then its noise floor).
   *
   * <p>For FO-MAML (Thm 4.15) the second entry is {@code L/(σ²(1/B + 20α²L²)) + L(B D_o +
   * D_in)/σ̃²}.
   *
   * @param divisor {@code c} of {@code β_k = β̃(w_k)/c}
   * @param firstOrder true for Thm 4.15's second entry
   */
  static Map<String, Double> fallahStationarity(
      Instance instance, double divisor, boolean firstOrder) {
    Map<String, Double> out = global(instance);
    double factor = 8 * divisor;
    double delta = out.get("Delta");
    double l = out.get("L");
    double rho = out.get("rho");
    double sigma = out.get("sigma");
    double alpha = instance.parameter("alpha");
    double k = instance.parameter("K");
    double gradientNoise = instance.parameter("sigma_g");
    double b = instance.parameter("B");
    double batchOuter = instance.parameter("D_o");
    double batchInner = instance.parameter("D_in");
    double taskTerm = firstOrder ? 1 / b + 20 * alpha * alpha * l * l : 1 / b;
    double noiseTerms =
        (sigma == 0 ? Double.POSITIVE_INFINITY : l / (sigma * sigma * taskTerm))
            + (gradientNoise == 0
                ? Double.POSITIVE_INFINITY
                : l * (b * batchOuter + batchInner) / (gradientNoise * gradientNoise));
    double epsilon;
    if (k >= factor * delta * noiseTerms) {
      epsilon = Double.MIN_NORMAL;
    } else {
      // K ε² − c_K Δ ρα ε − c_K Δ (L + ρασ) = 0
      double linear = factor * delta * rho * alpha;
      double constant = factor * delta * (l + rho * alpha * sigma);
      epsilon = (linear + Math.sqrt(linear * linear + 4 * k * constant)) / (2 * k);
      epsilon = Math.max(epsilon, Double.MIN_NORMAL);
    }
    out.put("epsilon", epsilon);
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
        for (int k = 0; k < d; k++) {
          // ∇l_j − ∇f = x_j (x_jᵀw − y_j) − ∇f
          double e = residual * x[k] - mean[k];
          gradientVariance += e * e / n;
          for (int r = 0; r < d; r++) {
            double h = x[k] * x[r] - hessian[k * d + r];
            hessianVariance += h * h / n;
          }
        }
      }
      worstGradient = Math.max(worstGradient, gradientVariance);
      worstHessian = Math.max(worstHessian, hessianVariance);
    }
    out.put("sigma_g", Math.sqrt(worstGradient));
    out.put("sigma_H", Math.sqrt(worstHessian));
    return out;
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
