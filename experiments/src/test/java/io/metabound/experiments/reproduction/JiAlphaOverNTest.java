package io.metabound.experiments.reproduction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiAlphaOverNTest {

  @Test
  void negativeCurvatureAttainsTheBound() {
    // one task H = −L: ∇²F = (1 + αL)^{2N}(−L), norm (1 + αL)^{2N} L (Ji2022 Prop 1 is tight)
    TaskSet t = new TaskSet(List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{-2}}, new double[] {0}))));
    double alpha = 0.05;
    for (int n = 1; n <= 5; n++) {
      assertEquals(
          Math.pow(1 + alpha * 2, 2 * n) * 2,
          QuadraticMetaOracle.maml(t, alpha, n).metaSmoothness().value(),
          1e-12);
    }
  }

  @Test
  void costIsCountedPerTaskAndStep() {
    TaskSet tasks = JiAlphaOverN.tasks(JiAlphaOverN.SPECTRA, 1);
    // 3 tasks, N = 4: 3·(4 + 1) gradients and 3·4 Hessian-vector products
    assertArrayEquals(new long[] {15, 12}, JiAlphaOverN.cost(tasks, 0.1, 4));
    assertArrayEquals(new long[] {3, 0}, JiAlphaOverN.cost(tasks, 0.1, 0));
  }

  @Test
  void quickRunAgrees() {
    ReproductionResult r = new JiAlphaOverN().run(new ReproductionSettings(2, true));
    assertEquals(Agreement.AGREES, r.verdict());
    assertEquals(r.number("growth_rate_predicted"), r.number("growth_rate_fixed"), 0.05 * r.number("growth_rate_predicted"));
    assertEquals(3, r.number("products_per_step"), 1e-12);
  }
}
