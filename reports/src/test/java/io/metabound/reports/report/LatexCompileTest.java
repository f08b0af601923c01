package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
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

  @BeforeAll
  static void needsPdflatex() {
    assumeTrue(PdfLatex.available(), "pdflatex is not installed");
  }

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
    PdfLatex.Log log = PdfLatex.compile(tex);
    assertEquals(List.of(), log.errors(), "pdflatex errors");
    assertEquals(0, log.exitCode(), "pdflatex exit code");
    assertEquals(List.of(), log.overfullBeyond(TOLERANCE_PT), "lines wider than the text");
    assertTrue(all.size() >= 120, all.size() + " statements");
  }
}
