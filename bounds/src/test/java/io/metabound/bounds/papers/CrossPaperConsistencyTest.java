package io.metabound.bounds.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cross-paper consistency facts (docs/THEOREMS.md §5) and internal relations between registered
 * bounds, checked on seeded random instances (one seed per case, so a failure replays alone).
 */
class CrossPaperConsistencyTest {

  private static final double TOLERANCE = 1e-12;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60);
  }

  private static Bound bound(String id) {
    return BoundRegistry.find(id).orElseThrow(() -> new AssertionError("unregistered " + id));
  }

  private static double eval(String id, Map<String, Double> values) {
    return bound(id).evaluate(Bindings.of(values));
  }

  private static double uniform(SplittableRandom random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  private static void assertAtMost(double smaller, double larger, String message) {
    assertTrue(
        smaller <= larger + TOLERANCE * Math.max(1.0, Math.abs(larger)),
        () -> message + ": " + smaller + " > " + larger);
  }

  // §5.1: Ji Prop 1 at N = 1, alpha <= 1/L, is dominated by Fallah Lemma 4.8.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void jiProp1AtOneStepIsDominatedByFallahLemma48(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lipschitz = uniform(random, 0.1, 10);
    Map<String, Double> point = new HashMap<>();
    point.put("L", lipschitz);
    point.put("alpha", uniform(random, 0, 1 / lipschitz));
    point.put("rho", uniform(random, 0, 5));
    point.put("grad_task_mean", uniform(random, 0, 10));
    point.put("N", 1.0);
    Bindings bindings = Bindings.of(point);
    assertTrue(bound("fallah2020.lemma4.8.meta-smoothness").assumptionsHold(bindings));
    assertTrue(bound("ji2022.prop1.meta-smoothness").assumptionsHold(bindings));
    assertAtMost(
        eval("ji2022.prop1.meta-smoothness", point),
        eval("fallah2020.lemma4.8.meta-smoothness", point),
        "Ji Prop 1 (N=1) vs Fallah Lemma 4.8");
    // C_L at N = 1 is alpha rho (1 + alpha L) <= 2 alpha rho
    assertAtMost(
        eval("ji2022.prop1.c-l", point),
        2 * point.get("alpha") * point.get("rho"),
        "C_L(N=1) <= 2 alpha rho");
  }

  @Test
  void lemma48DominationNeedsItsStepsizeConditionAndIsTightAtItsEdge() {
    Map<String, Double> point =
        new HashMap<>(Map.of("L", 1.0, "rho", 0.0, "grad_task_mean", 1.0, "N", 1.0));
    // alpha = 1/L, rho = 0: both equal 4L, the eigenvalue -L tight case
    point.put("alpha", 1.0);
    assertEquals(4.0, eval("ji2022.prop1.meta-smoothness", point), TOLERANCE);
    assertEquals(4.0, eval("fallah2020.lemma4.8.meta-smoothness", point), TOLERANCE);
    // alpha = 2/L is outside Lemma 4.8: (1 + 2)^2 L = 9L > 4L, and the assumption reports it
    point.put("alpha", 2.0);
    assertEquals(9.0, eval("ji2022.prop1.meta-smoothness", point), TOLERANCE);
    assertFalse(bound("fallah2020.lemma4.8.meta-smoothness").assumptionsHold(Bindings.of(point)));
  }

  // §1.5: the two forms of C_L in (13) agree.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void printedAndSimplifiedFormsOfCLAgree(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lipschitz = uniform(random, 0.1, 10);
    Map<String, Double> point = new HashMap<>();
    point.put("L", lipschitz);
    point.put("alpha", uniform(random, 0, 2 / lipschitz));
    point.put("rho", uniform(random, 0, 5));
    point.put("N", (double) (1 + random.nextInt(12)));
    double gradient = uniform(random, 0, 10);
    point.put("grad_task_mean", gradient);
    // simplified form, transcribed from docs/THEOREMS.md §1.5
    Expression simplified = Expression.parse("(rho/L)*(1+alpha*L)^(2*N-1)*((1+alpha*L)^N-1)");
    Expression growth = Expression.parse("(1+alpha*L)^(2*N)*L");
    Bindings bindings = Bindings.of(point);
    double printed = eval("ji2022.prop1.c-l", point);
    double expected = simplified.evaluate(bindings);
    assertEquals(expected, printed, TOLERANCE * Math.max(1, Math.abs(expected)), "C_L forms");
    double smoothness = growth.evaluate(bindings) + expected * gradient;
    assertEquals(
        smoothness,
        eval("ji2022.prop1.meta-smoothness", point),
        TOLERANCE * smoothness,
        "L_w uses C_L");
  }

  // §5.2: Ji Lemma 14 at N = 1 is 2 alpha L + alpha^2 L^2 <= 3 alpha L for alpha <= 1/L.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lemma14AtOneStep(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lipschitz = uniform(random, 0.1, 10);
    double alpha = uniform(random, 0, 1 / lipschitz);
    Map<String, Double> point = Map.of("L", lipschitz, "alpha", alpha, "N", 1.0);
    double constant = eval("ji2022.lemma14.meta-gradient-deviation", point);
    double x = alpha * lipschitz;
    assertEquals(2 * x + x * x, constant, TOLERANCE * Math.max(1, constant));
    assertAtMost(constant, 3 * x, "C_l <= 3 alpha L");
    // the alternative reading is valid but never smaller
    assertAtMost(constant, eval("ji2022.lemma14.meta-gradient-deviation-alt", point), "alt >= C_l");
  }

  // §5.2: Lemma 15 needs (1 + alpha L)^(2N) < 2; at N = 1 that is alpha < (sqrt 2 - 1)/L < 1/L.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lemma15ThresholdIsTheEdgeOfItsGammaAssumption(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lipschitz = uniform(random, 0.1, 10);
    double steps = 1 + random.nextInt(20);
    Map<String, Double> point = new HashMap<>(Map.of("L", lipschitz, "N", steps));
    double threshold = eval("ji2022.lemma15.alpha-threshold", point);
    Bound lemma15 = bound("ji2022.lemma15.task-gradient-norm");
    point.put("alpha", 0.999 * threshold);
    assertTrue(lemma15.assumptionsHold(Bindings.of(point)), "just below the threshold");
    point.put("alpha", 1.001 * threshold);
    assertFalse(lemma15.assumptionsHold(Bindings.of(point)), "just above the threshold");
    if (steps == 1) {
      assertEquals((Math.sqrt(2) - 1) / lipschitz, threshold, TOLERANCE);
    }
    assertTrue(threshold < eval("fallah2020.thm4.12.alpha-threshold", point));
  }

  // §5.3: exact MAML's threshold exceeds Takagi's (= FO-MAML's) by 1/(1 - alpha lambda).
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void exactMamlThresholdExceedsTakagisByOneOverOneMinusAlphaLambda(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double eigenvalue = uniform(random, 0.01, 100);
    double alpha = uniform(random, 0, 0.99 / eigenvalue);
    Map<String, Double> point = Map.of("lambda_i", eigenvalue, "alpha", alpha);
    double takagi = eval("takagi2019.cond-beta.stability", point);
    double exact = eval("takagi2019.cond-beta.exact-maml-stability", point);
    double factor = 1 / (1 - alpha * eigenvalue);
    assertEquals(takagi * factor, exact, 1e-10 * exact);
  }

  // §3/§5.3: on f = (lambda/2) theta^2 with the same data, Takagi's beta bound is the exact
  // stability threshold of FO-MAML, and the derived bound that of exact MAML.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void takagiThresholdsAreTheExactStabilityThresholdsOnAOneDimensionalQuadratic(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double eigenvalue = uniform(random, 0.1, 10);
    double alpha = uniform(random, 0, 0.9 / eigenvalue);
    Map<String, Double> point = Map.of("lambda_i", eigenvalue, "alpha", alpha);
    double foThreshold = eval("takagi2019.cond-beta.stability", point);
    double mamlThreshold = eval("takagi2019.cond-beta.exact-maml-stability", point);
    // FO-MAML gradient: f'(theta - alpha f'(theta)) = lambda (1 - alpha lambda) theta
    double foSlope = eigenvalue * (1 - alpha * eigenvalue);
    // exact MAML gradient: (1 - alpha lambda) f'(theta - alpha f'(theta))
    double mamlSlope = (1 - alpha * eigenvalue) * foSlope;
    assertTrue(converges(0.98 * foThreshold, foSlope), "FO-MAML below its threshold");
    assertFalse(converges(1.02 * foThreshold, foSlope), "FO-MAML above its threshold");
    assertTrue(converges(0.98 * mamlThreshold, mamlSlope), "MAML below its threshold");
    assertFalse(converges(1.02 * mamlThreshold, mamlSlope), "MAML above its threshold");
  }

  private static boolean converges(double beta, double slope) {
    double theta = 1.0;
    for (int k = 0; k < 3000; k++) {
      // theta <- theta - beta * slope * theta
      theta -= beta * slope * theta;
    }
    return Math.abs(theta) < 1e-6;
  }

  // §5.4: iMAML Lemma 3 with rho = 0 is (lambda L / mu) delta + delta'.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void imamlLemma3WithoutHessianLipschitzTermIsTheQuadraticForm(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Double> point = new HashMap<>();
    point.put("lambda", uniform(random, 0.01, 10));
    point.put("mu", uniform(random, 0.01, 10));
    point.put("L", uniform(random, 0.01, 10));
    point.put("B_lip", uniform(random, 0, 10));
    point.put("delta", uniform(random, 1e-4, 1));
    point.put("delta_prime", uniform(random, 1e-4, 1));
    point.put("rho", 0.0);
    double general = eval("rajeswaran2019.lemma3.gradient-error", point);
    double quadratic = eval("rajeswaran2019.lemma3.gradient-error-quadratic", point);
    assertEquals(quadratic, general, TOLERANCE * Math.max(1, quadratic));
    // rho = 0 makes the accuracy condition delta < mu/(2 rho) = +infinity vacuous
    assertTrue(bound("rajeswaran2019.lemma3.gradient-error").assumptionsHold(Bindings.of(point)));
    point.put("rho", uniform(random, 0.1, 5));
    assertTrue(eval("rajeswaran2019.lemma3.gradient-error", point) > quadratic);
  }

  // Corollary 6: at alpha = 1/(8NL) the consequences follow from Lemmas 13-14 and (13).
  @ParameterizedTest(name = "N = {0}")
  @MethodSource("seeds")
  void corollary6ConsequencesHoldAtTheChosenStepsize(long n) {
    double steps = n * n; // N up to 3600
    double lipschitz = 2.5;
    Map<String, Double> point = new HashMap<>(Map.of("N", steps, "L", lipschitz, "rho", 3.0));
    point.put("alpha", eval("ji2022.cor6.inner-stepsize", point));
    Bindings bindings = Bindings.of(point);
    assertTrue(bound("ji2022.cor6.expansion-factor").assumptionsHold(bindings));
    double expansion = 1 + eval("ji2022.lemma13.product-deviation", point);
    double squared = 1 + eval("ji2022.lemma14.meta-gradient-deviation", point);
    assertAtMost(expansion, eval("ji2022.cor6.expansion-factor", point), "(1+aL)^N <= e^(1/8)");
    assertAtMost(squared, eval("ji2022.cor6.expansion-factor-squared", point), "e^(1/4)");
    assertAtMost(eval("ji2022.cor6.stability-margin", point), 2 - squared, "gamma >= 2 - e^(1/4)");
    assertAtMost(eval("ji2022.prop1.c-l", point), eval("ji2022.cor6.c-l", point), "C_L");
    assertTrue(bound("ji2022.lemma15.task-gradient-norm").assumptionsHold(bindings));
  }

  // Prop 2: the tightest valid second moment never exceeds the [R-lo] form.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void tightSecondMomentIsBelowTheReconstructedOne(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lipschitz = uniform(random, 0.1, 10);
    Map<String, Double> point = new HashMap<>();
    point.put("L", lipschitz);
    point.put("alpha", uniform(random, 0, 1 / lipschitz));
    point.put("sigma_g", uniform(random, 0, 5));
    point.put("S", (double) (1 + random.nextInt(100)));
    point.put("j", (double) random.nextInt(30));
    assertAtMost(
        eval("ji2022.prop2.path-deviation-second-moment-tight", point),
        eval("ji2022.prop2.path-deviation-second-moment", point),
        "tight <= [R-lo]");
  }

  // Theorem 5: the root form is never larger than c R + sqrt(phi R).
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theorem5RootFormIsTheSharperOne(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Double> point = new HashMap<>();
    point.put("L", 1.0);
    point.put("N", (double) (1 + random.nextInt(3)));
    point.put("alpha", uniform(random, 0, 0.05));
    point.put("rho", uniform(random, 0, 2));
    point.put("sigma", uniform(random, 0, 1));
    point.put("sigma_g", uniform(random, 0, 1));
    point.put("sigma_H", uniform(random, 0, 1));
    for (String batch : new String[] {"S", "T", "D", "D_L", "B_prime"}) {
      point.put(batch, (double) (1 + random.nextInt(50)));
    }
    point.put("B", (double) (10 + random.nextInt(50)));
    point.put("C_beta", uniform(random, 8, 20));
    point.put("Delta", uniform(random, 0.1, 5));
    point.put("K", (double) (1 + random.nextInt(1000)));
    Bound theorem = bound("ji2022.thm5.stationarity");
    // xi <= 0 or a batch below its threshold puts the instance out of scope: reported as skipped
    assumeTrue(theorem.assumptionsHold(Bindings.of(point)), "instance outside Theorem 5");
    assertAtMost(
        eval("ji2022.thm5.stationarity-root", point),
        eval("ji2022.thm5.stationarity", point),
        "root form <= c R + sqrt(phi R)");
  }

  // Lemma 18 with S_i = T_i (equal gradients) reduces to Lemma 14.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lemma18WithEqualSupportAndQueryIsLemma14(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lipschitz = uniform(random, 0.1, 10);
    double gradient = uniform(random, 0, 10);
    Map<String, Double> point = new HashMap<>();
    point.put("L", lipschitz);
    point.put("alpha", uniform(random, 0, 1 / lipschitz));
    point.put("N", (double) (1 + random.nextInt(10)));
    point.put("grad_query", gradient);
    point.put("grad_support", gradient);
    double lemma18 = eval("ji2022.lemma18.meta-gradient-deviation", point);
    double lemma14 = eval("ji2022.lemma14.meta-gradient-deviation", point) * gradient;
    assertEquals(lemma14, lemma18, TOLERANCE * Math.max(1, lemma14));
  }

  // Fallah (21): the minimised form is below every phi and attained at the optimal phi.
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void fallahSecondMomentMinimumOverPhi(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lipschitz = uniform(random, 0.1, 10);
    double alpha = uniform(random, 0.001, 1 / lipschitz);
    double noise = uniform(random, 0.01, 5);
    double inner = 1 + random.nextInt(100);
    double adapted = uniform(random, 0.01, 10);
    Map<String, Double> point = new HashMap<>();
    point.put("L", lipschitz);
    point.put("alpha", alpha);
    point.put("sigma_g", noise);
    point.put("D_in", inner);
    point.put("D_o", (double) (1 + random.nextInt(100)));
    point.put("grad_adapted", adapted);
    double minimum = eval("fallah2020.lemma4.10.estimator-second-moment-min", point);
    point.put("phi", uniform(random, 0.01, 100));
    assertAtMost(
        minimum, eval("fallah2020.lemma4.10.estimator-second-moment", point), "min <= any");
    // phi* = grad_adapted sqrt(D_in) / (alpha L sigma~)
    point.put("phi", adapted * Math.sqrt(inner) / (alpha * lipschitz * noise));
    assertEquals(
        minimum, eval("fallah2020.lemma4.10.estimator-second-moment", point), 1e-10 * minimum);
  }

  @Test
  void quadraticTasksMakeTheStochasticStepsizeRequirementsVacuous() {
    // rho = 0: Fallah's beta~ = 1/(4L) is deterministic; (19) then reads 0.8/(4L) <= 1/(4L) and
    // 1/(4L)^2 <= 3.125/(4L)^2, and every stepsize batch threshold is zero
    Map<String, Double> point =
        Map.of(
            "L",
            2.0,
            "rho",
            0.0,
            "alpha",
            0.3,
            "sigma",
            5.0,
            "sigma_g",
            7.0,
            "grad_task_mean",
            4.0,
            "grad_task_est",
            9.0,
            "N",
            3.0);
    double stepsize = eval("fallah2020.lemma4.9.stepsize-estimate", point);
    assertEquals(1 / 8.0, stepsize, TOLERANCE);
    assertTrue(eval("fallah2020.lemma4.9.stepsize-mean", point) <= stepsize);
    assertTrue(eval("fallah2020.lemma4.9.stepsize-second-moment", point) >= stepsize * stepsize);
    assertEquals(0.0, eval("fallah2020.lemma4.9.b-prime-threshold", point));
    assertEquals(0.0, eval("fallah2020.lemma4.9.d-beta-threshold", point));
    Map<String, Double> ji = new HashMap<>(point);
    ji.put("D_L", 1.0);
    assertEquals(0.0, eval("ji2022.lemma16.d-l-threshold", ji));
    assertEquals(0.0, eval("ji2022.lemma16.b-prime-threshold", ji));
  }

  @Test
  void hfMamlHessianBatchReadingsCoincideAtUnitRho() {
    Map<String, Double> point = Map.of("alpha", 0.37, "rho", 1.0, "sigma_H", 2.9);
    assertEquals(
        eval("fallah2020.thm4.17.d-h-threshold", point),
        eval("fallah2020.thm4.17.d-h-threshold-printed", point));
  }
}
