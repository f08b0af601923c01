package io.metabound.bounds.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.Provenance.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvenanceTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[V] | VERBATIM",
        "[V-ocr] | VERBATIM",
        "[V-ocr+G1] | VERBATIM",
        "[V-ocr, partly garbled] | VERBATIM",
        "[R-hi] | RECONSTRUCTED",
        "[R-med structure, R-lo constants] | RECONSTRUCTED",
        "[S] | RECONSTRUCTED",
        "[derived] | RECONSTRUCTED",
      })
  void kindFollowsTheTag(String tag, Kind kind) {
    Provenance provenance = Provenance.of(tag, "THEOREMS.md");
    assertEquals(kind, provenance.kind());
    assertEquals(kind == Kind.VERBATIM, provenance.isVerbatim());
  }

  @Test
  void secondaryAndDerivedAreRecognised() {
    assertTrue(Provenance.of("[S]", "G1").isSecondary());
    assertFalse(Provenance.of("[S]", "G1").isVerbatim());
    assertTrue(Provenance.of("[derived]", "MetaBound").isDerived());
    assertFalse(Provenance.of("[R-hi]", "S0").isSecondary());
  }

  @Test
  void inconsistentOrMalformedProvenanceIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new Provenance(Kind.VERBATIM, "[R-hi]", "S0"));
    assertThrows(
        IllegalArgumentException.class, () -> new Provenance(Kind.RECONSTRUCTED, "[V]", "S4"));
    assertThrows(IllegalArgumentException.class, () -> Provenance.of("R-hi", "S0"));
    assertThrows(IllegalArgumentException.class, () -> Provenance.of("[V]", " "));
  }
}
