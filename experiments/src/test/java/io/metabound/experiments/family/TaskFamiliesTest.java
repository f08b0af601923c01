package io.metabound.experiments.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskFamiliesTest {

  @Test
  void generatorsAreDeterministicInTheSeed() {
    LogisticTaskFamily logistic = LogisticTaskFamily.standard(3, 4);
    double[] w = {0.3, -0.2, 0.5};
    TaskSet a = logistic.generate(5);
    TaskSet b = logistic.generate(5);
    TaskSet c = logistic.generate(6);
    for (int i = 0; i < 4; i++) {
      assertEquals(a.get(i).inner().value(w), b.get(i).inner().value(w), 0);
      assertEquals(a.get(i).outer().value(w), b.get(i).outer().value(w), 0);
    }
    assertNotEquals(a.get(0).inner().value(w), c.get(0).inner().value(w));
    SeparableTaskFamily separable = new SeparableTaskFamily(3, 2, 0.5, 1.5, 1, 0.2);
    assertEquals(
        separable.generate(1).get(1).outer().value(w),
        separable.generate(1).get(1).outer().value(w),
        0);
  }

  @Test
  void constantsAreMaximaOverTasksWithExactness() {
    TaskSet separable = new SeparableTaskFamily(2, 3, 0.5, 1.5, 1, 0).generate(3);
    TaskFamilyConstants k = TaskFamilyConstants.of(separable, 100);
    double maxA = 0;
    for (MetaTask t : separable.tasks()) {
      for (double a : ((SeparableNonconvexLoss) t.inner()).weights()) {
        maxA = Math.max(maxA, a);
      }
    }
    assertEquals(2 * maxA, k.smoothness().value(), 1e-15);
    assertEquals(Exactness.EXACT, k.smoothness().exactness());
    assertEquals(Exactness.EXACT, k.hessianLipschitz().exactness());
    TaskSet logistic = RandomTasks.logisticTasks(2, 3, 0, 4);
    TaskFamilyConstants kl = TaskFamilyConstants.of(logistic, 1);
    assertEquals(Exactness.EXACT, kl.smoothness().exactness());
    assertEquals(Exactness.CERTIFIED_UPPER_BOUND, kl.hessianLipschitz().exactness());
    double maxL = 0;
    for (MetaTask t : logistic.tasks()) {
      maxL = Math.max(maxL, ((KnownConstants) t.inner()).smoothness().value());
      maxL = Math.max(maxL, ((KnownConstants) t.outer()).smoothness().value());
    }
    assertEquals(maxL, kl.smoothness().value(), 0);
    assertEquals(List.of("L", "rho", "B_lip"), kl.list().stream().map(c -> c.symbol()).toList());
  }

  @Test
  void quadraticLossesAreRejectedWithTheTaskNamed() {
    TaskSet quadratic = RandomTasks.quadraticTasks(2, 2, 0.1, 1, false, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TaskFamilyConstants.of(quadratic, 1));
    assertTrue(
        e.getMessage().contains("task 0") && e.getMessage().contains("QuadraticLoss"),
        e.getMessage());
  }

  @Test
  void logisticLabelsFollowTheModel() {
    // with a large true weight the labels mostly agree with sign(xᵀw*): the fitted loss at the
    // true direction is far below log 2 (the loss at w = 0)
    LogisticTaskFamily family = new LogisticTaskFamily(2, 1, 400, 0, 1, 8, 0, 0);
    TaskSet set = family.generate(11);
    LogisticRegressionLoss loss = (LogisticRegressionLoss) set.get(0).inner();
    assertTrue(set.get(0).isSameLoss());
    assertEquals(Math.log(2), loss.value(new double[2]), 1e-14);
    // gradient descent from 0 decreases the loss well below log 2
    double[] w = new double[2];
    double[] g = new double[2];
    for (int i = 0; i < 500; i++) {
      loss.gradient(w, g);
      w[0] -= 1.0 * g[0];
      w[1] -= 1.0 * g[1];
    }
    assertTrue(loss.value(w) < 0.3, "loss " + loss.value(w));
  }
}
