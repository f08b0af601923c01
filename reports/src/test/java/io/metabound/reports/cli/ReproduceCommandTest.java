package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReproduceCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = MetaBoundCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void printsTheClaimTheFindingsAndTheVerdict() {
    assertEquals(0, run("reproduce", "ji-alpha-over-n", "--quick"), err.toString());
    String text = out.toString();
    assertTrue(text.contains("ji-alpha-over-n: "), text);
    assertTrue(text.contains("claim  Ji2022 Corollary 6 [R-hi] (RECONSTRUCTED)"), text);
    assertTrue(text.contains("verdict: agrees"), text);
  }

  @Test
  void jsonHasTheVerdictTheFitsAndTheNumbers() throws Exception {
    assertEquals(0, run("reproduce", "takagi-linreg", "--quick", "--json"), err.toString());
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertEquals("takagi-linreg", json.get("name").asString());
    assertEquals("AGREES", json.get("verdict").asString());
    assertEquals(0.5, json.get("numbers").get("alpha_c_fomaml").asDouble(), 1e-12);
    assertEquals("[derived]", json.get("claims").get(2).get("provenance").asString());
  }

  @Test
  void writesPicturesDataAndAPage() throws Exception {
    Path target = dir.resolve("repro");
    assertEquals(0, run("reproduce", "imaml-table1", "--quick", "--out", target.toString()), err.toString());
    for (String f : new String[] {"index.html", "README.md", "result.json", "steps-vs-kappa.png", "steps-vs-kappa.csv"}) {
      assertTrue(Files.size(target.resolve(f)) > 0, f);
    }
    assertTrue(ImageIO.read(target.resolve("steps-vs-kappa.png").toFile()) != null);
    assertTrue(Files.readString(target.resolve("steps-vs-kappa.csv")).startsWith("series,kind,x,y,lower,upper\n"));
    assertTrue(Files.readString(target.resolve("index.html")).contains("id=\"reproduction-imaml-table1\""));
  }

  @Test
  void unknownNameIsExitTwoWithOneLine() {
    assertEquals(2, run("reproduce", "nope"));
    String message = err.toString().trim();
    assertTrue(message.startsWith("metabound: reproduce: unknown reproduction 'nope'; known: takagi-linreg"), message);
    assertEquals(1, message.lines().count(), message);
  }
}
