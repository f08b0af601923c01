package io.metabound.experiments.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImplicitMamlTest {

  static RealMatrix matrix(double[] a, int d) {
    double[][] rows = new double[d][d];
    for (int r = 0; r < d; r++) {
      System.arraycopy(a, r * d, rows[r], 0, d);
    }
    return new Array2DRowRealMatrix(rows);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void conjugateGradientIsExactAfterDSteps(long seed) {
    int d = 6;
    double[] a = RandomTasks.randomSymmetric(d, 0.5, 5, seed);
    double[] b = RandomTasks.randomVector(d, 1, seed + 1);
    double[] exact =
        new LUDecomposition(matrix(a, d)).getSolver().solve(new ArrayRealVector(b)).toArray();
    ConjugateGradient cg = new ConjugateGradient(d);
    ConjugateGradient.LinearOperator op =
        (x, out) -> {
          for (int r = 0; r < d; r++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
              s += a[r * d + k] * x[k];
            }
            out[r] = s;
          }
        };
    double[] x = new double[d];
    cg.solve(op, b, d - 2, x);
    // two steps short of d, a generic spectrum is not yet solved
    assertTrue(RandomTasks.maxAbsDifference(x, exact) > 1e-6);
    int steps = cg.solve(op, b, d, x);
    assertTrue(steps <= d);
    assertTrue(
        RandomTasks.maxAbsDifference(x, exact) < 1e-10,
        "" + RandomTasks.maxAbsDifference(x, exact));
    assertTrue(cg.residualNorm() < 1e-10);
  }

  @Test
  void conjugateGradientNeedsOnlyAsManyStepsAsDistinctEigenvalues() {
    // A = diag(1, 1, 1, 4, 4): two distinct eigenvalues, so two CG steps solve A x = b
    int d = 5;
    double[] diag = {1, 1, 1, 4, 4};
    double[] b = {1, 2, 3, 4, 5};
    double[] x = new double[d];
    ConjugateGradient cg = new ConjugateGradient(d);
    cg.solve(
        (p, out) -> {
          for (int k = 0; k < d; k++) {
            out[k] = diag[k] * p[k];
          }
        },
        b,
        2,
        x);
    for (int k = 0; k < d; k++) {
      assertEquals(b[k] / diag[k], x[k], 1e-14);
    }
  }

  /**
   * Quadratic inner losses: Alg*(θ) = (A + λI)^{-1}(Ac + λθ) and g* = (I + A/λ)^{-1}∇l_T(Alg*(θ)).
   */
  @Test
  void manyInnerAndCgStepsGiveTheExactImplicitGradientOnQuadratics() {
    int d = 4;
    TaskSet tasks = RandomTasks.quadraticTasks(d, 2, 0.1, 3, true, 5);
    double lambda = 0.7;
    double[] theta = RandomTasks.randomVector(d, 1, 6);
    ImplicitMaml imaml = new ImplicitMaml(tasks, lambda, 3000, 1 / (lambda + 3), d);
    ImplicitMaml dense =
        new ImplicitMaml(tasks, lambda, 3000, 1 / (lambda + 3), 0, ImplicitMaml.LinearSolve.DENSE);
    for (int i = 0; i < tasks.size(); i++) {
      QuadraticLoss inner = (QuadraticLoss) tasks.get(i).inner();
      double[] a = inner.hessian();
      double[] c = inner.centre();
      double[] shifted = a.clone();
      double[] rhs = new double[d];
      for (int r = 0; r < d; r++) {
        shifted[r * d + r] += lambda;
        double s = lambda * theta[r];
        for (int k = 0; k < d; k++) {
          s += a[r * d + k] * c[k];
        }
        rhs[r] = s;
      }
      double[] phiStar =
          new LUDecomposition(matrix(shifted, d))
              .getSolver()
              .solve(new ArrayRealVector(rhs))
              .toArray();
      double[] v = new double[d];
      tasks.get(i).outer().gradient(phiStar, v);
      double[] system = new double[d * d];
      for (int k = 0; k < d * d; k++) {
        system[k] = shifted[k] / lambda;
      }
      double[] exact =
          new LUDecomposition(matrix(system, d))
              .getSolver()
              .solve(new ArrayRealVector(v))
              .toArray();
      ImplicitGradient got = imaml.solve(i, theta);
      assertTrue(RandomTasks.maxAbsDifference(got.adapted(), phiStar) < 1e-10);
      assertTrue(
          RandomTasks.relativeError(got.gradient(), exact) < 1e-9,
          "" + RandomTasks.relativeError(got.gradient(), exact));
      assertTrue(got.innerResidual() < 1e-9 && got.linearResidual() < 1e-9);
      ImplicitGradient d2 = dense.solve(i, theta);
      assertTrue(RandomTasks.relativeError(d2.gradient(), exact) < 1e-9);
      assertEquals(0, d2.cgIterations());
    }
  }

  @Test
  void implicitGradientIsTheDerivativeOfTheOuterLossAtTheInnerSolution() {
    // iMAML Lemma 1 on logistic tasks: d/dθ l_T(Alg*(θ)) by central differences, with Alg*
    // solved to machine precision, equals (I + ∇²l_S(φ)/λ)^{-1} ∇l_T(φ)
    TaskSet tasks = RandomTasks.logisticTasks(3, 1, 0, 81);
    double lambda = 0.5;
    double rate = 1 / (lambda + 3);
    ImplicitMaml dense =
        new ImplicitMaml(tasks, lambda, 4000, rate, 0, ImplicitMaml.LinearSolve.DENSE);
    double[] theta = RandomTasks.randomVector(3, 0.6, 82);
    ImplicitGradient exact = dense.solve(0, theta);
    assertTrue(exact.innerResidual() < 1e-13, "inner residual " + exact.innerResidual());
    double[] phi = new double[3];
    double[] fd =
        RandomTasks.numericalGradient(
            t -> {
              dense.adapt(0, t, phi);
              return tasks.get(0).outer().value(phi);
            },
            theta,
            1e-5);
    assertTrue(
        RandomTasks.relativeError(exact.gradient(), fd) < 1e-7,
        "" + RandomTasks.relativeError(exact.gradient(), fd));
    // CG reaches the same vector in d = 3 steps
    ImplicitGradient cg = new ImplicitMaml(tasks, lambda, 4000, rate, 3).solve(0, theta);
    assertTrue(RandomTasks.relativeError(cg.gradient(), exact.gradient()) < 1e-10);
    // the ½ of ½gᵀAg − gᵀv: g solves A g = v, not 2 A g = v
    double[] h = new double[9];
    tasks.get(0).inner().hessian(cg.adapted(), h);
    double[] v = new double[3];
    tasks.get(0).outer().gradient(cg.adapted(), v);
    for (int r = 0; r < 3; r++) {
      double ag = cg.gradient()[r];
      for (int k = 0; k < 3; k++) {
        ag += h[r * 3 + k] * cg.gradient()[k] / lambda;
      }
      assertEquals(v[r], ag, 1e-10);
    }
  }

  @Test
  void truncatedSolvesLeaveMeasurableErrors() {
    TaskSet tasks = RandomTasks.logisticTasks(4, 1, 0, 91);
    double lambda = 0.3;
    double rate = 1 / (lambda + 3);
    double[] theta = RandomTasks.randomVector(4, 0.5, 92);
    ImplicitGradient exact =
        new ImplicitMaml(tasks, lambda, 5000, rate, 0, ImplicitMaml.LinearSolve.DENSE)
            .solve(0, theta);
    double previousResidual = Double.POSITIVE_INFINITY;
    for (int k : new int[] {1, 5, 20, 80}) {
      ImplicitGradient g = new ImplicitMaml(tasks, lambda, k, rate, 4).solve(0, theta);
      assertTrue(g.innerResidual() < previousResidual, "K=" + k);
      previousResidual = g.innerResidual();
    }
    ImplicitGradient oneCg = new ImplicitMaml(tasks, lambda, 5000, rate, 1).solve(0, theta);
    assertEquals(1, oneCg.cgIterations());
    assertTrue(oneCg.linearResidual() > 1e-8);
    assertTrue(RandomTasks.maxAbsDifference(oneCg.gradient(), exact.gradient()) > 1e-8);
    // as an estimator the task direction is g_i
    ImplicitMaml estimator = new ImplicitMaml(tasks, lambda, 5000, rate, 4);
    double[] out = new double[4];
    estimator.estimate(0, theta, null, out);
    assertTrue(RandomTasks.relativeError(out, exact.gradient()) < 1e-9);
    assertEquals(4, estimator.lastCgIterations(), 1);
  }

  @Test
  void rejectsNonPositiveLambda() {
    TaskSet tasks = new TaskSet(List.of(MetaTask.same(RandomTasks.quadratic(2, 0.1, 1, 1))));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> new ImplicitMaml(tasks, 0, 10, 0.1, 2));
    assertTrue(e.getMessage().contains("lambda"));
  }
}
