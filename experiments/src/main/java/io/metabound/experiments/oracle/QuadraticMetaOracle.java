package io.metabound.experiments.oracle;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import io.metabound.experiments.task.TaskSet;

/**
 * Closed-form meta-objective, meta-gradient and meta-Hessian of the MAML family on quadratic tasks.
 *
 * <p>Task i has inner (support) loss {@code ½(φ − c_i)ᵀH_i(φ − c_i)}, outer (query) loss {@code ½(φ
 * − e_i)ᵀG_i(φ − e_i)} and probability {@code p_i}. Every adaptation rule covered here moves the
 * meta-parameter w to a point whose offset from {@code c_i} is a spectral function of {@code H_i}
 * applied to {@code w − c_i}:
 *
 * <pre>{@code φ_i(w) − c_i = J_i (w − c_i),   J_i = Q_i diag(s(λ_{i,k})) Q_iᵀ  (symmetric),}</pre>
 *
 * with the response {@code s}:
 *
 * <ul>
 *   <li><b>N-step MAML</b> (Ji2022 eq. (1)/(9), N steps of GD with rate α): {@code φ − c = (I −
 *       αH)^N (w − c)}, {@code s(λ) = (1 − αλ)^N}; {@code J = dφ/dw = ∏_{j=0}^{N−1}(I − αH)}, the
 *       product of Ji2022 eq. (3).
 *   <li><b>iMAML</b> (Rajeswaran2019 eq. (4) and Lemma 1): {@code Alg*(θ) = argmin_φ ½(φ − c)ᵀH(φ −
 *       c) + λ/2‖φ − θ‖² = (H + λI)^{-1}(Hc + λθ)}, so {@code Alg* − c = λ(H + λI)^{-1}(θ − c)},
 *       {@code s(μ) = λ/(λ + μ)}, and {@code J = (I + H/λ)^{-1}} is the implicit Jacobian (6).
 *   <li><b>MAML-prox</b> (Rajeswaran2019 App. A: back-propagation through K GD steps with rate η on
 *       the proximal problem, from {@code φ_0 = θ}): {@code φ_{k+1} = φ_k − η(H(φ_k − c) + λ(φ_k −
 *       θ))}, hence {@code φ_{k+1} − c = (I − η(H + λI))(φ_k − c) + ηλ(θ − c)} and {@code φ_K − c =
 *       M_K(θ − c)} with {@code M_0 = I}, {@code M_{k+1} = (I − η(H + λI))M_k + ηλI}.
 * </ul>
 *
 * <p>Then, exactly (Ji2022 eqs. (2), (3), (8), (10) on quadratics; docs/THEOREMS.md §6.1):
 *
 * <pre>{@code
 * F(w)   = Σ p_i ½ (φ_i − e_i)ᵀ G_i (φ_i − e_i)
 * ∇F(w)  = Σ p_i J_i G_i (φ_i − e_i)          = A w − b
 * ∇²F    = A = Σ p_i J_i G_i J_i
 * b      = Σ p_i J_i G_i (e_i − c_i + J_i c_i)
 * }</pre>
 *
 * and the first-order direction (FO-MAML, Fallah2020 eq. (8) with exact gradients and N inner
 * steps: the outer gradient at the adapted point, the Jacobian dropped):
 *
 * <pre>{@code g_FO(w) = Σ p_i G_i (φ_i − e_i) = A_FO w − b_FO,  A_FO = Σ p_i G_i J_i,
 * b_FO = Σ p_i G_i (e_i − c_i + J_i c_i).}</pre>
 *
 * <p>Everything is evaluated in the eigenbasis of {@code H_i} cached by {@link QuadraticTasks}, so
 * the cost is independent of N: O(d²) per task for a gradient, O(d³) per task for a Hessian or an
 * affine map. Instances are immutable and thread-safe.
 */
public final class QuadraticMetaOracle {

  private final QuadraticTasks tasks;
  private final String name;
  private final String firstOrderName;

  /** {@code s_{i,k}}: {@code J_i = Q_i diag(s_i) Q_iᵀ}. */
  private final double[][] response;

