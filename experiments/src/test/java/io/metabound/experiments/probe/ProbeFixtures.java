package io.metabound.experiments.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/** Instances, reference expectations and assertions shared by the probe tests. */
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
}
