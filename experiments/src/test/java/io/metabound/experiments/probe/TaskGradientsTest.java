package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.SETTINGS;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static io.metabound.experiments.probe.ProbeFixtures.withVector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metabound.experiments.constant.QuadraticFamilyConstants;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pointwise gradient statistics against the family constants where those are exact, and by hand.
 */
class TaskGradientsTest {

  /** With one shared Hessian σ(w) and b(w) do not depend on w: they equal the exact constants. */
  @Test
  void sharedHessianGivesTheFamilyConstantsAtEveryPoint() {
    double[][] h = {{2, 0.5}, {0.5, 1}};
    TaskSet tasks =
        new TaskSet(
            List.of(
                new MetaTask(
                    QuadraticLoss.of(h, new double[] {1, 0}),
                    QuadraticLoss.of(h, new double[] {0.5, 2}),
                    1.0),
                new MetaTask(
                    QuadraticLoss.of(h, new double[] {-1, 1}),
                    QuadraticLoss.of(h, new double[] {0, -1}),
                    3.0)));
    QuadraticFamilyConstants exact = QuadraticFamilyConstants.of(tasks);
    SplittableRandom r = new SplittableRandom(1);
    for (int trial = 0; trial < 5; trial++) {
      double[] w = ProbeFixtures.gaussian(r, 2);
      assertEquals(exact.sigma().value(), TaskGradients.spread(tasks, w), 1e-12);
      assertEquals(exact.meanGap().value(), TaskGradients.supportQueryGap(tasks, w), 1e-12);
    }
  }

  @Test
  void scalarValuesByHand() {
    // tasks ½(w − 1)² and ½·3(w + 1)², weights 1 and 1, at w = 0: gradients −1 and 3
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(QuadraticLoss.of(new double[][] {{1}}, new double[] {1})),
                MetaTask.same(QuadraticLoss.of(new double[][] {{3}}, new double[] {-1}))));
    double[] w = {0};
    assertEquals(2, TaskGradients.meanNorm(tasks, w), 1e-15);
    // mean gradient 1, deviations −2 and 2: σ = 2
    assertEquals(2, TaskGradients.spread(tasks, w), 1e-15);
    assertEquals(0, TaskGradients.supportQueryGap(tasks, w), 0);
    assertEquals(
        2,
        new TaskGradientNormProbe()
            .measure(instance(tasks, withVector(Map.of(), "w", w)), SETTINGS)
            .value(),
        1e-15);
    // at α = 0 the meta-gradient is the mean gradient: ‖1‖
    assertEquals(1, TaskGradients.metaGradientNorm(tasks, 0, 2, w), 1e-15);
  }
}
