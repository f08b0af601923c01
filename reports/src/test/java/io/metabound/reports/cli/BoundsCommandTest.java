package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class BoundsCommandTest {

  @Test
  void evaluatingAnOrderStatementSaysTheHiddenConstantIsOne() {
    // O(epsilon^-2) at epsilon = 0.1: the formula inside O(.) is 100, the paper states no number
    CliRun run = CliRun.of("bounds", "eval", "ji2022.cor6.batch-size", "--set", "epsilon=0.1");
    assertEquals(0, run.code(), run.toString());
    assertEquals(100.0, Double.parseDouble(run.out().strip()), 1e-9);
    assertTrue(run.err().contains("O(.) statement") && run.err().contains("constant set to 1"), run.err());
    JsonNode json = CliRun.of("bounds", "eval", "ji2022.cor6.batch-size", "--set", "epsilon=0.1", "--json").json();
    assertTrue(json.get("orderStatement").asBoolean(), json.toString());
    // a bound with constants gets no such note
    CliRun stated = CliRun.of("bounds", "eval", "fallah2020.lemma4.8.meta-smoothness", "--set", "L=1",
        "--set", "rho=2", "--set", "alpha=0.5", "--set", "grad_task_mean=3");
    assertFalse(stated.err().contains("O(.) statement"), stated.err());
  }


  private static final List<String> FIELDS = List.of("id", "title", "paper", "result", "equation",
      "relation", "quantity", "symbols", "formula_plain", "formula_latex", "assumptions",
      "provenance", "provenance_tag", "note");

  @Test
  void listJsonHasEveryRegisteredBoundWithTheDocumentedFields() {
    CliRun run = CliRun.of("bounds", "list", "--json");
    assertEquals(0, run.code(), run.toString());
    JsonNode array = run.json();
    assertEquals(BoundRegistry.all().size(), array.size());
    assertEquals(120, array.size(), "the four papers' 120 bounds");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode o = array.get(i);
      Bound b = BoundRegistry.all().get(i);
      for (String field : FIELDS) {
        assertTrue(o.has(field), field + " missing in " + o);
      }
      assertEquals(b.id(), o.get("id").asString(), "registry order");
      ids.add(o.get("id").asString());
      String provenance = o.get("provenance").asString();
      assertTrue(provenance.equals("verbatim") || provenance.equals("reconstructed"), provenance);
      assertEquals(b.provenance().isVerbatim(), provenance.equals("verbatim"));
      assertEquals(b.provenance().tag(), o.get("provenance_tag").asString());
      assertEquals(b.formula().toPlain(), o.get("formula_plain").asString());
      assertEquals(b.symbols().size(), o.get("symbols").size());
      assertEquals(b.assumptions().size(), o.get("assumptions").size());
    }
    assertEquals(120, ids.size(), "ids are unique");
  }

  @Test
  void listJsonElementOfOneBoundReadsAsThePaperPrintsIt() {
    JsonNode prop1 = null;
    for (JsonNode o : CliRun.of("bounds", "list", "--json").json()) {
      if (o.get("id").asString().equals("ji2022.prop1.meta-smoothness")) {
        prop1 = o;
      }
    }
    assertEquals("Ji2022", prop1.get("paper").asString());
    assertEquals("Proposition 1", prop1.get("result").asString());
    assertEquals("(13)", prop1.get("equation").asString());
    assertEquals("<=", prop1.get("relation").asString());
    assertEquals("upper-bound", prop1.get("relation_kind").asString());
    assertEquals("meta-smoothness", prop1.get("quantity").asString());
    assertEquals("[R-hi]", prop1.get("provenance_tag").asString());
    assertEquals("reconstructed", prop1.get("provenance").asString());
    assertEquals("[\"L\",\"N\",\"alpha\",\"grad_task_mean\",\"rho\"]", prop1.get("symbols").toString());
  }

  @Test
  void listFiltersByPaperCaseInsensitivelyAndRejectsAnUnknownPaper() {
    CliRun takagi = CliRun.of("bounds", "list", "--paper", "takagi2019", "--json");
    assertEquals(0, takagi.code(), takagi.toString());
    assertEquals(BoundRegistry.byPaper("Takagi2019").size(), takagi.json().size());
    for (JsonNode o : takagi.json()) {
      assertEquals("Takagi2019", o.get("paper").asString());
    }
    CliRun text = CliRun.of("bounds", "list", "--paper", "Rajeswaran2019");
    assertTrue(text.out().contains("rajeswaran2019.lemma1.implicit-jacobian"), text.out());
    assertFalse(text.out().contains("ji2022."), text.out());

    CliRun unknown = CliRun.of("bounds", "list", "--paper", "Finn2017");
    assertTrue(unknown.isOneLineError(), unknown.toString());
    assertTrue(unknown.err().contains("Ji2022, Fallah2020, Takagi2019, Rajeswaran2019"), unknown.err());
  }

  @Test
  void showPrintsStatementLatexAssumptionsCitationAndSaysWhenReconstructed() {
    CliRun run = CliRun.of("bounds", "show", "fallah2020.lemma4.8.meta-smoothness");
    assertEquals(0, run.code(), run.toString());
    String out = run.out();
    assertTrue(out.contains("statement:   meta-smoothness <= 4 * L + 2 * rho * alpha * grad_task_mean"), out);
    assertTrue(out.contains("LaTeX:       \\text{meta-smoothness} \\le 4 L + 2 \\rho \\alpha"), out);
    assertTrue(out.contains("alpha <= 1 / L   [checkable]"), out);
    assertTrue(out.contains("citation:    Fallah2020 Lemma 4.8 (15) — Alireza Fallah"), out);
    assertTrue(out.contains("provenance:  verbatim"), out);

    String reconstructed = CliRun.of("bounds", "show", "ji2022.prop1.meta-smoothness").out();
    assertTrue(reconstructed.contains("provenance:  RECONSTRUCTED: the published formula could not be read"),
        reconstructed);
    String secondary = CliRun.of("bounds", "show", "fallah2020.thm4.12.stationarity-explicit").out();
    assertTrue(secondary.contains("RECONSTRUCTED: known from a secondary source only"), secondary);
    String derived = CliRun.of("bounds", "show", "takagi2019.cond-beta.exact-maml-stability").out();
    assertTrue(derived.contains("RECONSTRUCTED: a MetaBound derivation"), derived);
  }

  @Test
  void showJsonIsTheListElement() {
    CliRun run = CliRun.of("bounds", "show", "takagi2019.cond-beta.stability", "--json");
    assertEquals(0, run.code(), run.toString());
    assertEquals(BoundsCommand.json(BoundRegistry.find("takagi2019.cond-beta.stability").orElseThrow()),
        run.json());
  }

  @Test
  void anUnknownIdIsExitTwoWithTheNearestIds() {
    CliRun run = CliRun.of("bounds", "show", "ji2022.prop1.smoothness");
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("unknown bound 'ji2022.prop1.smoothness'; did you mean"
        + " ji2022.prop1.meta-smoothness"), run.err());
    CliRun eval = CliRun.of("bounds", "eval", "nonsense", "--set", "L=1");
    assertTrue(eval.isOneLineError(), eval.toString());
    assertTrue(eval.err().contains("'metabound bounds list' lists the 120 ids"), eval.err());
  }

  /** Hand values: the derivations are those of bounds' reference-values.csv. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a = 1.5, a^4 = 5.0625; C_L = (rho/L) a^3 (a^2 - 1) = 2*3.375*1.25 = 8.4375; 5.0625 + 8.4375
        "ji2022.prop1.meta-smoothness|alpha=0.5,L=1,N=2,rho=2,grad_task_mean=1|13.5",
        // 4L + 2 rho alpha E||grad|| = 4 + 2*2*0.5*3
        "fallah2020.lemma4.8.meta-smoothness|L=1,rho=2,alpha=0.5,grad_task_mean=3|10.0",
        // 2/(lambda - alpha lambda^2) = 2/(4 - 1.6) = 2/2.4
        "takagi2019.cond-beta.stability|lambda_i=4,alpha=0.1|0.8333333333333334",
        // no symbols: e^(1/8)
        "ji2022.cor6.expansion-factor||1.1331484530668263"
      })
  void evalPrintsTheHandComputedValue(String id, String settings, double expected) {
    List<String> args = new ArrayList<>(List.of("bounds", "eval", id));
    if (settings != null) {
      for (String s : settings.split(",")) {
        args.add("--set");
        args.add(s);
      }
    }
    CliRun text = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, text.code(), text.toString());
    assertEquals(expected, Double.parseDouble(text.out().strip()), 1e-15 * expected);
    args.add("--json");
    CliRun json = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, json.code(), json.toString());
    assertEquals(id, json.json().get("id").asString());
    assertEquals(2, json.json().size(), "exactly {id, value}");
    // the JSON value is the printed value, bit for bit
    assertEquals(Double.parseDouble(text.out().strip()), json.json().get("value").doubleValue());
  }

  @Test
  void aMissingSymbolIsExitTwoNamingIt() {
    CliRun run = CliRun.of("bounds", "eval", "fallah2020.lemma4.8.meta-smoothness", "--set", "L=1",
        "--set", "alpha=0.5", "--set", "grad_task_mean=3");
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("symbol rho is not set (use --set rho=VALUE)"), run.err());
  }

  @Test
  void aViolatedCheckableAssumptionIsExitTwoNamingIt() {
    // Lemma 4.8 needs alpha in [0, 1/L]: alpha = 2 > 1/L = 1
    CliRun run = CliRun.of("bounds", "eval", "fallah2020.lemma4.8.meta-smoothness", "--set", "L=1",
        "--set", "rho=2", "--set", "alpha=2", "--set", "grad_task_mean=3");
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("assumption violated: alpha <= 1 / L"), run.err());
    assertTrue(run.err().contains("L=1.0, alpha=2.0"), run.err());
  }

  @Test
  void aValueOutsideTheSymbolsDomainIsExitTwoNamingIt() {
    CliRun run = CliRun.of("bounds", "eval", "ji2022.lemma13.product-deviation", "--set", "alpha=0.5",
        "--set", "L=1", "--set", "N=2.5");
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("N must be a positive integer, got 2.5"), run.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "alpah=0.5|unknown symbol 'alpah'; did you mean alpha",
        "alpha|expected NAME=VALUE, got 'alpha'",
        "alpha=fast|--set alpha: not a number: 'fast'"
      })
  void malformedSettingsAreExitTwo(String setting, String message) {
    CliRun run = CliRun.of("bounds", "eval", "ji2022.lemma13.product-deviation", "--set", setting);
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains(message), run.err());
  }

  @Test
  void anUnusedSymbolIsNotedNotFatal() {
    CliRun run = CliRun.of("bounds", "eval", "takagi2019.cond-beta.stability", "--set", "lambda_i=4",
        "--set", "alpha=0.1", "--set", "beta=3");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.err().contains("beta is not used by takagi2019.cond-beta.stability"), run.err());
  }
}
