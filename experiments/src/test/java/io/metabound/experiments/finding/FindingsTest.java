package io.metabound.experiments.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.task.QuadraticTaskFile;
import io.metabound.experiments.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every finding's numbers against closed forms derived by hand (the derivation is the comment
 * above each assertion), so that the oracle values are cross-checked with the closed forms.
 */
class FindingsTest {

  private static Map<String, Finding> byId;

  @BeforeAll
  static void compute() {
    byId = Findings.all().stream().collect(Collectors.toMap(Finding::id, f -> f));
  }

  private static void near(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
  }

  private static FindingValue value(String id, int i) {
    return byId.get(id).values().get(i);
  }

  @Test
  void jiMetaSmoothnessAtAlphaOneOverLIsTinyAgainstProp1() {
    FindingValue v = value("ji2022-alpha-over-n-not-needed", 0);
    // max_λ λ(1 − λ/L)^{100} at λ* = L/101 (L = 1): (1/101)(100/101)^{100} = 0.0036605…
    double closedForm = Math.pow(100.0 / 101, 100) / 101;
    near(closedForm, v.measured(), "measured max meta-smoothness");
    near(0.0036605070527635543, v.measured(), "the value the oracle CLI prints on the task file");
    assertTrue(v.measured() <= 0.0037, "at most 0.0037 L");
    // L_w = (1 + αL)^{2N} L + 0 (ρ = 0) at α = 1/L, N = 50: 2^{100} = 1.2677e30
    near(Math.pow(2, 100), v.stated(), "Prop 1's L_w");
    // ratio measured/stated = 0.00366/2^{100} ≈ 2.89e-33
    assertEquals(closedForm / Math.pow(2, 100), v.ratio(), 1e-12 * v.ratio());
    assertEquals(Finding.Kind.SHARPENS, byId.get("ji2022-alpha-over-n-not-needed").kind());
  }

  @Test
  void fallahAlphaHypothesesAreStricterThanTheDeterministicCaseNeeds() {
    // MAML, Thm 4.12: β = 1/(12·4L) = 1/192 at L = λ = 4; α* = (1 + √(2/(βλ)))/λ = (1 + √96)/4
    FindingValue maml = value("fallah2020-maml-alpha", 0);
    assertEquals((1 + Math.sqrt(96)) / 4, maml.measured(), 1e-9, "MAML alpha*");
    near(0.25, maml.stated(), "1/L");
    // stated/measured = 1/(1 + √96) = 0.09261
    assertEquals(1 / (1 + Math.sqrt(96)), maml.ratio(), 1e-9);
    assertEquals(0.0926, maml.ratio(), 5e-5, "the registry suite's ratio");
    // FO-MAML, Thm 4.15: μ = λ(1 − αλ) turns negative at α = 1/λ = 0.25; stated 1/(10L) = 0.025
    FindingValue fo = value("fallah2020-fomaml-alpha", 0);
    assertEquals(0.25, fo.measured(), 1e-12, "FO-MAML alpha* = 1/L");
    near(0.025, fo.stated(), "1/(10L)");
    assertEquals(0.1, fo.ratio(), 1e-10);
    // HF-MAML, Thm 4.17: β = 1/(25·16) = 1/400; α* = (1 + √200)/4 = 3.7855; stated 1/(6L) = 1/24
    FindingValue hf = value("fallah2020-hfmaml-alpha", 0);
    assertEquals((1 + Math.sqrt(200)) / 4, hf.measured(), 1e-8, "HF-MAML alpha*");
    near(1.0 / 24, hf.stated(), "1/(6L)");
    // stated/measured = 1/(6(1 + √200)) = 0.011007: a factor 90.85
    assertEquals(1 / (6 * (1 + Math.sqrt(200))), hf.ratio(), 1e-9);
    assertEquals(90.85, 1 / hf.ratio(), 0.01);
  }

  @Test
  void fallahBisectionAgreesWithTheOracleOnBothSides() {
    TaskSet one = FindingOracle.diagonalTasks(new double[] {4});
    double beta = 1.0 / 192;
    double alphaStar = (1 + Math.sqrt(96)) / 4;
    // just below α*: λ(1 − αλ)² < 2/β, converges; just above: diverges; at α = 1/λ: μ = 0
    assertTrue(FindingOracle.converges(Estimator.MAML, one, alphaStar * (1 - 1e-6), beta));
    assertTrue(!FindingOracle.converges(Estimator.MAML, one, alphaStar * (1 + 1e-6), beta));
    assertTrue(!FindingOracle.converges(Estimator.MAML, one, 0.25, beta), "the neutral point 1/lambda");
  }

  @Test
  void takagiAlphaAboveOneOverLambdaConvergesForExactMamlOnly() {
    Finding f = byId.get("takagi2019-alpha-not-necessary");
    assertEquals(6, f.values().size());
    // 2/(λ(1 − αλ)²) at λ = 4: αλ = 1.2: 2/(4·0.04) = 12.5; 1.8: 2/(4·0.64) = 0.78125; 2.4: 2/(4·1.96)
    double[] exact = {12.5, 0.78125, 2 / (4 * 1.96)};
    // 2/(λ − αλ²) = 2/(λ(1 − αλ)): 2/(4·(−0.2)) = −2.5; 2/(4·(−0.8)) = −0.625; 2/(4·(−1.4))
    double[] condBeta = {-2.5, -0.625, 2 / (4 * -1.4)};
    for (int i = 0; i < 3; i++) {
      FindingValue maml = f.values().get(2 * i);
      FindingValue fo = f.values().get(2 * i + 1);
      assertEquals(exact[i], maml.measured(), 1e-12 * exact[i], maml.what());
      assertEquals(exact[i], maml.stated(), 1e-12 * exact[i], maml.what());
      assertEquals(1, maml.ratio(), 1e-12);
      // FO-MAML's map λ(1 − αλ) < 0: no β > 0 converges, the oracle says 0
      assertEquals(0, fo.measured(), fo.what());
      near(condBeta[i], fo.stated(), fo.what());
      assertNull(fo.ratio(), "no ratio of a negative threshold");
    }
    assertEquals(Finding.Kind.DISAGREES, f.kind());
  }

