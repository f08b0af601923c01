package io.metabound.reports.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.Replay;
import io.metabound.experiments.check.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three wrong verdicts a short claims file used to get, each from the verdict machinery and not
 * from the mathematics, now decided right at several seeds.
 *
 * <ol>
 *   <li>A true claim compared rounding residues at α = 1/L (both sides are 0 in exact arithmetic)
 *       and came out VIOLATED: now HOLDS, tight.
 *   <li>A false claim over α ∈ [−1/L, 0] came out HOLDS because every α &lt; 0 was silently out of
 *       scope: the claim's own range now gives α its domain, and the claim is VIOLATED; with a
 *       registry bound whose hypotheses exclude α &lt; 0, only α = 0 is in scope and the verdict is
 *       INCONCLUSIVE with that reason, never HOLDS.
 *   <li>HF-MAML with N ∈ [2, 5] measured the one-step map and said HOLDS: it now takes N steps and
 *       is VIOLATED like MAML (on quadratics the two are equal).
 * </ol>
 */
class ClaimVerdictSoundnessTest {

  @TempDir Path dir;

  /**
   * On one task ½hw² the N-step MAML meta-Hessian is h(1 − αh)^{2N} and the bound L(1 − αμ)^{2N}
   * is the same number (L = μ = h): equal everywhere, residues at α = 1/L.
   */
  static final String CONTRACTION =
      """
      claims:
        - id: contraction
          statement: "for alpha in [0, 1/L] and convex quadratics MAML is L(1 - alpha mu)^(2N)-smooth"
          measure: "opnorm(meta_hessian(maml))"
          relation: "<="
          bound: "L*(1 - alpha*mu)^(2*N)"
          family: {type: quadratic, dim: 1, tasks: 1, spectrum: [0.1, 10]}
          params: {alpha: [0, "1/L"], N: [1, 5]}
      """;

  /** Negative rates increase curvature: h(1 + |α|h)² > h = L on one task, so "≤ L" is false. */
  static final String NEGATIVE_RATES =
      """
      claims:
        - id: negative-rates
          quantity: meta-smoothness
          estimator: maml
          relation: "<="
          bound: "L"
          family: {type: quadratic, dim: [1, 3], tasks: [1, 3], spectrum: [0.1, 10]}
          params: {alpha: ["-1/L", 0], N: 1}
        - id: registry-hypotheses
          quantity: meta-smoothness
          estimator: maml
          relation: "<="
          bound: fallah2020.lemma4.8.meta-smoothness
          family: {type: quadratic, dim: [1, 2], tasks: [1, 2], spectrum: [-1, 1]}
          params: {alpha: ["-1/L", 0], grad_task_mean: 0, N: 1}
      """;

  /** With H = −L, N steps give (1 + αL)^{2N} L, above the one-step (1 + αL)² L for N ≥ 2. */
  static final String N_STEPS =
      """
      claims:
        - id: hfmaml-n-steps
          quantity: meta-smoothness
          estimator: hfmaml
          relation: "<="
          bound: "(1 + alpha*L)^2 * L"
          family: {type: quadratic, dim: [1, 2], tasks: [1, 2], spectrum: [-2, 2]}
          params: {alpha: [0.01, "1/L"], N: [2, 5]}
      """;

  private List<CheckResult> run(String yaml, long seed) {
    List<ClaimEntry> claims = ClaimsParser.parseYaml(yaml, "soundness.yaml");
    Path out = dir.resolve("seed-" + seed);
    return ClaimsValidation.run(
            "soundness.yaml",
            yaml.getBytes(StandardCharsets.UTF_8),
            claims,
            StandardProbes.resolver(),
            ClaimsValidation.settings(seed, 150, out),
            id -> {})
        .results();
  }

  @ParameterizedTest
  @ValueSource(longs = {20261201, 1, 2, 3, 4, 5, 6, 7, 8})
  void residuesAtTheRangeEndAreEqualityNotAViolation(long seed) {
    CheckResult r = run(CONTRACTION, seed).get(0);
    assertEquals(Verdict.HOLDS, r.verdict(), r.note() + " at " + r.instanceDescription());
    assertTrue(r.tight(), "the two sides are the same number: " + r.ratio());
  }

