package io.metabound.experiments.reproduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallahTable1Test {

  private static TaskSet oneDimensional(double[] h, double[] c) {
    return new TaskSet(
        List.of(
            MetaTask.same(QuadraticLoss.of(new double[][] {{h[0]}}, new double[] {c[0]})),
            MetaTask.same(QuadraticLoss.of(new double[][] {{h[1]}}, new double[] {c[1]}))));
  }

  @Test
  void floorOfAHandCase() {
    // f_i = ½h_i(w − c_i)², p_i = ½, one step α:
    // FO fixed point w_FO = Σ h(1−αh)c / Σ h(1−αh); ∇F(w) = Σ p h(1−αh)²(w − c)
    double[] h = {1, 2};
    double[] c = {1, -1};
    double alpha = 0.1;
    double num = 0;
    double den = 0;
    for (int i = 0; i < 2; i++) {
      num += h[i] * (1 - alpha * h[i]) * c[i];
      den += h[i] * (1 - alpha * h[i]);
    }
    double wFo = num / den;
    double grad = 0;
    for (int i = 0; i < 2; i++) {
      grad += 0.5 * h[i] * Math.pow(1 - alpha * h[i], 2) * (wFo - c[i]);
    }
    FallahTable1.Floors f = FallahTable1.floors(oneDimensional(h, c), alpha, 1);
    assertEquals(Math.abs(grad), f.fo(), 1e-15);
    assertTrue(f.maml() < 1e-15 && f.hf() < 1e-12);
    // σ(w_FO)² = Σ p (∇f_i − mean)²
    double g1 = h[0] * (wFo - c[0]);
    double g2 = h[1] * (wFo - c[1]);
    assertEquals(Math.abs(g1 - g2) / 2, f.sigma(), 1e-15);
    // doubling the centres doubles floor and σ exactly
    FallahTable1.Floors twice = FallahTable1.floors(oneDimensional(h, c), alpha, 2);
    assertEquals(2 * f.fo(), twice.fo(), 1e-14);
    assertEquals(2 * f.sigma(), twice.sigma(), 1e-14);
  }

  @Test
  void sharedHessianHasNoFloor() {
    // with one Hessian for all tasks FO-MAML's fixed point is the mean centre: stationary
    FallahTable1.Floors f = FallahTable1.floors(oneDimensional(new double[] {2, 2}, new double[] {1, -3}), 0.1, 1);
    assertTrue(f.fo() < 1e-14, "floor " + f.fo());
  }

  @Test
  void quickRunFindsTheLinearFloorAndTheDecayOfMamlAndHfMaml() {
    ReproductionResult r = new FallahTable1().run(new ReproductionSettings(11, true));
    assertEquals(1, r.number("floor_slope"), 0.1);
    assertTrue(r.number("other_over_fo_max") < 1e-8);
    assertEquals(-0.5, r.fit("MAML (5) vs D").slope(), 0.1);
    assertEquals(-0.5, r.fit("HF-MAML (10)–(11) vs D").slope(), 0.1);
    assertEquals(1, r.number("run_fo_plateau_ratio"), 0.1);
    assertEquals(Agreement.AGREES, r.verdict());
  }

  @Test
  void sameSeedSameNumbers() {
    ReproductionResult a = new FallahTable1().run(new ReproductionSettings(5, true));
    ReproductionResult b = new FallahTable1().run(new ReproductionSettings(5, true));
    assertEquals(a.numbers(), b.numbers());
  }
}
