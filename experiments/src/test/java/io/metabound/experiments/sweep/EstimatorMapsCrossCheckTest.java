package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The maps the sweeps iterate (the oracle's {@link EstimatorMaps}) against a second, independent
 * derivation ({@link IndependentMaps}: plain matrix products of docs/THEOREMS.md §6.1's closed forms),
 * on random task sets with separate inner and outer losses and unequal weights.
 */
class EstimatorMapsCrossCheckTest {

  private static TaskSet tasks(long seed, boolean separateOuter) {
    int d = 4;
    List<MetaTask> list = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      QuadraticLoss inner = new QuadraticLoss(TestMaps.randomSpd(d, 0.3, 4, seed * 31 + i),
          TestMaps.randomVector(d, seed * 37 + i));
      QuadraticLoss outer = separateOuter
          ? new QuadraticLoss(TestMaps.randomSpd(d, 0.2, 3, seed * 41 + i), TestMaps.randomVector(d, seed * 43 + i))
          : inner;
      list.add(new MetaTask(inner, outer, 1 + i));
    }
    return new TaskSet(list);
  }

  private static void assertSameMap(AffineGradientMap expected, AffineGradientMap actual, String what) {
    double[] a = expected.matrix();
    double[] b = actual.matrix();
    double scale = 0;
    for (double x : a) {
      scale = Math.max(scale, Math.abs(x));
    }
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-11 * Math.max(1, scale), what + " A[" + i + "]");
    }
    double[] e = expected.offset();
    double[] f = actual.offset();
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], f[i], 1e-10 * Math.max(1, Math.abs(e[i])), what + " b[" + i + "]");
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void mamlFoMamlAndImamlAgreeWithTheSecondDerivation(long seed) {
    for (boolean separate : new boolean[] {false, true}) {
      TaskSet tasks = tasks(seed, separate);
      EstimatorMaps oracle = EstimatorMaps.of(tasks);
      for (double alpha : new double[] {0.05, 0.2, 0.4}) {
        for (int n : new int[] {1, 3}) {
          assertSameMap(IndependentMaps.of(IndependentMaps.Kind.MAML, tasks, 1).map(n, alpha),
              oracle.map(Estimator.MAML, EstimatorParameters.maml(alpha, n)), "MAML N=" + n);
          assertSameMap(IndependentMaps.of(IndependentMaps.Kind.FOMAML, tasks, 1).map(n, alpha),
              oracle.map(Estimator.FOMAML, EstimatorParameters.maml(alpha, n)), "FO-MAML N=" + n);
        }
        // HF-MAML's central difference is exact on quadratics: MAML's N = 1 map up to rounding
        assertSameMap(IndependentMaps.of(IndependentMaps.Kind.MAML, tasks, 1).map(1, alpha),
            oracle.map(Estimator.HFMAML, EstimatorParameters.hfMaml(alpha, 1e-3)), "HF-MAML");
      }
      for (double lambda : new double[] {0.5, 2}) {
        assertSameMap(IndependentMaps.of(IndependentMaps.Kind.IMAML, tasks, lambda).map(1, 0),
            oracle.map(Estimator.IMAML, EstimatorParameters.imaml(lambda)), "iMAML λ=" + lambda);
      }
    }
  }
}
