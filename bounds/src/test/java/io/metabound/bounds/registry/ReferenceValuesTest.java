package io.metabound.bounds.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Bindings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates every registered bound at points whose values were computed by hand (see the derivation
 * column of {@code reference-values.csv}): a wrongly transcribed or wrongly expanded formula fails
 * here.
 */
class ReferenceValuesTest {

  private static final String RESOURCE = "/reference-values.csv";
  private static final double RELATIVE_TOLERANCE = 1e-12;

  /** One row: id, bindings, expected value, derivation; {@code line} for messages. */
  record Row(
      int line, String id, Map<String, Double> bindings, double expected, String derivation) {
    @Override
    public String toString() {
      return id + " @ " + bindings;
    }
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = ReferenceValuesTest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String text;
      int line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        String[] fields = text.split(",", 4);
        if (fields.length != 4 || fields[3].isBlank()) {
          throw new IllegalStateException(
              RESOURCE + " line " + line + ": expected id,bindings,expected,derivation");
        }
        rows.add(
            new Row(
                line,
                fields[0].strip(),
                parseBindings(fields[1], line),
                Double.parseDouble(fields[2].strip()),
                fields[3].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Map<String, Double> parseBindings(String text, int line) {
    Map<String, Double> values = new TreeMap<>();
    for (String pair : text.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split("=");
      if (parts.length != 2) {
        throw new IllegalStateException(
            RESOURCE + " line " + line + ": bad binding '" + pair + "'");
      }
      values.put(parts[0].strip(), Double.parseDouble(parts[1].strip()));
    }
    return values;
  }

  static Stream<Row> rowStream() {
    return rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowStream")
  void boundEvaluatesToTheHandComputedValue(Row row) {
    Bound bound =
        BoundRegistry.find(row.id())
            .orElseThrow(
                () -> new AssertionError("line " + row.line() + ": unknown id " + row.id()));
    double actual = bound.evaluate(Bindings.of(row.bindings()));
    double tolerance = RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(row.expected()));
    assertEquals(
        row.expected(),
        actual,
        tolerance,
        () -> "line " + row.line() + " " + row.id() + " (" + row.derivation() + ")");
  }

  @Test
  void everyRegisteredBoundHasAReferenceValueAndEveryRowARegisteredBound() {
    Set<String> covered = new TreeSet<>();
    for (Row row : rows()) {
      covered.add(row.id());
    }
    Set<String> missing = new TreeSet<>();
    for (Bound bound : BoundRegistry.all()) {
      if (!covered.remove(bound.id())) {
        missing.add(bound.id());
      }
    }
    assertTrue(missing.isEmpty(), () -> "bounds without a reference value: " + missing);
    assertTrue(covered.isEmpty(), () -> "reference rows for unregistered ids: " + covered);
  }

  @Test
  void referenceRowsBindOnlySymbolsOfTheBound() {
    // a row binding a symbol that neither the formula nor an assumption uses is a transcription
    // slip
    for (Row row : rows()) {
      Bound bound = BoundRegistry.find(row.id()).orElseThrow();
      Set<String> extra = new TreeSet<>(row.bindings().keySet());
      extra.removeAll(bound.allSymbols());
      assertTrue(extra.isEmpty(), () -> "line " + row.line() + " binds unused symbols " + extra);
    }
  }
}
