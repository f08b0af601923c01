package io.metabound.experiments.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.check.VectorParameter;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Instances, reference expectations, assertions, random tasks and linear-algebra references
 * shared by the probe tests (Monte Carlo and exact).
 */
final class ProbeFixtures {

  /** Level of the intervals that must cover a closed form at a fixed seed. */
  static final double LEVEL = 0.999;

  private ProbeFixtures() {}

  static MeasurementSettings samples(int n) {
    return new MeasurementSettings(LEVEL, n);
  }

  /** An instance of the given losses (inner = outer), weights and parameters. */
  static Instance instance(
      List<? extends SmoothLoss> losses, double[] weights, Map<String, Double> p, long seed) {
    List<MetaTask> tasks = new ArrayList<>();
    for (int i = 0; i < losses.size(); i++) {
      tasks.add(new MetaTask(losses.get(i), losses.get(i), weights[i]));
    }
    return Instance.of(new TaskSet(tasks), p, seed, "test");
  }

  static Instance instance(SmoothLoss loss, Map<String, Double> p, long seed) {
    return instance(List.of(loss), new double[] {1}, p, seed);
  }

  /** The Monte Carlo interval covers {@code expected}. */
  static void assertCovers(Measurement m, double expected) {
    assertTrue(m.isStochastic(), "expected a Monte Carlo measurement, got " + m.kind());
    assertTrue(
        m.lower() <= expected && expected <= m.upper(),
        "interval ["
            + m.lower()
            + ", "
            + m.upper()
            + "] (mean "
            + m.value()
            + ") misses "
            + expected);
  }

  /** The Monte Carlo interval excludes {@code other} (the test could fail). */
  static void assertExcludes(Measurement m, double other) {
    assertTrue(
        other < m.lower() || other > m.upper(),
        "interval [" + m.lower() + ", " + m.upper() + "] contains " + other);
  }

  /** Same instance twice: bit-identical; another seed: a different value. */
  static void assertDeterministic(Probe probe, Instance instance, MeasurementSettings settings) {
    Measurement first = probe.measure(instance, settings);
    Measurement second = probe.measure(instance, settings);
    assertEquals(first, second);
    assertEquals(
        Double.doubleToRawLongBits(first.value()), Double.doubleToRawLongBits(second.value()));
    assertEquals(
        Double.doubleToRawLongBits(first.upper()), Double.doubleToRawLongBits(second.upper()));
    Measurement other = probe.measure(instance.withSeed(instance.seed() + 1), settings);
    assertNotEquals(first.value(), other.value());
  }

  /**
   * {@code E g(Z)} for a standard normal Z, by Gauss–Legendre quadrature of {@code g φ} on {@code
   * [−12, 12]} split at the given kinks (so each piece is smooth) and into unit pieces; accurate to
   * ~1e-13 relative for the smooth, bounded integrands of the tests.
   */
  static double gaussianExpectation(DoubleUnaryOperator g, double... kinks) {
    List<Double> cuts = new ArrayList<>();
    for (int k = -12; k <= 12; k++) {
      cuts.add((double) k);
    }
    for (double kink : kinks) {
      if (Math.abs(kink) < 12) {
        cuts.add(kink);
      }
    }
    double[] sorted = cuts.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    GaussIntegratorFactory factory = new GaussIntegratorFactory();
    double sum = 0;
    for (int i = 0; i + 1 < sorted.length; i++) {
      if (sorted[i + 1] - sorted[i] < 1e-15) {
        continue;
      }
      sum +=
          factory
              .legendre(40, sorted[i], sorted[i + 1])
              .integrate(z -> g.applyAsDouble(z) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
    }
    return sum;
  }

  static double[] copy(double[] a) {
    return Arrays.copyOf(a, a.length);
  }

  // ---- exact probes ----



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
    return Vectors.norm(v);
  }

  static double distance(double[] a, double[] b) {
    return Vectors.distance(a, b);
  }
}
