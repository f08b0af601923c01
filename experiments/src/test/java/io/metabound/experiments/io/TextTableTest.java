package io.metabound.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void padsEachColumnToItsWidestCellPlusTwoAndLeavesTheLastUnpadded() {
    List<String[]> rows =
        List.of(
            new String[] {"bound", "verdict", "ratio"},
            new String[] {"ji2022.lemma11", "HOLDS", "1"},
            new String[] {"a", "VIOLATED", "2.5"});
    assertEquals(
        "bound           verdict   ratio\n"
            + "ji2022.lemma11  HOLDS     1\n"
            + "a               VIOLATED  2.5\n",
        TextTable.render(rows));
  }

  @Test
  void appendsAfterWhatIsAlreadyThere() {
    StringBuilder s = new StringBuilder("title\n");
    TextTable.appendTo(s, List.<String[]>of(new String[] {"α ≤ 1", "x"}, new String[] {"β", "y"}));
    assertEquals("title\nα ≤ 1  x\nβ      y\n", s.toString());
  }
}
