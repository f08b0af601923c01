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

  /** One cell: a title, its narrative (comment text) and its code. */
  public record Cell(int index, String title, String narrative, String code) {}

  public Notebook {
    cells = List.copyOf(cells);
  }

  /** Reads and splits a notebook file. */
  public static Notebook read(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".jsh") ? fileName.substring(0, fileName.length() - 4) : fileName;
    return parse(name, Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Splits notebook text into header and cells. */
  public static Notebook parse(String name, String text) {
    List<Cell> cells = new ArrayList<>();
    StringBuilder header = new StringBuilder();
    String title = null;
    StringBuilder narrative = new StringBuilder();
    StringBuilder code = new StringBuilder();
    boolean inCode = false;
    for (String line : text.split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith(CELL_MARKER)) {
        if (title != null) {
          cells.add(new Cell(cells.size() + 1, title, narrative.toString().strip(), code.toString().strip()));
        }
        title = stripped.substring(CELL_MARKER.length()).strip();
        narrative.setLength(0);
        code.setLength(0);
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
        inCode = true;
        code.append(line).append('\n');
      }
    }
    if (title != null) {
      cells.add(new Cell(cells.size() + 1, title, narrative.toString().strip(), code.toString().strip()));
    }
    return new Notebook(name, header.toString().strip(), cells);
  }

  /** Strips a leading {@code //} or {@code /*}, {@code *} from a comment line; other lines unchanged. */
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
