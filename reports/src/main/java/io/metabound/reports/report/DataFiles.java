package io.metabound.reports.report;

import io.metabound.experiments.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The data written next to every picture: CSV (commas, a header row, doubles that read back to the
 * same value) and pgfplots tables ({@code .dat}: whitespace-separated columns with a header row,
 * {@code nan}/{@code inf} for non-finite values, {@code #} comment lines, which pgfplots skips).
 */
final class DataFiles {

  private DataFiles() {}

  /** A table: column names and rows of cells (numbers or text). */
  record Table(List<String> header, List<Object[]> rows) {}

  /** Writes the table as CSV (text cells quoted when they contain a comma, quote or newline). */
  static void writeCsv(Path target, Table table) throws IOException {
    AtomicFiles.writeString(target, csv(table));
  }

  static String csv(Table table) {
    StringBuilder s = new StringBuilder();
    s.append(String.join(",", table.header())).append('\n');
    for (Object[] row : table.rows()) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          s.append(',');
        }
        s.append(csvCell(row[i]));
      }
      s.append('\n');
    }
    return s.toString();
  }

  private static String csvCell(Object cell) {
    if (cell instanceof Double d) {
      return Double.toString(d);
    }
    if (cell instanceof Number n) {
      return n.toString();
    }
    String text = cell == null ? "" : cell.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /**
   * Writes the table as a pgfplots {@code .dat} file: comment lines first, then the header and the
   * rows; a null row writes an empty line (a jump between curve pieces, or the end of a scan line
   * of a mesh).
   */
  static void writeDat(Path target, List<String> comments, Table table) throws IOException {
    StringBuilder s = new StringBuilder();
    for (String c : comments) {
      s.append("# ").append(c.replace('\n', ' ')).append('\n');
    }
    s.append(String.join(" ", table.header())).append('\n');
    for (Object[] row : table.rows()) {
      if (row == null) {
        s.append('\n');
        continue;
      }
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          s.append(' ');
        }
        s.append(datCell(row[i]));
      }
      s.append('\n');
    }
    AtomicFiles.writeString(target, s.toString());
  }

  private static String datCell(Object cell) {
    if (cell instanceof Double d) {
      if (Double.isNaN(d)) {
        return "nan";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "inf" : "-inf";
      }
      return Double.toString(d).toLowerCase(Locale.ROOT);
    }
    if (cell instanceof Number n) {
      return n.toString();
    }
    // text in a pgfplots column: no spaces
    return cell == null ? "nan" : cell.toString().replaceAll("\\s+", "_");
  }

  /** A file-name-safe slug of free text: lower-case letters, digits and single dashes. */
  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.isEmpty() ? "x" : s;
  }
}
