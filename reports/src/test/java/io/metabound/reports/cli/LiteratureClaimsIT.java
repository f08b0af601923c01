package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped claims from MAML-theory papers outside the four MetaBound encodes ({@code
 * examples/claims/literature.yaml}) run in {@code mvn verify} with the default budget and seed, and
 * every claim gets the verdict its statement says ("Expected: HOLDS", "VIOLATED", "WITNESSED").
 */
class LiteratureClaimsIT {

  static final Path LITERATURE = Path.of("..", "examples", "claims", "literature.yaml");

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @Test
  void everyClaimGetsTheVerdictItsStatementStates() throws Exception {
    Map<String, String> expected = expectedVerdicts(Files.readString(LITERATURE));
    assertTrue(expected.size() >= 10, expected.toString());
    CommandLine cl = MetaBoundCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("claims", LITERATURE.toString(), "--out", dir.toString(), "--json");
    // one claim is VIOLATED on purpose (FO-MAML's fixed point is not MAML's)
    assertEquals(1, code, err.toString());
    JsonNode rows = JsonMapper.builder().build().readTree(out.toString());
    assertEquals(expected.size(), rows.size());
    for (JsonNode row : rows) {
      String id = row.get("id").asString();
      assertEquals(expected.get(id), row.get("verdict").asString(), row.toString());
      if (row.get("verdict").asString().equals("VIOLATED")) {
        assertNotNull(row.get("worst").get("counterexample").asString(), row.toString());
        assertTrue(row.get("worst").get("ratio").doubleValue() >= row.get("ratio").doubleValue());
      }
    }
    // identities with both sides 0 are decided in extended precision and hold tight
    for (String identity : new String[] {"reptile-two-steps-exact", "collins-maml-solution"}) {
      JsonNode row = find(rows, identity);
      assertTrue(row.get("tight").booleanValue(), row.toString());
      assertEquals("extended", row.get("precision").asString(), row.toString());
    }
  }

  /**
   * The claims whose bound is 0 have no scaling control (0 halved is 0): each is made wrong by hand
   * instead — the Reptile identity without half its α² term, the Collins weights with the wrong
   * optimum, the adaptation rate above its optimum — and must then be VIOLATED.
   */
  @Test
  void theClaimsWithAZeroBoundFailWhenMadeWrong() throws Exception {
    String yaml = Files.readString(LITERATURE);
    String wrong =
        yaml.replace("+ alpha^2*task_hessian(1)*task_hessian(1)", "+ 0.5*alpha^2*task_hessian(1)*task_hessian(1)")
            .replace("      * task_optimum(2)))", "      * task_optimum(1)))")
            .replace(
                "measure: \"argmin(adapted_test_loss(maml, origin), alpha, -1, 1)\"\n    relation: \">=\"\n    bound: \"0\"",
                "measure: \"argmin(adapted_test_loss(maml, origin), alpha, -1, 1)\"\n    relation: \">=\"\n    bound: \"0.5\"");
    Path file = dir.resolve("wrong.yaml");
    Files.writeString(file, wrong);
    CommandLine cl = MetaBoundCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.execute("claims", file.toString(), "--out", dir.resolve("wrong").toString(), "--json");
    JsonNode rows = JsonMapper.builder().build().readTree(out.toString());
    for (String id :
        new String[] {
          "reptile-two-steps-exact", "collins-maml-solution", "bernacchia-adaptation-rate-positive"
        }) {
      assertEquals("VIOLATED", find(rows, id).get("verdict").asString(), find(rows, id).toString());
    }
  }

  /** {@code id → verdict} from each claim's "Expected: VERDICT" in its statement. */
  static Map<String, String> expectedVerdicts(String yaml) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile("- id: (\\S+)\\s+statement: >-(.*?)Expected:\\s+([A-Z_]+)", Pattern.DOTALL)
            .matcher(yaml);
    while (m.find()) {
      out.put(m.group(1), m.group(3));
    }
    return out;
  }

  private static JsonNode find(JsonNode rows, String id) {
    for (JsonNode row : rows) {
      if (row.get("id").asString().equals(id)) {
        return row;
      }
    }
    throw new AssertionError("no claim " + id);
  }
}
