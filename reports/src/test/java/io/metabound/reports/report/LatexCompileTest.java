package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.metabound.experiments.reproduction.Reproductions;
import org.junit.jupiter.api.Test;

/**
 * Compiles the LaTeX export with pdflatex (skipped where pdflatex is not installed: {@code
 * apt-get install texlive-latex-base texlive-latex-recommended texlive-pictures}) and fails on any
 * error or an overfull line wider than {@link #TOLERANCE_PT}: every registry statement, the long
 * ones included, and a report's whole {@code preview.tex}.
 */
class LatexCompileTest {

  /** An overfull box up to this wide is invisible in print; wider ones stick into the margin. */
  static final double TOLERANCE_PT = 10;

  static final Path WORK = Path.of("target", "latex-compile-test");

  @Test
  void everyRegistryStatementCompilesWithinTheTextWidth() throws Exception {
    Path folder = Files.createDirectories(WORK.resolve("statements"));
    StringBuilder doc = new StringBuilder();
    doc.append("\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n");
    List<Bound> all = BoundRegistry.all();
    for (Bound b : all) {
      doc.append("\\noindent\\texttt{").append(BoundLatex.escapeText(b.id())).append("}\n")
          .append(LatexExport.boundSnippet(b));
    }
    doc.append("\\end{document}\n");
    Path tex = folder.resolve("statements.tex");
    Files.writeString(tex, doc);
    assumeTrue(PdfLatex.available(), "pdflatex is not installed");
    PdfLatex.Log log = PdfLatex.compile(tex);
    assertEquals(List.of(), log.errors(), "pdflatex errors");
    assertEquals(0, log.exitCode(), "pdflatex exit code");
    assertEquals(List.of(), log.overfullBeyond(TOLERANCE_PT), "lines wider than the text");
    assertTrue(all.size() >= 120, all.size() + " statements");
  }

  @Test
  void aReportsPreviewCompilesWithItsTablesAndFigures() throws Exception {
    Path folder = Files.createDirectories(WORK.resolve("preview"));
    Path claims = folder.resolve("claims.yaml");
    Files.writeString(
        claims,
        ReportFixtures.TWO_CLAIMS.replace(
            "one-step MAML is 4L-smooth for alpha <= 1/L",
            // unicode the LaTeX export must map
            "one-step MAML is 4L-smooth for alpha <= 1/L — Fallah2020 Lemma 4.8 (≤, α)"));
    Path out = folder.resolve("report");
    ReportRequest base =
        ReportRequest.defaults(out, out.resolve("latex"), 7, true, "metabound report (test)", null, "metabound test")
            .withSuite(ReportFixtures.suite(7, true))
            .withReproductions(List.of(Reproductions.find("ji-alpha-over-n").orElseThrow()))
            .withHeatmapCount(1)
            .withClaims(claims);
    // a few statements, the longest among them; every statement is compiled by the test above
    List<Bound> bounds = new ArrayList<>(base.bounds().subList(0, 6));
    bounds.add(BoundRegistry.find("ji2022.thm5.stationarity-root").orElseThrow());
    ReportGenerator.generate(
        new ReportRequest(base.out(), base.latex(), base.seed(), true, base.commandLine(), base.suite(), bounds,
            base.reproductions(), base.heatmaps(), null, base.tool(), base.claims()));
    Path preview = out.resolve("latex").resolve("preview.tex");
    String tex = Files.readString(preview);
    assertTrue(tex.contains("\\input{claims.tex}"), "the claims table is in the preview");
    assertTrue(tex.contains("\\input{verdicts.tex}") && !tex.contains("resizebox"), "the verdicts, unscaled");
    assertFiguresAreLabelledAndStyledApart(out.resolve("latex").resolve("figures"));
    assumeTrue(PdfLatex.available(), "pdflatex is not installed");
    PdfLatex.Log log = PdfLatex.compile(preview);
    assertEquals(List.of(), log.errors(), "pdflatex errors");
    assertEquals(0, log.exitCode(), "pdflatex exit code");
    assertEquals(List.of(), log.overfullBeyond(TOLERANCE_PT), "lines wider than the text");
  }

  /**
   * Every figure file labels both axes, puts every drawn curve in its legend and gives each curve
   * its own style.
   */
  private static void assertFiguresAreLabelledAndStyledApart(Path figures) throws Exception {
    List<Path> files;
    try (var walk = Files.list(figures)) {
      files = walk.filter(p -> p.toString().endsWith(".tex")).sorted().toList();
    }
    assertTrue(files.size() >= 4, files.toString());
    java.util.regex.Pattern plot = java.util.regex.Pattern.compile("\\\\addplot\\[([^\\n]*?)\\] (table|coordinates)");
    for (Path f : files) {
      String tex = Files.readString(f);
      assertTrue(tex.matches("(?s).*xlabel=\\{[^}].*") && tex.matches("(?s).*ylabel=\\{[^}].*"), f + " labels its axes");
      java.util.regex.Matcher m = plot.matcher(tex);
      java.util.Set<String> styles = new java.util.HashSet<>();
      int curves = 0;
      while (m.find()) {
        if (m.group(1).contains("forget plot")) {
          continue;
        }
        curves++;
        String colourAndDash = m.group(1).replaceAll(", (only marks|mark=\\*|mark size=[0-9.]+pt|mark options=\\{solid\\}|empty line=jump).*", "");
        assertTrue(styles.add(colourAndDash), f + ": two curves drawn as " + colourAndDash);
      }
      int legend = tex.split("\\\\addlegendentry\\{", -1).length - 1;
      assertEquals(curves, legend, f + ": every curve is in the legend");
      assertTrue(curves >= 1, f.toString());
    }
  }
}
