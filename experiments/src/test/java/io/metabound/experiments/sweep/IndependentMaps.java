package io.metabound.experiments.sweep;

import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.Locale;

/**
 * A second, independent derivation of the affine update maps of the deterministic estimators on
 * quadratic tasks (plain loops, no eigen-decompositions), used to cross-check the oracle's
 * {@code EstimatorMaps} that the sweeps iterate.
 *
 * <p>Task i: inner loss {@code ½(w − c)ᵀH(w − c)}, outer loss {@code ½(w − e)ᵀG(w − e)} (G = H,
 * e = c in the resampling case), weight {@code p_i}. With {@code M = (I − αH)^N} the inner path is
 * {@code w_N = M w + (I − M) c} (docs/THEOREMS.md §6.1), so
 *
 * <ul>
 *   <li>exact N-step MAML (Ji2022 (3)/(10)): {@code g_i = M G (w_N − e)}:
 *       {@code A = Σ p M G M}, {@code b = Σ p M G (e − (I − M)c)};
 *   <li>FO-MAML: {@code g_i = G (w_N − e)}: {@code A = Σ p G M}, {@code b = Σ p G (e − (I − M)c)};
 *   <li>HF-MAML (Fallah2020, one step): its finite-difference Hessian-vector product is exact on a
 *       quadratic up to rounding, so its map is MAML's with N = 1;
 *   <li>iMAML (Rajeswaran2019): {@code Alg*(θ) = K(Hc + λθ)} with {@code K = (H + λI)^{-1}} and
 *       Jacobian {@code λK}: {@code g_i = λ K G (Alg*(θ) − e)}:
 *       {@code A = Σ p λ² K G K}, {@code b = Σ p λ K G (e − K H c)}.
 * </ul>
 */
final class IndependentMaps {

  /** The deterministic estimators a sweep can iterate exactly. */
  enum Kind {
    MAML,
    FOMAML,
    HFMAML,
    IMAML;

    /** Parses a CLI name ({@code maml}, {@code fomaml}, {@code fo-maml}, …). */
    public static Kind parse(String name) {
      String key = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
      for (Kind kind : values()) {
        if (kind.name().toLowerCase(Locale.ROOT).equals(key)) {
          return kind;
        }
      }
      throw new SweepInputException(
          "--estimator: unknown estimator '" + name + "'; expected maml, fomaml, hfmaml or imaml");
    }
  }

  private IndependentMaps() {}

  /**
   * The map source of an estimator on quadratic tasks.
   *
   * @param lambda iMAML's regulariser λ > 0 (ignored by the others)
   * @throws SweepInputException if a task is not quadratic
   */
  static EstimatorMapSource of(Kind kind, TaskSet tasks, double lambda) {
    int m = tasks.size();
    int d = tasks.dimension();
    double[][] h = new double[m][];
    double[][] c = new double[m][];
    double[][] g = new double[m][];
    double[][] e = new double[m][];
    double[] p = new double[m];
    for (int i = 0; i < m; i++) {
      MetaTask t = tasks.get(i);
      if (!(t.inner() instanceof QuadraticLoss inner) || !(t.outer() instanceof QuadraticLoss outer)) {
        throw new SweepInputException("task " + i + " is not quadratic: exact sweeps need quadratic tasks");
      }
      h[i] = inner.hessian();
      c[i] = inner.centre();
      g[i] = outer.hessian();
      e[i] = outer.centre();
      p[i] = tasks.probability(i);
    }
    if (kind == Kind.IMAML && !(lambda > 0 && Double.isFinite(lambda))) {
      throw new SweepInputException("--lambda: iMAML needs a finite regulariser > 0, got " + lambda);
    }
    return (steps, alpha) -> {
      double[] a = new double[d * d];
      double[] b = new double[d];
      for (int i = 0; i < m; i++) {
        double[] ai;
        double[] bi;
        if (kind == Kind.IMAML) {
          double[] k = inverse(addIdentity(h[i], lambda, d), d);
          double[] kg = multiply(k, g[i], d);
          // A_i = λ² K G K
          ai = scale(multiply(kg, k, d), lambda * lambda);
          // b_i = λ K G (e − K H c)
          double[] khc = apply(k, apply(h[i], c[i], d), d);
          bi = scaleVector(apply(kg, subtract(e[i], khc), d), lambda);
        } else {
          int n = kind == Kind.HFMAML ? 1 : steps;
          double[] mm = power(stepMatrix(h[i], alpha, d), n, d);
          // r = e − (I − M) c = e − c + M c
          double[] r = subtract(e[i], subtract(c[i], apply(mm, c[i], d)));
          if (kind == Kind.FOMAML) {
            ai = multiply(g[i], mm, d); // A_i = G M
            bi = apply(g[i], r, d); // b_i = G r
          } else {
            double[] mg = multiply(mm, g[i], d);
            ai = multiply(mg, mm, d); // A_i = M G M
            bi = apply(mg, r, d); // b_i = M G r
          }
        }
        for (int j = 0; j < d * d; j++) {
          a[j] += p[i] * ai[j];
        }
        for (int j = 0; j < d; j++) {
          b[j] += p[i] * bi[j];
        }
      }
      return new AffineGradientMap(d, a, b);
    };
  }

