package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.SETTINGS;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static io.metabound.experiments.probe.ProbeFixtures.withVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The central-difference error of Fallah2020 eq. (9). */
class FiniteDifferenceErrorProbeTest {

  static LongStream seeds() {
    return LongStream.range(1, 21);
  }

  /**
   * f = a log(1 + (w − c)²) at w = c, v = 1: f'(u) = 2au/(1 + u²), so [f'(δ) − f'(−δ)]/(2δ) = 2a/(1
   * + δ²) while f''(0) = 2a: the error is 2a − 2a/(1 + δ²) = 2aδ²/(1 + δ²).
   */
  @Test
  void scalarCaseByHand() {
    double a = 0.7;
    double delta = 0.3;
    TaskSet tasks =
        new TaskSet(
            List.of(MetaTask.same(new SeparableNonconvexLoss(new double[] {a}, new double[] {1}))));
    double value =
        new FiniteDifferenceErrorProbe()
            .measure(
                instance(
                    tasks,
                    withVector(
                        withVector(Map.of("delta", delta), "w", new double[] {1}),
                        "v",
                        new double[] {1})),
                SETTINGS)
            .value();
    assertEquals(2 * a * delta * delta / (1 + delta * delta), value, 1e-14);
  }

  @Test
  void exactOnQuadratics() {
    TaskSet tasks = ProbeFixtures.random(3, 3, 1, -2, 2);
    SplittableRandom r = new SplittableRandom(3);
    double error =
        FiniteDifferenceErrorProbe.error(
            tasks.get(0).inner(), ProbeFixtures.gaussian(r, 3), ProbeFixtures.gaussian(r, 3), 0.7);
    assertEquals(0, error, 1e-13);
  }

  /**
   * The Taylor argument of the probe's comment: the error is at most ρδ‖v‖²/2 with the loss's exact
   * ρ, half of the paper's ρδ‖v‖².
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void errorIsAtMostHalfOfFallahsBound(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 3);
    SeparableNonconvexLoss loss =
        (SeparableNonconvexLoss) ProbeFixtures.separable(seed, d, 1, false).get(0).inner();
    double rho = loss.hessianLipschitz().value();
    for (int trial = 0; trial < 50; trial++) {
      double[] w = ProbeFixtures.gaussian(r, d);
      double[] v = ProbeFixtures.gaussian(r, d);
      double delta = Math.pow(10, -3 + 4 * r.nextDouble());
      double norm = ProbeFixtures.norm(v);
      double error = FiniteDifferenceErrorProbe.error(loss, w, v, delta);
      assertTrue(error <= 0.5 * rho * delta * norm * norm * (1 + 1e-9) + 1e-12);
    }
  }
}
