package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FalsifierTest {

  private static final TaskSet TRIVIAL =
      new TaskSet(List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{1}}, new double[] {0}))));

  /** x ∈ [0, 1], y ∈ [−1, 2]. */
  private static ParameterDomain box() {
    return new ParameterDomain(
        "box",
        TRIVIAL,
        Map.of(),
        List.of(ParameterRange.between("x", 0, 1), ParameterRange.between("y", -1, 2)));
  }

  /** f(x, y) = x + y² − 0.3 x y: maximum 1 + 4 − 0.6 = 4.4 at the corner (1, 2). */
  private static double f(Instance i) {
    double x = i.parameter("x");
    double y = i.parameter("y");
    return x + y * y - 0.3 * x * y;
  }

  @Test
  void findsTheMaximumAtACornerDeterministically() {
    Falsifier.Budget budget = new Falsifier.Budget(400, Double.POSITIVE_INFINITY, 0.25);
    Falsifier.Result a = Falsifier.maximise(box(), FalsifierTest::f, 11, 5, budget);
    Falsifier.Result b = Falsifier.maximise(box(), FalsifierTest::f, 11, 5, budget);

    assertEquals(4.4, a.bestScore(), 1e-6);
    assertEquals(1.0, a.best().parameter("x"), 1e-6);
    assertEquals(2.0, a.best().parameter("y"), 1e-6);
    assertEquals(400, a.evaluations());
    assertEquals(5, a.best().seed());
    assertTrue(a.restarts() >= 1);
    // same seed: identical search
    assertEquals(a, b);
  }

  @Test
  void anInteriorMaximumIsFoundToo() {
    // g = −(x − 0.3)² − (y − 0.7)²: maximum 0 at (0.3, 0.7)
    Falsifier.Result r =
        Falsifier.maximise(
            box(),
            i -> -Math.pow(i.parameter("x") - 0.3, 2) - Math.pow(i.parameter("y") - 0.7, 2),
            3,
            0,
            new Falsifier.Budget(400, Double.POSITIVE_INFINITY, 0.25));
    // CMA-ES gains roughly a factor 10 in value per 10 generations: 1e-4 after ~300 evaluations
    assertEquals(0.0, r.bestScore(), 1e-4);
    assertEquals(0.3, r.best().parameter("x"), 1e-2);
    assertEquals(0.7, r.best().parameter("y"), 1e-2);
  }

  @Test
  void outOfScopePointsAreNeverReturned() {
    // only y < 0 is in scope; there the best is x = 1, y → 0⁻... and y = −1: 1 + 1 + 0.3 = 2.3
    Falsifier.Result r =
        Falsifier.maximise(
            box(),
            i -> i.parameter("y") < 0 ? f(i) : Double.NaN,
            2,
            0,
            new Falsifier.Budget(300, Double.POSITIVE_INFINITY, 0.25));
    assertTrue(r.best().parameter("y") < 0);
    assertEquals(2.3, r.bestScore(), 1e-6);
    assertTrue(r.inScopeEvaluations() < r.evaluations());

    Falsifier.Result none =
        Falsifier.maximise(
            box(), i -> Double.NaN, 2, 0, new Falsifier.Budget(50, Double.POSITIVE_INFINITY, 0.25));
    assertNull(none.best());
    assertEquals(0, none.inScopeEvaluations());
  }

  @Test
  void aTimeCapIsReportedWhenHit() {
    Falsifier.Result r =
        Falsifier.maximise(
            box(),
            i -> {
              try {
                Thread.sleep(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return f(i);
            },
            1,
            0,
            new Falsifier.Budget(100_000, 0.05, 0.25));
    assertTrue(r.timeCapHit());
    assertTrue(r.evaluations() < 100_000);
  }
}
