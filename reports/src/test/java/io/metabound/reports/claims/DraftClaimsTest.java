package io.metabound.reports.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    assertTrue(e.message().startsWith("line 19: field 'bound': "), e.message());
    // the other claim of the draft is still there
    assertTrue(entries.get(0) instanceof Claim);
    ClaimsFileException none =
        assertThrows(ClaimsFileException.class, () -> DraftClaims.parse("\\section{x}\n", "n.tex"));
    assertTrue(none.getMessage().contains("no '%! metabound'"));
  }

  /** One live claim block, to put next to text that is not a claim. */
  private static final String LIVE =
      """
      \\begin{lemma}\\label{lem:live}
      \\end{lemma}
      %! metabound
      %!   quantity: meta-smoothness
      %!   estimator: maml
      %!   relation: "<="
      %!   bound: "4*L"
      %!   family: {type: quadratic, dim: 1, spectrum: [-1, 1]}
      %!   params: {alpha: [0, "1/L"], N: 1}
      """;

  /** A block shown in a verbatim environment is text, not a claim. */
  @ParameterizedTest
  @ValueSource(
      strings = {"\\begin{verbatim}", "\\begin{lstlisting}[language=TeX]", "\\begin{Verbatim}",
        "\\begin{minted}{latex}", "\\begin{comment}", "\\begin{verbatim*}"})
  void verbatimBlocksAreNotClaims(String begin) {
    String environment = begin.substring("\\begin{".length(), begin.indexOf('}'));
    String shown =
        begin + "\n%! metabound id: shown\n%!   bound: [not, a, claim\n\\label{not:this}\n"
            + "\\end{" + environment + "}\n";
    List<ClaimEntry> claims = DraftClaims.parse(shown + LIVE, "v.tex");
    assertEquals(1, claims.size(), claims.toString());
    assertEquals("lem:live", claims.get(0).id());
    assertTrue(claims.get(0) instanceof Claim, claims.toString());
  }

  /**
   * Claims of {@code \\input} and {@code \\include} files are read, relative to the draft's
   * folder with {@code .tex} added; a problem names the included file and its own line; a
   * commented-out {@code \\input} is not followed.
   */
  @Test
  void includedFilesAreFollowed(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sections"));
    Files.writeString(
        dir.resolve("main.tex"),
        "\\documentclass{article}\n\\input{sections/smooth}\n% \\input{missing}\n"
            + "\\include{other.tex}\n");
    Files.writeString(dir.resolve("sections/smooth.tex"), "% a section\n" + LIVE);
    Files.writeString(
        dir.resolve("other.tex"),
        LIVE.replace("lem:live", "lem:other").replace("\"4*L\"", "\"4*L +\""));
    String main = dir.resolve("main.tex").toString();
    List<ClaimEntry> claims = DraftClaims.parse(Files.readString(dir.resolve("main.tex")), main);
    assertEquals(List.of("lem:live", "lem:other"), claims.stream().map(ClaimEntry::id).toList());
    assertTrue(claims.get(0) instanceof Claim);
    assertEquals(4, claims.get(0).line(), "the line in the included file");
    ClaimError bad = (ClaimError) claims.get(1);
    assertTrue(bad.message().startsWith("other.tex:7: field 'bound': "), bad.message());
  }

  @Test
  void includeCyclesAndMissingFilesAreErrors(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.tex"), "x\n\\input{b}\n" + LIVE);
    Files.writeString(dir.resolve("b.tex"), "\n\n\\input{a.tex}\n");
    ClaimsFileException cycle =
        assertThrows(
            ClaimsFileException.class,
            () -> DraftClaims.parse(Files.readString(dir.resolve("a.tex")), dir.resolve("a.tex").toString()));
    assertTrue(cycle.getMessage().contains("a.tex → b.tex → a.tex"), cycle.getMessage());
    assertEquals("b.tex", cycle.file());
    assertEquals(3, cycle.line());

    Files.writeString(dir.resolve("c.tex"), LIVE + "\n\\input{gone}\n");
    ClaimsFileException missing =
        assertThrows(
            ClaimsFileException.class,
            () -> DraftClaims.parse(Files.readString(dir.resolve("c.tex")), dir.resolve("c.tex").toString()));
    assertTrue(
        missing.getMessage().startsWith(dir.resolve("c.tex") + ":11: \\input{gone}: no such file gone.tex"),
        missing.getMessage());
  }

  /**
   * A block before any label is tied to the next label; when that label's own block follows, the
   * error says so in words (not "the id is used twice") and the labelled block keeps its claim.
   */
  @Test
  void aBlockBeforeEveryLabelGetsAClearMessage() {
    String early = LIVE.substring(LIVE.indexOf("%! metabound"));
    List<ClaimEntry> claims = DraftClaims.parse("\\section{Intro}\n" + early + "\n" + LIVE, "e.tex");
    assertEquals(2, claims.size());
    ClaimError error = (ClaimError) claims.get(0);
    assertEquals(2, error.line());
    assertTrue(error.message().startsWith("line 2: this block comes before any \\label"), error.message());
    assertTrue(error.message().contains("\\label{lem:live} (line 10)"), error.message());
    assertTrue(!error.message().contains("used twice"), error.message());
    assertTrue(claims.get(1) instanceof Claim);
    assertEquals("lem:live", claims.get(1).id());
  }

  /** A block that is not YAML is worded with its line in the draft, never the parser's dump. */
  @Test
  void aBrokenBlockIsWordedWithItsLine() {
    ClaimError e =
        (ClaimError)
            DraftClaims.parse(LIVE.replace("[-1, 1]}", "[-1, 1}"), "b.tex").get(0);
    assertTrue(e.message().startsWith("line 8: not valid YAML: "), e.message());
    assertTrue(!e.message().contains("in reader") && !e.message().contains("JsonToken"), e.message());
  }
}
