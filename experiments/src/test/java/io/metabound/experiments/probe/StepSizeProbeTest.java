package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.assertCovers;
import static io.metabound.experiments.probe.ProbeFixtures.gaussianExpectation;
import static io.metabound.experiments.probe.ProbeFixtures.instance;
import static io.metabound.experiments.probe.ProbeFixtures.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.metabound.experiments.algorithm.FiniteSumMaml;
import io.metabound.experiments.algorithm.StepSizeRule;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.junit.jupiter.api.Test;

/**
 * The step-size moment probes against one-dimensional Gaussian integrals, deterministic cases and a
 * brute-force enumeration.
 *
 * <p>Derivation. On one task in one dimension with additive noise, a batch gradient at the origin
 * is {@code f'(0) + sZ} with {@code s = σ_g/√D} and Z standard normal, so with {@code B' = 1}
 * Fallah2020's {@code β̃ = 1/(4L + 2ρα|f'(0) + sZ|)} and Ji2022's (14) {@code β = 1/(C_β((1 +
 * αL)^{2N} L + C_𝓛|f'(0) + sZ|))}: their moments are Gaussian integrals of functions with a kink
 * at {@code Z = −f'(0)/s}. On quadratic tasks ρ = 0, so both step sizes are deterministic.
 */
class StepSizeProbeTest {

  @Test
  void fallahMomentsMatchTheGaussianIntegral() {
    double a = 0.7;
    double c = 0.4;
    SeparableNonconvexLoss f = new SeparableNonconvexLoss(new double[] {a}, new double[] {c});
    double l = 2 * a;
    double rho = a * SeparableNonconvexLoss.MAX_THIRD_DERIVATIVE_PER_WEIGHT;
    double alpha = 0.6;
    double sigmaG = 3;
    int batch = 2;
    Instance x =
        instance(
            f,
            Map.of("alpha", alpha, "sigma_g", sigmaG, "B_prime", 1.0, "D_beta", (double) batch),
            3);
    double g0 = EstimatorBiasProbeTest.derivative(a, c, 0);
    double s = sigmaG / Math.sqrt(batch);
    double kink = -g0 / s;
    double mean =
        gaussianExpectation(z -> 1 / (4 * l + 2 * rho * alpha * Math.abs(g0 + s * z)), kink);
    double second =
        gaussianExpectation(
            z -> Math.pow(4 * l + 2 * rho * alpha * Math.abs(g0 + s * z), -2), kink);
    assertExactAndSampled(StepSizeSetting.FALLAH, x, mean, second);
  }

  @Test
  void jiResamplingMomentsMatchTheGaussianIntegral() {
    double a = 0.5;
    double c = -1.3;
    SeparableNonconvexLoss f = new SeparableNonconvexLoss(new double[] {a}, new double[] {c});
    double l = 2 * a;
    double rho = a * SeparableNonconvexLoss.MAX_THIRD_DERIVATIVE_PER_WEIGHT;
    double alpha = 0.3;
    int n = 2;
    double constant = 2;
    double sigmaG = 4;
    Instance x =
        instance(
            f,
            Map.of(
                "alpha",
                alpha,
                "N",
                (double) n,
                "C_beta",
                constant,
                "B_prime",
                1.0,
                "D_L",
                1.0,
                "sigma_g",
                sigmaG),
            4);
    double base = Math.pow(1 + alpha * l, 2 * n) * l;
    double cl = StepSizeRule.JiAdaptive.metaGradientCoefficient(l, rho, alpha, n);
    double g0 = EstimatorBiasProbeTest.derivative(a, c, 0);
    double kink = -g0 / sigmaG;
    double mean =
        gaussianExpectation(z -> 1 / (constant * (base + cl * Math.abs(g0 + sigmaG * z))), kink);
    double second =
        gaussianExpectation(
            z -> Math.pow(constant * (base + cl * Math.abs(g0 + sigmaG * z)), -2), kink);
    assertExactAndSampled(StepSizeSetting.JI_RESAMPLING, x, mean, second);
  }

  /**
   * The probes (quadrature, {@link StepSizeMoments}) equal the Gaussian integrals of the test to
   * 1e-11, and the rule itself, sampled ({@link StepSizeSetting#monteCarloMoment}), covers them.
   */
  private static void assertExactAndSampled(
      StepSizeSetting setting, Instance x, double mean, double second) {
    Measurement exactMean = new StepSizeMeanProbe(setting).measure(x, samples(2));
    Measurement exactSecond = new StepSizeSecondMomentProbe(setting).measure(x, samples(2));
    assertEquals(Measurement.Kind.EXACT, exactMean.kind());
    assertEquals(mean, exactMean.value(), 1e-11 * mean);
    assertEquals(second, exactSecond.value(), 1e-11 * second);
    assertCovers(setting.monteCarloMoment(x, samples(40_000), 1), mean);
    assertCovers(setting.monteCarloMoment(x, samples(40_000), 2), second);
  }

