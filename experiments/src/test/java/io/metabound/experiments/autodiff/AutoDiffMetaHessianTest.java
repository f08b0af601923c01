package io.metabound.experiments.autodiff;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AutoDiffMetaHessianTest {

  static double[] multiply(double[] a, double[] b, int d) {
    double[] c = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += a[r * d + j] * b[j * d + k];
        }
        c[r * d + k] = s;
      }
    }
    return c;
  }

  /** {@code Σ p_i (I−αH_i)^N G_i (I−αH_i)^N}, computed directly by matrix products. */
  static double[] quadraticMetaHessian(TaskSet tasks, double alpha, int n) {
    int d = tasks.dimension();
    double[] sum = new double[d * d];
    for (int i = 0; i < tasks.size(); i++) {
      double[] h = ((QuadraticLoss) tasks.get(i).inner()).hessian();
      double[] g = ((QuadraticLoss) tasks.get(i).outer()).hessian();
      double[] m = new double[d * d];
      for (int k = 0; k < d * d; k++) {
        m[k] = (k % (d + 1) == 0 ? 1 : 0) - alpha * h[k];
      }
      double[] power = new double[d * d];
      for (int k = 0; k < d; k++) {
        power[k * d + k] = 1;
      }
      for (int j = 0; j < n; j++) {
        power = multiply(power, m, d);
      }
      double[] a = multiply(multiply(power, g, d), power, d);
      double p = tasks.probability(i);
      for (int k = 0; k < d * d; k++) {
        sum[k] += p * a[k];
      }
    }
    return sum;
  }

  static Stream<Arguments> steps() {
    return Stream.of(Arguments.of(1, 1L), Arguments.of(2, 2L), Arguments.of(5, 3L));
  }

  @ParameterizedTest(name = "N={0} seed {1}")
  @MethodSource("steps")
  void quadraticMetaHessianIsTheClosedForm(int n, long seed) {
    int d = 4;
    TaskSet tasks = RandomTasks.quadraticTasks(d, 3, -1, 2, true, seed);
    double alpha = 0.2;
    double[] w = RandomTasks.randomVector(d, 1, seed);
    double[] ad = AutoDiffMetaHessian.metaHessian(tasks, alpha, n, w);
    double[] exact = quadraticMetaHessian(tasks, alpha, n);
    assertTrue(
        RandomTasks.relativeError(ad, exact) < 1e-13, "" + RandomTasks.relativeError(ad, exact));
  }

  static Stream<Arguments> nonQuadratic() {
    Stream.Builder<Arguments> s = Stream.builder();
    for (int n : new int[] {1, 2, 5}) {
      s.add(Arguments.of("logistic", RandomTasks.logisticTasks(3, 3, 0.05, 10 + n), n));
      s.add(Arguments.of("separable", RandomTasks.separableTasks(3, 3, 20 + n), n));
    }
    return s.build();
  }

  @ParameterizedTest(name = "{0} N={2}")
  @MethodSource("nonQuadratic")
  void metaHessianMatchesFiniteDifferencesOfTheMetaGradient(String name, TaskSet tasks, int n) {
    double alpha = 0.15;
    int d = tasks.dimension();
    double[] w = RandomTasks.randomVector(d, 0.7, 99 + n);
    MamlMetaGradient maml = new MamlMetaGradient(tasks, alpha, n);
    double[] fd = RandomTasks.numericalJacobian(maml::metaGradient, w, 1e-5);
    double[] ad = AutoDiffMetaHessian.metaHessian(tasks, alpha, n, w);
    double error = RandomTasks.maxAbsDifference(ad, fd) / RandomTasks.maxAbs(fd);
    assertTrue(error < 1e-6, name + " relative error " + error);
  }

  @ParameterizedTest(name = "{0} N={2}")
  @MethodSource("nonQuadratic")
  void productFormulaEqualsTheDerivativeOfTheObjective(String name, TaskSet tasks, int n) {
    double alpha = 0.15;
    double[] w = RandomTasks.randomVector(tasks.dimension(), 0.7, 7 + n);
    double[] product = new MamlMetaGradient(tasks, alpha, n).metaGradient(w);
    // AD of 𝓛(w) itself: an independent derivation of eq. (3)
    double[] objective = AutoDiffMetaHessian.objectiveGradient(tasks, alpha, n, w);
    double[] fieldProduct = AutoDiffMetaHessian.metaGradient(tasks, alpha, n, w);
    assertTrue(RandomTasks.relativeError(objective, product) < 1e-13, name);
    assertTrue(RandomTasks.relativeError(fieldProduct, product) < 1e-14, name);
  }

  @Test
  void unknownLossTypeIsNamed() {
    SmoothLoss opaque =
        new SmoothLoss() {
          @Override
          public int dimension() {
            return 1;
          }

          @Override
          public double value(double[] w) {
            return w[0] * w[0];
          }

          @Override
          public void gradient(double[] w, double[] out) {
            out[0] = 2 * w[0];
          }

          @Override
          public void hessian(double[] w, double[] out) {
            out[0] = 2;
          }
        };
    TaskSet tasks = new TaskSet(List.of(MetaTask.same(opaque)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AutoDiffMetaHessian.metaHessian(tasks, 0.1, 1, new double[1]));
    assertTrue(e.getMessage().contains("no field"), e.getMessage());
  }
}
