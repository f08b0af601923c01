package io.metabound.experiments.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.task.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HessianFreeMamlTest {

  @ParameterizedTest(name = "N={0}")
  @ValueSource(ints = {1, 3})
  void equalsMamlOnQuadratics(int n) {
    TaskSet tasks = RandomTasks.quadraticTasks(4, 3, -1, 2, true, 8);
    double[] w = RandomTasks.randomVector(4, 1, 9);
    double[] maml = new MamlMetaGradient(tasks, 0.2, n).direction(w);
    for (FiniteDifferenceStep step :
        new FiniteDifferenceStep[] {
          new FiniteDifferenceStep.Fixed(0.7), new FiniteDifferenceStep.Fallah(0, 0.2)
        }) {
      double[] hf = new HessianFreeMaml(tasks, 0.2, n, step).direction(w);
      assertTrue(
          RandomTasks.relativeError(hf, maml) < 1e-12,
          step + ": " + RandomTasks.relativeError(hf, maml));
    }
  }

  @ParameterizedTest(name = "N={0}")
  @ValueSource(ints = {1, 2})
  void convergesToMamlQuadraticallyInDeltaOnLogisticTasks(int n) {
    TaskSet tasks = RandomTasks.logisticTasks(3, 2, 0.05, 70 + n);
    double[] w = RandomTasks.randomVector(3, 1, 71);
    double[] maml = new MamlMetaGradient(tasks, 0.3, n).direction(w);
    double previous = Double.NaN;
    for (double delta : new double[] {0.2, 0.1, 0.05, 0.025}) {
      double[] hf =
          new HessianFreeMaml(tasks, 0.3, n, new FiniteDifferenceStep.Fixed(delta)).direction(w);
      double error = RandomTasks.maxAbsDifference(hf, maml);
      assertTrue(error > 0);
      if (!Double.isNaN(previous)) {
        // central differences: error = C δ² + O(δ⁴), so halving δ divides it by ≈ 4
        double ratio = previous / error;
        assertEquals(4, ratio, 0.3, "δ=" + delta);
      }
      previous = error;
    }
    assertTrue(previous < 1e-4, "error at δ=0.025: " + previous);
  }

  @Test
  void fallahDeltaAndTheFiniteDifferenceErrorBound() {
    assertEquals(1.0 / (6 * 2 * 0.1 * 5), HessianFreeMaml.fallahDelta(2, 0.1, 5), 1e-15);
    assertTrue(Double.isInfinite(HessianFreeMaml.fallahDelta(0, 0.1, 5)));
    // eq. (9): ‖[∇f(w+δv) − ∇f(w−δv)]/(2δ) − ∇²f(w)v‖ ≤ ρδ‖v‖² with the exact ρ of a separable loss
    SeparableNonconvexLoss f = RandomTasks.separable(3, 12);
    double rho = f.hessianLipschitz().value();
    double worst = 0;
    for (int t = 0; t < 200; t++) {
      double[] w = RandomTasks.randomVector(3, 1.5, 300 + t);
      double[] v = RandomTasks.randomVector(3, 1, 600 + t);
      double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
      double delta = new FiniteDifferenceStep.Fallah(rho, 0.1).delta(norm);
      double[] plus = new double[3];
      double[] minus = new double[3];
      double[] hv = new double[3];
      double[] p = w.clone();
      double[] m = w.clone();
      for (int k = 0; k < 3; k++) {
        p[k] += delta * v[k];
        m[k] -= delta * v[k];
      }
      f.gradient(p, plus);
      f.gradient(m, minus);
      f.hessianVector(w, v, hv);
      double e = 0;
      for (int k = 0; k < 3; k++) {
        double x = (plus[k] - minus[k]) / (2 * delta) - hv[k];
        e += x * x;
      }
      worst = Math.max(worst, Math.sqrt(e) / (rho * delta * norm * norm));
    }
    assertTrue(worst <= 1, "ratio " + worst);
  }
}