  private QuadraticMetaOracle(
      QuadraticTasks tasks, String name, String firstOrderName, double[][] response) {
    this.tasks = tasks;
    this.name = name;
    this.firstOrderName = firstOrderName;
    this.response = response;
  }

  /** N-step MAML with inner rate α; see the class comment. */
  public static QuadraticMetaOracle maml(TaskSet tasks, double alpha, int steps) {
    return maml(QuadraticTasks.of(tasks), alpha, steps);
  }

  /**
   * N-step MAML with inner rate α: {@code s(λ) = (1 − αλ)^N}.
   *
   * @param alpha inner step size α ≥ 0 (finite)
   * @param steps inner steps N ≥ 0 (N = 0: no adaptation)
   */
  public static QuadraticMetaOracle maml(QuadraticTasks tasks, double alpha, int steps) {
    requireFinite(alpha, "alpha", 0);
    if (steps < 0) {
      throw new IllegalArgumentException("MAML: inner steps N must be >= 0, got " + steps);
    }
    double[][] s = new double[tasks.size()][tasks.dimension()];
    for (int i = 0; i < tasks.size(); i++) {
      double[] lambda = tasks.eigenvalues[i];
      for (int k = 0; k < lambda.length; k++) {
        // s = (1 − αλ)^N (integer power: exact sign for negative bases)
        s[i][k] = Math.pow(1 - alpha * lambda[k], steps);
      }
    }
    String p = "(N=" + steps + ", alpha=" + alpha + ")";
    return new QuadraticMetaOracle(tasks, "MAML " + p, "FO-MAML " + p, s);
  }

  /** iMAML with regulariser λ; see the class comment. */
  public static QuadraticMetaOracle imaml(TaskSet tasks, double lambda) {
    return imaml(QuadraticTasks.of(tasks), lambda);
  }

  /**
   * iMAML with regulariser λ: {@code s(μ) = λ/(λ + μ)}, i.e. {@code J = (I + H/λ)^{-1}}.
   *
   * @throws IllegalArgumentException if λ ≤ 0 or some {@code λ + λ_min(H_i) ≤ 0}: then the proximal
   *     problem is not strongly convex and {@code Alg*} (an argmin) does not exist
   */
  public static QuadraticMetaOracle imaml(QuadraticTasks tasks, double lambda) {
    requireFinite(lambda, "lambda", Double.MIN_VALUE);
    double[][] s = new double[tasks.size()][tasks.dimension()];
    for (int i = 0; i < tasks.size(); i++) {
      double[] mu = tasks.eigenvalues[i];
      for (int k = 0; k < mu.length; k++) {
        if (!(lambda + mu[k] > 0)) {
          throw new IllegalArgumentException(
              "iMAML: task "
                  + i
                  + ": lambda + lambda_min(H) = "
                  + (lambda + mu[k])
                  + " <= 0, so G_i(phi, theta) = l_i(phi) + lambda/2 |phi - theta|^2"
                  + " is not strongly convex and Alg*(theta) = argmin G_i does not exist;"
                  + " choose lambda > "
                  + (-mu[k]));
        }
        // s = λ/(λ + μ): J = λ(H + λI)^{-1} = (I + H/λ)^{-1}
        s[i][k] = lambda / (lambda + mu[k]);
      }
    }
    String p = "(lambda=" + lambda + ")";
    return new QuadraticMetaOracle(tasks, "iMAML " + p, "first-order iMAML " + p, s);
  }

  /** MAML through K proximal GD steps; see the class comment. */
  public static QuadraticMetaOracle mamlProx(
      TaskSet tasks, double lambda, int innerSteps, double innerRate) {
    return mamlProx(QuadraticTasks.of(tasks), lambda, innerSteps, innerRate);
  }

