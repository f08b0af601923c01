package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static io.metabound.experiments.probe.ProbeFixtures.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.family.RandomTasks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The surrogate-gap probe (Fallah2020 Thm 4.11) against a brute-force expectation over every
 * ordered batch, and the gradient formula behind it against finite differences of {@code F̂} and
 * {@code F} themselves.
 *
 * <p>{@code F̂(w) = E_D f(w − α g̃_D(w))} with {@code D} the {@code n^{D_test}} equally likely
 * ordered batches of the pool, {@code F(w) = f(w − α∇f(w))}; the probe's {@code ‖∇F̂ − ∇F‖} must
 * equal the norm of the difference of their numerical gradients.
 */
class SurrogateGapProbeTest {

  /** {@code F̂(w)} by brute force over ordered batches. */
  static double testTimeObjective(LeastSquaresLoss pool, double alpha, int batch, double[] w) {
    int n = pool.sampleCount();
    int d = pool.dimension();
    double total = 0;
    int sequences = (int) Math.pow(n, batch);
    double[] g = new double[d];
    double[] u = new double[d];
    for (int code = 0; code < sequences; code++) {
      java.util.Arrays.fill(g, 0);
      int rest = code;
      for (int b = 0; b < batch; b++) {
        int j = rest % n;
        rest /= n;
        double[] x = pool.feature(j);
        double r = -pool.target(j);
        for (int k = 0; k < d; k++) {
          r += x[k] * w[k];
        }
        for (int k = 0; k < d; k++) {
          g[k] += r * x[k] / batch;
        }
      }
      for (int k = 0; k < d; k++) {
        u[k] = w[k] - alpha * g[k];
      }
      total += pool.value(u) / sequences;
    }
    return total;
  }

  static double mamlObjective(LeastSquaresLoss pool, double alpha, double[] w) {
    double[] g = new double[w.length];
    pool.gradient(w, g);
    double[] u = new double[w.length];
    for (int k = 0; k < w.length; k++) {
      u[k] = w[k] - alpha * g[k];
    }
    return pool.value(u);
  }

  @Test
  void gapEqualsTheFiniteDifferenceGradientsOfBothObjectives() {
    LeastSquaresLoss pool = RandomTasks.leastSquares(2, 3, 71);
    double alpha = 0.3;
    int batch = 3;
    Measurement m =
        new SurrogateGapProbe()
            .measure(
                instance(pool, Map.of("alpha", alpha, "D_test", (double) batch), 1), samples(2));
    assertEquals(Measurement.Kind.EXACT, m.kind());
    double[] w = new double[2];
    double[] hat =
        RandomTasks.numericalGradient(v -> testTimeObjective(pool, alpha, batch, v), w, 1e-5);
    double[] exact = RandomTasks.numericalGradient(v -> mamlObjective(pool, alpha, v), w, 1e-5);
    double gap = Math.hypot(hat[0] - exact[0], hat[1] - exact[1]);
    assertTrue(gap > 1e-3, "the gap of this pool is not small: " + gap);
    assertEquals(gap, m.value(), 1e-7);
  }

  @Test
  void weightedTasksAverageTheirGapVectors() {
    LeastSquaresLoss first = RandomTasks.leastSquares(1, 2, 72);
    LeastSquaresLoss second = RandomTasks.leastSquares(1, 3, 73);
    double alpha = 0.5;
    Measurement m =
        new SurrogateGapProbe()
            .measure(
                instance(
                    List.of(first, second),
                    new double[] {1, 3},
                    Map.of("alpha", alpha, "D_test", 2.0),
                    1),
                samples(2));
    double[] w = new double[1];
    double a = SurrogateGapProbe.taskGap(first, alpha, 2, w)[0];
    double b = SurrogateGapProbe.taskGap(second, alpha, 2, w)[0];
    assertEquals(Math.abs(0.25 * a + 0.75 * b), m.value(), 1e-15);
  }

  @Test
  void noAdaptationOrNoSampleVarianceMeansNoGap() {
    LeastSquaresLoss pool = RandomTasks.leastSquares(2, 4, 74);
    Measurement none =
        new SurrogateGapProbe()
            .measure(instance(pool, Map.of("alpha", 0.0, "D_test", 2.0), 1), samples(2));
    assertEquals(0, none.value(), 1e-15);
    // one repeated sample: every batch is the pool itself
    LeastSquaresLoss repeated =
        new LeastSquaresLoss(new double[][] {{0.4, -1}, {0.4, -1}}, new double[] {0.7, 0.7});
    Measurement same =
        new SurrogateGapProbe()
            .measure(instance(repeated, Map.of("alpha", 0.5, "D_test", 3.0), 1), samples(2));
    assertEquals(0, same.value(), 1e-15);
  }

  @Test
  void aTaskThatIsNotASamplePoolIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SurrogateGapProbe()
                    .measure(
                        instance(
                            RandomTasks.quadratic(2, 0, 1, 1),
                            Map.of("alpha", 0.1, "D_test", 1.0),
                            1),
                        samples(2)));
    assertTrue(e.getMessage().contains("sample pool"), e.getMessage());
  }
}
