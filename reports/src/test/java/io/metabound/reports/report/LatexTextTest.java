package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LatexTextTest {

  @Test
  void nonAsciiWordsBecomeLatexAndAdjacentMathIsJoined() {
    assertEquals("$\\|\\nabla$\\textsuperscript{2}F$\\|$ --- $\\alpha \\le$ 1", LatexText.escape("‖∇²F‖ — α ≤ 1").replace("$ $", " ").replace("$\\alpha$ $\\le$", "$\\alpha \\le$"));
    assertEquals("$\\|\\nabla$", LatexText.escape("‖∇"));
    assertEquals("\\$$\\le$", LatexText.escape("$≤"), "an escaped dollar is not joined");
    assertEquals("a?b", LatexText.escape("a\u4e2db"));
  }

  @Test
  void codeMayBreakAfterDotsAndHyphens() {
    assertEquals("\\texttt{ji2022.\\allowbreak{}prop1.\\allowbreak{}meta-\\allowbreak{}smoothness}",
        LatexText.breakableCode("ji2022.prop1.meta-smoothness"));
  }

  static Stream<Long> seeds() {
    return Stream.of(11L, 12L, 13L, 14L, 15L);
  }

  /** Random strings of specials, non-ASCII and ASCII: balanced, ASCII only, no display math. */
  @ParameterizedTest
  @MethodSource("seeds")
  void anyTextEscapesToAsciiWithBalancedBraces(long seed) {
    Random random = new Random(seed);
    String alphabet = "ab_{}#$%&~^\\<>—–·≤≥αβ∇‖²中 \n";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    String escaped = LatexText.escape(text.toString());
    assertTrue(BoundLatex.balancedBraces(escaped), escaped);
    assertTrue(escaped.chars().allMatch(c -> c < 128 && c >= 32), escaped);
    assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)\\$\\$").matcher(escaped).find(), escaped);
  }

  @Test
  void plotStylesDifferForEveryCurveOfAFigure() {
    Set<String> styles = new HashSet<>();
    for (int k = 0; k < PlotStyles.DISTINCT; k++) {
      assertTrue(styles.add(PlotStyles.line(k)), "curve " + k + " repeats a style");
    }
    assertFalse(PlotStyles.line(0).contains("black,") && PlotStyles.line(1).equals(PlotStyles.line(0)));
  }
}
