package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.InnerGradientDescent;
import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;

/**
 * The inner-path quantities of Ji, Yang and Liang (2022), Lemmas 11–14 and 17 and Corollary 6, on
 * general ({@link SmoothLoss}) tasks at one starting point {@code w}, by iterating the inner
 * gradient-descent path with the losses' exact derivatives:
 *
 * <pre>
 *   w̃_0 = w,   w̃_{j+1} = w̃_j − α∇l(w̃_j)                          (eq. (1); (9) with l = l_{S_i})
 *   J_j = ∂w̃_j/∂w = (I − α∇²l(w̃_{j−1})) ⋯ (I − α∇²l(w̃_0)),   J_0 = I
 * </pre>
 *
 * <p>Every quantity is a maximum over the tasks {@code i} of the per-task value, like the quadratic
 * closed forms, which are maxima over tasks and Hessian eigenvalues. On quadratic tasks {@code J_j =
 * (I − αH)^j} at every {@code w}, so {@link #pathSensitivity} and {@link #productDeviation} equal
 * the closed forms at any point, and {@link #gradientGrowth} and {@link #metaGradientDeviation}
 * equal them where {@code ∇l(w)} lies along the extreme eigenvector.
 *
 * <p>The ratios with {@code ‖∇l_i(w)‖} in the denominator ({@link #gradientGrowth}, {@link
 * #metaGradientDeviation}) skip a task whose gradient at {@code w} is below the rounding floor
 * {@code 10⁻⁶ ‖∇²l_i(w)‖_∞ (1 + ‖w‖_∞)} ({@link #RELATIVE_GRADIENT_FLOOR}): the rounding of the
 * path is of order {@code ε‖w‖‖∇²l‖} in the gradient, so below the floor the ratio would be that
 * rounding over a vanishing gradient (near a stationary point the path moves by less than an ulp of
 * {@code w}), and above it the relative error is at most about {@code 10⁻¹⁰}. Skipping a task only
 * lowers the measured maximum, so the check stays sound; and near a stationary point the ratio at
 * the floor is within {@code O(10⁻¹²)} of its limit, so nothing of the supremum is lost.
 *
 * <p>One {@link Workspace} per measurement; the loops over steps do not allocate (the spectral norm
 * of each task's {@code d × d} result does, once per task).
 */
final class InnerPaths {

  private InnerPaths() {}

  /** The gradient floor relative to {@code ‖∇²l(w)‖_∞ (1 + ‖w‖_∞)}; see the class comment. */
  static final double RELATIVE_GRADIENT_FLOOR = 1e-6;

  /**
   * True when {@code ‖g‖ = ‖∇l(w)‖} is above the rounding floor {@code 10⁻⁶ ‖∇²l(w)‖_∞ (1 +
   * ‖w‖_∞)}; {@code hessian} ({@code d*d}) is scratch.
   */
  private static boolean aboveFloor(SmoothLoss loss, double[] w, double norm, double[] hessian) {
    int d = w.length;
    loss.hessian(w, hessian);
    double rows = 0;
    double size = 0;
    for (int r = 0; r < d; r++) {
      double row = 0;
      for (int k = 0; k < d; k++) {
        row += Math.abs(hessian[r * d + k]);
      }
      rows = Math.max(rows, row);
      size = Math.max(size, Math.abs(w[r]));
    }
    // ‖∇l(w)‖ > 10⁻⁶ ‖∇²l(w)‖_∞ (1 + ‖w‖_∞)
    return norm > RELATIVE_GRADIENT_FLOOR * rows * (1 + size);
  }

  /** The starting point {@code w} of a non-quadratic instance, with a clear error when absent. */
  static double[] point(Instance instance, String probe) {
    if (!instance.hasParameter("w0")) {
      throw new IllegalArgumentException(
          probe
              + " on non-quadratic tasks is measured at a point w (parameters w0 …); instance "
              + instance.describe()
              + " has none");
    }
    return instance.vectorParameter("w");
  }

  /**
   * Lemma 11 (and Corollary 6's expansion factor at {@code j = N}), local form: {@code max_i
   * ‖∂w̃^i_j/∂w‖₂^power}. The Jacobian's norm is the limit of {@code ‖w̃_j − ũ_j‖/‖w − u‖} as
   * {@code u → w} along its top singular vector, so it is at most the lemma's {@code sup_{w ≠ u}}
   * and a ratio above 1 would contradict the lemma.
   */
  static double pathSensitivity(TaskSet tasks, double alpha, int steps, double[] w, int power) {
    Workspace s = new Workspace(w.length, steps);
    double max = 0;
    for (int i = 0; i < tasks.size(); i++) {
      s.run(tasks.get(i).inner(), alpha, steps, w);
      // ‖J_j‖₂^power
      max = Math.max(max, Math.pow(ProbeSupport.spectralNorm(s.jacobian, w.length), power));
    }
    return max;
  }

