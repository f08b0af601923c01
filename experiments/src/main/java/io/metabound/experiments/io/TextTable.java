package io.metabound.experiments.io;

import java.util.List;

/**
 * Fixed-width text tables for the console: left-aligned columns, each padded to its widest cell
 * plus two spaces; the last column is not padded (no trailing blanks). Widths count {@code char}s,
 * so a cell's non-ASCII symbols (α, ≤, …) count one each.
 *
 * <p>A table given a width ({@link #render(List, int)}) fits it: while the table is wider, the
 * widest column is narrowed (never below {@link #MIN_COLUMN}) and its longer cells end in
 * {@code …}. A cell's full text is in the command's {@code --json} output or with {@code --wide}.
 */
public final class TextTable {

  private static final int GAP = 2;

  /** The narrowest a column is elided to. */
  public static final int MIN_COLUMN = 8;

  /** No width limit. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /**
   * The width console tables fit when the user does not say: the {@code COLUMNS} variable when
   * the shell exports it, otherwise 120 (Java cannot ask a terminal its size).
   */
  public static int consoleWidth() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        int w = Integer.parseInt(columns.strip());
        if (w >= 40) {
          return w;
        }
      } catch (NumberFormatException e) {
        // not a number: the default applies
      }
    }
    return 120;
  }

  private TextTable() {}

  /** Appends {@code rows} (the header first, if any), one line each ending in {@code '\n'}. */
  public static void appendTo(StringBuilder s, List<String[]> rows) {
    appendTo(s, rows, UNLIMITED);
  }

  /** Appends {@code rows} narrowed to lines of at most {@code maxWidth} chars where it can. */
  public static void appendTo(StringBuilder s, List<String[]> rows, int maxWidth) {
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
    fit(width, maxWidth);
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        String cell = elide(row[i], width[i]);
        s.append(cell);
        if (i < row.length - 1) {
          s.append(" ".repeat(width[i] - cell.length() + GAP));
        }
      }
      s.append('\n');
    }
  }

  /** Narrows the widest columns until the line (cells and gaps) fits {@code maxWidth}. */
  static void fit(int[] width, int maxWidth) {
    if (maxWidth == UNLIMITED) {
      return;
    }
    while (total(width) > maxWidth) {
      int widest = 0;
      for (int i = 1; i < width.length; i++) {
        if (width[i] > width[widest]) {
          widest = i;
        }
      }
      if (width[widest] <= MIN_COLUMN) {
        return; // as narrow as columns go: the line stays wider than asked
      }
      width[widest] = Math.max(MIN_COLUMN, width[widest] - (total(width) - maxWidth));
    }
  }

  private static int total(int[] width) {
    int t = GAP * Math.max(0, width.length - 1);
    for (int w : width) {
      t += w;
    }
    return t;
  }

  /** {@code text}, or its first {@code width − 1} chars and {@code …}. */
  static String elide(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  /** The table of {@code rows} as a string. */
  public static String render(List<String[]> rows) {
    return render(rows, UNLIMITED);
  }

  /** The table of {@code rows}, fitted to {@code maxWidth} chars per line where it can. */
  public static String render(List<String[]> rows, int maxWidth) {
    StringBuilder s = new StringBuilder();
    appendTo(s, rows, maxWidth);
    return s.toString();
  }
}
