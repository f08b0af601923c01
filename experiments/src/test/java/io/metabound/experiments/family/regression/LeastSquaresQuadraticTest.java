package io.metabound.experiments.family.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.task.QuadraticLoss;
import java.util.stream.Stream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeastSquaresQuadraticTest {

  /** (d, n, seed), including n < d (singular S) and n = 1. */
  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(1, 1, 1L),
        Arguments.of(1, 5, 2L),
        Arguments.of(3, 1, 3L),
        Arguments.of(3, 2, 4L),
        Arguments.of(3, 3, 5L),
        Arguments.of(5, 3, 6L),
        Arguments.of(5, 20, 7L),
        Arguments.of(4, 9, 8L));
  }

  static double[][] features(int n, int d, RandomGenerator random) {
    double[][] x = new double[n][d];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < d; k++) {
        x[j][k] = random.nextGaussian() * (0.5 + k);
      }
    }
    return x;
  }

  static double[] vector(int n, RandomGenerator random) {
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      y[j] = 2 * random.nextGaussian();
    }
    return y;
  }

  /** The quadratic form equals the least-squares loss, with its gradient, at random points. */
  @ParameterizedTest
  @MethodSource("shapes")
  void quadraticFormIsTheLeastSquaresLossEverywhere(int d, int n, long seed) {
    RandomGenerator random = new Well19937c(seed);
    double[][] x = features(n, d, random);
    double[] y = vector(n, random);
    QuadraticLoss quadratic = LeastSquaresQuadratic.of(x, y);
    LeastSquaresLoss leastSquares = new LeastSquaresLoss(x, y);
    assertTrue(quadratic.offset() >= 0);
    for (int t = 0; t < 20; t++) {
      double[] w = vector(d, random);
      for (int k = 0; k < d; k++) {
        w[k] *= 1 + 5 * t;
      }
      double expected = leastSquares.value(w);
      assertEquals(expected, quadratic.value(w), 1e-12 * Math.max(1, expected), "w #" + t);
      double[] g = new double[d];
      double[] h = new double[d];
      leastSquares.gradient(w, g);
      quadratic.gradient(w, h);
      assertArrayEquals(g, h, 1e-11 * (1 + Vectors.norm(g)));
    }
  }

  /**
   * {@code ĉ} is the minimum-norm solution: {@code Xᵀ(XXᵀ)⁻¹y} for n < d, {@code S⁻¹Xᵀy/n} else.
   */
  @ParameterizedTest
  @MethodSource("shapes")
  void centreIsTheMinimumNormSolution(int d, int n, long seed) {
    RandomGenerator random = new Well19937c(seed + 1000);
    double[][] x = features(n, d, random);
    double[] y = vector(n, random);
    double[] centre = LeastSquaresQuadratic.of(x, y).centre();
    RealMatrix matrix = new Array2DRowRealMatrix(x);
    double[] expected;
    if (n < d) {
      RealMatrix gram = matrix.multiplyTransposed(matrix);
      expected =
          matrix
              .transposeMultiply(
                  new Array2DRowRealMatrix(
                      new LUDecomposition(gram)
                          .getSolver()
                          .solve(new Array2DRowRealMatrix(y))
                          .getData()))
              .getColumn(0);
    } else {
      RealMatrix normal = matrix.transposeMultiply(matrix);
      expected =
          new LUDecomposition(normal)
              .getSolver()
              .solve(matrix.transposeMultiply(new Array2DRowRealMatrix(y)))
              .getColumn(0);
    }
    assertArrayEquals(expected, centre, 1e-10 * (1 + Vectors.norm(expected)));
  }

  /** Identical rows (rank 1, as a search corner decodes): still exact, centre along the row. */
  @Test
  void rankOneDataStayExact() {
    double[][] x = {{1, -2, 0.5}, {1, -2, 0.5}, {1, -2, 0.5}, {1, -2, 0.5}};
    double[] y = {1, 2, 3, 4};
    QuadraticLoss q = LeastSquaresQuadratic.of(x, y);
    LeastSquaresLoss leastSquares = new LeastSquaresLoss(x, y);
    // ĉ = (mean y) r / ‖r‖² for the row r
    double scale = 2.5 / (1 + 4 + 0.25);
    assertArrayEquals(new double[] {scale, -2 * scale, 0.5 * scale}, q.centre(), 1e-14);
    // residual ½ Var(y) = ½ · 1.25
    assertEquals(0.625, q.offset(), 1e-14);
    RandomGenerator random = new Well19937c(9);
    for (int t = 0; t < 10; t++) {
      double[] w = vector(3, random);
      assertEquals(leastSquares.value(w), q.value(w), 1e-13);
    }
    // all-zero features: ĉ = 0, the offset is the whole loss
    QuadraticLoss zero = LeastSquaresQuadratic.of(new double[][] {{0, 0}}, new double[] {3});
    assertArrayEquals(new double[] {0, 0}, zero.centre(), 0.0);
    assertEquals(4.5, zero.offset(), 0.0);
  }
}
