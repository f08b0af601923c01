package io.metabound.experiments.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.hipparchus.complex.Complex;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic kernels against Hipparchus' double decompositions and against exact constructions.
 */
class FieldLinearAlgebraTest {

  private static final Binary64Field DOUBLE = Binary64Field.getInstance();
  private static final DfpField DFP50 = new DfpField(50);
  private static final DfpField DFP100 = new DfpField(100);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  private static double[][] random(SplittableRandom random, int d) {
    double[][] a = new double[d][d];
    for (double[] row : a) {
      for (int k = 0; k < d; k++) {
        row[k] = random.nextDouble(-1, 1);
      }
    }
    return a;
  }

  private static double[][] symmetric(SplittableRandom random, int d) {
    double[][] a = random(random, d);
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < r; k++) {
        a[r][k] = a[k][r];
      }
    }
    return a;
  }

  private static double maxDifference(double[][] a, double[][] b) {
    double m = 0;
    for (int r = 0; r < a.length; r++) {
      for (int k = 0; k < a[r].length; k++) {
        m = Math.max(m, Math.abs(a[r][k] - b[r][k]));
      }
    }
    return m;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void arithmeticAgreesWithHipparchusInDouble(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 6);
    double[][] a = random(random, d);
    double[][] b = random(random, d);
    Binary64[][] fa = FieldMatrices.of(DOUBLE, a);
    Binary64[][] fb = FieldMatrices.of(DOUBLE, b);
    Array2DRowRealMatrix ma = new Array2DRowRealMatrix(a);
    Array2DRowRealMatrix mb = new Array2DRowRealMatrix(b);
    assertTrue(
        maxDifference(
                FieldMatrices.toDouble(FieldMatrices.multiply(fa, fb)), ma.multiply(mb).getData())
            < 1e-14);
    assertTrue(
        maxDifference(FieldMatrices.toDouble(FieldMatrices.transpose(fa)), ma.transpose().getData())
            == 0);
    assertTrue(
        maxDifference(FieldMatrices.toDouble(FieldMatrices.power(fa, 5)), ma.power(5).getData())
            < 1e-13);
    assertTrue(
        maxDifference(
                FieldMatrices.toDouble(FieldMatrices.power(fa, 0)),
                FieldMatrices.toDouble(FieldMatrices.identity(DOUBLE, d)))
            == 0);
    double[] v = random(random, d)[0];
    double[] av = ma.operate(v);
    double[] fav =
        FieldMatrices.toDouble(FieldMatrices.multiply(fa, FieldMatrices.vectorOf(DOUBLE, v)));
    for (int k = 0; k < d; k++) {
      assertEquals(av[k], fav[k], 1e-14);
    }
    assertEquals(ma.getTrace(), FieldMatrices.trace(fa).getReal(), 1e-14);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void solveLeavesAResidualAtWorkingPrecision(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 8);
    double[][] a = random(random, d);
    for (int k = 0; k < d; k++) {
      a[k][k] += 3; // diagonally dominant: well conditioned
    }
    double[] b = random(random, d)[0];
    for (DfpField field : new DfpField[] {DFP50, DFP100}) {
      Dfp[][] fa = FieldMatrices.of(field, a);
      Dfp[] fb = FieldMatrices.vectorOf(field, b);
      Dfp[] x = FieldLinearSolver.solve(fa, fb);
      Dfp residual = FieldMatrices.norm(FieldMatrices.subtract(FieldMatrices.multiply(fa, x), fb));
      double epsilon = FieldMatrices.workingPrecision(field);
      assertTrue(residual.getReal() < 100 * epsilon, field.getRadixDigits() + ": " + residual);
      Dfp[][] product = FieldMatrices.multiply(fa, FieldLinearSolver.inverse(fa));
      assertTrue(
          maxDifference(
                  FieldMatrices.toDouble(product),
                  FieldMatrices.toDouble(FieldMatrices.identity(field, d)))
              < 1e-15);
    }
    Binary64[] x =
        FieldLinearSolver.solve(FieldMatrices.of(DOUBLE, a), FieldMatrices.vectorOf(DOUBLE, b));
    double[] expected =
        new org.hipparchus.linear.LUDecomposition(new Array2DRowRealMatrix(a))
            .getSolver()
            .solve(new org.hipparchus.linear.ArrayRealVector(b))
            .toArray();
    for (int k = 0; k < d; k++) {
      assertEquals(expected[k], x[k].getReal(), 1e-13);
    }
  }

  @Test
  void singularAndNumericallySingularMatricesAreErrorsThatSaySo() {
    Binary64[][] exact = FieldMatrices.of(DOUBLE, new double[][] {{1, 2}, {2, 4}});
    SingularMatrixException e =
        assertThrows(SingularMatrixException.class, () -> FieldLinearSolver.inverse(exact));
    assertTrue(e.getMessage().contains("singular"), e.getMessage());
    // 1 + 2^-52 differs from 1 by one ulp: singular to double precision, not to 50 digits
    double[][] nearly = {{1, 1}, {1, 1 + Math.ulp(1.0)}};
    SingularMatrixException n =
        assertThrows(
            SingularMatrixException.class,
            () -> FieldLinearSolver.inverse(FieldMatrices.of(DOUBLE, nearly)));
    assertTrue(n.getMessage().contains("working precision"), n.getMessage());
    Dfp[][] inverse = FieldLinearSolver.inverse(FieldMatrices.of(DFP50, nearly));
    assertEquals(1 / Math.ulp(1.0), inverse[1][1].getReal(), 1e-3);
    assertThrows(
        SingularMatrixException.class,
        () -> FieldLinearSolver.inverse(FieldMatrices.zeros(DOUBLE, 3, 3)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void jacobiAgreesWithHipparchusInDouble(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = 1 + (int) (seed % 8);
    double[][] a = symmetric(random, d);
    double[] expected =
        new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a)).getEigenvalues().clone();
    Arrays.sort(expected);
    double[] actual = FieldMatrices.toDouble(SymmetricEigenvalues.of(FieldMatrices.of(DOUBLE, a)));
    for (int k = 0; k < d; k++) {
      assertEquals(expected[k], actual[k], 1e-13);
    }
    double[][] general = random(random, d);
    assertEquals(
        new SingularValueDecomposition(new Array2DRowRealMatrix(general)).getNorm(),
        SymmetricEigenvalues.spectralNorm(FieldMatrices.of(DOUBLE, general)).getReal(),
        1e-13);
  }

  /**
   * {@code A = Q D Qᵀ} with {@code Q} a product of two Householder reflections {@code I − 2vvᵀ/vᵀv}
   * of integer vectors (orthogonal to the working precision of the field): Jacobi recovers {@code
   * D} to at least 45 digits in Dfp(50) and 95 in Dfp(100), repeated eigenvalues included.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void jacobiRecoversARotatedDiagonalToTheFieldsPrecision(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = 2 + (int) (seed % 7);
    double[] diagonal = new double[d];
    for (int k = 0; k < d; k++) {
      diagonal[k] = random.nextInt(-20, 21) / 4.0;
    }
    diagonal[d - 1] = diagonal[0]; // a repeated eigenvalue
    int[][] householder = new int[2][d];
    for (int[] v : householder) {
      for (int k = 0; k < d; k++) {
        v[k] = random.nextInt(-5, 6);
      }
      v[0] = v[0] == 0 ? 1 : v[0];
    }
    assertRecovered(DFP50, diagonal, householder, 1e-45);
    assertRecovered(DFP100, diagonal, householder, 1e-95);
  }

  private static void assertRecovered(
      DfpField field, double[] diagonal, int[][] householder, double tolerance) {
    int d = diagonal.length;
    Dfp[][] q = FieldMatrices.identity(field, d);
    for (int[] v : householder) {
      Dfp[][] reflection = FieldMatrices.identity(field, d);
      int squared = 0;
      for (int x : v) {
        squared += x * x;
      }
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          // (I − 2vvᵀ/vᵀv)_rk
          reflection[r][k] =
              reflection[r][k].subtract(field.newDfp(2L * v[r] * v[k]).divide(squared));
        }
      }
      q = FieldMatrices.multiply(q, reflection);
    }
    Dfp[][] diag = FieldMatrices.zeros(field, d, d);
    for (int k = 0; k < d; k++) {
      diag[k][k] = field.newDfp(diagonal[k]);
    }
    Dfp[][] a = FieldMatrices.multiply(FieldMatrices.multiply(q, diag), FieldMatrices.transpose(q));
    Dfp[] values = SymmetricEigenvalues.of(a);
    double[] sorted = diagonal.clone();
    Arrays.sort(sorted);
    for (int k = 0; k < d; k++) {
      Dfp error = values[k].subtract(field.newDfp(sorted[k])).abs();
      assertTrue(
          error.getReal() <= tolerance * Math.max(1, Math.abs(sorted[k])),
          "eigenvalue " + k + ": " + values[k] + " vs " + sorted[k]);
    }
  }

  @Test
  void degenerateCases() {
    assertEquals(0, SymmetricEigenvalues.of(FieldMatrices.zeros(DOUBLE, 3, 3))[2].getReal());
    assertEquals(
        -2, SymmetricEigenvalues.of(FieldMatrices.of(DOUBLE, new double[][] {{-2}}))[0].getReal());
    Binary64[] diagonal =
        SymmetricEigenvalues.of(FieldMatrices.of(DOUBLE, new double[][] {{3, 0}, {0, 1}}));
    assertEquals(1, diagonal[0].getReal());
    assertEquals(3, diagonal[1].getReal());
    assertEquals(0, SymmetricEigenvalues.spectralNorm(FieldMatrices.zeros(DFP50, 2, 2)).getReal());
  }

  @Test
  void nonSymmetricEigenvaluesInDouble() {
    // a rotation by 90°: eigenvalues ±i, spectral radius 1
    Complex[] mu = NonSymmetricEigenvalues.of(new double[][] {{0, -1}, {1, 0}});
    assertEquals(0, mu[0].getReal(), 1e-15);
    assertEquals(1, Math.abs(mu[0].getImaginary()), 1e-15);
    assertEquals(
        1, NonSymmetricEigenvalues.spectralRadius(new double[][] {{0, -1}, {1, 0}}), 1e-15);
    // upper triangular: the diagonal
    assertEquals(
        3, NonSymmetricEigenvalues.spectralRadius(new double[][] {{1, 5}, {0, -3}}), 1e-14);
  }
}