  @Test
  void quadraticTasksGiveDeterministicStepSizes() {
    TaskSet tasks = RandomTasks.quadraticTasks(2, 2, -1, 1, false, 5);
    double l = io.metabound.experiments.check.QuadraticInstanceConstants.of(tasks).get("L");
    double alpha = 0.2;
    Instance x =
        Instance.of(
            tasks,
            Map.of(
                "alpha", alpha, "N", 3.0, "C_beta", 5.0, "B_prime", 2.0, "D_L", 1.0, "D_beta", 1.0,
                "sigma_g", 2.0),
            6,
            "test");
    Measurement fallah = new StepSizeMeanProbe(StepSizeSetting.FALLAH).measure(x, samples(100));
    assertEquals(1 / (4 * l), fallah.value(), 1e-13 / (4 * l));
    assertEquals(0, StepSizeSetting.FALLAH.monteCarloMoment(x, samples(100), 1).standardError());
    Measurement ji =
        new StepSizeSecondMomentProbe(StepSizeSetting.JI_RESAMPLING).measure(x, samples(100));
    double beta = 1 / (5 * Math.pow(1 + alpha * l, 6) * l);
    assertEquals(beta * beta, ji.value(), 1e-13 * beta * beta);
  }

  @Test
  void finiteSumEnumerationEqualsBruteForceAndTheRuleItself() {
    TaskSet tasks = weightedSeparable();
    double alpha = 0.4;
    int n = 2;
    int draws = 3;
    Instance x =
        Instance.of(
            tasks,
            Map.of("alpha", alpha, "N", (double) n, "C_beta", 1.5, "B_prime", (double) draws),
            7,
            "test");
    Measurement mean = new StepSizeMeanProbe(StepSizeSetting.JI_FINITE_SUM).measure(x, samples(2));
    Measurement second =
        new StepSizeSecondMomentProbe(StepSizeSetting.JI_FINITE_SUM).measure(x, samples(2));
    assertEquals(Measurement.Kind.EXACT, mean.kind());
    double[] l = ProbeInstances.smoothness(x);
    StepSizeRule.JiAdaptive rule =
        StepSizeRule.JiAdaptive.finiteSum(l[0], l[1], alpha, n, 1.5, draws, 0);
    FiniteSumMaml norms = new FiniteSumMaml(tasks, alpha, n);
    double[] w = new double[tasks.dimension()];
    // every ordered sequence of B' task draws, with its probability
    int m = tasks.size();
    double bruteMean = 0;
    double bruteSecond = 0;
    for (int code = 0; code < Math.pow(m, draws); code++) {
      double probability = 1;
      double sum = 0;
      int rest = code;
      for (int b = 0; b < draws; b++) {
        int task = rest % m;
        rest /= m;
        probability *= tasks.probability(task);
        sum += norms.taskGradientNorm(task, w, 0, null);
      }
      double beta = 1 / (1.5 * (rule.baseSmoothness() + rule.gradientCoefficient() * sum / draws));
      bruteMean += probability * beta;
      bruteSecond += probability * beta * beta;
    }
    assertEquals(bruteMean, mean.value(), 1e-14 * bruteMean);
    assertEquals(bruteSecond, second.value(), 1e-14 * bruteSecond);
    // and the algorithm's own rule, sampled, agrees with the enumeration
    Well19937c random = new Well19937c(8);
    StreamingStatistics s = new StreamingStatistics();
    for (int k = 0; k < 40_000; k++) {
      s.addValue(rule.stepSize(w, norms, random));
    }
    assertCovers(Measurement.ofStatistics(s, ProbeFixtures.LEVEL), bruteMean);
  }

  @Test
  void multinomialProbabilitiesSumToOneAndHaveTheRightMeans() {
    double[] p = {0.2, 0.5, 0.3};
    int n = 5;
    assertEquals(1, MultinomialExpectation.of(p, n, k -> 1), 1e-14);
    for (int i = 0; i < p.length; i++) {
      int category = i;
      assertEquals(n * p[i], MultinomialExpectation.of(p, n, k -> k[category]), 1e-13);
    }
    // C(n + m − 1, m − 1) = C(7, 2) = 21 count vectors
    int[] visits = new int[1];
    MultinomialExpectation.forEach(p, n, (k, q) -> visits[0]++);
    assertEquals(21, visits[0]);
    assertEquals(21, MultinomialExpectation.compositions(n, 3, 1000));
    assertEquals(-1, MultinomialExpectation.compositions(n, 3, 20));
  }

  @Test
  void sameSeedSameBits() {
    Instance x =
        instance(
            RandomTasks.separable(2, 9),
            Map.of(
                "alpha", 0.3, "N", 1.0, "C_beta", 1.0, "B_prime", 2.0, "D_L", 1.0, "D_beta", 1.0,
                "sigma_g", 2.0),
            10);
    // the quadrature does not depend on the seed at all; the sampled rule is reproducible
    Measurement exact = new StepSizeMeanProbe(StepSizeSetting.JI_RESAMPLING).measure(x, samples(2));
    assertEquals(
        Double.doubleToRawLongBits(exact.value()),
        Double.doubleToRawLongBits(
            new StepSizeMeanProbe(StepSizeSetting.JI_RESAMPLING)
                .measure(x.withSeed(11), samples(2))
                .value()));
    Measurement first = StepSizeSetting.FALLAH.monteCarloMoment(x, samples(200), 2);
    assertEquals(first, StepSizeSetting.FALLAH.monteCarloMoment(x, samples(200), 2));
    assertNotEquals(
        first.value(), StepSizeSetting.FALLAH.monteCarloMoment(x.withSeed(11), samples(200), 2).value());
  }

  /** Three separable tasks of weights 1, 2, 3 (outer = inner). */
  static TaskSet weightedSeparable() {
    List<MetaTask> list = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SeparableNonconvexLoss f = RandomTasks.separable(2, 20 + i);
      list.add(new MetaTask(f, f, 1 + i));
    }
    return new TaskSet(list);
  }
}
