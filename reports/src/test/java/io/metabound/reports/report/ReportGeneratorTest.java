package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.reproduction.Reproduction;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.reproduction.ReproductionSettings;
import io.metabound.experiments.reproduction.Reproductions;
import io.metabound.reports.cli.UserInputException;
import io.metabound.reports.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs one quick report on a small injected suite (a true tight bound, a planted violation and a
 * Monte Carlo check), every reproduction, two heatmaps, the whole registry and a tiny notebook,
 * then reads what it wrote: every section, every picture and data link, the LaTeX export.
 *
 * <p>The report is written to {@code target/report-test/} so it can be opened (and screenshot).
 */
class ReportGeneratorTest {

  static final Path OUT = Path.of("target", "report-test", "report");
  static ReportGenerator.Outcome outcome;

  static final Path CLAIMS = Path.of("target", "report-test", "claims-in.yaml");

  static ReportRequest request(Path out, Path notebooks) {
    return ReportRequest.defaults(out, out.resolve("latex"), 7, true, "metabound report (test)", notebooks, "metabound test")
        .withSuite(ReportFixtures.suite(7, true))
        .withHeatmapCount(2)
        .withClaims(CLAIMS);
  }

  @BeforeAll
  static void writeReport() throws IOException {
    Path notebooks = Path.of("target", "report-test", "notebooks-in");
    Files.createDirectories(notebooks);
    Files.writeString(
        notebooks.resolve("01-tiny.jsh"),
        "// A tiny notebook.\n// %% Sum\nSystem.out.println(\"sum=\" + (2 + 3));\n");
    // a true claim (Fallah2020 Lemma 4.8 on quadratics, attained) and a false one (L-smoothness)
    Files.writeString(
        CLAIMS,
        ReportFixtures.TWO_CLAIMS);
    outcome = ReportGenerator.generate(request(OUT, notebooks));
  }

  @Test
  void theClaimsAreValidatedWithTheirCounterexampleAndCountForTheExitCode() throws IOException {
    String html = read("index.html");
    assertTrue(html.contains("<code>four-l</code>"), "claims table");
    assertTrue(html.contains("HOLDS (tight)"), "the 4L claim is attained");
    assertEquals(
        Map.of("too-strong", io.metabound.experiments.check.Verdict.VIOLATED),
        outcome.failingClaims());
    assertTrue(Files.isRegularFile(OUT.resolve("claims/counterexample-too-strong.json")));
    assertTrue(html.contains("href=\"claims/counterexample-too-strong.json\""), "linked from the page");
    String verdicts = read("claims/claims-verdicts.json");
    assertTrue(verdicts.contains("\"sha256\""), verdicts);
    assertFalse(verdicts.contains(".partial-"), "no staging paths survive the move: " + verdicts);
  }

  private static String read(String file) throws IOException {
    return Files.readString(OUT.resolve(file));
  }

  @Test
  void everyVerdictRowStatesItsStrengthAndProvenanceAndThePapersAreCounted() throws IOException {
    String html = read("index.html");
    assertTrue(html.contains("id=\"strength-table\""), "per-paper strength table");
    assertTrue(html.contains("<th>holds</th><th>violated</th><th>inconclusive</th>"), "summary verdict counts");
    assertTrue(html.contains("<th>verdict · strength</th>"), "strength beside the verdict");
    assertTrue(html.contains(outcome.summary().strengthLine()), "headline strength line");
    String md = read("report.md");
    assertTrue(md.contains("| bound | provenance | instance |"), "Markdown verdict columns");
    for (io.metabound.experiments.check.CheckResult r : outcome.summary().results()) {
      assertTrue(r.strength() != null, r.boundId() + " has a strength");
    }
  }

