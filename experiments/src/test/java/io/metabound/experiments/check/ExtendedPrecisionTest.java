package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Expression;
import io.metabound.experiments.precision.Fields;
import io.metabound.experiments.probe.FieldMeasurement;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import io.metabound.experiments.task.QuadraticLoss;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Verdicts at the edge of a bound: a comparison of two rounding residues is not a violation, and a
 * violation of relative size 1e-9 is found and confirmed in extended precision.
 *
 * <p>The planted task: one quadratic ½h w² (d = 1), N-step MAML at α ∈ [0, 1/h]. Its exact
 * meta-smoothness is {@code h (1 − αh)^{2N}} (the meta-Hessian of one task, THEOREMS.md §6.1), and
 * the bound {@code L (1 − α μ)^{2N}} with {@code L = μ = h} is the same number: the two sides agree
 * in exact arithmetic everywhere, and at {@code α = 1/h} both are rounding residues of size
 * ~1e-16^{2N}, computed in different orders.
 */
class ExtendedPrecisionTest {

  /** {@code L = μ = h} of a one-dimensional task, in any field. */
  static final FieldConstants ONE_DIMENSIONAL =
      new FieldConstants() {
        @Override
        public <T extends CalculusFieldElement<T>> Optional<Map<String, T>> of(
            Instance instance, Field<T> field) {
          double h = curvature(instance);
          Map<String, T> c = new TreeMap<>();
          c.put("L", Fields.of(field, Math.abs(h)));
          c.put("mu", Fields.of(field, h));
          return Optional.of(c);
        }
      };

  static double curvature(Instance x) {
    return ((QuadraticLoss) x.tasks().get(0).inner()).h(0, 0);
  }

  static Map<String, Double> constants(Instance x) {
    double h = curvature(x);
    return Map.of("L", Math.abs(h), "mu", h);
  }

  /**
   * {@code factor · h (1 − αh)^{2N}}, evaluated as the oracle would (the power first), and in a
   * field when {@code inField}.
   */
  static Probe smoothness(double factor, boolean inField) {
    return new Probe() {
      @Override
      public String quantityId() {
        return "meta-smoothness";
      }

      @Override
      public Measurement measure(Instance x, MeasurementSettings settings) {
        double h = curvature(x);
        double alpha = x.parameter("alpha");
        int n = x.integerParameter("N");
        // s = (1 − αh)^N with 1 − αh rounded once (fused multiply-add), where the bound rounds
        // twice: at α = 1/h the two residues differ although the real numbers are equal
        double s = Math.pow(Math.fma(-alpha, h, 1), n);
        return Measurement.exact(factor * (h * s * s));
      }

      @Override
      public <T extends CalculusFieldElement<T>> Optional<FieldMeasurement<T>> measureInField(
          Instance x, Field<T> field) {
        if (!inField) {
          return Optional.empty();
        }
        T h = Fields.of(field, curvature(x));
        T s = h.multiply(x.parameter("alpha")).negate().add(1).pow(x.integerParameter("N"));
        return Optional.of(FieldMeasurement.of(h.multiply(s).multiply(s).multiply(factor)));
      }
    };
  }

  static BoundCheck check(Probe probe, boolean boundInField) {
    ExpressionBound bound =
        new ExpressionBound(
                Expression.parse("L * (1 - alpha*mu)^(2*N)"),
                List.of(),
                List.of(),
                ExtendedPrecisionTest::constants)
            .withPrecision(
                ConstantErrors.NONE, boundInField ? ONE_DIMENSIONAL : FieldConstants.NONE);
    QuadraticDomain domain =
        QuadraticDomain.builder("one task")
            .dimensions(1, 1)
            .taskCounts(1, 1)
            .eigenvalues(0.1, 10)
            .parameter(ParameterRange.expressions("alpha", "0", "1/L"))
            .parameter(ParameterRange.integers("N", 1, 5))
            .build();
    return new BoundCheck("planted.cancellation", Comparison.AT_MOST, bound, probe, domain);
  }

  /** Two sides equal in exact arithmetic never give a violation, at 20 seeds. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void equalSidesAfterCancellationAreNotAViolation(long seed) {
    CheckResult r =
        check(smoothness(1, true), true)
            .run(CheckSettings.defaults(seed).withEvaluationBudget(150));
    assertEquals(Verdict.HOLDS, r.verdict(), r.note() + " at " + r.instanceDescription());
    assertTrue(r.tight(), "the sides are equal: " + r.ratio());
    assertTrue(r.ratio() <= 1 + 1e-9, "ratio " + r.ratio());
  }

  /** Without extended forms, the rounding floor alone keeps residues from being a violation. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theRoundingFloorAloneAlsoKeepsResiduesEqual(long seed) {
    CheckResult r =
        check(smoothness(1, false), false)
            .run(CheckSettings.defaults(seed).withEvaluationBudget(150));
    assertNotEquals(Verdict.VIOLATED, r.verdict(), r.note() + " at " + r.instanceDescription());
  }

  /** A residue case decided by hand: α = 1/h exactly as a double, N = 3. */
  @Test
  void theEndpointIsEqualInExtendedPrecision() {
    double h = 9.1;
    Instance x = endpoint(h);
    // in double the two residues differ by far more than any relative tolerance: a relative-only
    // comparison would call this a violation
    double measured = smoothness(1, false).measure(x, null).value();
    double bound = Math.abs(h) * Math.pow(1 - x.parameter("alpha") * h, 6);
    assertTrue(Math.abs(measured / bound - 1) > 1e-3, measured + " vs " + bound);
    CheckResult r = check(smoothness(1, true), true).evaluate(x, CheckSettings.defaults(1));
    assertEquals(Verdict.HOLDS, r.verdict(), r.note());
    assertTrue(r.tight());
  }

  /** A violation of relative size 1e-9 on values near 1 is found and confirmed at 50/100 digits. */
  @Test
  void aViolationOfRelativeSizeOneInABillionIsFoundAndConfirmed() {
    CheckResult r =
        check(smoothness(1 + 1e-9, true), true)
            .run(CheckSettings.defaults(3).withEvaluationBudget(150));
    assertEquals(Verdict.VIOLATED, r.verdict(), r.note());
    assertEquals(Confirmation.Precision.EXTENDED, r.precision());
    assertTrue(r.confirmation().note().contains("violation confirmed"), r.confirmation().note());
    // the worst instance has ratio 1 + 1e-9 (up to the value's own rounding at 100 digits)
    assertEquals(1 + 1e-9, r.worst().ratio(), 1e-15);
    // double precision alone calls it equal: that is why the extended confirmation exists
    CheckResult inDouble =
        check(smoothness(1 + 1e-9, false), false).evaluate(r.instance(), CheckSettings.defaults(3));
    assertEquals(Verdict.HOLDS, inDouble.verdict());
  }

  private static Instance endpoint(double h) {
    var tasks =
        new io.metabound.experiments.task.TaskSet(
            List.of(
                io.metabound.experiments.task.MetaTask.same(
                    new QuadraticLoss(new double[] {h}, new double[] {0}))));
    return Instance.of(tasks, Map.of("alpha", 1 / h, "N", 3.0), 1, "quadratic");
  }
}
