package io.metabound.experiments.family;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/** Seeded random losses, task sets and finite-difference helpers shared by the tests. */
public final class RandomTasks {

  private RandomTasks() {}

  /** Symmetric matrix with eigenvalues uniform in [lo, hi] and a random orthogonal basis. */
  public static double[] randomSymmetric(int d, double lo, double hi, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[][] q = new double[d][d];
    // Gram–Schmidt on Gaussian columns
    for (int c = 0; c < d; c++) {
      double[] v = new double[d];
      for (int r = 0; r < d; r++) {
        v[r] = random.nextGaussian();
      }
      for (int p = 0; p < c; p++) {
        double dot = 0;
        for (int r = 0; r < d; r++) {
          dot += v[r] * q[r][p];
        }
        for (int r = 0; r < d; r++) {
          v[r] -= dot * q[r][p];
        }
      }
      double n = 0;
      for (double x : v) {
        n += x * x;
      }
      n = Math.sqrt(n);
      for (int r = 0; r < d; r++) {
        q[r][c] = v[r] / n;
      }
    }
    double[] lambda = new double[d];
    for (int k = 0; k < d; k++) {
      lambda[k] = lo + (hi - lo) * random.nextDouble();
    }
    double[] h = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = r; k < d; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += q[r][j] * lambda[j] * q[k][j];
        }
        h[r * d + k] = s;
        h[k * d + r] = s;
      }
    }
    return h;
  }

  public static double[] randomVector(int d, double scale, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[] v = new double[d];
    for (int k = 0; k < d; k++) {
      v[k] = scale * random.nextGaussian();
    }
    return v;
  }

  public static QuadraticLoss quadratic(int d, double lo, double hi, long seed) {
    return new QuadraticLoss(randomSymmetric(d, lo, hi, seed), randomVector(d, 1, seed + 7));
  }

  public static LogisticRegressionLoss logistic(int d, int n, double r, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < d; k++) {
        x[j][k] = random.nextGaussian();
      }
      y[j] = random.nextBoolean() ? 1 : -1;
    }
    return new LogisticRegressionLoss(x, y, r);
  }

  public static SeparableNonconvexLoss separable(int d, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[] a = new double[d];
    double[] c = new double[d];
    for (int k = 0; k < d; k++) {
      a[k] = 0.2 + random.nextDouble();
      c[k] = random.nextGaussian();
    }
    return new SeparableNonconvexLoss(a, c);
  }

  /**
   * A separable loss with a convex quadratic anchor: weights in [0.2, 1.2], log centres N(0, 1),
   * anchor curvatures in [0.05, 1.05] and a distant anchor centre (|e_k| in [3, 8]).
   */
  public static SeparableNonconvexLoss anchoredSeparable(int d, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[] a = new double[d];
    double[] c = new double[d];
    double[] q = new double[d];
    double[] e = new double[d];
    for (int k = 0; k < d; k++) {
      a[k] = 0.2 + random.nextDouble();
      c[k] = random.nextGaussian();
      q[k] = 0.05 + random.nextDouble();
      e[k] = (random.nextBoolean() ? 1 : -1) * (3 + 5 * random.nextDouble());
    }
    return new SeparableNonconvexLoss(a, c, q, e);
  }

  public static LeastSquaresLoss leastSquares(int d, int n, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < d; k++) {
        x[j][k] = random.nextGaussian();
      }
      y[j] = random.nextGaussian();
    }
    return new LeastSquaresLoss(x, y);
  }

  /** Quadratic tasks with separate outer losses; inner eigenvalues in [lo, hi]. */
  public static TaskSet quadraticTasks(
      int d, int m, double lo, double hi, boolean separate, long seed) {
    List<MetaTask> tasks = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      QuadraticLoss inner = quadratic(d, lo, hi, seed + 31L * i);
      QuadraticLoss outer = separate ? quadratic(d, 0.1, hi, seed + 31L * i + 13) : inner;
      tasks.add(new MetaTask(inner, outer, 1 + i));
    }
    return new TaskSet(tasks);
  }

  /** Logistic tasks: separate support and query sets, regularisation r. */
  public static TaskSet logisticTasks(int d, int m, double r, long seed) {
    return new LogisticTaskFamily(d, m, 12, 9, 1.0, 1.0, 0.5, r).generate(seed);
  }

  /** Separable non-convex tasks with shifted query centres. */
  public static TaskSet separableTasks(int d, int m, long seed) {
    return new SeparableTaskFamily(d, m, 0.3, 1.2, 1.0, 0.5).generate(seed);
  }

  /** Central difference gradient of {@code f} at {@code w} with step {@code h}. */
  public static double[] numericalGradient(ToDoubleFunction<double[]> f, double[] w, double h) {
    double[] g = new double[w.length];
    double[] x = w.clone();
    for (int k = 0; k < w.length; k++) {
      x[k] = w[k] + h;
      double plus = f.applyAsDouble(x);
      x[k] = w[k] - h;
      double minus = f.applyAsDouble(x);
      x[k] = w[k];
      g[k] = (plus - minus) / (2 * h);
    }
    return g;
  }

  /** Central difference Jacobian (row-major {@code d×d}) of a vector map {@code g}. */
  public static double[] numericalJacobian(
      java.util.function.BiConsumer<double[], double[]> g, double[] w, double h) {
    int d = w.length;
    double[] jac = new double[d * d];
    double[] x = w.clone();
    double[] plus = new double[d];
    double[] minus = new double[d];
    for (int k = 0; k < d; k++) {
      x[k] = w[k] + h;
      g.accept(x, plus);
      x[k] = w[k] - h;
      g.accept(x, minus);
      x[k] = w[k];
      for (int r = 0; r < d; r++) {
        jac[r * d + k] = (plus[r] - minus[r]) / (2 * h);
      }
    }
    return jac;
  }

  /** Gradient of a loss as a vector map. */
  public static java.util.function.BiConsumer<double[], double[]> gradientMap(SmoothLoss loss) {
    return loss::gradient;
  }

  public static double maxAbsDifference(double[] a, double[] b) {
    double m = 0;
    for (int k = 0; k < a.length; k++) {
      m = Math.max(m, Math.abs(a[k] - b[k]));
    }
    return m;
  }

  public static double maxAbs(double[] a) {
    double m = 0;
    for (double x : a) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  /** {@code max|a − b| / max(1, max|b|)}. */
  public static double relativeError(double[] a, double[] b) {
    return maxAbsDifference(a, b) / Math.max(1, maxAbs(b));
  }
}
