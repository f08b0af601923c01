package io.metabound.experiments.oracle;

import io.metabound.experiments.task.TaskSet;

/**
 * HF-MAML (Fallah2020 eqs. (10)–(11)) with exact gradients on quadratic tasks: one inner step, and
 * the Hessian-vector product of the MAML gradient replaced by a central difference of gradients,
 *
 * <pre>{@code
 * w̃_i = w − α ∇l_{S_i}(w)                                            (inner step, eq. (4))
 * v_i = ∇l_{T_i}(w̃_i)                                                (outer gradient)
 * d_i = [∇l_{S_i}(w + δ v_i) − ∇l_{S_i}(w − δ v_i)] / (2δ)            (eq. (11))
 * g(w) = Σ p_i (v_i − α d_i)                                          (eq. (10))
 * }</pre>
 *
 * <p>On a quadratic inner loss the central difference is exact ({@code d_i = H_i v_i} for every δ >
 * 0, the error bound {@code ρδ‖v‖²} of eq. (9) being 0), so HF-MAML equals exact one-step MAML up
 * to rounding of order {@code ε‖H‖‖w − c‖/δ}. The map is nevertheless computed from the formula,
 * with δ, so that this equality is a test rather than an assumption.
 *
 * <p>The direction is affine in w; {@link #affineMap()} recovers {@code A} and {@code b} from d + 1
 * evaluations ({@code b = −g(0)}, column j of A is {@code g(e_j) − g(0)}), O(m d³) in total.
 */
public final class QuadraticHessianFreeMaml {

  private final QuadraticTasks tasks;
  private final double alpha;
  private final double delta;

  /**
   * @param alpha inner step size α ≥ 0
   * @param delta finite-difference step δ > 0
   */
  public QuadraticHessianFreeMaml(QuadraticTasks tasks, double alpha, double delta) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("HF-MAML: alpha must be finite and >= 0, got " + alpha);
    }
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("HF-MAML: delta must be finite and > 0, got " + delta);
    }
    this.tasks = tasks;
    this.alpha = alpha;
    this.delta = delta;
  }

  public QuadraticHessianFreeMaml(TaskSet tasks, double alpha, double delta) {
    this(QuadraticTasks.of(tasks), alpha, delta);
  }

  public String name() {
    return "HF-MAML (N=1, alpha=" + alpha + ", delta=" + delta + ")";
  }

  /** The HF-MAML direction at w (exact gradients, so exact as a value of the formula). */
  public MetaGradient direction(double[] w) {
    double[] out = new double[tasks.dimension()];
    direction(w, out);
    return new MetaGradient(name() + " direction", out, true);
  }

  /** {@code out = g(w)}; allocates four length-d scratch vectors. */
  public void direction(double[] w, double[] out) {
    int d = tasks.dimension();
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
      // ∇l_S(w) = H(w − c)
      for (int k = 0; k < d; k++) {
        point[k] = w[k] - c[k];
      }
      Dense.applyInto(h, point, gradient, d);
      // w̃ − e = w − α∇l_S(w) − e
      for (int k = 0; k < d; k++) {
        point[k] = w[k] - alpha * gradient[k] - e[k];
      }
      // v = ∇l_T(w̃) = G(w̃ − e)
      Dense.applyInto(g, point, v, d);
      // ∇l_S(w + δv) = H(w + δv − c)
      for (int k = 0; k < d; k++) {
        point[k] = w[k] + delta * v[k] - c[k];
      }
      Dense.applyInto(h, point, gradient, d);
      // ∇l_S(w − δv) = H(w − δv − c)
      for (int k = 0; k < d; k++) {
        point[k] = w[k] - delta * v[k] - c[k];
      }
      Dense.applyInto(h, point, minus, d);
      // g += p (v − α [∇l_S(w + δv) − ∇l_S(w − δv)] / (2δ))
      for (int k = 0; k < d; k++) {
        out[k] += p * (v[k] - alpha * (gradient[k] - minus[k]) / (2 * delta));
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
