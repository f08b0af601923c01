package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.reports.render.LatexSvg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatexAndDataFilesTest {

  @TempDir Path dir;

  @Test
  void braceBalanceIgnoresEscapesAndComments() {
    assertTrue(BoundLatex.balancedBraces("\\frac{a}{b} \\{ x \\} % } unbalanced in a comment\n{}"));
    assertFalse(BoundLatex.balancedBraces("\\frac{a}{b"));
    assertFalse(BoundLatex.balancedBraces("}{"));
  }

  @Test
  void textEscapingCoversEverySpecialCharacter() {
    String escaped = BoundLatex.escapeText("a_b & 50% #1 $x$ {y} ~ ^ \\ <=");
    assertEquals(
        "a\\_b \\& 50\\% \\#1 \\$x\\$ \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{}=",
        escaped);
    assertTrue(BoundLatex.balancedBraces(escaped));
  }

  @Test
  void everyRegistryStatementIsBalancedAndRendersToSvg() {
    for (var bound : BoundRegistry.all()) {
      String latex = BoundLatex.statement(bound);
      assertTrue(BoundLatex.balancedBraces(latex), bound.id() + ": " + latex);
      assertFalse(latex.contains("\\newcommand"), bound.id());
    }
    String svg = LatexSvg.render(BoundLatex.statement(BoundRegistry.find("ji2022.prop1.meta-smoothness").orElseThrow()), 18f);
    assertTrue(svg.contains("<svg"));
  }

  @Test
  void statementsUseTheRelationsSymbols() {
    assertTrue(BoundLatex.statement(BoundRegistry.find("ji2022.prop1.meta-smoothness").orElseThrow())
        .startsWith("\\text{meta-smoothness} \\le "));
    assertTrue(BoundLatex.statement(BoundRegistry.find("rajeswaran2019.table1.imaml-memory").orElseThrow())
        .startsWith("\\text{memory} = O\\left("));
  }

  @Test
  void csvQuotesTextAndRoundTripsDoubles() {
    String csv =
        DataFiles.csv(
            new DataFiles.Table(
                List.of("name", "value"),
                List.<Object[]>of(new Object[] {"a, \"b\"", 0.1 + 0.2}, new Object[] {"nan", Double.NaN})));
    assertEquals("name,value\n\"a, \"\"b\"\"\",0.30000000000000004\nnan,NaN\n", csv);
    assertEquals(0.1 + 0.2, Double.parseDouble(csv.split("\n")[1].split(",")[2]));
  }

  @Test
  void datFilesHaveCommentsAHeaderAndEmptyLinesWhereAsked() throws Exception {
    Path file = dir.resolve("t.dat");
    DataFiles.writeDat(
        file,
        List.of("a comment"),
        new DataFiles.Table(
            List.of("x", "y", "label"),
            Arrays.asList(new Object[] {1.0, Double.POSITIVE_INFINITY, "two words"}, null, new Object[] {2, Double.NaN, "z"})));
    assertEquals("# a comment\nx y label\n1.0 inf two_words\n\n2 nan z\n", Files.readString(file));
  }

  @Test
  void slugsAreFileNameSafe() {
    assertEquals("ji2022-prop1-meta-smoothness", DataFiles.slug("ji2022.prop1.meta-smoothness"));
    assertEquals("fo-maml-floor-vs-d", DataFiles.slug("FO-MAML floor vs α·D"));
    assertEquals("x", DataFiles.slug("∞"));
  }

  @Test
  void imageSizesAreReadFromPngAndSvgHeaders() throws Exception {
    Path svg = dir.resolve("s.svg");
    Files.writeString(svg, "<?xml version=\"1.0\"?>\n<svg height=\"44px\" version=\"1.1\" width=\"641px\" xmlns=\"http://www.w3.org/2000/svg\"></svg>");
    assertEquals(" width=\"641\" height=\"44\"", ImageSize.attributes(svg));
    Path png = dir.resolve("p.png");
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    assertEquals(" width=\"30\" height=\"20\"", ImageSize.attributes(png));
    assertEquals("", ImageSize.attributes(dir.resolve("missing.png")));
  }
}
