package io.metabound.experiments.reproduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReproductionsTest {

  @Test
  void fiveNamedReproductionsEachWithAClaimAFigureAndFindings() {
    assertEquals(
        List.of("takagi-linreg", "imaml-fig2a", "imaml-table1", "fallah-table1", "ji-alpha-over-n"),
        Reproductions.names());
    assertTrue(Reproductions.find("nope").isEmpty());
    for (Reproduction r : Reproductions.all()) {
      ReproductionResult result = r.run(new ReproductionSettings(9, true));
      assertEquals(r.name(), result.name());
      assertFalse(result.claims().isEmpty(), r.name());
      assertFalse(result.findings().isEmpty(), r.name());
      assertFalse(result.figures().isEmpty(), r.name());
      assertFalse(result.setup().isBlank(), r.name());
      HashSet<String> ids = new HashSet<>();
      result.figures().forEach(f -> assertTrue(ids.add(f.id()), f.id()));
      result.heatmaps().forEach(h -> assertTrue(ids.add(h.id()), h.id()));
    }
  }

  @Test
  void claimsCarryTheRegistryProvenance() {
    PaperClaim c = PaperClaim.ofBound("takagi2019.cond-beta.exact-maml-stability", "x");
    assertEquals("[derived]", c.provenance().tag());
    assertTrue(c.reconstructed());
    assertFalse(PaperClaim.ofBound("takagi2019.cond-beta.stability", "x").reconstructed());
  }
}
