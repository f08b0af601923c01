package io.metabound.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void aWidthNarrowsTheWidestColumnAndElidesItsLongCells() {
    List<String[]> rows =
        List.of(
            new String[] {"id", "statement", "tag"},
            new String[] {"a.b", "L_F <= 4 L + 2 rho alpha grad_task_mean + something long", "[V]"});
    String fitted = TextTable.render(rows, 40);
    for (String line : fitted.split("\n")) {
      assertTrue(line.length() <= 40, line);
    }
    assertTrue(fitted.contains("…"), fitted);
    assertTrue(fitted.contains("[V]"), "the narrow columns stay whole: " + fitted);
    // unlimited is the old behaviour
    assertEquals(TextTable.render(rows), TextTable.render(rows, TextTable.UNLIMITED));
  }

  @Test
  void columnsAreNeverNarrowedBelowTheMinimum() {
    int[] width = {30, 30, 30};
    TextTable.fit(width, 10);
    for (int w : width) {
      assertEquals(TextTable.MIN_COLUMN, w);
    }
    assertEquals("abcdefg…", TextTable.elide("abcdefghij", 8));
  }
}
