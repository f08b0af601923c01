package io.metabound.experiments.oracle;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Central finite differences, the independent check of every closed form. */
public final class FiniteDifferences {

  private FiniteDifferences() {}

  /** {@code ∂_j F ≈ (F(w + h e_j) − F(w − h e_j)) / (2h)}. */
  public static double[] gradient(ToDoubleFunction<double[]> f, double[] w, double h) {
    int d = w.length;
    double[] g = new double[d];
    for (int j = 0; j < d; j++) {
      double[] plus = w.clone();
      double[] minus = w.clone();
      plus[j] += h;
      minus[j] -= h;
      g[j] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }
    return g;
  }

  /** Row-major Jacobian, column j = {@code (g(w + h e_j) − g(w − h e_j)) / (2h)}. */
  public static double[] jacobian(Function<double[], double[]> g, double[] w, double h) {
    int d = w.length;
    double[] jac = null;
    for (int j = 0; j < d; j++) {
      double[] plus = w.clone();
      double[] minus = w.clone();
      plus[j] += h;
      minus[j] -= h;
      double[] gp = g.apply(plus);
      double[] gm = g.apply(minus);
      if (jac == null) {
        jac = new double[gp.length * d];
      }
      for (int r = 0; r < gp.length; r++) {
        jac[r * d + j] = (gp[r] - gm[r]) / (2 * h);
      }
    }
    return jac;
  }

  /** {@code ‖x − y‖ / (‖y‖ + 1e-8)}. */
  public static double relativeError(double[] x, double[] y) {
    return QuadraticFixtures.distance(x, y) / (QuadraticFixtures.norm(y) + 1e-8);
  }
}
