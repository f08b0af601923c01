package io.metabound.experiments.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import io.metabound.experiments.linalg.Vectors;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.hipparchus.analysis.differentiation.Gradient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The separable cosine loss {@code Σ a(1 − cos(w − c))}: derivatives against finite differences and
 * the field version, and the exactness of {@code L = ρ = max a} (attained at {@code w = c + π}).
 */
class SeparableCosineLossTest {

  static LongStream seeds() {
    return LongStream.range(1, 11);
  }

  /** A random loss of dimension 1…3, weights in [0.1, 2], centres in [−2, 2]. */
  static SeparableCosineLoss random(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + r.nextInt(3);
    double[] a = new double[d];
    double[] c = new double[d];
    for (int k = 0; k < d; k++) {
      a[k] = 0.1 + 1.9 * r.nextDouble();
      c[k] = -2 + 4 * r.nextDouble();
    }
    return new SeparableCosineLoss(a, c);
  }

  static double[] point(SplittableRandom r, int d) {
    double[] w = new double[d];
    for (int k = 0; k < d; k++) {
      w[k] = -6 + 12 * r.nextDouble();
    }
    return w;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void derivativesMatchFiniteDifferences(long seed) {
    SeparableCosineLoss f = random(seed);
    int d = f.dimension();
    SplittableRandom r = new SplittableRandom(seed + 100);
    for (int trial = 0; trial < 5; trial++) {
      double[] w = point(r, d);
      double[] g = new double[d];
      f.gradient(w, g);
      assertTrue(
          RandomTasks.maxAbsDifference(g, RandomTasks.numericalGradient(f::value, w, 1e-5)) < 1e-8);
      double[] h = new double[d * d];
      f.hessian(w, h);
      double[] fd = RandomTasks.numericalJacobian(f::gradient, w, 1e-5);
      assertTrue(RandomTasks.maxAbsDifference(h, fd) < 1e-8);
      double[] v = point(r, d);
      double[] hv = new double[d];
      f.hessianVector(w, v, hv);
      for (int k = 0; k < d; k++) {
        assertEquals(h[k * d + k] * v[k], hv[k], 1e-15);
        assertEquals(h[k * d + k], f.curvature(k, w), 0);
        // f''' by a central difference of f''
        double[] plus = w.clone();
        double[] minus = w.clone();
        plus[k] += 1e-5;
        minus[k] -= 1e-5;
        double third = (f.curvature(k, plus) - f.curvature(k, minus)) / 2e-5;
        assertEquals(third, f.thirdDerivative(k, w), 1e-8);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fieldVersionAgreesWithDoubleAndItsAutomaticDerivatives(long seed) {
    SeparableCosineLoss f = random(seed);
    int d = f.dimension();
    double[] w = point(new SplittableRandom(seed + 7), d);
    Gradient[] x = new Gradient[d];
    for (int k = 0; k < d; k++) {
      x[k] = Gradient.variable(d, k, w[k]);
    }
    Gradient value = f.value(x);
    double[] g = new double[d];
    f.gradient(w, g);
    assertEquals(f.value(w), value.getValue(), 1e-14);
    Gradient[] fieldGradient = new Gradient[d];
    f.gradient(x, fieldGradient);
    Gradient[] v = new Gradient[d];
    Gradient[] hv = new Gradient[d];
    for (int k = 0; k < d; k++) {
      v[k] = x[0].getField().getOne();
    }
    f.hessianVector(x, v, hv);
    for (int k = 0; k < d; k++) {
      assertEquals(g[k], value.getGradient()[k], 1e-14);
      assertEquals(g[k], fieldGradient[k].getValue(), 1e-15);
      assertEquals(f.curvature(k, w), fieldGradient[k].getGradient()[k], 1e-14);
      assertEquals(f.curvature(k, w), hv[k].getValue(), 1e-15);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void smoothnessAndHessianLipschitzAreExactAndAttained(long seed) {
    SeparableCosineLoss f = random(seed);
    int d = f.dimension();
    double[] a = f.weights();
    double[] c = f.centre();
    int top = 0;
    for (int k = 1; k < d; k++) {
      if (a[k] > a[top]) {
        top = k;
      }
    }
    double max = a[top];
    assertEquals(max, f.smoothness().value(), 0);
    assertEquals(max, f.hessianLipschitz().value(), 0);
    assertEquals(Exactness.EXACT, f.smoothness().exactness());
    assertEquals(Exactness.EXACT, f.hessianLipschitz().exactness());
    assertEquals(-max, f.smallestCurvature(), 0);
    // at w = c + π: gradient 0, curvature −a (−L on the top coordinate), so |f''| = L is attained
    double[] w = c.clone();
    for (int k = 0; k < d; k++) {
      w[k] += Math.PI;
    }
    double[] g = new double[d];
    f.gradient(w, g);
    for (int k = 0; k < d; k++) {
      assertEquals(0, g[k], 1e-15);
      assertEquals(-a[k], f.curvature(k, w), 1e-15);
    }
    assertEquals(-f.smoothness().value(), f.curvature(top, w), 1e-15);
    // |f'''| = a at w = c + π/2: ρ is attained as the limit of the Hessian difference quotient
    double[] q = c.clone();
    q[top] += Math.PI / 2;
    assertEquals(max, Math.abs(f.thirdDerivative(top, q)), 1e-15);
    double[] p = q.clone();
    p[top] += 1e-6;
    double quotient = Math.abs(f.curvature(top, p) - f.curvature(top, q)) / 1e-6;
    assertEquals(f.hessianLipschitz().value(), quotient, 1e-6);
    // no point exceeds them
    SplittableRandom r = new SplittableRandom(seed + 3);
    for (int trial = 0; trial < 1000; trial++) {
      double[] x = point(r, d);
      for (int k = 0; k < d; k++) {
        assertTrue(Math.abs(f.curvature(k, x)) <= f.smoothness().value() * (1 + 1e-15));
        assertTrue(Math.abs(f.thirdDerivative(k, x)) <= f.hessianLipschitz().value() * (1 + 1e-15));
      }
      assertTrue(f.value(x) >= 0);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void taskFamilyConstantsAreExactMaxima(long seed) {
    SeparableCosineLoss f = random(seed);
    // a second task of the same dimension, weights scaled by 1.5 on the first coordinate only
    double[] b = f.weights();
    b[0] *= 1.5;
    SeparableCosineLoss g = new SeparableCosineLoss(b, f.centre());
    TaskSet tasks = new TaskSet(List.of(MetaTask.same(f), MetaTask.same(g)));
    TaskFamilyConstants c = TaskFamilyConstants.of(tasks, Double.POSITIVE_INFINITY);
    double max = Math.max(f.smoothness().value(), g.smoothness().value());
    assertEquals(max, c.smoothness().value(), 0);
    assertEquals(max, c.hessianLipschitz().value(), 0);
    assertEquals(Exactness.EXACT, c.smoothness().exactness());
    assertEquals(Exactness.EXACT, c.hessianLipschitz().exactness());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void gradientBoundAndGapAreSuprema(long seed) {
    SeparableCosineLoss f = random(seed);
    int d = f.dimension();
    double[] e = point(new SplittableRandom(seed + 11), d);
    SeparableCosineLoss q = f.withCentre(e);
    double gap = f.gradientGap(q);
    double bound = f.gradientBound(Double.POSITIVE_INFINITY).value();
    assertEquals(Exactness.EXACT, f.gradientBound(Double.POSITIVE_INFINITY).exactness());
    double[] a = f.weights();
    double[] c = f.centre();
    // attained at w = (c + e)/2 and at w = c + π/2
    double[] mid = new double[d];
    double[] quarter = new double[d];
    for (int k = 0; k < d; k++) {
      mid[k] = 0.5 * (c[k] + e[k]);
      quarter[k] = c[k] + Math.PI / 2;
    }
    assertEquals(gap, distance(f, q, mid), 1e-14);
    double[] g = new double[d];
    f.gradient(quarter, g);
    assertEquals(bound, Vectors.norm(g), 1e-14);
    SplittableRandom r = new SplittableRandom(seed + 12);
    for (int trial = 0; trial < 500; trial++) {
      double[] w = point(r, d);
      assertTrue(distance(f, q, w) <= gap * (1 + 1e-14) + 1e-15);
      f.gradient(w, g);
      assertTrue(Vectors.norm(g) <= bound * (1 + 1e-14));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> f.gradientGap(new SeparableCosineLoss(scaled(a, 2), c)));
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SeparableCosineLoss(new double[] {-1}, new double[] {0}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SeparableCosineLoss(new double[] {1}, new double[] {Double.NaN}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SeparableCosineLoss(new double[] {1, 1}, new double[] {0}));
  }

  private static double[] scaled(double[] a, double s) {
    double[] out = a.clone();
    for (int k = 0; k < out.length; k++) {
      out[k] *= s;
    }
    return out;
  }

  /** {@code ‖∇f(w) − ∇g(w)‖}. */
  private static double distance(SeparableCosineLoss f, SeparableCosineLoss g, double[] w) {
    double[] gf = new double[w.length];
    double[] gg = new double[w.length];
    f.gradient(w, gf);
    g.gradient(w, gg);
    return Vectors.distance(gf, gg);
  }
}
