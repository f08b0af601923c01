package io.metabound.reports.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DraftClaimsTest {

  static final String DRAFT =
      """
      \\documentclass{article}
      \\begin{document}
      \\begin{lemma}\\label{lem:smooth}
      For $\\alpha \\le 1/L$ the one-step MAML objective is smooth.
      \\end{lemma}
      %! metabound
      %!   quantity: meta-smoothness
      %!   estimator: maml
      %!   relation: "<="
      %!   bound: "(1 + alpha*L)^(2*N) * L"
      %!   family: {type: quadratic, dim: [1, 2], tasks: [1, 2], spectrum: [-1, 1]}
      %!   params: {alpha: [0.01, "1/L"], N: [1, 3]}
      Some text. % a comment with \\label{not:this}
      \\begin{proposition}\\label{prop:wrong}
      %! metabound id: too-strong
      %!   quantity: meta-smoothness
      %!   estimator: maml
      %!   relation: "<="
      %!   bound: "L"
      %!   family: {type: quadratic, dim: 1, spectrum: [-1, 1]}
      %!   params: {alpha: [0.1, "1/L"], N: 1}
      \\end{proposition}
      \\end{document}
      """;

  @Test
  void blocksAreTiedToTheNearestLabel() {
    List<ClaimEntry> claims = DraftClaims.parse(DRAFT, "draft.tex");
    assertEquals(2, claims.size());
    assertEquals("lem:smooth", claims.get(0).id());
    assertEquals("lem:smooth", claims.get(0).label());
    assertEquals(6, claims.get(0).line());
    assertEquals("too-strong", claims.get(1).id(), "an id in the block wins over the label");
    assertEquals("prop:wrong", claims.get(1).label(), "labels in comments are not labels");
    assertEquals(15, claims.get(1).line());
  }

  @Test
  void theHashIdentifiesTheVersion() {
    String a = DraftClaims.sha256(DRAFT);
    assertEquals(64, a.length());
    assertEquals(a, DraftClaims.sha256(DRAFT));
    assertNotEquals(a, DraftClaims.sha256(DRAFT + " "));
    // SHA-256 of the empty string
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        DraftClaims.sha256(""));
  }

  @Test
  void badBlocksNameTheirLine() {
    List<ClaimEntry> entries =
        DraftClaims.parse(DRAFT.replace("%!   bound: \"L\"", "%!   bound: \"L +\""), "d.tex");
    ClaimError e = (ClaimError) entries.get(1);
    assertEquals("too-strong", e.id());
    assertEquals(15, e.line());
    assertTrue(e.message().startsWith("field 'bound': "), e.message());
    // the other claim of the draft is still there
    assertTrue(entries.get(0) instanceof Claim);
    ClaimsFileException none =
        assertThrows(ClaimsFileException.class, () -> DraftClaims.parse("\\section{x}\n", "n.tex"));
    assertTrue(none.getMessage().contains("no '%! metabound'"));
  }
}
