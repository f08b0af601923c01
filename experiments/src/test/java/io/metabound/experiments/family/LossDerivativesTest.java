package io.metabound.experiments.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.autodiff.FieldLoss;
import io.metabound.experiments.autodiff.FieldQuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;
import java.util.stream.Stream;
import org.hipparchus.util.Binary64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each loss: gradient vs finite differences of the value, Hessian vs finite differences of the
 * gradient.
 */
class LossDerivativesTest {

  static Stream<Arguments> losses() {
    Stream.Builder<Arguments> s = Stream.builder();
    for (long seed = 1; seed <= 4; seed++) {
      int d = 2 + (int) seed;
      s.add(Arguments.of("logistic r=0", RandomTasks.logistic(d, 15, 0, seed), seed));
      s.add(Arguments.of("logistic r=0.3", RandomTasks.logistic(d, 15, 0.3, seed), seed));
      s.add(Arguments.of("separable", RandomTasks.separable(d, seed), seed));
      s.add(Arguments.of("separable anchored", RandomTasks.anchoredSeparable(d, seed), seed));
      s.add(Arguments.of("least squares", RandomTasks.leastSquares(d, 11, seed), seed));
      s.add(
          Arguments.of(
              "quadratic (field)",
              new FieldQuadraticLoss(RandomTasks.quadratic(d, -2, 3, seed)),
              seed));
    }
    return s.build();
  }

  @ParameterizedTest(name = "{0} seed {2}")
  @MethodSource("losses")
  void gradientMatchesFiniteDifferencesOfValue(String name, SmoothLoss loss, long seed) {
    double[] w = RandomTasks.randomVector(loss.dimension(), 1.5, seed + 100);
    double[] g = new double[w.length];
    loss.gradient(w, g);
    double[] fd = RandomTasks.numericalGradient(loss::value, w, 1e-5);
    // central differences: error O(h²·f''') + O(ε/h) ≈ 1e-10 … 1e-9 here
    assertTrue(
        RandomTasks.relativeError(g, fd) < 1e-7, name + ": " + RandomTasks.relativeError(g, fd));
  }

  @ParameterizedTest(name = "{0} seed {2}")
  @MethodSource("losses")
  void hessianMatchesFiniteDifferencesOfGradient(String name, SmoothLoss loss, long seed) {
    int d = loss.dimension();
    double[] w = RandomTasks.randomVector(d, 1.5, seed + 200);
    double[] h = new double[d * d];
    loss.hessian(w, h);
    double[] fd = RandomTasks.numericalJacobian(loss::gradient, w, 1e-5);
    assertTrue(
        RandomTasks.relativeError(h, fd) < 1e-7, name + ": " + RandomTasks.relativeError(h, fd));
    // the Hessian is symmetric
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        assertEquals(h[r * d + k], h[k * d + r], 0.0);
      }
    }
    // and the Hessian-vector product is H v
    double[] v = RandomTasks.randomVector(d, 1, seed + 300);
    double[] hv = new double[d];
    loss.hessianVector(w, v, hv);
    for (int r = 0; r < d; r++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += h[r * d + k] * v[k];
      }
      assertEquals(s, hv[r], 1e-12 * (1 + Math.abs(s)), name);
    }
  }

  @ParameterizedTest(name = "{0} seed {2}")
  @MethodSource("losses")
  void fieldVersionEqualsDoubleVersion(String name, SmoothLoss loss, long seed) {
    FieldLoss f = (FieldLoss) loss;
    int d = loss.dimension();
    double[] w = RandomTasks.randomVector(d, 2, seed + 400);
    double[] v = RandomTasks.randomVector(d, 1, seed + 500);
    Binary64[] wf = new Binary64[d];
    Binary64[] vf = new Binary64[d];
    for (int k = 0; k < d; k++) {
      wf[k] = new Binary64(w[k]);
      vf[k] = new Binary64(v[k]);
    }
    assertEquals(loss.value(w), f.value(wf).getReal(), 1e-12 * (1 + Math.abs(loss.value(w))), name);
    double[] g = new double[d];
    double[] hv = new double[d];
    loss.gradient(w, g);
    loss.hessianVector(w, v, hv);
    Binary64[] gf = new Binary64[d];
    Binary64[] hvf = new Binary64[d];
    f.gradient(wf, gf);
    f.hessianVector(wf, vf, hvf);
    for (int k = 0; k < d; k++) {
      assertEquals(g[k], gf[k].getReal(), 1e-12 * (1 + Math.abs(g[k])), name);
      assertEquals(hv[k], hvf[k].getReal(), 1e-12 * (1 + Math.abs(hv[k])), name);
    }
  }
}
