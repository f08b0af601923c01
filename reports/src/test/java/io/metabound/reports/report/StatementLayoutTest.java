package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.Expressions;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Relation;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class StatementLayoutTest {

  private static final Pattern NAME = Pattern.compile("\\\\mathcal\\{T\\}_\\{(\\d+)\\}");

  @Test
  void aShortStatementIsOneDisplayWithTheQuantitysSymbol() {
    Bound b = BoundRegistry.find("ji2022.prop1.meta-smoothness").orElseThrow();
    String d = StatementLayout.display(b);
    assertTrue(d.startsWith("\\[\nL_{\\mathcal{L}} \\le "), d);
    assertTrue(d.endsWith("\n\\]\n"), d);
  }

  @Test
  void theLongestStatementIsBrokenIntoLinesWithNamedSubterms() {
    Bound b = BoundRegistry.find("ji2022.thm5.stationarity-root").orElseThrow();
    String d = StatementLayout.display(b);
    assertTrue(d.startsWith("\\begin{align*}\n"), d);
    assertTrue(d.contains("\nwhere\n"), d);
    assertLinesFitAndNamesAreDefinedOnce(d, StatementLayout.LINE_WIDTH);
  }

  static Stream<Bound> registry() {
    return BoundRegistry.all().stream();
  }

  @ParameterizedTest
  @MethodSource("registry")
  void everyRegistryLineFitsItsWidthEstimate(Bound b) {
    assertLinesFitAndNamesAreDefinedOnce(StatementLayout.display(b), StatementLayout.LINE_WIDTH);
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  /** Long random sums of products and quotients, broken to a narrow width. */
  @ParameterizedTest
  @MethodSource("seeds")
  void randomLongSumsAreBrokenToTheWidth(long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder("L");
    String[] atoms = {"alpha", "L", "N", "rho", "(1 + alpha*L)^N", "sqrt(D)", "(L - mu)"};
    for (int i = 0; i < 40; i++) {
      text.append(random.nextBoolean() ? " + " : " - ");
      text.append(atoms[random.nextInt(atoms.length)]).append(random.nextBoolean() ? "*" : "/")
          .append(atoms[random.nextInt(atoms.length)]);
    }
    Expression formula = Expressions.parse("(" + text + ")/(2*" + text + ")");
    String d = StatementLayout.display("L_F", Relation.UPPER_BOUND, formula, 200);
    assertTrue(d.startsWith("\\begin{align*}"), d);
    assertLinesFitAndNamesAreDefinedOnce(d, 200);
  }

  private static void assertLinesFitAndNamesAreDefinedOnce(String display, double width) {
    assertTrue(BoundLatex.balancedBraces(display), display);
    int defined = 0;
    int highest = 0;
    for (String line : display.split("\n")) {
      if (line.startsWith("\\") && (line.startsWith("\\begin") || line.startsWith("\\end") || line.equals("\\[")
          || line.equals("\\]"))) {
        continue;
      }
      if (line.equals("where")) {
        continue;
      }
      String math = line.replace("&", "").replaceAll(" \\\\\\\\$", "");
      assertTrue(LatexWidth.of(math) <= width + 1e-9,
          "too wide (" + LatexWidth.of(math) + " pt): " + line);
      if (line.startsWith("\\mathcal{T}_{")) {
        defined++;
      }
      Matcher m = NAME.matcher(line);
      while (m.find()) {
        highest = Math.max(highest, Integer.parseInt(m.group(1)));
      }
    }
    assertEquals(highest, defined, "every sub-term is defined once: " + display);
    assertFalse(display.contains("metaboundSubterm"), display);
  }
}
