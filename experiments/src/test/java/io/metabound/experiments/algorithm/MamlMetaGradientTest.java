package io.metabound.experiments.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MamlMetaGradientTest {

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> s = Stream.builder();
    for (int n : new int[] {1, 2, 5}) {
      s.add(
          Arguments.of(
              "quadratic, separate outer", RandomTasks.quadraticTasks(3, 3, -1, 2, true, n), n));
      s.add(Arguments.of("logistic", RandomTasks.logisticTasks(3, 3, 0.1, 40 + n), n));
      s.add(Arguments.of("separable", RandomTasks.separableTasks(4, 2, 50 + n), n));
    }
    return s.build();
  }

  @ParameterizedTest(name = "{0} N={2}")
  @MethodSource("cases")
  void metaGradientIsTheDerivativeOfTheMetaObjective(String name, TaskSet tasks, int n) {
    double alpha = 0.2;
    MamlMetaGradient maml = new MamlMetaGradient(tasks, alpha, n);
    double[] w = RandomTasks.randomVector(tasks.dimension(), 0.8, 3 + n);
    double[] g = new double[w.length];
    double value = maml.metaGradient(w, g);
    assertEquals(maml.metaObjective(w), value, 1e-15 * (1 + Math.abs(value)));
    double[] fd = RandomTasks.numericalGradient(maml::metaObjective, w, 1e-5);
    double error = RandomTasks.relativeError(g, fd);
    assertTrue(error < 1e-7, name + ": " + error);
  }

  @ParameterizedTest(name = "N={0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 3, 6})
  void quadraticClosedForm(int n) {
    // same inner and outer loss ½(w−c)ᵀH(w−c): ∇𝓛_i(w) = H(I − αH)^{2N}(w − c) (THEOREMS §6.1)
    int d = 3;
    QuadraticLoss q = RandomTasks.quadratic(d, -1, 2, 77);
    TaskSet tasks = new TaskSet(java.util.List.of(io.metabound.experiments.task.MetaTask.same(q)));
    double alpha = 0.3;
    double[] w = RandomTasks.randomVector(d, 1, 78);
    double[] h = q.hessian();
    double[] c = q.centre();
    double[] v = new double[d];
    for (int k = 0; k < d; k++) {
      v[k] = w[k] - c[k];
    }
    for (int j = 0; j < 2 * n; j++) {
      double[] next = new double[d];
      for (int r = 0; r < d; r++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += h[r * d + k] * v[k];
        }
        next[r] = v[r] - alpha * s;
      }
      v = next;
    }
    double[] expected = new double[d];
    q.hessianVector(w, v, expected);
    double[] g = new MamlMetaGradient(tasks, alpha, n).metaGradient(w);
    assertTrue(RandomTasks.relativeError(g, expected) < 1e-13);
  }

  @Test
  void zeroStepsGiveTheOuterGradient() {
    TaskSet tasks = RandomTasks.logisticTasks(2, 1, 0, 5);
    double[] w = {0.3, -0.4};
    double[] g = new MamlMetaGradient(tasks, 0.5, 0).metaGradient(w);
    double[] outer = new double[2];
    tasks.get(0).outer().gradient(w, outer);
    assertArrayEquals(outer, g, 0);
  }

  @ParameterizedTest(name = "N={0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
  void firstOrderMamlEqualsMamlAtAlphaZeroButNotOtherwise(int n) {
    TaskSet tasks = RandomTasks.separableTasks(3, 3, 60);
    double[] w = RandomTasks.randomVector(3, 1, 61);
    assertArrayEquals(
        new MamlMetaGradient(tasks, 0, n).direction(w),
        new FirstOrderMaml(tasks, 0, n).direction(w),
        0);
    double gap =
        RandomTasks.maxAbsDifference(
            new MamlMetaGradient(tasks, 0.2, n).direction(w),
            new FirstOrderMaml(tasks, 0.2, n).direction(w));
    assertTrue(gap > 1e-3, "FO-MAML should differ from MAML at α > 0: " + gap);
  }

  @Test
  void innerPathOfAQuadraticContractsByThePowerOfTheStepMatrix() {
    // w̃_N − c = (I − αH)^N (w − c), here with diagonal H so the power is entrywise
    QuadraticLoss q = QuadraticLoss.of(new double[][] {{2, 0}, {0, -1}}, new double[] {1, 2});
    double[] end = InnerGradientDescent.endPoint(q, 0.1, 4, new double[] {0, 0});
    assertEquals(1 + Math.pow(0.8, 4) * -1, end[0], 1e-15);
    assertEquals(2 + Math.pow(1.1, 4) * -2, end[1], 1e-14);
  }
}