  @ParameterizedTest
  @ValueSource(longs = {20261201, 1, 2})
  void aNegativeRangeIsSearchedAndAFalseClaimIsViolated(long seed) throws Exception {
    List<CheckResult> results = run(NEGATIVE_RATES, seed);
    CheckResult r = results.get(0);
    assertEquals(Verdict.VIOLATED, r.verdict(), r.note());
    assertTrue(r.search().inScopeEvaluations() > 100, "negative α is in scope");
    assertTrue(r.instance().parameter("alpha") < 0, r.instanceDescription());
    // the worst instance says how false the claim is; the shrunk one only that it is
    assertNotNull(r.worst());
    assertTrue(r.worst().ratio() >= r.ratio(), r.worst().ratio() + " < " + r.ratio());
    assertTrue(r.worst().ratio() > 2, "the worst ratio " + r.worst().ratio());
    for (String file : List.of(r.counterexample(), r.worst().counterexample())) {
      Replay.Outcome replay =
          Replay.replay(
              Path.of(file),
              id ->
                  Optional.of(
                      ClaimsValidation.checks(
                              ClaimsParser.parseYaml(NEGATIVE_RATES, "soundness.yaml"),
                              StandardProbes.resolver())
                          .get(id)
                          .check()));
      assertEquals(Verdict.VIOLATED, replay.result().verdict(), file);
      assertTrue(replay.reproduced(), file);
    }

    CheckResult collapsed = results.get(1);
    assertEquals(Verdict.INCONCLUSIVE, collapsed.verdict(), collapsed.note());
    assertTrue(collapsed.note().contains("only alpha = 0 was in scope"), collapsed.note());
    assertTrue(collapsed.search().outOfScopeEvaluations() > 0);
  }

  @ParameterizedTest
  @ValueSource(longs = {20261201, 1, 2})
  void hfMamlTakesItsNStepsAndIsViolatedLikeMaml(long seed) {
    CheckResult r = run(N_STEPS, seed).get(0);
    assertEquals(Verdict.VIOLATED, r.verdict(), r.note());
    assertTrue(r.instance().parameter("N") >= 2, r.instanceDescription());
    assertTrue(Files.isRegularFile(Path.of(r.counterexample())));
  }

  /**
   * Two MAML steps on expected linear regression have no Gaussian closed form here: the adapted
   * test loss is estimated by Monte Carlo with a Student-t interval, and the claim that it is at
   * least the irreducible noise σ²/2 (the Bayes risk of a fresh task) holds on the interval.
   */
  @ParameterizedTest
  @ValueSource(longs = {20261201, 1})
  void anExpectationWithoutClosedFormIsEstimatedWithAnInterval(long seed) {
    String yaml =
        """
        claims:
          - id: bayes-risk
            measure: "adapted_test_loss(maml, origin)"
            relation: ">="
            bound: "noise^2/2"
            family:
              type: linear-regression
              dim: [1, 3]
              tasks: 1
              samples: {train: [2, 10], validation: 2}
              noise: 0.5
              data: expected
            params: {alpha: [0, 0.5], N: 2}
        """;
    List<ClaimEntry> claims = ClaimsParser.parseYaml(yaml, "mc.yaml");
    CheckResult r =
        ClaimsValidation.run(
                "mc.yaml",
                yaml.getBytes(StandardCharsets.UTF_8),
                claims,
                StandardProbes.resolver(),
                ClaimsValidation.settings(seed, 40, dir.resolve("mc-" + seed)),
                id -> {})
            .results()
            .get(0);
    assertEquals(Verdict.HOLDS, r.verdict(), r.note());
    assertTrue(r.measurement().isStochastic(), "a Monte Carlo measurement");
    assertTrue(r.lower() < r.upper(), "with an interval");
    assertTrue(r.lower() >= r.theoretical(), "the whole interval is above the bound");
  }
}
