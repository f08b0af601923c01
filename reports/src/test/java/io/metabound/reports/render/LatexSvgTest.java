package io.metabound.reports.render;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatexSvgTest {

  @Test
  void rendersAFormulaAsPathsOnly() {
    String svg = LatexSvg.render("\\left(1+\\alpha L\\right)^{2N} L", 16f);
    assertTrue(svg.contains("<svg"), svg);
    assertTrue(svg.contains("<path"), "glyphs should be outlines");
    assertTrue(!svg.contains("<text"), "no font-dependent text elements");
  }

  @Test
  void badLatexIsAClearError() {
    assertThrows(IllegalArgumentException.class, () -> LatexSvg.render("\\nosuchcommand x", 16f));
  }
}