  private static double[] stepMatrix(double[] h, double alpha, int d) {
    double[] s = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        s[r * d + k] = (r == k ? 1 : 0) - alpha * h[r * d + k];
      }
    }
    return s;
  }

  private static double[] addIdentity(double[] h, double lambda, int d) {
    double[] s = h.clone();
    for (int r = 0; r < d; r++) {
      s[r * d + r] += lambda;
    }
    return s;
  }

  private static double[] power(double[] x, int n, int d) {
    double[] result = new double[d * d];
    for (int r = 0; r < d; r++) {
      result[r * d + r] = 1;
    }
    for (int i = 0; i < n; i++) {
      result = multiply(result, x, d);
    }
    return result;
  }

  private static double[] multiply(double[] x, double[] y, int d) {
    double[] z = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int j = 0; j < d; j++) {
        double xr = x[r * d + j];
        for (int k = 0; k < d; k++) {
          z[r * d + k] += xr * y[j * d + k];
        }
      }
    }
    return z;
  }

  private static double[] apply(double[] x, double[] v, int d) {
    double[] z = new double[d];
    for (int r = 0; r < d; r++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += x[r * d + k] * v[k];
      }
      z[r] = s;
    }
    return z;
  }

  private static double[] subtract(double[] x, double[] y) {
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = x[i] - y[i];
    }
    return z;
  }

  private static double[] scale(double[] x, double s) {
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = s * x[i];
    }
    return z;
  }

  private static double[] scaleVector(double[] x, double s) {
    return scale(x, s);
  }

  /** Gauss–Jordan with partial pivoting (K = (H + λI)^{-1} is symmetric positive definite here). */
  private static double[] inverse(double[] x, int d) {
    double[] a = x.clone();
    double[] inv = new double[d * d];
    for (int r = 0; r < d; r++) {
      inv[r * d + r] = 1;
    }
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(a[r * d + col]) > Math.abs(a[pivot * d + col])) {
          pivot = r;
        }
      }
      if (a[pivot * d + col] == 0) {
        throw new SweepInputException("iMAML: H + λI is singular; choose another --lambda");
      }
      swapRows(a, col, pivot, d);
      swapRows(inv, col, pivot, d);
      double diag = a[col * d + col];
      for (int k = 0; k < d; k++) {
        a[col * d + k] /= diag;
        inv[col * d + k] /= diag;
      }
      for (int r = 0; r < d; r++) {
        if (r != col) {
          double f = a[r * d + col];
          if (f != 0) {
            for (int k = 0; k < d; k++) {
              a[r * d + k] -= f * a[col * d + k];
              inv[r * d + k] -= f * inv[col * d + k];
            }
          }
        }
      }
    }
    return inv;
  }

  private static void swapRows(double[] a, int r1, int r2, int d) {
    if (r1 == r2) {
      return;
    }
    for (int k = 0; k < d; k++) {
      double t = a[r1 * d + k];
      a[r1 * d + k] = a[r2 * d + k];
      a[r2 * d + k] = t;
    }
  }
}
