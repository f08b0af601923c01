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
            .anyMatch(
                p -> p.matches("line \\d+: field '" + java.util.regex.Pattern.quote(field) + "': .*")
                    && p.contains(message)),
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
          missing.problems().contains("line 2: field '" + field + "': missing"), missing.message());
    }

    String one = GOOD.substring(0, GOOD.indexOf("  - id: registry"));
    List<ClaimEntry> twice =
        ClaimsParser.parseYaml(one + one.substring("claims:\n".length()), "d.yaml");
    assertInstanceOf(Claim.class, twice.get(0));
    ClaimError second = assertInstanceOf(ClaimError.class, twice.get(1));
    assertTrue(second.message().contains("used twice"), second.message());

    ClaimsFileException yaml =
        assertThrows(ClaimsFileException.class, () -> ClaimsParser.parseYaml("claims: [a, b", "y.yaml"));
    assertTrue(yaml.getMessage().startsWith("y.yaml:1: not valid YAML"), yaml.getMessage());
    assertTrue(!yaml.getMessage().contains("\n"), "one line");

    ClaimsFileException top =
        assertThrows(ClaimsFileException.class, () -> ClaimsParser.parseYaml("- 1\n- 2\n", "t.yaml"));
    assertEquals("claims", top.field());
    ClaimsFileException empty =
        assertThrows(ClaimsFileException.class, () -> ClaimsParser.parseYaml("", "e.yaml"));
    assertTrue(empty.getMessage().contains("empty"));
  }

  /**
   * A broken YAML file is one line in words, {@code FILE:LINE: what is wrong}: never the YAML
   * library's position dumps, snippets, token or class names.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "claims:\\n  - id: a\\n    bound: [1\\n|3|not closed with ']'",
        "claims:\\n  - id: a\\n  bound: x\\n - y\\n|3|indentation",
        "\\tclaims:\\n|1|tab character",
        "claims:\\n  - {id: a, id: b}\\n|2|'id' is given twice",
        "claims:\\n  - id: a\\n    bound: \"L\\n|3|ends inside",
        "claims:\\n  - id: a\\n    bound: x: y\\n|3|':'",
      })
  void brokenYamlIsWordedWithItsLine(String text, int line, String words) {
    ClaimsFileException e =
        assertThrows(
            ClaimsFileException.class,
            () -> ClaimsParser.parseYaml(text.replace("\\n", "\n").replace("\\t", "\t"), "b.yaml"));
    String m = e.getMessage();
    assertTrue(m.startsWith("b.yaml:" + line + ": not valid YAML: "), m);
    assertTrue(m.contains(words), m);
    for (String leak :
        List.of("\n", "in reader", "JsonToken", "tools.jackson", "Exception", "^", "column")) {
      assertTrue(!m.contains(leak), "no '" + leak + "' in: " + m);
    }
  }

  /** Several YAML documents in one file are refused in words, at the second one's line. */
  @Test
  void multiDocumentYamlIsAnError() {
    String one = GOOD.substring(0, GOOD.indexOf("  - id: registry"));
    ClaimsFileException e =
        assertThrows(
            ClaimsFileException.class,
            () -> ClaimsParser.parseYaml("---\n" + one + "---\n" + one, "multi.yaml"));
    int second = 2 + (int) one.lines().count();
    assertTrue(e.getMessage().startsWith("multi.yaml:" + second + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("second YAML document"), e.getMessage());
    // a single document may start with '---'
    assertInstanceOf(Claim.class, ClaimsParser.parseYaml("---\n" + one, "one.yaml").get(0));
  }

  /** A type error in a field names the field's own line. */
  @Test
  void claimProblemsNameTheirLine() {
    String yaml =
        """
        claims:
          - id: a
            quantity: meta-smoothness
            estimator: maml
            relation: "<="
            bound: "L"
            family:
              type: quadratic
              dim: [1, 2]
              tasks: {a: 1}
              spectrum: [0, 1]
            params: {alpha: 0.1, N: 1}
        """;
    ClaimError e = assertInstanceOf(ClaimError.class, ClaimsParser.parseYaml(yaml, "l.yaml").get(0));
    assertEquals(
        List.of("line 10: field 'family.tasks': expected a whole number, got a mapping"),
        e.problems());
  }

  /**
   * Every size field is checked before anything is allocated: the field, the size asked and the
   * limit (the family's own maximum or the memory's).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "params: {alpha: 0.1, N: 2000000000}|params.N|asked 2000000000, more than the limit of 10000",
        "params: {alpha: 0.1, N: [1, 1e300]}|params.N[1]|more than the limit of 10000",
        "params: {alpha: 0.1, N: \"10^12\"}|params.N|asked 1000000000000, more than the limit",
        "family: {type: quadratic, dim: 100000, spectrum: [0, 1]}|family.dim|asked 100000, more than the limit of 20",
        "family: {type: quadratic, tasks: [1, 3000000000], spectrum: [0, 1]}|family.tasks[1]|asked 3000000000",
        "family: {type: linear-regression, tasks: 1000000, samples: {train: 1, validation: 1}, data: expected}|family.tasks|asked 1000000",
        "family: {type: linear-regression, samples: {train: 1, validation: 99999999}, data: expected}|family.samples|asked 99999999",
      })
  void hugeSizesAreNamedWithTheirLimit(String replacement, String field, String message) {
    badFieldsAreNamed(replacement, "c1", field, message);
  }
}