  @Test
  void theVerdictsAreGroupedByPaperWithTheStatementBesideEachRowAndFitThePage() throws IOException {
    String html = read("index.html");
    int verdicts = html.indexOf("<h2 id=\"verdicts\">");
    int profiles = html.indexOf("<h2 id=\"profiles\">");
    assertTrue(html.indexOf("id=\"strength-table\"") > verdicts, "the summary opens the section");
    for (io.metabound.experiments.check.CheckResult r : outcome.summary().results()) {
      String paper = io.metabound.experiments.check.StrengthTally.paperOf(r.boundId());
      int table = html.indexOf("<h3 id=\"" + VerdictTablesHtml.paperAnchor(paper) + "\">");
      assertTrue(table > verdicts && table < profiles, "a table for " + paper);
      int row = html.indexOf("<tr><td><a href=\"#profile-" + DataFiles.slug(r.boundId()) + "\">", table);
      assertTrue(row > table && row < profiles, r.boundId() + " is in its paper's table");
      String cells = html.substring(row, html.indexOf("</tr>", row));
      boolean registered = io.metabound.bounds.registry.BoundRegistry.find(r.boundId()).isPresent();
      assertEquals(registered, cells.contains("href=\"#bound-" + r.boundId() + "\""), r.boundId() + " links its statement");
      assertTrue(cells.contains("seed " + r.seed()), r.boundId() + " shows its seed");
      int profile = html.indexOf("<h3 id=\"profile-" + DataFiles.slug(r.boundId()) + "\">");
      if (registered) {
        assertTrue(html.indexOf("href=\"#bound-" + r.boundId() + "\"", profile) > profile, "profile links the statement");
      }
    }
    // a fixed layout whose columns add up to the page, one width per header cell
    String table = html.substring(html.indexOf("<table class=\"sortable verdicts\">"));
    table = table.substring(0, table.indexOf("</thead>"));
    java.util.regex.Matcher widths = java.util.regex.Pattern.compile("width:(\\d+)%").matcher(table);
    int sum = 0;
    int columns = 0;
    while (widths.find()) {
      sum += Integer.parseInt(widths.group(1));
      columns++;
    }
    assertEquals(100, sum);
    assertEquals(columns, table.split("<th>", -1).length - 1);
    assertTrue(HtmlPage.STYLE.contains("table.verdicts{table-layout:fixed;width:100%"));
  }

  @Test
  void thePlantedViolationIsReportedAndCountsForTheExitCode() {
    assertEquals(1, outcome.unexpectedViolations());
    Map<Verdict, Integer> counts = outcome.summary().counts();
    assertEquals(1, counts.get(Verdict.VIOLATED));
    assertEquals(5, outcome.reproductions().size());
  }

  @Test
  void everySectionHeadingIsPresent() throws IOException {
    String html = read("index.html");
    for (Map.Entry<String, String> section : HtmlReport.SECTIONS.entrySet()) {
      assertTrue(
          html.contains("<h2 id=\"" + section.getKey() + "\">" + HtmlPage.escape(section.getValue()) + "</h2>"),
          "missing section " + section);
    }
    String md = read("report.md");
    for (String heading : HtmlReport.SECTIONS.values()) {
      assertTrue(md.contains("## " + heading + "\n"), "report.md misses " + heading);
    }
    // every check has its row and its profile anchor; the reproductions their sections
    for (String id : List.of("ji2022.prop1.meta-smoothness", ReportFixtures.PLANTED, ReportFixtures.NOISY)) {
      assertTrue(html.contains("<code>" + id + "</code>"), id);
      assertTrue(html.contains("id=\"profile-" + DataFiles.slug(id) + "\""), id);
    }
    for (String name : Reproductions.names()) {
      assertTrue(html.contains("id=\"reproduction-" + name + "\""), name);
    }
    assertTrue(html.contains("table class=\"sortable\""));
    assertTrue(html.contains("<script>"), "the sort script is inline");
    assertTrue(html.contains("RECONSTRUCTED [R-hi]"), "reconstructed provenance is said prominently");
    assertTrue(html.contains("METABOUND-DERIVED, NOT IN THE PAPER [derived]"));
  }

