package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

  @Test
  void complexityRanksRoundNumbersFirst() {
    assertEquals(0, Shrinker.complexity(0));
    assertEquals(1, Shrinker.complexity(0.5));
    assertEquals(1, Shrinker.complexity(-200));
    assertEquals(2, Shrinker.complexity(0.3));
    assertEquals(3, Shrinker.complexity(1.5));
    assertEquals(4, Shrinker.complexity(0.125));
    assertTrue(Shrinker.complexity(Math.PI) > 10);
  }

  @Test
  void simplerValuesAreSimplerAndNearestFirst() {
    // 0.4837: 0, then the {1,2,5}×10^k neighbours 0.5 (nearer) and 0.2, then 1, 2, 3 digits
    assertEquals(List.of(0.0, 0.5, 0.2, 0.48, 0.484), Shrinker.simplerValues(0.4837));
    // −1.97 → −2 first among the round neighbours
    assertEquals(-2.0, Shrinker.simplerValues(-1.97).get(1));
    // whole numbers only go down in magnitude
    assertEquals(List.of(0.0, 1.0, 5.0, 3.0, 6.0), Shrinker.simplerValues(7));
    assertEquals(List.of(0.0), Shrinker.simplerValues(1));
    assertTrue(Shrinker.simplerValues(0).isEmpty());
  }

  @Test
  void shrinksAnArtificialPredicateToItsCore() {
    // fails whenever some task has a Hessian entry ≤ −1 and alpha > 0.1. Expected path: drop task
    // 0 (b has no entry ≤ −1); rotate into a's eigenbasis (eigenvalues ≈ 0.3128, −1.4328); drop
    // coordinate 0; centres to 0; alpha 0.37 → 0.5 (the nearer of 0.2 and 0.5); −1.4328 → −1
    // (the nearer of −1 and −2).
    QuadraticLoss a =
        QuadraticLoss.of(new double[][] {{0.31, 0.07}, {0.07, -1.43}}, new double[] {0.2, -0.6});
    QuadraticLoss b = QuadraticLoss.of(new double[][] {{2, 0}, {0, 1}}, new double[] {1, 1});
    Instance start =
        Instance.of(
            new TaskSet(List.of(MetaTask.same(b), MetaTask.same(a))),
            Map.of("alpha", 0.37),
            9,
            "quadratic");
    Shrinker.Result r =
        Shrinker.shrink(
            start,
            x -> {
              if (x.parameter("alpha") <= 0.1) {
                return false;
              }
              for (MetaTask t : x.tasks().tasks()) {
                for (double h : ((QuadraticLoss) t.inner()).hessian()) {
                  if (h <= -1) {
                    return true;
                  }
                }
              }
              return false;
            },
            1000);
    Instance x = r.instance();
    assertFalse(r.budgetExhausted());
    assertEquals(1, x.taskCount());
    assertEquals(1, x.dimension());
    assertEquals(-1.0, ((QuadraticLoss) x.tasks().get(0).inner()).h(0, 0));
    assertEquals(0.0, ((QuadraticLoss) x.tasks().get(0).inner()).centre()[0]);
    assertEquals(0.5, x.parameter("alpha"));
    assertEquals(9, x.seed());
    assertFalse(r.steps().isEmpty());
  }

  @Test
  void aBudgetOfZeroChangesNothing() {
    Instance start =
        Instance.of(
            new TaskSet(
                List.of(
                    MetaTask.same(QuadraticLoss.of(new double[][] {{1.3}}, new double[] {0.1})))),
            Map.of(),
            0,
            "quadratic");
    Shrinker.Result r = Shrinker.shrink(start, x -> true, 0);
    assertEquals(start, r.instance());
    assertTrue(r.budgetExhausted());
  }
}
