package io.metabound.experiments.probe;

import static io.metabound.experiments.probe.ProbeFixtures.assertDeterministic;
import static io.metabound.experiments.probe.ProbeFixtures.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stationarity probe against noise-free runs iterated independently with the closed-form
 * quadratic oracle: without sampling noise and with one task, every algorithm is a deterministic
 * iteration {@code w_{k+1} = w_k − β (A w_k − b)} of its affine direction, so {@code E‖∇𝓛(w_ζ)‖ =
 * (1/K) Σ_{k<K} ‖∇𝓛(w_k)‖} exactly, with zero standard error.
 */
class StationarityProbeTest {

  static final QuadraticLoss TASK = RandomTasks.quadratic(2, 0.3, 1, 81);
  static final TaskSet ONE = new TaskSet(List.of(MetaTask.same(TASK)));
  static final double L =
      io.metabound.experiments.check.QuadraticInstanceConstants.of(ONE).get("L");

  /** {@code (1/K) Σ_{k<K} ‖∇𝓛(w_k)‖} for {@code w_{k+1} = w_k − β g(w_k)} from the origin. */
  static double meanGradientNorm(
      AffineGradientMap direction, AffineGradientMap gradient, double beta, int k) {
    double[] w = new double[2];
    double[] g = new double[2];
    double sum = 0;
    for (int t = 0; t < k; t++) {
      gradient.apply(w, g);
      sum += Math.hypot(g[0], g[1]);
      direction.apply(w, g);
      for (int j = 0; j < 2; j++) {
        w[j] -= beta * g[j];
      }
    }
    return sum / k;
  }

  static Map<String, Double> noiseFree() {
    Map<String, Double> p = new HashMap<>();
    p.put("sigma_g", 0.0);
    p.put("sigma_H", 0.0);
    p.put("K", 30.0);
    p.put("B", 3.0);
    p.put("B_prime", 1.0);
    return p;
  }

  @Test
  void noiseFreeResamplingRunIsExactGradientDescentWithJisStepSize() {
    double alpha = 0.15;
    int n = 2;
    Map<String, Double> p = noiseFree();
    p.putAll(
        Map.of(
            "alpha",
            alpha,
            "N",
            (double) n,
            "S",
            1.0,
            "D",
            1.0,
            "T",
            1.0,
            "D_L",
            1.0,
            "C_beta",
            2.0));
    Measurement m =
        new StationarityProbe(StationarityAlgorithm.JI_RESAMPLING)
            .measure(Instance.of(ONE, p, 3, "test"), samples(5));
    AffineGradientMap gradient = QuadraticMetaOracle.maml(ONE, alpha, n).gradientMap();
    // ρ = 0: β = 1/(C_β (1+αL)^{2N} L) at every step
    double beta = 1 / (2.0 * Math.pow(1 + alpha * L, 2 * n) * L);
    double expected = meanGradientNorm(gradient, gradient, beta, 30);
    assertEquals(expected, m.value(), 1e-12 * expected);
    assertEquals(0, m.standardError(), 1e-15);
  }

  @Test
  void noiseFreeFallahRunsFollowTheirDirectionsWithTheLemma49StepSize() {
    double alpha = 0.4;
    Map<String, Double> p = noiseFree();
    p.putAll(Map.of("alpha", alpha, "D_in", 1.0, "D_o", 1.0, "D_h", 1.0, "D_beta", 1.0));
    Instance x = Instance.of(ONE, p, 4, "test");
    QuadraticMetaOracle oracle = QuadraticMetaOracle.maml(ONE, alpha, 1);
    AffineGradientMap gradient = oracle.gradientMap();
    // MAML (5) and HF-MAML (10) are exact on a quadratic without noise; FO-MAML (8) follows A_FO
    double maml = meanGradientNorm(gradient, gradient, 1 / (12 * 4 * L), 30);
    double fo = meanGradientNorm(oracle.firstOrderMap(), gradient, 1 / (18 * 4 * L), 30);
    double hf = meanGradientNorm(gradient, gradient, 1 / (25 * 4 * L), 30);
    assertEquals(maml, probe(StationarityAlgorithm.FALLAH_MAML, x), 1e-12 * maml);
    assertEquals(fo, probe(StationarityAlgorithm.FALLAH_FIRST_ORDER, x), 1e-12 * fo);
    assertEquals(hf, probe(StationarityAlgorithm.FALLAH_HESSIAN_FREE, x), 1e-10 * hf);
  }

  @Test
  void aDivergingRunMakesTheMeasurementInfinite() {
    Map<String, Double> p = noiseFree();
    p.putAll(
        Map.of("alpha", 0.1, "N", 1.0, "S", 1.0, "D", 1.0, "T", 1.0, "D_L", 1.0, "C_beta", 1e-3));
    p.put("K", 200.0);
    Measurement m =
        new StationarityProbe(StationarityAlgorithm.JI_RESAMPLING)
            .measure(Instance.of(ONE, p, 5, "test"), samples(5));
    assertEquals(Measurement.Kind.BRACKETED, m.kind());
    assertEquals(Double.POSITIVE_INFINITY, m.lower());
  }

  @Test
  void sameSeedSameBits() {
    TaskSet tasks = RandomTasks.quadraticTasks(2, 2, 0.2, 1, false, 9);
    Map<String, Double> p = new HashMap<>();
    p.putAll(
        Map.of("alpha", 0.1, "N", 1.0, "S", 2.0, "D", 2.0, "T", 2.0, "D_L", 1.0, "C_beta", 5.0));
    p.putAll(Map.of("sigma_g", 0.5, "sigma_H", 0.5, "K", 20.0, "B", 2.0, "B_prime", 1.0));
    p.putAll(Map.of("D_in", 1.0, "D_o", 1.0, "D_h", 1.0, "D_beta", 1.0));
    Instance x = Instance.of(tasks, p, 6, "test");
    assertDeterministic(new StationarityProbe(StationarityAlgorithm.JI_RESAMPLING), x, samples(8));
    assertDeterministic(
        new StationarityProbe(StationarityAlgorithm.FALLAH_HESSIAN_FREE), x, samples(8));
    // support ½(w − c)ᵀH(w − c), query ½(w − e)ᵀH(w − e): a finite gap b
    QuadraticLoss support = RandomTasks.quadratic(2, 0.2, 1, 10);
    QuadraticLoss query = new QuadraticLoss(support.hessian(), RandomTasks.randomVector(2, 1, 11));
    TaskSet finiteSum = new TaskSet(List.of(new MetaTask(support, query, 1), MetaTask.same(TASK)));
    assertDeterministic(
        new StationarityProbe(StationarityAlgorithm.JI_FINITE_SUM),
        Instance.of(finiteSum, p, 6, "test"),
        samples(8));
  }

  private static double probe(StationarityAlgorithm algorithm, Instance x) {
    Measurement m = new StationarityProbe(algorithm).measure(x, samples(3));
    assertEquals(0, m.standardError(), 1e-15);
    return m.value();
  }
}