  @Test
  void takagiFactorHoldsPerEigenvalueOnly() {
    Finding f = byId.get("takagi2019-factor-per-eigenvalue");
    // α = 0.1, λ = 5, 10/3: FO-MAML 2/(λ(1 − αλ)) = 0.8, 0.9 → 0.8 = 8α
    near(0.8, f.values().get(0).measured(), "FO-MAML threshold");
    near(0.8, f.values().get(0).stated(), "Cond-beta");
    // exact MAML 2/(λ(1 − αλ)²) = 1.6, 1.35 → 1.35 = 13.5α
    near(1.35, f.values().get(1).measured(), "MAML threshold");
    near(1.35, f.values().get(1).stated(), "derived formula");
    // 8α/13.5α = 0.5926 against 1 − αλ₁ = 0.5 (ratio 1.1852) and 1 − αλ₂ = 2/3 (ratio 0.8889)
    near(0.8 / 1.35, f.values().get(2).measured(), "ratio of thresholds");
    near(0.5, f.values().get(2).stated(), "1 - alpha lambda_1");
    near(2.0 / 3, f.values().get(3).stated(), "1 - alpha lambda_2");
    near(0.8 / 1.35 / 0.5, f.values().get(2).ratio(), "vs 1 - alpha lambda_1");
    near(0.8 / 1.35 / (2.0 / 3), f.values().get(3).ratio(), "vs 1 - alpha lambda_2");
  }

  @Test
  void takagiSummedUpdateIsLooseByTheNumberOfTasks() {
    Finding f = byId.get("takagi2019-summed-update");
    // averaged: 2/(λ − αλ²) at λ = 4, α = 0.1: 2/(4 − 1.6) = 0.8333; summed: 0.8333/3 = 0.2778
    near(2 / 2.4, f.values().get(0).measured(), "averaged");
    near(2 / 2.4, f.values().get(0).stated(), "per-task Cond-beta");
    near(1, f.values().get(0).ratio(), "exact for the averaged update");
    near(2 / 2.4 / 3, f.values().get(1).measured(), "summed");
    near(3, f.values().get(1).ratio(), "overstated by m = 3");
    assertEquals(3, f.instance().tasks().size());
    // one task gives the same averaged threshold: identical tasks average to themselves
    double single = FindingOracle.betaThreshold(Estimator.FOMAML, FindingOracle.diagonalTasks(new double[] {4}),
        FindingOracle.parameters(Estimator.FOMAML, 0.1, 1));
    near(f.values().get(0).measured(), single, "one task");
  }

  @Test
  void takagiMultitaskReadingOverstatesTheStableRange() {
    Finding f = byId.get("takagi2019-multitask-beta");
    // λ = 0.5, α = 0.5: FO-MAML 2/(λ − αλ²) = 2/0.375 = 5.3333; reading 2/(λ − 2αλ²) = 2/0.25 = 8
    near(2 / 0.375, f.values().get(0).measured(), "FO-MAML");
    near(8, f.values().get(0).stated(), "multi-task reading");
    // ratio (1 − αλ)/(1 − 2αλ) = 0.75/0.5 = 1.5
    near(1.5, f.values().get(0).ratio(), "the suite's expected-finding ratio");
    // exact MAML 2/(λ(1 − αλ)²) = 2/(0.5·0.5625) = 7.1111; ratio (1 − αλ)²/(1 − 2αλ) = 1.125
    near(2 / (0.5 * 0.5625), f.values().get(1).measured(), "exact MAML");
    near(1.125, f.values().get(1).ratio(), "even exact MAML");
  }

  @Test
  void everyTaskFileReadsBackToTheSameNumbers() {
    for (Finding f : Findings.all()) {
      TaskSet back = QuadraticTaskFile.parse(QuadraticTaskFile.toJson(f.instance().tasks()), f.taskFile());
      assertEquals(f.instance().tasks(), back, f.id());
      assertTrue(f.reproduce().stream().anyMatch(c -> c.startsWith("metabound oracle --tasks " + f.taskFile())),
          f.id() + ": " + f.reproduce());
      assertTrue(Finding.PAPERS.contains(f.paper()));
    }
  }

  @Test
  void papersFilterAndAnUnknownPaperNamesTheKnownOnes() {
    assertEquals(4, Findings.ofPaper("Takagi2019").size());
    assertEquals(3, Findings.ofPaper("fallah2020").size());
    assertEquals(List.of(), Findings.ofPaper("rajeswaran2019"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Findings.ofPaper("finn2017"));
    assertTrue(e.getMessage().contains("ji2022, fallah2020, takagi2019, rajeswaran2019"), e.getMessage());
  }
}
