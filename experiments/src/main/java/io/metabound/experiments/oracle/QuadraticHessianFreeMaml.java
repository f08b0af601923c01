package io.metabound.experiments.oracle;

import io.metabound.experiments.task.TaskSet;

/**
 * HF-MAML (Fallah2020 eqs. (10)–(11)) with exact gradients on quadratic tasks: N inner steps, and
 * every Hessian-vector product of the N-step MAML gradient replaced by a central difference of
 * gradients,
 *
 * <pre>{@code
 * w_0 = w,  w_{j+1} = w_j − α ∇l_{S_i}(w_j)                            (inner steps, eq. (4))
 * v ← ∇l_{T_i}(w_N)                                                   (outer gradient)
 * for j = N−1, …, 0:
 *   v ← v − α [∇l_{S_i}(w_j + δ v) − ∇l_{S_i}(w_j − δ v)] / (2δ)      (eq. (11))
 * g(w) = Σ p_i v_i                                                    (eq. (10))
 * }</pre>
 *
 * that is {@code g = Σ p_i ∏_{j=N−1..0}(I − α∇²l_{S_i}(w_j)) ∇l_{T_i}(w_N)} with each product
 * {@code ∇²l v} a central difference. For N = 1 this is Fallah2020's one-step HF-MAML.
 *
 * <p>On a quadratic inner loss the central difference is exact ({@code [..]/(2δ) = H_i v} for every
 * δ > 0, the error bound {@code ρδ‖v‖²} of eq. (9) being 0), so HF-MAML equals exact N-step MAML up
 * to rounding of order {@code ε‖H‖‖w − c‖/δ}. The map is nevertheless computed from the formula,
 * with δ, so that this equality is a test rather than an assumption.
 *
 * <p>The direction is affine in w; {@link #affineMap()} recovers {@code A} and {@code b} from d + 1
 * evaluations ({@code b = −g(0)}, column j of A is {@code g(e_j) − g(0)}), O(m N d³) in total.
 */
public final class QuadraticHessianFreeMaml {

  private final QuadraticTasks tasks;
  private final double alpha;
  private final int steps;
  private final double delta;

  /**
   * One inner step (Fallah2020's HF-MAML).
   *
   * @param alpha inner step size α ≥ 0
   * @param delta finite-difference step δ > 0
   */
  public QuadraticHessianFreeMaml(QuadraticTasks tasks, double alpha, double delta) {
    this(tasks, alpha, 1, delta);
  }

  /**
   * N inner steps.
   *
   * @param alpha inner step size α ≥ 0
   * @param steps inner steps N ≥ 0
   * @param delta finite-difference step δ > 0
   */
  public QuadraticHessianFreeMaml(QuadraticTasks tasks, double alpha, int steps, double delta) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("HF-MAML: alpha must be finite and >= 0, got " + alpha);
    }
    if (steps < 0) {
      throw new IllegalArgumentException("HF-MAML: inner steps N must be >= 0, got " + steps);
    }
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("HF-MAML: delta must be finite and > 0, got " + delta);
    }
    this.tasks = tasks;
    this.alpha = alpha;
    this.steps = steps;
    this.delta = delta;
  }

  public QuadraticHessianFreeMaml(TaskSet tasks, double alpha, double delta) {
    this(QuadraticTasks.of(tasks), alpha, delta);
  }

  public String name() {
    return "HF-MAML (N=" + steps + ", alpha=" + alpha + ", delta=" + delta + ")";
  }

  /** The HF-MAML direction at w (exact gradients, so exact as a value of the formula). */
  public MetaGradient direction(double[] w) {
    double[] out = new double[tasks.dimension()];
    direction(w, out);
    return new MetaGradient(name() + " direction", out, true);
  }

  /** {@code out = g(w)}; allocates N + 5 length-d scratch vectors. */
  public void direction(double[] w, double[] out) {
    int d = tasks.dimension();
    double[][] path = new double[steps + 1][d];
    double[] point = new double[d];
    double[] gradient = new double[d];
    double[] v = new double[d];
    double[] minus = new double[d];
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (int i = 0; i < tasks.size(); i++) {
      double[] h = tasks.h(i);
      double[] c = tasks.c(i);
      double[] g = tasks.g(i);
      double[] e = tasks.e(i);
      double p = tasks.probability(i);
      System.arraycopy(w, 0, path[0], 0, d);
      for (int j = 0; j < steps; j++) {
        // ∇l_S(w_j) = H(w_j − c)
        for (int k = 0; k < d; k++) {
          point[k] = path[j][k] - c[k];
        }
        Dense.applyInto(h, point, gradient, d);
        // w_{j+1} = w_j − α∇l_S(w_j)
        for (int k = 0; k < d; k++) {
          path[j + 1][k] = path[j][k] - alpha * gradient[k];
        }
      }
      // v = ∇l_T(w_N) = G(w_N − e)
      for (int k = 0; k < d; k++) {
        point[k] = path[steps][k] - e[k];
      }
      Dense.applyInto(g, point, v, d);
      for (int j = steps - 1; j >= 0; j--) {
        double[] x = path[j];
        // ∇l_S(w_j + δv) = H(w_j + δv − c)
        for (int k = 0; k < d; k++) {
          point[k] = x[k] + delta * v[k] - c[k];
        }
        Dense.applyInto(h, point, gradient, d);
        // ∇l_S(w_j − δv) = H(w_j − δv − c)
        for (int k = 0; k < d; k++) {
          point[k] = x[k] - delta * v[k] - c[k];
        }
        Dense.applyInto(h, point, minus, d);
        // v ← v − α [∇l_S(w_j + δv) − ∇l_S(w_j − δv)] / (2δ)
        for (int k = 0; k < d; k++) {
          v[k] = v[k] - alpha * (gradient[k] - minus[k]) / (2 * delta);
        }
      }
      // g += p v
      for (int k = 0; k < d; k++) {
        out[k] += p * v[k];
      }
    }
  }

  /** The direction as an affine map {@code g(w) = A w − b}, probed from the formula. */
  public AffineGradientMap affineMap() {
    int d = tasks.dimension();
    double[] w = new double[d];
    double[] g0 = new double[d];
    double[] gj = new double[d];
    // b = −g(0)
    direction(w, g0);
    double[] a = new double[d * d];
    for (int j = 0; j < d; j++) {
      w[j] = 1;
      direction(w, gj);
      w[j] = 0;
      // A e_j = g(e_j) − g(0)
      for (int r = 0; r < d; r++) {
        a[r * d + j] = gj[r] - g0[r];
      }
    }
    double[] b = new double[d];
    for (int r = 0; r < d; r++) {
      b[r] = -g0[r];
    }
    return new AffineGradientMap(d, a, b);
  }
}
