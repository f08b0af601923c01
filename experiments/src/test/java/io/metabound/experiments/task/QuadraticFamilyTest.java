package io.metabound.experiments.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuadraticFamilyTest {

  @Test
  void sameSeedGivesIdenticalTasksAndAnotherSeedDoesNot() {
    QuadraticFamily family = new QuadraticFamily(5, 6, 0.1, 10, 1.5, 0.2, false, 42);
    assertEquals(family.generate(), family.generate());
    assertEquals(family.generate(), QuadraticFamily.parse(family.toSpec()).generate());
    assertNotEquals(
        family.generate(), new QuadraticFamily(5, 6, 0.1, 10, 1.5, 0.2, false, 43).generate());
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void hessiansAreSymmetricWithEigenvaluesInTheRange(long seed) {
    double lo = seed % 2 == 0 ? -2 : 0.5;
    double hi = 7;
    int d = 6;
    TaskSet tasks = new QuadraticFamily(d, 5, lo, hi, 1, 0, false, seed).generate();
    for (MetaTask t : tasks.tasks()) {
      QuadraticLoss loss = (QuadraticLoss) t.inner();
      double[][] rows = new double[d][d];
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          assertEquals(loss.h(r, k), loss.h(k, r)); // exactly symmetric
          rows[r][k] = loss.h(r, k);
        }
      }
      // independent solver (Hipparchus, not the EJML used by the generator)
      double[] eig =
          new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(rows)).getEigenvalues();
      for (double x : eig) {
        assertTrue(x >= lo - 1e-12 * hi && x <= hi + 1e-12 * hi, "eigenvalue " + x);
      }
      assertSame(t.inner(), t.outer());
    }
  }

  @Test
  void basesAreOrthogonal() {
    double[] q = QuadraticFamily.orthogonal(new SplittableRandom(5), 7);
    for (int a = 0; a < 7; a++) {
      for (int b = 0; b < 7; b++) {
        double dot = 0;
        for (int r = 0; r < 7; r++) {
          dot += q[r * 7 + a] * q[r * 7 + b];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-13);
      }
    }
  }

  @Test
  void finiteSumTasksShareTheHessianAndShiftTheCentre() {
    TaskSet tasks = new QuadraticFamily(3, 4, 1, 2, 1, 0.5, false, 7).generate();
    for (MetaTask t : tasks.tasks()) {
      QuadraticLoss s = (QuadraticLoss) t.inner();
      QuadraticLoss q = (QuadraticLoss) t.outer();
      assertTrue(Arrays.equals(s.hessian(), q.hessian()));
      assertTrue(!Arrays.equals(s.centre(), q.centre()));
    }
  }

  @Test
  void sharedHessianAndZeroHeterogeneity() {
    TaskSet tasks = new QuadraticFamily(3, 4, 1, 2, 0, 0, true, 7).generate();
    QuadraticLoss first = (QuadraticLoss) tasks.get(0).inner();
    for (MetaTask t : tasks.tasks()) {
      QuadraticLoss loss = (QuadraticLoss) t.inner();
      assertTrue(Arrays.equals(first.hessian(), loss.hessian()));
      assertTrue(Arrays.equals(new double[3], loss.centre()));
    }
  }

  @Test
  void parsesTheCliSpec() {
    assertEquals(
        new QuadraticFamily(10, 8, 0.1, 10, 1, 0, false, 42),
        QuadraticFamily.parse("quadratic:dim=10,tasks=8,spectrum=0.1:10,seed=42"));
    assertEquals(
        new QuadraticFamily(2, 3, -1.5, 2, 0.5, 0.25, true, -7),
        QuadraticFamily.parse(
            "quadratic: dim=2, tasks=3, spectrum=-1.5:2, heterogeneity=0.5, test-shift=0.25,"
                + " shared=true, seed=-7"));
  }

  @Test
  void specErrorsNameTheKey() {
    assertMessage("seed is required", "quadratic:dim=2,tasks=3,spectrum=0:1");
    assertMessage("spectrum: expected LO:HI", "quadratic:dim=2,tasks=3,spectrum=3,seed=1");
    assertMessage("unknown key 'dims'", "quadratic:dims=2,tasks=3,spectrum=0:1,seed=1");
    assertMessage("tasks: expected an integer", "quadratic:dim=2,tasks=x,spectrum=0:1,seed=1");
    assertMessage("LO <= HI", "quadratic:dim=2,tasks=3,spectrum=2:1,seed=1");
    assertMessage("dim must be >= 1", "quadratic:dim=0,tasks=3,spectrum=0:1,seed=1");
    assertMessage("expected 'quadratic:", "logistic:dim=2");
    assertMessage("given twice", "quadratic:dim=2,dim=3,tasks=3,spectrum=0:1,seed=1");
  }

  private static void assertMessage(String fragment, String spec) {
    FamilySpecException e =
        assertThrows(FamilySpecException.class, () -> QuadraticFamily.parse(spec));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