  /**
   * MAML back-propagated through K GD steps of rate η on the proximal problem, started at θ.
   *
   * @param lambda proximal regulariser λ ≥ 0
   * @param innerSteps K ≥ 0
   * @param innerRate η > 0 (no stability requirement: an unstable η gives a huge but exact M_K)
   */
  public static QuadraticMetaOracle mamlProx(
      QuadraticTasks tasks, double lambda, int innerSteps, double innerRate) {
    requireFinite(lambda, "lambda", 0);
    requireFinite(innerRate, "inner rate eta", Double.MIN_VALUE);
    if (innerSteps < 0) {
      throw new IllegalArgumentException(
          "MAML-prox: inner steps K must be >= 0, got " + innerSteps);
    }
    double[][] s = new double[tasks.size()][tasks.dimension()];
    for (int i = 0; i < tasks.size(); i++) {
      double[] mu = tasks.eigenvalues[i];
      for (int k = 0; k < mu.length; k++) {
        // M_0 = 1, M_{j+1} = (1 − η(μ + λ)) M_j + ηλ on each eigenvalue μ of H
        double contraction = 1 - innerRate * (mu[k] + lambda);
        double m = 1;
        for (int j = 0; j < innerSteps; j++) {
          m = contraction * m + innerRate * lambda;
        }
        s[i][k] = m;
      }
    }
    String p = "(lambda=" + lambda + ", K=" + innerSteps + ", eta=" + innerRate + ")";
    return new QuadraticMetaOracle(tasks, "MAML-prox " + p, "first-order MAML-prox " + p, s);
  }

