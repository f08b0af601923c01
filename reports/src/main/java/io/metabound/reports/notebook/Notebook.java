package io.metabound.reports.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JShell notebook: a plain {@code .jsh} file split into cells by comment headings.
 *
 * <p>A line {@code // %% Title} starts a new cell. The comment lines that follow a heading (before
 * the first line of code) are the cell's narrative; the rest is code. Text before the first heading
 * is the notebook's header narrative. The format keeps the file runnable as-is in the {@code
 * jshell} CLI, where the headings are ordinary comments.
 *
 * @param name file name without extension, e.g. {@code 01-quickstart}
 * @param header narrative before the first cell
 * @param cells the cells in order
 */
public record Notebook(String name, String header, List<Cell> cells) {

  /** Marker that opens a cell. */
  public static final String CELL_MARKER = "// %%";

  /**
   * One cell: a title, its narrative (comment text) and its code.
   *
   * @param index 1-based position in the notebook
   * @param title the text after the {@code // %%} marker
   * @param narrative the comment lines right after the heading, without the comment markers
   * @param code the code, from its first line to its last non-blank line
   * @param codeLine the 1-based line of the file where {@code code} starts (0 when there is no
   *     code), so that a failure can be reported at its line in the file
   */
  public record Cell(int index, String title, String narrative, String code, int codeLine) {

    /** The 1-based file line of a position in {@link #code()}. */
    public int lineOf(int offsetInCode) {
      int line = codeLine;
      for (int i = 0; i < Math.min(offsetInCode, code.length()); i++) {
        if (code.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  public Notebook {
    cells = List.copyOf(cells);
  }

  /** Reads and splits a notebook file. */
  public static Notebook read(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    String name =
        fileName.endsWith(".jsh") ? fileName.substring(0, fileName.length() - 4) : fileName;
    return parse(name, Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Splits notebook text into header and cells. */
  public static Notebook parse(String name, String text) {
    List<Cell> cells = new ArrayList<>();
    StringBuilder header = new StringBuilder();
    String title = null;
    int codeLine = 0;
    int lineNumber = 0;
    StringBuilder narrative = new StringBuilder();
    StringBuilder code = new StringBuilder();
    boolean inCode = false;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      String stripped = line.strip();
      if (stripped.startsWith(CELL_MARKER)) {
        if (title != null) {
          cells.add(cell(cells.size() + 1, title, narrative, code, codeLine));
        }
        title = stripped.substring(CELL_MARKER.length()).strip();
        narrative.setLength(0);
        code.setLength(0);
        codeLine = 0;
        inCode = false;
        continue;
      }
      if (title == null) {
        header.append(commentText(line)).append('\n');
        continue;
      }
      if (!inCode && (stripped.startsWith("//") || stripped.isEmpty())) {
        narrative.append(commentText(line)).append('\n');
      } else {
        if (!inCode) {
          codeLine = lineNumber;
        }
        inCode = true;
        code.append(line).append('\n');
      }
    }
    if (title != null) {
      cells.add(cell(cells.size() + 1, title, narrative, code, codeLine));
    }
    return new Notebook(name, header.toString().strip(), cells);
  }

  private static Cell cell(
      int index, String title, CharSequence narrative, CharSequence code, int codeLine) {
    // the first code line is not blank, so stripping only removes the line's indentation there
    return new Cell(index, title, narrative.toString().strip(), code.toString().strip(), codeLine);
  }

  /**
   * Strips a leading {@code //} or {@code /*}, {@code *} from a comment line; other lines
   * unchanged.
   */
  private static String commentText(String line) {
    String s = line.strip();
    if (s.startsWith("//")) {
      s = s.substring(2);
      return s.startsWith(" ") ? s.substring(1) : s;
    }
    if (s.startsWith("/*")) {
      s = s.substring(2);
    }
    if (s.endsWith("*/")) {
      s = s.substring(0, s.length() - 2);
    }
    if (s.startsWith("*")) {
      s = s.substring(1);
    }
    return s.strip();
  }
}
