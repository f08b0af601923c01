package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.check.VectorParameter;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/** Instances, random tasks and linear-algebra references shared by the probe tests. */
final class ProbeFixtures {

  private ProbeFixtures() {}

  static final MeasurementSettings SETTINGS = new MeasurementSettings(0.99, 2);

  /** One 1-d task {@code ½h(w − c)²} (inner = outer). */
  static TaskSet scalar(double h, double c) {
    return new TaskSet(
        List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{h}}, new double[] {c}))));
  }

  /** m random tasks with eigenvalues in [lo, hi] (resampling case), centres ~ N(0, I). */
  static TaskSet random(long seed, int d, int m, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    List<MetaTask> tasks = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      double[] c = new double[d];
      for (int k = 0; k < d; k++) {
        c[k] = r.nextGaussian();
      }
      tasks.add(
          MetaTask.same(
              new QuadraticLoss(RandomTasks.randomSymmetric(d, lo, hi, seed * 31 + i), c)));
    }
    return new TaskSet(tasks);
  }

  /** One random task with a separate outer loss (both with eigenvalues in [lo, hi]). */
  static TaskSet randomFiniteSum(long seed, int d, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[d];
    double[] e = new double[d];
    for (int k = 0; k < d; k++) {
      c[k] = r.nextGaussian();
      e[k] = r.nextGaussian();
    }
    QuadraticLoss inner = new QuadraticLoss(RandomTasks.randomSymmetric(d, lo, hi, seed), c);
    QuadraticLoss outer = new QuadraticLoss(RandomTasks.randomSymmetric(d, lo, hi, seed + 1), e);
    return new TaskSet(List.of(new MetaTask(inner, outer, 1.0)));
  }

  static Instance instance(TaskSet tasks, Map<String, Double> parameters) {
    return Instance.of(tasks, parameters, 0, "test");
  }

  /** Parameters with the point {@code name} added as {@code name0 …}. */
  static Map<String, Double> withVector(Map<String, Double> parameters, String name, double[] v) {
    Map<String, Double> p = new TreeMap<>(parameters);
    for (int k = 0; k < v.length; k++) {
      p.put(VectorParameter.coordinate(name, k), v[k]);
    }
    return p;
  }

  static double[] gaussian(SplittableRandom r, int d) {
    double[] v = new double[d];
    for (int k = 0; k < d; k++) {
      v[k] = r.nextGaussian();
    }
    return v;
  }

  /** Row-major matrix of a quadratic loss's Hessian as a Hipparchus matrix. */
  static RealMatrix matrix(double[] a, int d) {
    double[][] rows = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        rows[r][k] = a[r * d + k];
      }
    }
    return new Array2DRowRealMatrix(rows, false);
  }

  /** {@code ‖A‖₂} by Hipparchus' SVD: a second derivation of every spectral norm. */
  static double norm2(RealMatrix a) {
    return new SingularValueDecomposition(a).getNorm();
  }

  /** Unit eigenvector of a symmetric matrix for the eigenvalue of largest |λ|. */
  static double[] topEigenvector(double[] symmetric, int d) {
    EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(matrix(symmetric, d));
    double[] values = eig.getEigenvalues();
    int best = 0;
    for (int k = 1; k < d; k++) {
      if (Math.abs(values[k]) > Math.abs(values[best])) {
        best = k;
      }
    }
    return eig.getEigenvector(best).toArray();
  }

  /** Row-major Jacobian by central differences (the oracle tests' helper). */
  static double[] jacobian(
      java.util.function.Function<double[], double[]> g, double[] w, double h) {
    return io.metabound.experiments.oracle.FiniteDifferences.jacobian(g, w, h);
  }

  /** One 1-d task: inner ½h(φ − c)², outer ½g(φ − e)². */
  static TaskSet scalarFiniteSum(double h, double c, double g, double e) {
    return new TaskSet(
        List.of(
            new MetaTask(
                QuadraticLoss.of(new double[][] {{h}}, new double[] {c}),
                QuadraticLoss.of(new double[][] {{g}}, new double[] {e}),
                1.0)));
  }

  /** A separable non-convex task set with outer = inner (m tasks, d coordinates). */
  static TaskSet separable(long seed, int d, int m, boolean shiftedOuter) {
    return new io.metabound.experiments.family.SeparableTaskFamily(
            d, m, 0.2, 1.0, 1.0, shiftedOuter ? 0.5 : 0.0)
        .generate(seed);
  }

  static double lipschitz(TaskSet tasks) {
    return QuadraticInstanceConstants.of(tasks).get("L");
  }

  static double norm(double[] v) {
    return ProbeSupport.norm(v);
  }

  static double distance(double[] a, double[] b) {
    return ProbeSupport.distance(a, b);
  }
}