  private static void requireFinite(double value, String name, double min) {
    if (!(value >= min) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + " must be finite and " + (min == 0 ? ">= 0" : "> 0") + ", got " + value);
    }
  }

  /** What this oracle computes, e.g. {@code "MAML (N=2, alpha=0.1)"}. */
  public String name() {
    return name;
  }

  public QuadraticTasks tasks() {
    return tasks;
  }

  public int dimension() {
    return tasks.dimension();
  }

  /** {@code s_{i,k}}, the eigenvalues of {@code J_i} in the order of {@code Q_i}'s columns. */
  double[] response(int task) {
    return response[task];
  }

  /**
   * The adapted point {@code φ_i(w) = c_i + J_i (w − c_i)}: the N-step GD iterate for MAML, {@code
   * Alg*_i(θ)} for iMAML, {@code φ_K} for MAML-prox.
   */
  public double[] adaptedPoint(int task, double[] w) {
    int d = dimension();
    double[] q = tasks.basis[task];
    double[] s = response[task];
    double[] c = tasks.c(task);
    double[] diff = new double[d];
    for (int k = 0; k < d; k++) {
      diff[k] = w[k] - c[k];
    }
    // u = s ∘ Qᵀ(w − c)
    double[] u = Dense.transposeApply(q, diff, d);
    for (int k = 0; k < d; k++) {
      u[k] *= s[k];
    }
    // φ = c + Q u
    double[] phi = Dense.apply(q, u, d);
    for (int k = 0; k < d; k++) {
      phi[k] += c[k];
    }
    return phi;
  }

  /** {@code J_i = dφ_i/dw = Q_i diag(s_i) Q_iᵀ}, row-major. */
  public double[] adaptationJacobian(int task) {
    int d = dimension();
    double[] j = new double[d * d];
    Dense.addSpectral(tasks.basis[task], response[task], 1.0, j, d);
    return j;
  }

  /** {@code F(w) = Σ p_i ½(φ_i − e_i)ᵀG_i(φ_i − e_i)}. */
  public double metaObjective(double[] w) {
    int d = dimension();
    double[] gr = new double[d];
    double total = 0;
    for (int i = 0; i < tasks.size(); i++) {
      double[] phi = adaptedPoint(i, w);
      double[] e = tasks.e(i);
      // r = φ − e
      for (int k = 0; k < d; k++) {
        phi[k] -= e[k];
      }
      // ½ rᵀ G r
      Dense.applyInto(tasks.g(i), phi, gr, d);
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += phi[k] * gr[k];
      }
      total += tasks.probability(i) * 0.5 * s;
    }
    return total;
  }

  /** The exact meta-gradient {@code ∇F(w)}. */
  public MetaGradient metaGradient(double[] w) {
    double[] out = new double[dimension()];
    metaGradient(w, out);
    return new MetaGradient(name + " meta-gradient", out, true);
  }

  /**
   * {@code out = ∇F(w) = Σ p_i J_i G_i (φ_i − e_i)}; allocates three length-d scratch vectors,
   * O(d²) work per task.
   */
  public void metaGradient(double[] w, double[] out) {
    direction(w, out, true);
  }

  /** The first-order direction {@code Σ p_i G_i(φ_i − e_i)} (FO-MAML for {@link #maml}). */
  public MetaGradient firstOrderDirection(double[] w) {
    double[] out = new double[dimension()];
    direction(w, out, false);
    return new MetaGradient(firstOrderName + " direction", out, true);
  }

  private void direction(double[] w, double[] out, boolean throughJacobian) {
    int d = dimension();
    double[] u = new double[d];
    double[] r = new double[d];
    double[] y = new double[d];
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (int i = 0; i < tasks.size(); i++) {
      double[] q = tasks.basis[i];
      double[] s = response[i];
      double[] cHat = tasks.innerCentreInBasis[i];
      double[] eHat = tasks.outerCentreInBasis[i];
      double p = tasks.probability(i);
      // r = Qᵀ(φ − e) = ĉ − ê + s ∘ Qᵀ(w − c) = s ∘ Qᵀw + (1 − s) ∘ ĉ − ê
      Dense.transposeApplyInto(q, w, u, d);
      for (int k = 0; k < d; k++) {
        r[k] = s[k] * (u[k] - cHat[k]) + cHat[k] - eHat[k];
      }
      if (!throughJacobian) {
        // out += p G Q r = p G (φ − e)
        double[] gq = tasks.outerTimesBasis[i];
        for (int a = 0; a < d; a++) {
          double t = 0;
          int row = a * d;
          for (int k = 0; k < d; k++) {
            t += gq[row + k] * r[k];
          }
          out[a] += p * t;
        }
        continue;
      }
      // y = s ∘ X r, X = Qᵀ G Q (diag(λ) when G = H)
      double[] x = tasks.outerInBasis[i];
      if (x == null) {
        double[] lambda = tasks.eigenvalues[i];
        for (int k = 0; k < d; k++) {
          y[k] = s[k] * lambda[k] * r[k];
        }
      } else {
        Dense.applyInto(x, r, y, d);
        for (int k = 0; k < d; k++) {
          y[k] *= s[k];
        }
      }
      // out += p Q y = p J G (φ − e)
      for (int a = 0; a < d; a++) {
        double t = 0;
        int row = a * d;
        for (int k = 0; k < d; k++) {
          t += q[row + k] * y[k];
        }
        out[a] += p * t;
      }
    }
  }

  /** The exact, constant meta-Hessian {@code ∇²F = Σ p_i J_i G_i J_i}. */
  public MetaHessian metaHessian() {
    return new MetaHessian(name + " meta-Hessian", dimension(), hessianMatrix(), true);
  }

  /**
   * The meta-smoothness {@code L_F = ‖∇²F‖₂} (exact: ∇F is affine, so its smallest Lipschitz
   * constant is the spectral norm of its constant Jacobian).
   */
  public FamilyConstant metaSmoothness() {
    return new FamilyConstant(
        "L_F",
        metaHessian().spectralNorm(),
        Exactness.EXACT,
        "spectral norm of the constant meta-Hessian of "
            + name
            + " on quadratic tasks (the exact Lipschitz constant of the affine meta-gradient)");
  }

  /**
   * {@code ∇F(w) = A w − b} with {@code A = ∇²F}, {@code b = Σ p_i J_i G_i (e_i − c_i + J_i c_i)}.
   */
  public AffineGradientMap gradientMap() {
    int d = dimension();
    double[] b = new double[d];
    double[] r = new double[d];
    double[] y = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      double[] s = response[i];
      double[] cHat = tasks.innerCentreInBasis[i];
      double[] eHat = tasks.outerCentreInBasis[i];
      // r = Qᵀ(e − c + J c) = ê − ĉ + s ∘ ĉ
      for (int k = 0; k < d; k++) {
        r[k] = eHat[k] - cHat[k] + s[k] * cHat[k];
      }
      // y = s ∘ X r
      double[] x = tasks.outerInBasis[i];
      if (x == null) {
        for (int k = 0; k < d; k++) {
          y[k] = s[k] * tasks.eigenvalues[i][k] * r[k];
        }
      } else {
        Dense.applyInto(x, r, y, d);
        for (int k = 0; k < d; k++) {
          y[k] *= s[k];
        }
      }
      // b += p Q y
      double[] q = tasks.basis[i];
      double p = tasks.probability(i);
      for (int a = 0; a < d; a++) {
        double t = 0;
        for (int k = 0; k < d; k++) {
          t += q[a * d + k] * y[k];
        }
        b[a] += p * t;
      }
    }
    return new AffineGradientMap(d, hessianMatrix(), b);
  }

  private double[] hessianMatrix() {
    int d = dimension();
    double[] a = new double[d * d];
    double[] y = new double[d];
    double[] sxs = null;
    double[] qsxs = null;
    for (int i = 0; i < tasks.size(); i++) {
      double[] q = tasks.basis[i];
      double[] s = response[i];
      double p = tasks.probability(i);
      double[] x = tasks.outerInBasis[i];
      if (x == null) {
        // A += p Q diag(s² λ) Qᵀ   (J G J with G = H: all three share the eigenbasis)
        double[] lambda = tasks.eigenvalues[i];
        for (int k = 0; k < d; k++) {
          y[k] = s[k] * s[k] * lambda[k];
        }
        Dense.addSpectral(q, y, p, a, d);
      } else {
        if (sxs == null) {
          sxs = new double[d * d];
          qsxs = new double[d * d];
        }
        // A += p Q (diag(s) X diag(s)) Qᵀ
        for (int r = 0; r < d; r++) {
          for (int k = 0; k < d; k++) {
            sxs[r * d + k] = s[r] * x[r * d + k] * s[k];
          }
        }
        Dense.multiplyInto(q, sxs, qsxs, d);
        // (Q Y) Qᵀ is symmetric because Y is: only the upper triangle is computed
        Dense.addSymmetricTimesTranspose(qsxs, q, p, a, d);
      }
    }
    return Dense.symmetrise(a, d);
  }

  /**
   * The stationary point of F: solves {@code ∇²F w = b} and says whether it is a minimum, a saddle,
   * a maximum, or whether ∇²F is singular.
   */
  public StationaryPoint stationaryPoint() {
    return StationaryPoint.of(gradientMap(), name + " meta-gradient");
  }

  /**
   * The first-order direction as an affine map: {@code A_FO = Σ p_i G_i J_i}, {@code b_FO = Σ p_i
   * G_i (e_i − c_i + J_i c_i)} (FO-MAML for {@link #maml}; not symmetric in general).
   */
  public AffineGradientMap firstOrderMap() {
    int d = dimension();
    double[] a = new double[d * d];
    double[] b = new double[d];
    double[] gqs = new double[d * d];
    double[] r = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      double[] q = tasks.basis[i];
      double[] gq = tasks.outerTimesBasis[i];
      double[] s = response[i];
      double p = tasks.probability(i);
      // A += p (G Q diag(s)) Qᵀ = p G J
      for (int row = 0; row < d; row++) {
        for (int k = 0; k < d; k++) {
          gqs[row * d + k] = gq[row * d + k] * s[k];
        }
      }
      Dense.addTimesTranspose(gqs, q, p, a, d);
      // b += p G Q (ê − ĉ + s ∘ ĉ) = p G (e − c + J c)
      double[] cHat = tasks.innerCentreInBasis[i];
      double[] eHat = tasks.outerCentreInBasis[i];
      for (int k = 0; k < d; k++) {
        r[k] = eHat[k] - cHat[k] + s[k] * cHat[k];
      }
      for (int row = 0; row < d; row++) {
        double t = 0;
        for (int k = 0; k < d; k++) {
          t += gq[row * d + k] * r[k];
        }
        b[row] += p * t;
      }
    }
    return new AffineGradientMap(d, a, b);
  }

  /** The fixed point of the first-order direction (FO-MAML's limit), with its nature. */
  public StationaryPoint firstOrderFixedPoint() {
    return StationaryPoint.of(firstOrderMap(), firstOrderName + " direction");
  }

  @Override
  public String toString() {
    return "QuadraticMetaOracle[" + name + ", d=" + dimension() + ", m=" + tasks.size() + "]";
  }
}
