package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.task.QuadraticTaskFile;
import io.metabound.experiments.task.TaskSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The oracle command on tasks whose answers are computed by hand.
 *
 * <p>One task {@code f(w) = ½·4·(w − 1)²} (λ = 4, c = 1), α = 0.2, N = 1: the inner step gives
 * {@code φ − c = (1 − αλ)(w − c) = 0.2 (w − c)}, so exact MAML has {@code A = λ(1 − αλ)² = 0.16}
 * and threshold {@code 2/A = 12.5}, FO-MAML {@code A = λ(1 − αλ) = 0.8} and threshold {@code 2.5}
 * (issue 3's hand case; Takagi2019's {@code 2/(λ − αλ²)}).
 */
class OracleCommandTest {

  @TempDir Path dir;
  Path oneTask;
  Path twoTasks;

  @BeforeEach
  void tasks() throws Exception {
    oneTask = dir.resolve("one.json");
    Files.writeString(oneTask, "{\"tasks\":[{\"H\":[[4]],\"c\":[1]}]}");
    // H_1 = diag(1, 2), c_1 = (1, 0); H_2 = diag(2, 4), c_2 = (0, 1); equal weights
    twoTasks = dir.resolve("two.json");
    Files.writeString(twoTasks, "{\"tasks\":[{\"H\":[[1,0],[0,2]],\"c\":[1,0]},"
        + "{\"H\":[[2,0],[0,4]],\"c\":[0,1]}]}");
  }

  private CliRun oracle(Path tasks, String... args) {
    List<String> a = new ArrayList<>(List.of("oracle", "--tasks", tasks.toString()));
    a.addAll(List.of(args));
    return CliRun.of(a.toArray(String[]::new));
  }

  private double scalar(Path tasks, String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.add("--json");
    CliRun run = oracle(tasks, a.toArray(String[]::new));
    assertEquals(0, run.code(), run.toString());
    JsonNode value = run.json().get("value");
    assertTrue(value.isNumber(), run.out());
    return value.doubleValue();
  }

