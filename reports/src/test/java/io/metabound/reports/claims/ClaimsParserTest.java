package io.metabound.reports.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.Comparison;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClaimsParserTest {

  static final String GOOD =
      """
      claims:
        - id: lemma3-smoothness
          statement: "For alpha <= 1/L the one-step MAML objective is L-smooth"
          quantity: meta-smoothness
          estimator: maml
          relation: "<="
          bound: "L"
          family: {type: quadratic, dim: [1, 8], tasks: [1, 4], spectrum: [0.1, 10]}
          params: {alpha: [0.01, "1/L"], N: 1}
        - id: registry
          quantity: meta-smoothness
          estimator: MAML
          relation: ">="
          bound: fallah2020.lemma4.8.meta-smoothness
          family: {type: quadratic, dim: 2, spectrum: [-1, 1], outer: separate, rotations: false}
          params: {alpha: [0, "1/L"], grad_task_mean: 0, N: 1}
      """;

  @Test
  void parsesEveryField() {
    List<ClaimEntry> entries = ClaimsParser.parseYaml(GOOD, "good.yaml");
    assertEquals(2, entries.size());
    List<Claim> claims = entries.stream().map(e -> (Claim) e).toList();
    Claim c = claims.get(0);
    assertEquals("lemma3-smoothness", c.id());
    assertEquals(Comparison.AT_MOST, c.comparison());
    assertEquals("L", c.bound().toPlain());
    assertNull(c.registryId());
    QuadraticClaimFamily family = (QuadraticClaimFamily) c.family();
    assertEquals(1, family.minDimension());
    assertEquals(8, family.maxDimension());
    assertEquals(4, family.maxTasks());
    assertEquals(new Measured.Quantity("meta-smoothness", "maml"), c.measured());
    assertEquals(Claim.Quantifier.FOR_ALL, c.quantifier());
    assertEquals(List.of("alpha", "N"), c.parameters().stream().map(p -> p.name()).toList());
    // alpha's range is drawn per instance: [0.01, 1/L] at L = 4
    assertEquals(0.25, c.parameters().get(0).decode(1, Map.of("L", 4.0)), 0);
    assertTrue(c.parameters().get(1).integer(), "N is a whole number by the symbol catalogue");
    Claim r = claims.get(1);
    assertEquals("fallah2020.lemma4.8.meta-smoothness", r.registryId());
    assertEquals("maml", ((Measured.Quantity) r.measured()).estimator());
    assertEquals(Comparison.AT_LEAST, r.comparison());
    assertTrue(((QuadraticClaimFamily) r.family()).separateOuterLoss());
    assertEquals(2, ((QuadraticClaimFamily) r.family()).maxDimension());
    assertTrue(!r.assumptions().isEmpty(), "a registry bound brings its assumptions");
  }

  /** Each broken claim names the file, the claim and the field, and says what is wrong. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "quantity: meta-smoothnes|c1|quantity|unknown quantity 'meta-smoothnes'",
        "bound: \"L + Lx\"|c1|bound|unknown symbol 'Lx'",
        "bound: \"(L\"|c1|bound|column",
        "relation: \"<\"|c1|relation|expected \"<=\"",
        "params: {alpha: [1, 0.5], N: 1}|c1|params.alpha|empty range",
        "params: {alpha: [0.01, \"1/Q\"], N: 1}|c1|params.alpha[1]|unknown symbol 'Q'",
        "params: {alpha: [0.01, 1, 2], N: 1}|c1|params.alpha|[low, high]",
        "params: {alpha: 0.1, N: 1.5}|c1|params.N|whole number",
        "params: {alpha: 0.1, L: 1}|c1|params.L|constant of the family",
        "family: {type: logistic, spectrum: [0, 1]}|c1|family.type|unsupported family",
        "family: {type: quadratic, dim: [3, 1], spectrum: [0, 1]}|c1|family.dim|low <= high",
        "family: {type: quadratic, spectrum: [1]}|c1|family.spectrum|[low, high]",
        "colour: blue|c1|colour|unknown field",
      })
  void badFieldsAreNamed(String replacement, String id, String field, String message) {
    String key = replacement.substring(0, replacement.indexOf(':'));
    StringBuilder yaml = new StringBuilder("claims:\n  - id: c1\n");
    Map<String, String> fields =
        new java.util.LinkedHashMap<>(
            Map.of(
                "quantity", "meta-smoothness",
                "estimator", "maml",
                "relation", "\"<=\"",
                "bound", "\"L\"",
                "family", "{type: quadratic, spectrum: [0, 1]}",
                "params", "{alpha: 0.1, N: 1}"));
    fields.remove(key);
    fields.forEach((k, v) -> yaml.append("    ").append(k).append(": ").append(v).append('\n'));
    yaml.append("    ").append(replacement).append('\n');
    // one bad claim costs one claim: it is an error entry, not an exception for the file
    ClaimEntry entry = ClaimsParser.parseYaml(yaml.toString(), "f.yaml").get(0);
    ClaimError e = assertInstanceOf(ClaimError.class, entry);
    assertEquals(id, e.id());
    assertTrue(
        e.problems().stream()
            .anyMatch(p -> p.startsWith("field '" + field + "': ") && p.contains(message)),
        e.message());
  }

  @Test
  void missingFieldsDuplicateIdsAndBrokenYaml() {
    // every missing field is named at once
    ClaimError missing =
        assertInstanceOf(
            ClaimError.class,
            ClaimsParser.parseYaml("claims:\n  - id: a\n    quantity: meta-smoothness\n", "m.yaml")
                .get(0));
    for (String field : List.of("estimator", "relation", "bound", "family")) {
      assertTrue(
          missing.problems().contains("field '" + field + "': missing"), missing.message());
    }

    String one = GOOD.substring(0, GOOD.indexOf("  - id: registry"));
    List<ClaimEntry> twice =
        ClaimsParser.parseYaml(one + one.substring("claims:\n".length()), "d.yaml");
    assertInstanceOf(Claim.class, twice.get(0));
    ClaimError second = assertInstanceOf(ClaimError.class, twice.get(1));
    assertTrue(second.message().contains("used twice"), second.message());

    ClaimsFileException yaml =
        assertThrows(ClaimsFileException.class, () -> ClaimsParser.parseYaml("claims: [a, b", "y.yaml"));
    assertTrue(yaml.getMessage().startsWith("y.yaml: not valid YAML"), yaml.getMessage());
    assertTrue(!yaml.getMessage().contains("\n"), "one line");

    ClaimsFileException top =
        assertThrows(ClaimsFileException.class, () -> ClaimsParser.parseYaml("- 1\n- 2\n", "t.yaml"));
    assertEquals("claims", top.field());
    ClaimsFileException empty =
        assertThrows(ClaimsFileException.class, () -> ClaimsParser.parseYaml("", "e.yaml"));
    assertTrue(empty.getMessage().contains("empty"));
  }
}
