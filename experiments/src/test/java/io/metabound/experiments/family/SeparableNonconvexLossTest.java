package io.metabound.experiments.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.Gradient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeparableNonconvexLossTest {

  /** Golden-section maximisation of a unimodal function on [a, b]. */
  static double argmax(java.util.function.DoubleUnaryOperator f, double a, double b) {
    double g = (Math.sqrt(5) - 1) / 2;
    double c = b - g * (b - a);
    double d = a + g * (b - a);
    for (int i = 0; i < 200; i++) {
      if (f.applyAsDouble(c) > f.applyAsDouble(d)) {
        b = d;
      } else {
        a = c;
      }
      c = b - g * (b - a);
      d = a + g * (b - a);
    }
    return (a + b) / 2;
  }

  @Test
  void rhoClosedFormIsTheMaximumOfTheThirdDerivative() {
    SeparableNonconvexLoss one = new SeparableNonconvexLoss(new double[] {1}, new double[] {0});
    // grid over u ∈ [−50, 50], then refine the best cell by golden section
    double bestU = 0;
    double best = 0;
    for (int i = -500_000; i <= 500_000; i++) {
      double u = i / 1e4;
      double t = Math.abs(one.thirdDerivative(0, new double[] {u}));
      if (t > best) {
        best = t;
        bestU = u;
      }
    }
    double u0 = bestU;
    double refined =
        argmax(u -> Math.abs(one.thirdDerivative(0, new double[] {u})), u0 - 1e-4, u0 + 1e-4);
    double max = Math.abs(one.thirdDerivative(0, new double[] {refined}));
    // (3 + 2√2)/2 ≈ 2.9142135623730949 at |u| = √2 − 1
    assertEquals(SeparableNonconvexLoss.MAX_THIRD_DERIVATIVE_PER_WEIGHT, max, 1e-12);
    assertEquals(SeparableNonconvexLoss.THIRD_DERIVATIVE_ARGMAX, Math.abs(refined), 1e-6);
    assertEquals(2.9142135623730949, SeparableNonconvexLoss.MAX_THIRD_DERIVATIVE_PER_WEIGHT, 1e-15);
    // the closed form attains the value: |f'''(√2−1)| = a(3+2√2)/2
    assertEquals(
        SeparableNonconvexLoss.MAX_THIRD_DERIVATIVE_PER_WEIGHT,
        Math.abs(one.thirdDerivative(0, new double[] {Math.sqrt(2) - 1})),
        1e-14);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void thirdDerivativeMatchesFiniteDifferencesOfCurvature(long seed) {
    SeparableNonconvexLoss loss = RandomTasks.separable(3, seed);
    double[] w = RandomTasks.randomVector(3, 2, seed + 10);
    double h = 1e-5;
    double[] hp = new double[9];
    double[] hm = new double[9];
    for (int k = 0; k < 3; k++) {
      double[] p = w.clone();
      double[] m = w.clone();
      p[k] += h;
      m[k] -= h;
      loss.hessian(p, hp);
      loss.hessian(m, hm);
      double fd = (hp[k * 3 + k] - hm[k * 3 + k]) / (2 * h);
      assertEquals(fd, loss.thirdDerivative(k, w), 1e-7 * (1 + Math.abs(fd)));
    }
  }

  @Test
  void constantsAreExactAndAttained() {
    double[] a = {0.5, 2.0, 1.0};
    double[] c = {0.3, -1.0, 2.0};
    SeparableNonconvexLoss loss = new SeparableNonconvexLoss(a, c);
    assertEquals(Exactness.EXACT, loss.smoothness().exactness());
    assertEquals(4.0, loss.smoothness().value(), 0);
    double[] h = new double[9];
    // L attained at w = c on the coordinate of largest a
    loss.hessian(c, h);
    assertEquals(4.0, h[4], 1e-15);
    // most negative curvature −a/4 at u = √3
    double[] w = c.clone();
    w[1] += Math.sqrt(3);
    loss.hessian(w, h);
    assertEquals(-0.5, h[4], 1e-15);
    assertEquals(-0.5, loss.smallestCurvature(), 0);
    // ρ = 2·(3+2√2)/2 = 3 + 2√2, approached by Hessian differences near u = √2 − 1
    assertEquals(3 + 2 * Math.sqrt(2), loss.hessianLipschitz().value(), 1e-14);
    double[] h2 = new double[9];
    double[] u = c.clone();
    double[] v = c.clone();
    u[1] += Math.sqrt(2) - 1 - 1e-6;
    v[1] += Math.sqrt(2) - 1 + 1e-6;
    loss.hessian(u, h);
    loss.hessian(v, h2);
    double ratio = Math.abs(h[4] - h2[4]) / 2e-6;
    assertEquals(loss.hessianLipschitz().value(), ratio, 1e-6);
    // negative curvature exactly where |u| > 1
    for (double x : new double[] {0.5, 0.99, 1.01, 3}) {
      double[] p = c.clone();
      p[0] += x;
      loss.hessian(p, h);
      assertEquals(x > 1, h[0] < 0, "u = " + x);
    }
  }

  @Test
  void gradientBoundExactWhenAttainableInTheBall() {
    SeparableNonconvexLoss loss =
        new SeparableNonconvexLoss(new double[] {1, 2}, new double[] {0.5, 3});
    // nearest point with |u_k| = 1: w = (0.5 ∓ 1 → −0.5, 3 − 1 = 2), norm √(0.25 + 4)
    double need = Math.sqrt(0.25 + 4);
    assertEquals(Exactness.CERTIFIED_UPPER_BOUND, loss.gradientBound(need - 1e-9).exactness());
    assertEquals(Exactness.EXACT, loss.gradientBound(need + 1e-9).exactness());
    assertEquals(Math.sqrt(5), loss.gradientBound(10).value(), 1e-15);
    double[] g = new double[2];
    loss.gradient(new double[] {-0.5, 2}, g);
    assertEquals(Math.sqrt(5), Math.hypot(g[0], g[1]), 1e-15);
  }

  // ---- with a convex quadratic anchor (q/2)(w − e)²

  /**
   * a = (0.5, 2, 1), c = (0.3, −1, 2), q = (0.2, 0.1, 0.7), e = (5, −6, 4): L = max(2a + q) =
   * max(1.2, 4.1, 2.7) = 4.1 at w_1 = c_1; smallest curvature min(q − a/4) = min(0.075, −0.4, 0.45)
   * = −0.4 at u_1 = √3; ρ = 2 (3 + 2√2)/2 = 3 + 2√2 as without anchor (the quadratic has no third
   * derivative).
   */
  @Test
  void anchoredConstantsAreExactAndAttained() {
    double[] a = {0.5, 2.0, 1.0};
    double[] c = {0.3, -1.0, 2.0};
    double[] q = {0.2, 0.1, 0.7};
    double[] e = {5, -6, 4};
    SeparableNonconvexLoss loss = new SeparableNonconvexLoss(a, c, q, e);
    assertTrue(loss.isAnchored());
    assertEquals(Exactness.EXACT, loss.smoothness().exactness());
    assertEquals(4.1, loss.smoothness().value(), 1e-15);
    assertEquals(-0.4, loss.smallestCurvature(), 1e-15);
    assertEquals(3 + 2 * Math.sqrt(2), loss.hessianLipschitz().value(), 1e-14);
    double[] h = new double[9];
    loss.hessian(c, h);
    assertEquals(4.1, h[4], 1e-15);
    double[] w = c.clone();
    w[1] += Math.sqrt(3);
    loss.hessian(w, h);
    assertEquals(-0.4, h[4], 1e-15);
    // on a fine grid far beyond the centres every curvature lies in [smallest, L]
    for (int i = -200_000; i <= 200_000; i++) {
      double x = i / 1e4;
      double[] p = {x, x, x};
      loss.hessian(p, h);
      for (int k = 0; k < 3; k++) {
        assertTrue(h[k * 4] <= 4.1 + 1e-12 && h[k * 4] >= -0.4 - 1e-12, "w = " + x);
      }
    }
  }

  /** The anchor makes the gradient large where the third derivative is largest. */
  @Test
  void anchorGivesALargeGradientWhereTheThirdDerivativeIsLargest() {
    SeparableNonconvexLoss loss =
        new SeparableNonconvexLoss(
            new double[] {1}, new double[] {0}, new double[] {1}, new double[] {20});
    double u = SeparableNonconvexLoss.THIRD_DERIVATIVE_ARGMAX;
    double[] g = new double[1];
    loss.gradient(new double[] {u}, g);
    // f'(u) = 2u/(1 + u²) + (u − 20) at u = √2 − 1
    assertEquals(2 * u / (1 + u * u) + u - 20, g[0], 1e-13);
    assertTrue(Math.abs(g[0]) > 18);
    assertEquals(
        loss.hessianLipschitz().value(),
        Math.abs(loss.thirdDerivative(0, new double[] {u})),
        1e-13);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void anchoredGradientBoundIsCertifiedOnTheBall(long seed) {
    SeparableNonconvexLoss loss = RandomTasks.anchoredSeparable(3, seed);
    double radius = 4;
    FamilyConstant bound = loss.gradientBound(radius);
    assertEquals(Exactness.CERTIFIED_UPPER_BOUND, bound.exactness());
    assertEquals(Double.POSITIVE_INFINITY, loss.gradientBound(Double.POSITIVE_INFINITY).value());
    SplittableRandom r = new SplittableRandom(seed);
    double[] g = new double[3];
    for (int trial = 0; trial < 2000; trial++) {
      double[] w = RandomTasks.randomVector(3, 1, seed * 1000 + trial);
      double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
      double scale = radius * r.nextDouble() / norm;
      for (int k = 0; k < 3; k++) {
        w[k] *= scale;
      }
      loss.gradient(w, g);
      assertTrue(Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]) <= bound.value());
    }
  }

  /** The field version's forward-mode derivatives are the closed-form gradient and Hessian. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void anchoredAutomaticDifferentiationMatchesTheClosedForms(long seed) {
    int d = 3;
    SeparableNonconvexLoss loss = RandomTasks.anchoredSeparable(d, seed);
    double[] w = RandomTasks.randomVector(d, 3, seed + 7);
    Gradient[] x = new Gradient[d];
    for (int k = 0; k < d; k++) {
      x[k] = Gradient.variable(d, k, w[k]);
    }
    double[] g = new double[d];
    double[] h = new double[d * d];
    loss.gradient(w, g);
    loss.hessian(w, h);
    Gradient value = loss.value(x);
    Gradient[] grad = new Gradient[d];
    loss.gradient(x, grad);
    for (int k = 0; k < d; k++) {
      assertEquals(g[k], value.getGradient()[k], 1e-12 * (1 + Math.abs(g[k])));
      for (int j = 0; j < d; j++) {
        assertEquals(h[k * d + j], grad[k].getGradient()[j], 1e-12 * (1 + Math.abs(h[k * d + j])));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void anchoredProximalPointIsStationary(long seed) {
    SeparableNonconvexLoss loss = RandomTasks.anchoredSeparable(3, seed);
    double lambda = Math.max(0.01, 0.01 - loss.smallestCurvature());
    double[] theta = RandomTasks.randomVector(3, 3, seed + 11);
    double[] phi = loss.proximalPoint(theta, lambda);
    double[] g = new double[3];
    loss.gradient(phi, g);
    for (int k = 0; k < 3; k++) {
      // ∇f(φ) + λ(φ − θ) = 0
      assertEquals(0, g[k] + lambda * (phi[k] - theta[k]), 1e-12 * (1 + Math.abs(g[k])));
    }
    assertThrows(
        IllegalArgumentException.class, () -> loss.proximalPoint(theta, -loss.smallestCurvature()));
  }

  @Test
  void zeroAnchorIsTheUnanchoredLoss() {
    SeparableNonconvexLoss plain = RandomTasks.separable(3, 5);
    SeparableNonconvexLoss zero =
        new SeparableNonconvexLoss(
            plain.weights(), plain.centre(), new double[3], new double[] {9, 9, 9});
    assertFalse(zero.isAnchored());
    double[] w = RandomTasks.randomVector(3, 2, 6);
    assertEquals(plain.value(w), zero.value(w), 0.0);
    assertEquals(plain.smallestCurvature(), zero.smallestCurvature(), 0.0);
    assertEquals(plain.gradientBound(1).value(), zero.gradientBound(1).value(), 0.0);
  }
}
