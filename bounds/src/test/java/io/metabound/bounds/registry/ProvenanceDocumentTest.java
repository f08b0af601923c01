package io.metabound.bounds.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/THEOREMS.md}, the project's account of the papers' results, in step with the
 * registry: every registered bound is listed in its paper's table with its result, equation and
 * provenance tag; every listed id is registered; every tag is defined in §0.1; every section a
 * provenance source cites exists; every citation's archive identifier appears.
 *
 * <p>The document is read relative to the module directory, Maven surefire's working directory.
 */
class ProvenanceDocumentTest {

  /** The document, from the {@code bounds} module directory. */
  static final Path DOCUMENT = Path.of("..", "docs", "THEOREMS.md");

  /** A row of a registry table: its first cell is a bound id in backquotes. */
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|");

  /** A numbered heading, e.g. {@code ## 1. Ji, ...} or {@code ### 6.4 Independent ...}. */
  private static final Pattern HEADING = Pattern.compile("^#{2,4}\\s+(\\d+(?:\\.\\d+)*)\\.?\\s");

  /** A cited section, e.g. {@code §1.5}, {@code §3} or the range {@code §2.3-2.4}. */
  private static final Pattern SECTION =
      Pattern.compile("§(\\d+(?:\\.\\d+)?)(?:-(\\d+(?:\\.\\d+)?))?");

  /** An archive identifier in a citation: arXiv or OpenReview. */
  private static final Pattern ARCHIVE_ID =
      Pattern.compile("(arXiv:\\d{4}\\.\\d{4,5}|OpenReview r[0-9A-Za-z]+)");

  private static List<String> lines;

  /** Row of each listed id, and the paper whose table it is in. */
  private static final Map<String, String> ROWS = new LinkedHashMap<>();

  private static final Map<String, String> PAPER_OF_ROW = new LinkedHashMap<>();

  private static final Set<String> SECTIONS = new TreeSet<>();

  private static String tagLegend;

  @BeforeAll
  static void readDocument() throws IOException {
    assertTrue(
        Files.isRegularFile(DOCUMENT),
        () -> "missing " + DOCUMENT.toAbsolutePath().normalize() + " (run from the bounds module)");
    lines = Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8);
    String paper = null;
    StringBuilder legend = new StringBuilder();
    boolean inLegend = false;
    for (String line : lines) {
      Matcher heading = HEADING.matcher(line);
      if (heading.find()) {
        SECTIONS.add(heading.group(1));
        inLegend = heading.group(1).equals("0.1");
        paper = null;
      } else if (line.startsWith("#")) {
        paper = null;
        for (String key : BoundRegistry.papers()) {
          if (line.contains("Registered bounds of " + key)) {
            paper = key;
          }
        }
      }
      if (inLegend) {
        legend.append(line).append('\n');
      }
      Matcher row = ROW.matcher(line);
      if (row.find() && Bound.ID_PATTERN.matcher(row.group(1)).matches()) {
        String id = row.group(1);
        assertFalse(ROWS.containsKey(id), () -> id + " is listed twice in " + DOCUMENT);
        ROWS.put(id, line);
        PAPER_OF_ROW.put(id, paper);
      }
    }
    tagLegend = legend.toString();
  }

  static Stream<Bound> bounds() {
    return BoundRegistry.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void everyBoundIsListedWithItsResultEquationAndTag(Bound bound) {
    String row = ROWS.get(bound.id());
    assertTrue(row != null, () -> bound.id() + " is not listed in " + DOCUMENT);
    Reference reference = bound.reference();
    assertEquals(
        reference.paper(),
        PAPER_OF_ROW.get(bound.id()),
        () -> bound.id() + " is not in the table 'Registered bounds of " + reference.paper() + "'");
    List<String> cells = cells(row);
    assertEquals(6, cells.size(), () -> "row of " + bound.id() + " has not 6 cells: " + row);
    assertTrue(
        cells.get(1).startsWith(reference.result()),
        () -> bound.id() + ": result " + reference.result() + " expected, not " + cells.get(1));
    assertTrue(
        cells.get(1).contains(reference.equation()),
        () -> bound.id() + ": equation " + reference.equation() + " missing in " + cells.get(1));
    assertEquals(
        bound.provenance().tag(),
        cells.get(5),
        () -> bound.id() + ": the document's tag differs from the registry's");
  }

  @Test
  void everyListedIdIsRegistered() {
    for (String id : ROWS.keySet()) {
      assertTrue(
          BoundRegistry.find(id).isPresent(), () -> DOCUMENT + " lists " + id + ", not registered");
    }
    assertEquals(BoundRegistry.all().size(), ROWS.size());
  }

  @Test
  void everyTagIsDefinedInTheLegend() {
    assertFalse(tagLegend.isBlank(), () -> DOCUMENT + " has no section 0.1 (provenance tags)");
    Set<String> tags = new TreeSet<>();
    for (Bound bound : BoundRegistry.all()) {
      tags.add(bound.provenance().tag());
    }
    for (String tag : tags) {
      assertTrue(
          tagLegend.contains("**" + tag + "**"),
          () -> "tag " + tag + " is not defined in §0.1 of " + DOCUMENT);
    }
  }

  @Test
  void everyCitedSectionExists() {
    Set<String> missing = new TreeSet<>();
    for (Bound bound : BoundRegistry.all()) {
      String source = bound.provenance().source();
      assertTrue(
          source.contains("docs/THEOREMS.md"),
          () -> bound.id() + ": source does not cite docs/THEOREMS.md: " + source);
      Matcher section = SECTION.matcher(source);
      while (section.find()) {
        for (int group = 1; group <= 2; group++) {
          String number = section.group(group);
          if (number != null && !SECTIONS.contains(number)) {
            missing.add(bound.id() + " §" + number);
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), () -> "sections cited but not in " + DOCUMENT + ": " + missing);
  }

  @Test
  void everyCitationIsGivenWithItsArchiveIdentifier() {
    String text = String.join("\n", lines);
    Set<String> citations = new TreeSet<>();
    for (Bound bound : BoundRegistry.all()) {
      citations.add(bound.reference().citation());
    }
    for (String citation : citations) {
      Matcher id = ARCHIVE_ID.matcher(citation);
      assertTrue(id.find(), () -> "no archive identifier in " + citation);
      do {
        String found = id.group(1);
        assertTrue(text.contains(found), () -> DOCUMENT + " does not give " + found);
      } while (id.find());
    }
  }

  /** The cells of a table row, trimmed, with escaped bars kept inside their cell. */
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return cells;
  }
}
