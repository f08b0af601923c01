package io.metabound.experiments.io;

import java.util.List;

/**
 * Fixed-width text tables for the console: left-aligned columns, each padded to its widest cell
 * plus two spaces; the last column is not padded (no trailing blanks). Widths count {@code char}s,
 * so a cell's non-ASCII symbols (α, ≤, …) count one each.
 */
public final class TextTable {

  private static final int GAP = 2;

  private TextTable() {}

  /** Appends {@code rows} (the header first, if any), one line each ending in {@code '\n'}. */
  public static void appendTo(StringBuilder s, List<String[]> rows) {
    int columns = 0;
    for (String[] row : rows) {
      columns = Math.max(columns, row.length);
    }
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        s.append(row[i]);
        if (i < row.length - 1) {
          s.append(" ".repeat(width[i] - row[i].length() + GAP));
        }
      }
      s.append('\n');
    }
  }

  /** The table of {@code rows} as a string. */
  public static String render(List<String[]> rows) {
    StringBuilder s = new StringBuilder();
    appendTo(s, rows);
    return s.toString();
  }
}