  @Test
  void issueThreesHandCaseExactMamlThresholdIs12Point5AndFoMaml2Point5() {
    assertEquals(12.5, scalar(oneTask, "--estimator", "maml", "--quantity", "beta-threshold",
        "--alpha", "0.2", "--steps", "1"), 12.5e-14);
    assertEquals(2.5, scalar(oneTask, "--estimator", "fomaml", "--quantity", "beta-threshold",
        "--alpha", "0.2", "--steps", "1"), 2.5e-14);
    // HF-MAML's central difference is exact on a quadratic: MAML's threshold up to rounding/δ
    assertEquals(12.5, scalar(oneTask, "--estimator", "hfmaml", "--quantity", "beta-threshold",
        "--alpha", "0.2"), 1e-9);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // F = ½ λ (1 − αλ)² (w − c)² = ½·4·0.04·2² at w = 3
        "maml|meta-objective|0.32",
        // ∇F = λ(1 − αλ)²(w − c) = 0.16·2
        "maml|meta-gradient|0.32",
        "maml|meta-smoothness|0.16",
        // FO-MAML direction ∇l(φ) = λ(1 − αλ)(w − c) = 0.8·2
        "fomaml|meta-gradient|1.6",
        // HF-MAML direction: v − α H v with v = ∇l(φ) = 1.6: 1.6·(1 − 0.8) = MAML's gradient
        "hfmaml|meta-gradient|0.32"
      })
  void oneStepQuantitiesAtW3(String estimator, String quantity, double expected) {
    CliRun run = oracle(oneTask, "--estimator", estimator, "--quantity", quantity, "--alpha", "0.2",
        "--steps", "1", "--point", "3", "--json");
    assertEquals(0, run.code(), run.toString());
    JsonNode value = run.json().get("value");
    double v = value.isArray() ? value.get(0).doubleValue() : value.doubleValue();
    assertEquals(expected, v, 1e-9 * expected, run.out());
    assertEquals(quantity, run.json().get("quantity").asString());
  }

  @Test
  void pointsAndMatricesAreArraysOfTheDocumentedShape() {
    CliRun hessian = oracle(oneTask, "--estimator", "maml", "--quantity", "meta-hessian",
        "--alpha", "0.2", "--steps", "1", "--json");
    assertEquals(0, hessian.code(), hessian.toString());
    JsonNode h = hessian.json().get("value");
    assertEquals(1, h.size());
    assertEquals(0.16, h.get(0).get(0).doubleValue(), 1e-15);

    for (String quantity : List.of("fixed-point", "stationary-point")) {
      CliRun run = oracle(oneTask, "--estimator", "maml", "--quantity", quantity, "--alpha", "0.2",
          "--steps", "1", "--json");
      assertEquals(0, run.code(), run.toString());
      assertEquals(1.0, run.json().get("value").get(0).doubleValue(), 1e-15, run.out());
      assertEquals("minimum", run.json().get("nature").asString());
    }
  }

  /**
   * MAML, N = 1, α = 0.1 on the two tasks: {@code A = ½ Σ H(I − αH)²} = ½(diag(0.81, 1.28) +
   * diag(1.28, 1.44)) = diag(1.045, 1.36); {@code b = ½ Σ H(I − αH)² c} = (0.405, 0.72); at w = 0
   * the meta-gradient is −b; the stationary point is b/A; the threshold 2/1.36.
   */
  @Test
  void twoTasksByHand() {
    String[] maml = {"--estimator", "maml", "--alpha", "0.1", "--steps", "1", "--json"};
    JsonNode h = run(twoTasks, maml, "--quantity", "meta-hessian").get("value");
    assertEquals(2, h.size(), "two rows");
    assertEquals(2, h.get(0).size(), "two columns");
    assertEquals(1.045, h.get(0).get(0).doubleValue(), 1e-15);
    assertEquals(0.0, h.get(0).get(1).doubleValue(), 1e-15);
    assertEquals(1.36, h.get(1).get(1).doubleValue(), 1e-15);
    JsonNode g = run(twoTasks, maml, "--quantity", "meta-gradient", "--point", "0,0").get("value");
    assertEquals(-0.405, g.get(0).doubleValue(), 1e-15);
    assertEquals(-0.72, g.get(1).doubleValue(), 1e-15);
    JsonNode w = run(twoTasks, maml, "--quantity", "stationary-point").get("value");
    assertEquals(0.405 / 1.045, w.get(0).doubleValue(), 1e-14);
    assertEquals(0.72 / 1.36, w.get(1).doubleValue(), 1e-14);
    assertEquals(2 / 1.36, run(twoTasks, maml, "--quantity", "beta-threshold").get("value").doubleValue(),
        1e-13);
    assertEquals(1.36, run(twoTasks, maml, "--quantity", "meta-smoothness").get("value").doubleValue(),
        1e-14);
  }

  private JsonNode run(Path tasks, String[] common, String... more) {
    List<String> a = new ArrayList<>(List.of(common));
    a.addAll(List.of(more));
    CliRun run = oracle(tasks, a.toArray(String[]::new));
    assertEquals(0, run.code(), run.toString());
    return run.json();
  }

  @Test
  void jsonValuesRoundTripTheOraclesDoublesBitForBit() throws Exception {
    TaskSet tasks = QuadraticTaskFile.read(twoTasks);
    double[] expected = QuadraticMetaOracle.maml(tasks, 0.3, 4).metaGradient(new double[] {0.7, -1.3}).value();
    JsonNode g = run(twoTasks, new String[] {"--estimator", "maml", "--alpha", "0.3", "--steps", "4",
        "--json"}, "--quantity", "meta-gradient", "--point", "0.7,-1.3").get("value");
    for (int k = 0; k < 2; k++) {
      assertEquals(expected[k], g.get(k).doubleValue(), 0.0, "coordinate " + k);
    }
    // the text output prints the same doubles
    CliRun text = oracle(twoTasks, "--estimator", "maml", "--alpha", "0.3", "--steps", "4",
        "--quantity", "meta-gradient", "--point", "0.7,-1.3");
    assertEquals(expected[0] + "," + expected[1], text.out().lines().findFirst().orElseThrow());
  }

  /**
   * iMAML with λ = 2 on the one task at θ = 3: {@code Alg* − c = λ/(λ + 4)·2 = 2/3}, Jacobian
   * {@code (1 + 4/2)^{-1} = 1/3}, so the exact meta-gradient is {@code (1/3)·4·(2/3) = 8/9}, the
   * meta-objective {@code ½·4·(2/3)² = 8/9}, the meta-Hessian {@code 4/9} and the threshold 4.5.
   * One GD step of rate 0.1 from φ = θ gives {@code φ = 3 − 0.1·4·2 = 2.2} and then (one CG step is
   * exact in d = 1) {@code g = (1/3)·4·1.2 = 1.6}: the inner-solve settings matter.
   */
  @Test
  void imamlMetaGradientUsesTheGivenInnerSolveAndCgSettingsOrTheExactOne() {
    String[] imaml = {"--estimator", "imaml", "--lambda", "2", "--point", "3", "--json"};
    JsonNode exact = run(oneTask, imaml, "--quantity", "meta-gradient", "--exact");
    assertEquals(8.0 / 9, exact.get("value").get(0).doubleValue(), 1e-15);
    assertTrue(exact.get("exact").asBoolean());
    JsonNode converged = run(oneTask, imaml, "--quantity", "meta-gradient", "--inner-steps", "80",
        "--inner-lr", "0.1", "--cg-steps", "1");
    assertEquals(8.0 / 9, converged.get("value").get(0).doubleValue(), 1e-14);
    assertTrue(!converged.get("exact").asBoolean(), "an algorithm's estimate");
    JsonNode oneStep = run(oneTask, imaml, "--quantity", "meta-gradient", "--inner-steps", "1",
        "--inner-lr", "0.1", "--cg-steps", "1");
    assertEquals(1.6, oneStep.get("value").get(0).doubleValue(), 1e-14);
    JsonNode noCg = run(oneTask, imaml, "--quantity", "meta-gradient", "--inner-steps", "80",
        "--inner-lr", "0.1", "--cg-steps", "0");
    assertEquals(0.0, noCg.get("value").get(0).doubleValue(), "CG from g = 0, no step");
    assertEquals(8.0 / 9, run(oneTask, imaml, "--quantity", "meta-objective").get("value").doubleValue(), 1e-15);
    assertEquals(4.0 / 9, run(oneTask, imaml, "--quantity", "meta-hessian").get("value").get(0).get(0).doubleValue(),
        1e-15);
    assertEquals(4.5, run(oneTask, imaml, "--quantity", "beta-threshold").get("value").doubleValue(), 1e-13);
  }

  /**
   * MAML-prox, λ = 2, K = 1, η = 0.1: {@code M_1 = (1 − η(λ_H + λ)) + ηλ = 0.4 + 0.2 = 0.6}, so
   * {@code ∇F = M G M (w − c) = 0.36·4·2 = 2.88} at w = 3 and the threshold is {@code 2/1.44}.
   */
  @Test
  void mamlProxByHand() {
    String[] prox = {"--estimator", "maml-prox", "--lambda", "2", "--inner-steps", "1", "--inner-lr",
        "0.1", "--json"};
    assertEquals(2.88, run(oneTask, prox, "--quantity", "meta-gradient", "--point", "3")
        .get("value").get(0).doubleValue(), 1e-14);
    assertEquals(2 / 1.44, run(oneTask, prox, "--quantity", "beta-threshold").get("value").doubleValue(),
        1e-13);
  }

  /**
   * A finite-sum task (Ji2022 §2.2): inner loss ½·4·(w − 1)², outer loss ½·2·w² (G = 2, e = 0).
   * With α = 0.2, N = 1: φ = 1 + 0.2 (w − 1), at w = 3 φ = 1.4; MAML's meta-gradient is J G (φ − e)
   * = 0.2·2·1.4 = 0.56, FO-MAML's direction G (φ − e) = 2.8, F = ½·2·1.4² = 1.96; the meta-Hessian
   * J G J = 0.08, and the stationary point solves 0.2·2·(1 + 0.2 (w − 1)) = 0: w = 1 − 5 = −4.
   */
  @Test
  void finiteSumTasksUseTheirOuterLoss() throws Exception {
    Path file = dir.resolve("finite-sum.json");
    Files.writeString(file, "{\"tasks\":[{\"H\":[[4]],\"c\":[1],\"G\":[[2]],\"e\":[0]}]}");
    String[] maml = {"--estimator", "maml", "--alpha", "0.2", "--steps", "1", "--json"};
    assertEquals(0.56, run(file, maml, "--quantity", "meta-gradient", "--point", "3").get("value").get(0)
        .doubleValue(), 1e-14);
    assertEquals(1.96, run(file, maml, "--quantity", "meta-objective", "--point", "3").get("value")
        .doubleValue(), 1e-14);
    assertEquals(0.08, run(file, maml, "--quantity", "meta-hessian").get("value").get(0).get(0)
        .doubleValue(), 1e-15);
    assertEquals(-4, run(file, maml, "--quantity", "stationary-point").get("value").get(0).doubleValue(),
        1e-13);
    String[] fo = {"--estimator", "fomaml", "--alpha", "0.2", "--steps", "1", "--json"};
    assertEquals(2.8, run(file, fo, "--quantity", "meta-gradient", "--point", "3").get("value").get(0)
        .doubleValue(), 1e-14);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "fomaml,meta-objective", "fomaml,meta-hessian", "fomaml,meta-smoothness", "fomaml,stationary-point",
    "hfmaml,meta-objective", "hfmaml,meta-hessian", "hfmaml,meta-smoothness", "hfmaml,stationary-point"
  })
  void aQuantityThatDoesNotApplyIsExitTwoSayingSo(String estimator, String quantity) {
    CliRun run = oracle(oneTask, "--estimator", estimator, "--quantity", quantity, "--alpha", "0.2",
        "--steps", "1");
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains(quantity + " does not apply to " + estimator), run.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--estimator maml --quantity meta-gradient --steps 1|maml needs --alpha A",
        "--estimator fomaml --quantity meta-gradient --alpha 0.1|fomaml needs --steps N",
        "--estimator imaml --quantity beta-threshold --alpha 0.1|imaml needs --lambda",
        "--estimator imaml --quantity meta-gradient --lambda 1|imaml meta-gradient needs --inner-steps K",
        "--estimator maml-prox --quantity fixed-point --lambda 1|maml-prox needs --inner-steps K",
        "--estimator hfmaml --quantity meta-gradient --alpha 0.1 --steps 2|HF-MAML (Fallah2020 eqs. (10)-(11)) takes exactly one",
        "--estimator sgd --quantity meta-gradient|--estimator: unknown estimator 'sgd'",
        "--estimator reptile --quantity meta-gradient|--estimator reptile: the oracle command supports maml, fomaml, hfmaml, imaml and maml-prox",
        "--estimator moreau --quantity beta-threshold --lambda 1|--estimator moreau: the oracle command supports",
        "--estimator maml --quantity curvature --alpha 0.1 --steps 1|--quantity: unknown quantity 'curvature'",
        "--estimator imaml --quantity meta-hessian --lambda -1|lambda must be finite and > 0",
        "--estimator maml --quantity meta-gradient --alpha -0.1 --steps 1|alpha must be finite and >= 0",
        "--estimator maml --quantity meta-gradient --alpha 0.1 --steps 1 --point 1,2|--point: has 2 coordinates",
        "--estimator maml --quantity meta-gradient --alpha 0.1 --steps 1 --point x|--point: coordinate 1 is not a number"
      })
  void badOptionsAreOneLineErrors(String args, String message) {
    CliRun run = oracle(oneTask, args.split(" "));
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains(message), run.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "{\"tasks\":[{\"H\":[[1]],\"c\":[0]},{\"H\":[[1,2],[2,1]],\"c\":[0,0]}]}; tasks[1].c: dimension 2 differs",
        "{\"tasks\":[{\"H\":[[1,0],[0,1]],\"c\":[0,0]},{\"H\":[[1,2],[3,1]],\"c\":[0,0]}]}; tasks[1].H: not symmetric",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[0]},{\"H\":[[1]]}]}; tasks[1].c:",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[\"NaN\"]}]}; tasks[0].c[0]: must be a finite number",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[1e999]}]}; tasks[0].c[0]: must be a finite number"
      })
  void badTaskFilesAreExitTwoNamingTaskAndField(String json, String message) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, json);
    CliRun run = oracle(bad, "--estimator", "maml", "--quantity", "meta-gradient", "--alpha", "0.1",
        "--steps", "1");
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains(bad + ": " + message), run.err());
  }

  @Test
  void optionsThatDoNotApplyAreNotedNotFatal() {
    CliRun run = oracle(oneTask, "--estimator", "maml", "--quantity", "meta-hessian", "--alpha", "0.2",
        "--steps", "1", "--point", "3", "--lambda", "2");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("note: --lambda, --point do not apply to meta-hessian of maml (ignored)"),
        run.out());
  }
}