  @Test
  void everyPictureAndLinkResolvesToAFileAndNothingIsFetched() throws Exception {
    String html = read("index.html");
    List<String> refs = references(html, Pattern.compile("(?:src|href|data)=\"([^\"]+)\""));
    assertFalse(refs.isEmpty());
    int images = 0;
    for (String ref : refs) {
      assertFalse(ref.startsWith("http:") || ref.startsWith("https:") || ref.startsWith("//"), "external " + ref);
      if (ref.startsWith("#")) {
        String id = ref.substring(1);
        assertTrue(html.contains("id=\"" + id + "\""), "dangling anchor " + ref);
        continue;
      }
      Path file = OUT.resolve(ref);
      assertTrue(Files.isRegularFile(file), "missing " + ref);
      if (ref.endsWith(".png")) {
        assertNotNull(ImageIO.read(file.toFile()), "not a PNG: " + ref);
        images++;
      } else if (ref.endsWith(".svg")) {
        // the statements are well-formed standalone SVG
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", f.newDocumentBuilder().parse(file.toFile()).getDocumentElement().getNodeName());
        images++;
      }
    }
    // 3 profiles + tightness + the registry + reproduction figures and maps + 2 heatmaps
    assertTrue(images > 120, "only " + images + " pictures");
    assertFalse(Pattern.compile("<(link|script)[^>]*(src|href)=").matcher(html).find(), "no external CSS or JS");
    for (String ref : references(read("report.md"), Pattern.compile("\\]\\(([^)#][^)]*)\\)"))) {
      assertTrue(Files.isRegularFile(OUT.resolve(ref)), "report.md links a missing " + ref);
    }
  }

  @Test
  void theNotebookIsRunAndLinked() throws IOException {
    String html = read("index.html");
    assertTrue(html.contains("href=\"notebooks/01-tiny.html\""));
    assertTrue(read("notebooks/01-tiny.html").contains("sum=5"));
  }