  /**
   * Lemma 12 (Lemma 17 with the support loss) at the point {@code w}: {@code max_i
   * ‖∇l_i(w̃^i_j)‖/‖∇l_i(w)‖} over the tasks with {@code ∇l_i(w)} above the rounding floor (0 when
   * there is none). The lemma bounds it at every {@code w}, so this is exactly the lemma's quantity.
   */
  static double gradientGrowth(TaskSet tasks, double alpha, int steps, double[] w) {
    int d = w.length;
    double[][] path = new double[steps + 1][d];
    double[] start = new double[d];
    double[] end = new double[d];
    double[] hessian = new double[d * d];
    double max = 0;
    for (int i = 0; i < tasks.size(); i++) {
      SmoothLoss loss = tasks.get(i).inner();
      InnerGradientDescent.path(loss, alpha, steps, w, path, end);
      loss.gradient(w, start);
      loss.gradient(path[steps], end);
      double norm = Vectors.norm(start);
      if (aboveFloor(loss, w, norm, hessian)) {
        // ‖∇l(w̃_j)‖ / ‖∇l(w)‖
        max = Math.max(max, Vectors.norm(end) / norm);
      }
    }
    return max;
  }

  /**
   * Lemma 13 with {@code A_j = α∇²l_i(w̃_j)} at the point {@code w}: {@code max_i ‖∏_{j=0}^{N−1}(I −
   * α∇²l_i(w̃^i_j)) − I‖₂}. The product in MAML's order ({@code j = 0} leftmost) is {@code J_Nᵀ}
   * (every factor is symmetric), and {@code ‖J_Nᵀ − I‖ = ‖J_N − I‖}. The lemma's hypothesis
   * {@code ‖A_j‖ ≤ αL} holds by the definition of {@code L}, so this is exactly its quantity.
   */
  static double productDeviation(TaskSet tasks, double alpha, int steps, double[] w) {
    int d = w.length;
    Workspace s = new Workspace(d, steps);
    double max = 0;
    for (int i = 0; i < tasks.size(); i++) {
      s.run(tasks.get(i).inner(), alpha, steps, w);
      for (int k = 0; k < d; k++) {
        // J_N − I
        s.jacobian[k * d + k] -= 1;
      }
      max = Math.max(max, ProbeSupport.spectralNorm(s.jacobian, d));
    }
    return max;
  }

  /**
   * Lemma 14 at the point {@code w} (resampling case, outer loss = inner loss): {@code max_i
   * ‖∇L_i(w) − ∇l_i(w)‖/‖∇l_i(w)‖} over the tasks with {@code ∇l_i(w)} above the rounding floor (0
   * when there is none),
   * with {@code ∇L_i(w) = ∏_{j=0}^{N−1}(I − α∇²l_i(w̃_j)) ∇l_i(w̃_N)} ({@link MamlMetaGradient}).
   * The lemma bounds the ratio at every {@code w} by {@code C_l}, so this is at most its {@code
   * C_l}.
   *
   * @throws IllegalArgumentException when a task has a separate outer loss
   */
  static double metaGradientDeviation(
      TaskSet tasks, double alpha, int steps, double[] w, String probe) {
    for (MetaTask t : tasks.tasks()) {
      if (!t.isSameLoss()) {
        throw new IllegalArgumentException(
            probe
                + " is the resampling-case constant (outer loss = inner loss); the tasks have"
                + " separate outer losses");
      }
    }
    int d = w.length;
    MamlMetaGradient maml = new MamlMetaGradient(tasks, alpha, steps);
    double[] meta = new double[d];
    double[] task = new double[d];
    double[] hessian = new double[d * d];
    double max = 0;
    for (int i = 0; i < tasks.size(); i++) {
      SmoothLoss loss = tasks.get(i).inner();
      loss.gradient(w, task);
      double norm = Vectors.norm(task);
      if (aboveFloor(loss, w, norm, hessian)) {
        maml.taskGradient(i, w, meta);
        // ‖∇L_i(w) − ∇l_i(w)‖ / ‖∇l_i(w)‖
        max = Math.max(max, Vectors.distance(meta, task) / norm);
      }
    }
    return max;
  }

  /** The path of one task and its Jacobian {@code J_N = ∂w̃_N/∂w}, in arrays reused across tasks. */
  static final class Workspace {
    private final int d;
    private final double[][] path;
    private final double[] gradient;
    private final double[] hessian;
    private final double[] scratch;
    /** {@code J_N} row-major after {@link #run}. */
    final double[] jacobian;

    Workspace(int d, int steps) {
      this.d = d;
      this.path = new double[steps + 1][d];
      this.gradient = new double[d];
      this.hessian = new double[d * d];
      this.scratch = new double[d * d];
      this.jacobian = new double[d * d];
    }

    /** Runs {@code N = steps} inner steps of {@code loss} from {@code w}; fills {@link #jacobian}. */
    void run(SmoothLoss loss, double alpha, int steps, double[] w) {
      InnerGradientDescent.path(loss, alpha, steps, w, path, gradient);
      java.util.Arrays.fill(jacobian, 0.0);
      for (int k = 0; k < d; k++) {
        jacobian[k * d + k] = 1;
      }
      for (int j = 0; j < steps; j++) {
        loss.hessian(path[j], hessian);
        for (int r = 0; r < d; r++) {
          for (int c = 0; c < d; c++) {
            double hj = 0;
            for (int k = 0; k < d; k++) {
              hj += hessian[r * d + k] * jacobian[k * d + c];
            }
            // J_{j+1} = (I − α∇²l(w̃_j)) J_j
            scratch[r * d + c] = jacobian[r * d + c] - alpha * hj;
          }
        }
        System.arraycopy(scratch, 0, jacobian, 0, d * d);
      }
    }
  }
}
