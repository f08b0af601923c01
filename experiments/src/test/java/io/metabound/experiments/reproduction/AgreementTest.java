package io.metabound.experiments.reproduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

  private static Finding f(Agreement a) {
    return new Finding("claim", "measured", "criterion", a);
  }

  @Test
  void verdictFollowsTheFindings() {
    assertEquals(Agreement.AGREES, Agreement.combine(List.of(f(Agreement.AGREES), f(Agreement.AGREES))));
    assertEquals(
        Agreement.PARTLY_AGREES,
        Agreement.combine(List.of(f(Agreement.AGREES), f(Agreement.DISAGREES))));
    assertEquals(
        Agreement.PARTLY_AGREES, Agreement.combine(List.of(f(Agreement.PARTLY_AGREES))));
    assertEquals(Agreement.DISAGREES, Agreement.combine(List.of(f(Agreement.DISAGREES))));
    assertEquals(
        Agreement.INCONCLUSIVE,
        Agreement.combine(List.of(f(Agreement.AGREES), f(Agreement.INCONCLUSIVE))));
    assertEquals(Agreement.INCONCLUSIVE, Agreement.combine(List.of()));
  }

  @Test
  void aResultCannotCarryAHardCodedVerdict() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ReproductionResult(
                "x", "x", List.of(), "", List.of(), List.of(), List.of(), List.of(),
                List.of(f(Agreement.DISAGREES)), Agreement.AGREES, 1, true, List.of()));
  }
}