  @Test
  void theCounterexampleOfThePlantedViolationIsInTheReport() throws IOException {
    String json = read("checks/check-summary.json");
    assertTrue(json.contains("\"counterexample\" : \"checks/counterexamples/"), json);
    // the shrunk instance and the worst one found, both replayable, both linked relative
    try (Stream<Path> files = Files.list(OUT.resolve("checks/counterexamples"))) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertEquals(2, names.size(), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.endsWith("-worst.json")), names.toString());
    }
    assertTrue(json.contains("-worst.json\""), json);
    assertFalse(json.contains("\"counterexample\" : \"" + OUT), "relative paths only");
  }

  @Test
  void profilesHaveTheirCsvWithTheRatio() throws IOException {
    List<String> lines = Files.readAllLines(OUT.resolve("profiles/" + DataFiles.slug(ReportFixtures.PLANTED) + ".csv"));
    assertEquals("alpha,theoretical,empirical,lower,upper,ratio,verdict", lines.get(0));
    assertTrue(lines.size() > 2);
    assertTrue(lines.stream().skip(1).anyMatch(l -> l.endsWith("VIOLATED")));
  }

  @Test
  void latexSnippetsAreWellFormedAndDefineNoMacros() throws IOException {
    Path latex = OUT.resolve("latex");
    List<Path> tex;
    try (Stream<Path> walk = Files.walk(latex)) {
      tex = walk.filter(p -> p.toString().endsWith(".tex")).toList();
    }
    assertTrue(tex.size() > 120, tex.size() + " .tex files");
    for (Path p : tex) {
      String s = Files.readString(p);
      assertTrue(BoundLatex.balancedBraces(s), "unbalanced braces in " + p);
      for (String macro : List.of("\\newcommand", "\\renewcommand", "\\def\\", "\\providecommand")) {
        assertFalse(s.contains(macro), p + " defines a macro");
      }
    }
    String table = Files.readString(latex.resolve("verdicts.tex"));
    for (String rule : List.of("\\toprule", "\\midrule", "\\bottomrule", "\\begin{tabularx}", "\\end{tabularx}")) {
      assertTrue(table.contains(rule), rule);
    }
    assertTrue(table.contains(LatexText.breakableCode(ReportFixtures.PLANTED)), "the planted check's id in verdicts.tex");
    String statement = Files.readString(latex.resolve("bounds/ji2022-prop1-meta-smoothness.tex"));
    assertTrue(statement.contains("\\[") && statement.contains("\\]") && statement.contains("L_{\\mathcal{L}} \\le"));
  }

  @Test
  void pgfplotsTablesHaveAHeaderAndRectangularRows() throws IOException {
    List<Path> dat;
    try (Stream<Path> walk = Files.walk(OUT.resolve("latex"))) {
      dat = walk.filter(p -> p.toString().endsWith(".dat")).toList();
    }
    assertTrue(dat.size() > 20, dat.size() + " .dat files");
    for (Path p : dat) {
      int columns = -1;
      for (String line : Files.readAllLines(p)) {
        if (line.startsWith("#") || line.isEmpty()) {
          continue;
        }
        int n = line.trim().split("\\s+").length;
        if (columns < 0) {
          columns = n;
        } else {
          assertEquals(columns, n, p + ": " + line);
        }
      }
      assertTrue(columns >= 2, p.toString());
    }
  }

  @Test
  void sameSeedSameDataFiles(@TempDir Path dir) throws IOException {
    ReportRequest base =
        request(dir.resolve("a"), null)
            .withReproductions(List.of(Reproductions.find("ji-alpha-over-n").orElseThrow()))
            .withHeatmapCount(1);
    // a few registry statements are enough to compare their SVG and .tex bytes
    ReportRequest small =
        new ReportRequest(
            base.out(), base.latex(), base.seed(), true, base.commandLine(), base.suite(),
            base.bounds().subList(0, 12), base.reproductions(), base.heatmaps(), null, base.tool(), null);
    ReportGenerator.generate(small);
    ReportGenerator.generate(
        new ReportRequest(
            dir.resolve("b"), dir.resolve("b").resolve("latex"), small.seed(), true, small.commandLine(),
            ReportFixtures.suite(7, true), small.bounds(), small.reproductions(), small.heatmaps(), null, small.tool(),
            null));
    List<String> compared = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir.resolve("a"))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = dir.resolve("a").relativize(p).toString();
        if (rel.endsWith(".csv") || rel.endsWith(".dat") || rel.endsWith(".tex") || rel.endsWith(".svg")
            || rel.endsWith("check-summary.json")) {
          assertEquals(Files.readString(p), Files.readString(dir.resolve("b").resolve(rel)), rel);
          compared.add(rel);
        }
      }
    }
    assertTrue(compared.size() > 30, compared.size() + " files compared");
  }

  @Test
  void aFailedRunLeavesThePreviousReportUntouched(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("report");
    Files.createDirectories(out);
    Files.writeString(out.resolve("index.html"), "previous");
    Files.writeString(out.resolve(OutputFolder.MARKER), "a report of an earlier run");
    Reproduction broken =
        new Reproduction() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public String title() {
            return "throws";
          }

          @Override
          public ReproductionResult run(ReproductionSettings settings) {
            throw new IllegalStateException("planted failure");
          }
        };
    ReportRequest failing =
        request(out, null).withReproductions(List.of(broken)).withHeatmapCount(0);
    assertThrows(IllegalStateException.class, () -> ReportGenerator.generate(failing));
    assertEquals("previous", Files.readString(out.resolve("index.html")));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(out), left.toList(), "no staging folder is left behind");
    }
  }

  @Test
  void aFolderMetaBoundDidNotWriteIsRefusedAndKept(@TempDir Path dir) throws IOException {
    Path paper = dir.resolve("paper");
    Files.createDirectories(paper);
    Files.writeString(paper.resolve("paper.tex"), "\\section{Results}");
    UserInputException e =
        assertThrows(UserInputException.class, () -> ReportGenerator.generate(request(paper, null)));
    assertTrue(e.getMessage().contains("is not empty and was not written by metabound"), e.getMessage());
    try (Stream<Path> left = Files.walk(dir)) {
      assertEquals(List.of(dir, paper, paper.resolve("paper.tex")), left.sorted().toList());
    }
  }

  private static List<String> references(String text, Pattern pattern) {
    List<String> refs = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      refs.add(m.group(1).replace("&amp;", "&"));
    }
    return refs;
  }
}
