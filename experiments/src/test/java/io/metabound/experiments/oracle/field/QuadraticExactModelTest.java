package io.metabound.experiments.oracle.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.linalg.FieldMatrices;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.BetaThreshold;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.FiniteDifferences;
import io.metabound.experiments.oracle.QuadraticFixtures;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic quadratic model against independent computations: finite differences of its
 * objectives and of explicit inner loops, the double oracles ({@link EstimatorMaps}, {@link
 * QuadraticMetaOracle}), hand cases, and its own Dfp(50)/Dfp(100) images.
 */
class QuadraticExactModelTest {

  private static final Binary64Field DOUBLE = Binary64Field.getInstance();

  /** One set of parameters per estimator, all valid on the fixtures (λ_min(H) ≥ −1). */
  private static EstimatorParameters parameters(Estimator estimator) {
    return switch (estimator) {
      case MAML, FOMAML -> EstimatorParameters.maml(0.15, 3);
      case HFMAML -> EstimatorParameters.hfMaml(0.15, 3, 1e-3);
      case IMAML, MOREAU -> EstimatorParameters.imaml(2.0);
      case MAML_PROX -> EstimatorParameters.mamlProx(2.0, 6, 0.1);
      case REPTILE -> EstimatorParameters.reptile(0.15, 4);
    };
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10);
  }

  private static TaskSet tasks(long seed) {
    int d = 1 + (int) (seed % 5);
    int m = 1 + (int) (seed % 3);
    return QuadraticFixtures.random(seed, d, m, seed % 2 == 0, seed % 3 == 0);
  }

  /** A seeded task set, its Binary64 model and a Gaussian point (stream {@code seed + offset}). */
  private record Case(TaskSet tasks, QuadraticExactModel<Binary64> model, double[] w) {
    static Case of(long seed, int offset) {
      TaskSet tasks = QuadraticExactModelTest.tasks(seed);
      return new Case(
          tasks,
          QuadraticExactModel.of(DOUBLE, tasks),
          QuadraticFixtures.gaussian(new SplittableRandom(seed + offset), tasks.dimension()));
    }
  }

  private static double[] rowMajor(Binary64[][] a) {
    int d = a.length;
    double[] out = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        out[r * d + k] = a[r][k].getReal();
      }
    }
    return out;
  }

  private static double[] direction(FieldAffineMap<Binary64> map, double[] w) {
    return FieldMatrices.toDouble(map.apply(FieldMatrices.vectorOf(DOUBLE, w)));
  }

  private static double value(FieldQuadraticObjective<Binary64> objective, double[] w) {
    return objective.value(FieldMatrices.vectorOf(DOUBLE, w)).getReal();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void binary64ModelIsTheDoubleOraclesMap(long seed) {
    TaskSet tasks = tasks(seed);
    QuadraticExactModel<Binary64> model = QuadraticExactModel.of(DOUBLE, tasks);
    EstimatorMaps maps = EstimatorMaps.of(tasks);
    for (Estimator estimator : Estimator.values()) {
      EstimatorParameters p = parameters(estimator);
      FieldAffineMap<Binary64> generic = model.direction(estimator, p);
      AffineGradientMap expected = maps.map(estimator, p);
      assertTrue(
          FiniteDifferences.relativeError(rowMajor(generic.jacobian()), expected.matrix()) < 1e-10,
          estimator + " A");
      assertTrue(
          FiniteDifferences.relativeError(
                  FieldMatrices.toDouble(generic.offset()), expected.offset())
              < 1e-10,
          estimator + " b");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void objectivesAreTheDoubleOraclesObjectivesAndTheirGradientsAreTheDirections(long seed) {
    Case c = Case.of(seed, 0);
    EstimatorParameters maml = parameters(Estimator.MAML);
    EstimatorParameters imaml = parameters(Estimator.IMAML);
    EstimatorParameters prox = parameters(Estimator.MAML_PROX);
    assertEquals(
        QuadraticMetaOracle.maml(c.tasks(), maml.alpha(), maml.steps()).metaObjective(c.w()),
        value(c.model().objective(Estimator.MAML, maml), c.w()),
        1e-10 * (1 + Math.abs(value(c.model().objective(Estimator.MAML, maml), c.w()))));
    assertEquals(
        QuadraticMetaOracle.imaml(c.tasks(), imaml.lambda()).metaObjective(c.w()),
        value(c.model().objective(Estimator.IMAML, imaml), c.w()),
        1e-10 * (1 + Math.abs(value(c.model().objective(Estimator.IMAML, imaml), c.w()))));
    assertEquals(
        QuadraticMetaOracle.mamlProx(c.tasks(), prox.lambda(), prox.innerSteps(), prox.innerRate())
            .metaObjective(c.w()),
        value(c.model().objective(Estimator.MAML_PROX, prox), c.w()),
        1e-10 * (1 + Math.abs(value(c.model().objective(Estimator.MAML_PROX, prox), c.w()))));
    for (Estimator estimator :
        List.of(
            Estimator.MAML,
            Estimator.HFMAML,
            Estimator.IMAML,
            Estimator.MAML_PROX,
            Estimator.MOREAU)) {
      EstimatorParameters p = parameters(estimator);
      FieldQuadraticObjective<Binary64> objective = c.model().objective(estimator, p);
      double[] fd = FiniteDifferences.gradient(x -> value(objective, x), c.w(), 1e-5);
      double[] g = direction(c.model().direction(estimator, p), c.w());
      // HF-MAML's direction is MAML's gradient up to the rounding of its differences
      assertTrue(FiniteDifferences.relativeError(fd, g) < 1e-6, estimator + ": " + seed);
    }
  }

  @Test
  void firstOrderAndReptileHaveNoObjective() {
    QuadraticExactModel<Binary64> model = QuadraticExactModel.of(DOUBLE, tasks(4));
    NoClosedFormException fo =
        assertThrows(
            NoClosedFormException.class,
            () -> model.objective(Estimator.FOMAML, parameters(Estimator.FOMAML)));
    assertTrue(fo.getMessage().contains("FO-MAML"), fo.getMessage());
    NoClosedFormException reptile =
        assertThrows(
            NoClosedFormException.class,
            () -> model.objective(Estimator.REPTILE, parameters(Estimator.REPTILE)));
    assertTrue(reptile.getMessage().contains("Reptile"), reptile.getMessage());
  }

  /** {@code w − u_N} after N explicit GD steps on each task's inner loss, averaged with p. */
  private static double[] reptileLoop(TaskSet tasks, double alpha, int steps, double[] w) {
    int d = w.length;
    double[] out = new double[d];
    double[] gradient = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      double[] u = w.clone();
      for (int j = 0; j < steps; j++) {
        tasks.get(i).inner().gradient(u, gradient);
        for (int k = 0; k < d; k++) {
          u[k] -= alpha * gradient[k];
        }
      }
      for (int k = 0; k < d; k++) {
        out[k] += tasks.probability(i) * (w[k] - u[k]);
      }
    }
    return out;
  }

  /** {@code u* = (H + λI)^{-1}(H c + λ w)} for every task, by an LU solve in double. */
  private static double[][] proximalPoints(TaskSet tasks, double lambda, double[] w) {
    int d = w.length;
    double[][] points = new double[tasks.size()][];
    for (int i = 0; i < tasks.size(); i++) {
      QuadraticLoss loss = (QuadraticLoss) tasks.get(i).inner();
      double[][] system = new double[d][d];
      double[] right = new double[d];
      double[] c = loss.centre();
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          system[r][k] = loss.h(r, k) + (r == k ? lambda : 0);
          right[r] += loss.h(r, k) * c[k];
        }
        right[r] += lambda * w[r];
      }
      points[i] =
          new LUDecomposition(new Array2DRowRealMatrix(system))
              .getSolver()
              .solve(new ArrayRealVector(right))
              .toArray();
    }
    return points;
  }

  /** {@code Σ p λ (w − u*)} from the explicit proximal solves. */
  private static double[] moreauGradient(TaskSet tasks, double lambda, double[] w) {
    double[][] points = proximalPoints(tasks, lambda, w);
    double[] g = new double[w.length];
    for (int i = 0; i < tasks.size(); i++) {
      for (int k = 0; k < w.length; k++) {
        g[k] += tasks.probability(i) * lambda * (w[k] - points[i][k]);
      }
    }
    return g;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reptileIsTheExplicitLoopAndItsJacobianTheFiniteDifference(long seed) {
    Case c = Case.of(seed, 1);
    for (int steps : new int[] {0, 1, 4, 9}) {
      EstimatorParameters p = EstimatorParameters.reptile(0.2, steps);
      FieldAffineMap<Binary64> map = c.model().direction(Estimator.REPTILE, p);
      assertTrue(map.symmetric());
      double[] loop = reptileLoop(c.tasks(), 0.2, steps, c.w());
      assertTrue(
          FiniteDifferences.relativeError(direction(map, c.w()), loop) < 1e-12, "N=" + steps);
      assertJacobian(
          c.model(), Estimator.REPTILE, p, x -> reptileLoop(c.tasks(), 0.2, steps, x), c.w());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void moreauIsTheExplicitProximalSolveAndTheEnvelopeValue(long seed) {
    Case c = Case.of(seed, 2);
    int d = c.tasks().dimension();
    double lambda = 1.5;
    EstimatorParameters p = EstimatorParameters.moreau(lambda);
    double[][] u = proximalPoints(c.tasks(), lambda, c.w());
    // ∇M = Σ p λ (w − u*)
    double[] gradient = moreauGradient(c.tasks(), lambda, c.w());
    double envelope = 0;
    for (int i = 0; i < c.tasks().size(); i++) {
      double[] prox = u[i];
      double distanceSquared = 0;
      for (int k = 0; k < d; k++) {
        distanceSquared += (prox[k] - c.w()[k]) * (prox[k] - c.w()[k]);
      }
      // M = Σ p [f(u*) + λ/2 ‖u* − w‖²]
      envelope +=
          c.tasks().probability(i)
              * (c.tasks().get(i).inner().value(prox) + 0.5 * lambda * distanceSquared);
    }
    FieldAffineMap<Binary64> map = c.model().direction(Estimator.MOREAU, p);
    assertTrue(FiniteDifferences.relativeError(direction(map, c.w()), gradient) < 1e-11);
    assertEquals(
        envelope,
        value(c.model().objective(Estimator.MOREAU, p), c.w()),
        1e-11 * (1 + Math.abs(envelope)));
    assertJacobian(
        c.model(), Estimator.MOREAU, p, x -> moreauGradient(c.tasks(), lambda, x), c.w());
  }

  /** Fallah2020 eqs. (10)–(11) with N steps, in double, with the tasks' own gradient methods. */
  private static double[] hessianFreeLoop(
      TaskSet tasks, double alpha, int steps, double delta, double[] w) {
    int d = w.length;
    double[] out = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      MetaTask task = tasks.get(i);
      double[][] path = new double[steps + 1][];
      path[0] = w.clone();
      double[] g = new double[d];
      for (int j = 0; j < steps; j++) {
        task.inner().gradient(path[j], g);
        path[j + 1] = path[j].clone();
        for (int k = 0; k < d; k++) {
          path[j + 1][k] -= alpha * g[k];
        }
      }
      double[] v = new double[d];
      task.outer().gradient(path[steps], v);
      for (int j = steps - 1; j >= 0; j--) {
        double[] plus = path[j].clone();
        double[] minus = path[j].clone();
        for (int k = 0; k < d; k++) {
          plus[k] += delta * v[k];
          minus[k] -= delta * v[k];
        }
        double[] gp = new double[d];
        double[] gm = new double[d];
        task.inner().gradient(plus, gp);
        task.inner().gradient(minus, gm);
        for (int k = 0; k < d; k++) {
          v[k] -= alpha * (gp[k] - gm[k]) / (2 * delta);
        }
      }
      for (int k = 0; k < d; k++) {
        out[k] += tasks.probability(i) * v[k];
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void nStepHessianFreeMamlIsNStepMamlAndTheLiteralLoop(long seed) {
    Case c = Case.of(seed, 3);
    for (int steps : new int[] {0, 1, 2, 5}) {
      for (double delta : new double[] {1e-4, 1e-2, 1}) {
        EstimatorParameters hf = EstimatorParameters.hfMaml(0.1, steps, delta);
        FieldAffineMap<Binary64> map = c.model().direction(Estimator.HFMAML, hf);
        assertFalse(map.symmetric());
        FieldAffineMap<Binary64> maml =
            c.model().direction(Estimator.MAML, EstimatorParameters.maml(0.1, steps));
        assertTrue(
            FiniteDifferences.relativeError(rowMajor(map.jacobian()), rowMajor(maml.jacobian()))
                < 1e-9,
            "N=" + steps + " delta=" + delta);
        assertTrue(
            FiniteDifferences.relativeError(direction(map, c.w()), direction(maml, c.w())) < 1e-9);
        assertTrue(
            FiniteDifferences.relativeError(
                    direction(map, c.w()), hessianFreeLoop(c.tasks(), 0.1, steps, delta, c.w()))
                < 1e-9);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void finiteDifferencesOfTheDoubleDirectionsGiveTheJacobians(long seed) {
    Case c = Case.of(seed, 4);
    EstimatorParameters maml = parameters(Estimator.MAML);
    EstimatorParameters imaml = parameters(Estimator.IMAML);
    EstimatorParameters prox = parameters(Estimator.MAML_PROX);
    QuadraticMetaOracle mamlOracle =
        QuadraticMetaOracle.maml(c.tasks(), maml.alpha(), maml.steps());
    QuadraticMetaOracle imamlOracle = QuadraticMetaOracle.imaml(c.tasks(), imaml.lambda());
    QuadraticMetaOracle proxOracle =
        QuadraticMetaOracle.mamlProx(c.tasks(), prox.lambda(), prox.innerSteps(), prox.innerRate());
    assertJacobian(c.model(), Estimator.MAML, maml, x -> mamlOracle.metaGradient(x).value(), c.w());
    assertJacobian(
        c.model(), Estimator.FOMAML, maml, x -> mamlOracle.firstOrderDirection(x).value(), c.w());
    assertJacobian(
        c.model(), Estimator.IMAML, imaml, x -> imamlOracle.metaGradient(x).value(), c.w());
    assertJacobian(
        c.model(), Estimator.MAML_PROX, prox, x -> proxOracle.metaGradient(x).value(), c.w());
    EstimatorParameters hf = parameters(Estimator.HFMAML);
    assertJacobian(
        c.model(),
        Estimator.HFMAML,
        hf,
        x -> hessianFreeLoop(c.tasks(), hf.alpha(), hf.steps(), hf.delta(), x),
        c.w());
  }

  private static void assertJacobian(
      QuadraticExactModel<Binary64> model,
      Estimator estimator,
      EstimatorParameters p,
      Function<double[], double[]> direction,
      double[] w) {
    double[] fd = FiniteDifferences.jacobian(direction, w, 1e-4);
    assertTrue(
        FiniteDifferences.relativeError(rowMajor(model.direction(estimator, p).jacobian()), fd)
            < 1e-7,
        estimator.toString());
  }

  @Test
  void handCaseOneTaskInOneDimension() {
    // one task, H = [[4]], α = 0.2, N = 1: 1 − αh = 0.2
    TaskSet tasks =
        new TaskSet(
            List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{4}}, new double[] {1}))));
    QuadraticExactModel<Binary64> model = QuadraticExactModel.of(DOUBLE, tasks);
    EstimatorParameters p = EstimatorParameters.maml(0.2, 1);
    // MAML: ∇²F = h(1 − αh)² = 4 · 0.04 = 0.16; β* = 2/0.16 = 12.5
    FieldAffineMap<Binary64> maml = model.direction(Estimator.MAML, p);
    assertEquals(0.16, maml.jacobian()[0][0].getReal(), 1e-15);
    // FO-MAML: A = h(1 − αh) = 0.8; β* = 2/0.8 = 2.5
    FieldAffineMap<Binary64> fo = model.direction(Estimator.FOMAML, p);
    assertEquals(0.8, fo.jacobian()[0][0].getReal(), 1e-15);
    assertTrue(fo.symmetric(), "one task with G = H: FO-MAML's A is symmetric");
    EstimatorMaps maps = EstimatorMaps.of(tasks);
    assertEquals(12.5, BetaThreshold.of(maps.map(Estimator.MAML, p)).value(), 1e-12);
    assertEquals(2.5, BetaThreshold.of(maps.map(Estimator.FOMAML, p)).value(), 1e-12);
    // Reptile: 1 − (1 − αh) = 0.8; Moreau with λ = 4: λh/(h + λ) = 2
    assertEquals(
        0.8,
        model
            .direction(Estimator.REPTILE, EstimatorParameters.reptile(0.2, 1))
            .jacobian()[0][0]
            .getReal(),
        1e-15);
    assertEquals(
        2,
        model.direction(Estimator.MOREAU, EstimatorParameters.moreau(4)).jacobian()[0][0].getReal(),
        1e-15);
    // negative α is accepted: 1 − αh = 1.8, ∇²F = 4 · 3.24 = 12.96
    assertEquals(
        12.96,
        model
            .direction(Estimator.MAML, EstimatorParameters.maml(-0.2, 1))
            .jacobian()[0][0]
            .getReal(),
        1e-13);
  }

  @Test
  void finiteSumFirstOrderMapIsNotSymmetric() {
    QuadraticExactModel<Binary64> model =
        QuadraticExactModel.of(DOUBLE, QuadraticFixtures.random(5, 3, 2, true, false));
    assertFalse(model.outerHessiansAreInner());
    assertFalse(model.direction(Estimator.FOMAML, parameters(Estimator.FOMAML)).symmetric());
    assertTrue(model.direction(Estimator.MAML, parameters(Estimator.MAML)).symmetric());
  }

  @Test
  void badParametersAreErrorsThatNameThem() {
    // one task with H = diag(−1, 2): λ + λ_min(H) ≤ 0 for λ ≤ 1
    TaskSet tasks =
        new TaskSet(
            List.of(
                MetaTask.same(
                    QuadraticLoss.of(new double[][] {{-1, 0}, {0, 2}}, new double[] {1, 0}))));
    QuadraticExactModel<Binary64> model = QuadraticExactModel.of(DOUBLE, tasks);
    assertMessage(
        () -> model.direction(Estimator.IMAML, EstimatorParameters.imaml(0.5)), "lambda_min");
    assertMessage(
        () -> model.direction(Estimator.MOREAU, EstimatorParameters.moreau(1)), "lambda_min");
    assertMessage(
        () -> model.objective(Estimator.MOREAU, EstimatorParameters.moreau(0.5)), "lambda_min");
    assertMessage(() -> model.direction(Estimator.MAML, EstimatorParameters.maml(0.1, -1)), "N");
    assertMessage(
        () -> model.direction(Estimator.REPTILE, EstimatorParameters.reptile(0.1, -2)), "N");
    assertMessage(
        () -> model.direction(Estimator.MAML_PROX, EstimatorParameters.mamlProx(2, 3, 0)), "eta");
    assertMessage(
        () -> model.direction(Estimator.MAML_PROX, EstimatorParameters.mamlProx(2, -1, 0.1)), "K");
    assertMessage(
        () -> model.direction(Estimator.HFMAML, EstimatorParameters.hfMaml(0.1, 1, 0)), "delta");
    assertMessage(() -> model.direction(Estimator.MAML, EstimatorParameters.imaml(1)), "alpha");
    // λ = 1.5 > 1 is fine
    assertTrue(model.direction(Estimator.IMAML, EstimatorParameters.imaml(1.5)).symmetric());
  }

  private static void assertMessage(Runnable call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void dfpAgreesWithDoubleAndWithItselfAtHigherPrecision(long seed) {
    TaskSet tasks = tasks(seed);
    QuadraticExactModel<Binary64> inDouble = QuadraticExactModel.of(DOUBLE, tasks);
    QuadraticExactModel<Dfp> in50 = QuadraticExactModel.of(new DfpField(50), tasks);
    QuadraticExactModel<Dfp> in100 = QuadraticExactModel.of(new DfpField(100), tasks);
    for (Estimator estimator : Estimator.values()) {
      EstimatorParameters p = parameters(estimator);
      FieldAffineMap<Binary64> a64 = inDouble.direction(estimator, p);
      FieldAffineMap<Dfp> a50 = in50.direction(estimator, p);
      FieldAffineMap<Dfp> a100 = in100.direction(estimator, p);
      int d = tasks.dimension();
      double scale = FieldMatrices.largestEntry(a100.jacobian());
      for (int r = 0; r < d; r++) {
        for (int k = 0; k < d; k++) {
          Dfp exact = a100.jacobian()[r][k];
          assertEquals(exact.getReal(), a64.jacobian()[r][k].getReal(), 1e-12 * scale);
          Dfp difference = exact.getField().newDfp(a50.jacobian()[r][k].toString()).subtract(exact);
          double tolerance = estimator == Estimator.HFMAML ? 1e-40 : 1e-45;
          assertTrue(
              Math.abs(difference.getReal()) <= tolerance * scale,
              estimator + " A[" + r + "][" + k + "]: " + difference);
        }
      }
    }
  }

  /**
   * d = 1, H = [[h]], α = 1/h rounded to double: {@code 1 − αh} is a tiny residual (about 1e-17)
   * that double arithmetic loses entirely. In Dfp(100), for a whole h, α (a double of at most 55
   * significant digits) and the product αh are exact, so {@code ∇²F = h(1 − αh)^{2N}} comes out to
   * full relative precision (against exact BigDecimal arithmetic). Where αh has more digits than
   * the field holds (Dfp(50), whose unit roundoff near 1 is 1e-48; or h = 0.3 in Dfp(100)) it is
   * rounded once, and the residual inherits that error divided by {@code |1 − αh|}: about 1e-32
   * relative in Dfp(50), still 16 digits beyond double, which has none.
   */
  @Test
  void cancellationIsResolvedInExtendedPrecision() {
    for (double h : new double[] {3, 7, 10, 0.3}) {
      double alpha = 1 / h;
      TaskSet tasks =
          new TaskSet(
              List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{h}}, new double[] {0.5}))));
      QuadraticExactModel<Binary64> inDouble = QuadraticExactModel.of(DOUBLE, tasks);
      for (int steps : new int[] {1, 2, 5}) {
        // exact: h (1 − αh)^{2N} with α and h the doubles they are
        BigDecimal residual =
            BigDecimal.ONE.subtract(new BigDecimal(alpha).multiply(new BigDecimal(h)));
        BigDecimal exact = new BigDecimal(h).multiply(residual.pow(2 * steps));
        double doubleValue =
            inDouble
                .direction(Estimator.MAML, EstimatorParameters.maml(alpha, steps))
                .jacobian()[0][0]
                .getReal();
        for (int digits : new int[] {50, 100}) {
          QuadraticExactModel<Dfp> model = QuadraticExactModel.of(new DfpField(digits), tasks);
          Dfp value =
              model.direction(Estimator.MAML, EstimatorParameters.maml(alpha, steps))
                  .jacobian()[0][0];
          if (exact.signum() == 0) {
            assertTrue(value.isZero(), "h=" + h + ": " + value);
            continue;
          }
          BigDecimal relative =
              new BigDecimal(value.toString())
                  .subtract(exact)
                  .divide(exact, MathContext.DECIMAL128)
                  .abs();
          // Dfp(100), whole h: α (≤ 55 digits) and αh are exact. Otherwise αh is rounded once
          // (more digits than the field holds): 2N unit roundoffs over the residual.
          double epsilon = FieldMatrices.workingPrecision(model.field());
          double bound =
              digits == 100 && h == Math.rint(h)
                  ? 1e-95
                  : 2 * steps * epsilon / Math.abs(residual.doubleValue());
          assertTrue(
              relative.doubleValue() < bound,
              "h=" + h + " N=" + steps + " digits=" + digits + ": " + value + " vs " + exact);
          // double has no correct digit of it (or none at all)
          assertTrue(
              Math.abs(doubleValue - exact.doubleValue()) > 1e-3 * Math.abs(exact.doubleValue()),
              "h=" + h + ": double " + doubleValue);
        }
      }
    }
  }
}
