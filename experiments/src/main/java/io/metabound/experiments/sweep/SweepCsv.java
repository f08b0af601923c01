package io.metabound.experiments.sweep;

import io.metabound.experiments.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The data file of a sweep: one row per cell in cell order (row-major), header
 * {@code alpha,beta,status,rate} for (α, β) maps and {@code steps,alpha,status,rate} for (N, α)
 * maps. Status 1 converged, −1 diverged, 0 undecided.
 *
 * <p>Doubles are written with {@link Double#toString}, which is locale-independent and
 * round-trips ({@code Double.parseDouble(Double.toString(x)) == x} bit for bit, {@code NaN} for a
 * diverged cell's rate); lines end in {@code \n}. Because the text of a cell depends on the cell
 * alone, the rows of shards {@code 1/n … n/n} concatenated in order are the unsharded file byte
 * for byte, which {@link #merge} relies on.
 */
public final class SweepCsv {

  /** Header of (α, β) maps. */
  public static final String ALPHA_BETA_HEADER = "alpha,beta,status,rate";
  /** Header of (N, α) maps. */
  public static final String STEPS_ALPHA_HEADER = "steps,alpha,status,rate";

  private SweepCsv() {}

  /** Header line (without newline) of a grid. */
  public static String header(SweepGrid grid) {
    return grid.rowName() + "," + grid.columnName() + ",status,rate";
  }

  /** Writes the rows of {@code result} to {@code out}. */
  public static void write(SweepResult result, Writer out) throws IOException {
    SweepGrid grid = result.grid();
    out.write(header(grid));
    out.write('\n');
    int lastRow = -1;
    String rowText = null;
    StringBuilder line = new StringBuilder(64);
    for (int i = 0; i < result.size(); i++) {
      int row = result.row(i);
      if (row != lastRow) {
        rowText = grid.rowText(row);
        lastRow = row;
      }
      line.setLength(0);
      line.append(rowText).append(',').append(grid.columnText(result.column(i))).append(',')
          .append(result.status(i)).append(',').append(Double.toString(result.rate(i)))
          .append('\n');
      out.append(line);
    }
  }

  /** The CSV text of {@code result}. */
  public static String toText(SweepResult result) {
    StringWriter out = new StringWriter(result.size() * 48 + 32);
    try {
      write(result, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes {@code result} to {@code target} atomically. */
  public static void write(SweepResult result, Path target) throws IOException {
    AtomicFiles.write(target, out -> write(result, out));
  }

  /** One parsed data row. */
  public record Row(double rowValue, double columnValue, int status, double rate) {}

  /** A parsed sweep CSV. */
  public record Table(String header, List<Row> rows) {}

  /**
   * Reads a sweep CSV back.
   *
   * @throws SweepInputException naming the file, line and problem
   */
  public static Table read(Path file) {
    List<Row> rows = new ArrayList<>();
    String header = forEachRow(file, (row, line) -> rows.add(row));
    return new Table(header, rows);
  }

  /**
   * Reads a complete sweep CSV back as the result of {@code grid}: the header and every cell's
   * coordinates must be the grid's (bit for bit, in cell order).
   *
   * @throws SweepInputException naming the file and the first mismatch
   */
  public static SweepResult readResult(Path file, SweepGrid grid) {
    grid.checkSize(Shard.WHOLE);
    String expected = header(grid);
    String found = peekHeader(file);
    if (!found.equals(expected)) {
      throw new SweepInputException(file + ": header '" + found + "' is not '" + expected
          + "' of a " + grid.mapName() + " map");
    }
    int cells = (int) grid.cells();
    byte[] status = new byte[cells];
    double[] rates = new double[cells];
    int[] next = {0};
    forEachRow(file, (row, line) -> {
      int i = next[0];
      if (i >= cells) {
        throw new SweepInputException(file + ": more than the grid's " + cells + " cells");
      }
      int r = i / grid.columns();
      int c = i % grid.columns();
      if (Double.compare(row.rowValue(), grid.rowValue(r)) != 0
          || Double.compare(row.columnValue(), grid.columnValue(c)) != 0) {
        throw new SweepInputException(file + ": line " + (i + 2) + ": cell (" + row.rowValue() + ", "
            + row.columnValue() + ") is not the grid's cell (" + grid.rowText(r) + ", "
            + grid.columnText(c) + "); give the grid options the CSV was computed with");
      }
      status[i] = (byte) row.status();
      rates[i] = row.rate();
      next[0]++;
    });
    if (next[0] != cells) {
      throw new SweepInputException(
          file + ": holds " + next[0] + " cells, the grid has " + cells + " (merge all shards first)");
    }
    return new SweepResult(grid, Shard.WHOLE, 0, status, rates, 0, 0);
  }

  /**
   * The number of cells (data rows) of a sweep CSV, each row parsed and checked.
   *
   * @throws SweepInputException naming the file, line and problem
   */
  public static long countCells(Path file) {
    long[] n = {0};
    forEachRow(file, (row, line) -> n[0]++);
    return n[0];
  }

  private interface RowSink {
    void accept(Row row, String line) throws IOException;
  }

  private static String forEachRow(Path file, RowSink sink) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new SweepInputException(file + ": empty file, expected a sweep CSV");
      }
      if (!header.equals(ALPHA_BETA_HEADER) && !header.equals(STEPS_ALPHA_HEADER)) {
        throw new SweepInputException(file + ": line 1: header must be '" + ALPHA_BETA_HEADER
            + "' or '" + STEPS_ALPHA_HEADER + "', got '" + header + "'");
      }
      String line;
      long number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        sink.accept(parse(file, number, line), line);
      }
      return header;
    } catch (NoSuchFileException e) {
      throw new SweepInputException(file + ": no such file");
    } catch (IOException e) {
      throw new SweepInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Row parse(Path file, long number, String line) {
    String[] f = line.split(",", -1);
    if (f.length != 4) {
      throw new SweepInputException(
          file + ": line " + number + ": expected 4 comma-separated fields, got " + f.length);
    }
    try {
      double x = Double.parseDouble(f[0]);
      double y = Double.parseDouble(f[1]);
      int status = Integer.parseInt(f[2]);
      if (status < CellStatus.DEGENERATE.code() || status > 1) {
        throw new SweepInputException(
            file + ": line " + number + ": status must be 1, 0, -1 or -2, got " + status);
      }
      return new Row(x, y, status, Double.parseDouble(f[3]));
    } catch (NumberFormatException e) {
      throw new SweepInputException(file + ": line " + number + ": not a number in '" + line + "'");
    }
  }

  /** Outcome of a merge. */
  public record MergeSummary(String header, long cells, int rows, int columns) {}

  /**
   * Joins shard CSVs into the full map at {@code target} (atomically): the files are ordered by
   * their first cell and their lines copied unchanged, so the result is byte-identical to the
   * unsharded CSV. Checks that all files share one header, that cells strictly increase across
   * the joined files (no overlap, no duplicate) and that the cells form a complete rectangular
   * grid (every row has the same column values). Empty shards (header only) are allowed.
   *
   * @throws SweepInputException naming the file and problem
   */
  public static MergeSummary merge(List<Path> shards, Path target) throws IOException {
    if (shards.isEmpty()) {
      throw new SweepInputException("merge: no shard CSV files given");
    }
    record Input(Path file, String header, Row first) {}
    List<Input> inputs = new ArrayList<>();
    for (Path file : shards) {
      Row[] first = new Row[1];
      String header = peekHeader(file);
      try {
        forEachRow(file, (row, line) -> {
          first[0] = row;
          throw new StopReading();
        });
      } catch (StopReading stop) {
        // the first row is all the ordering needs
      }
      inputs.add(new Input(file, header, first[0]));
    }
    String header = inputs.get(0).header();
    for (Input input : inputs) {
      if (!input.header().equals(header)) {
        throw new SweepInputException(input.file() + ": header '" + input.header()
            + "' differs from '" + header + "' of " + inputs.get(0).file());
      }
    }
    List<Input> ordered = new ArrayList<>(inputs.stream().filter(i -> i.first() != null).toList());
    ordered.sort(Comparator.comparing(Input::first, SweepCsv::compareCells));
    GridCheck check = new GridCheck();
    AtomicFiles.write(target, out -> {
      out.write(header);
      out.write('\n');
      for (Input input : ordered) {
        forEachRow(input.file(), (row, line) -> {
          check.accept(input.file(), row);
          out.write(line);
          out.write('\n');
        });
      }
      check.finish();
    });
    return new MergeSummary(header, check.cells, check.rows, check.columns.size());
  }

  /** The (validated) header of a sweep CSV. */
  private static String peekHeader(Path file) {
    try {
      return forEachRow(file, (row, line) -> {
        throw new StopReading();
      });
    } catch (StopReading stop) {
      try {
        return headerOf(file);
      } catch (IOException e) {
        throw new SweepInputException(file + ": cannot read: " + e.getMessage(), e);
      }
    }
  }

  private static String headerOf(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return in.readLine();
    }
  }

  private static int compareCells(Row a, Row b) {
    int c = Double.compare(a.rowValue(), b.rowValue());
    return c != 0 ? c : Double.compare(a.columnValue(), b.columnValue());
  }

  /** Streaming check that the joined rows are strictly increasing and form a full grid. */
  private static final class GridCheck {
    private Row previous;
    private Path previousFile;
    private final List<Double> columns = new ArrayList<>();
    private boolean firstRowDone;
    private int columnInRow;
    private int rows;
    private long cells;

    void accept(Path file, Row row) {
      if (previous != null && compareCells(previous, row) >= 0) {
        throw new SweepInputException(file + ": cell (" + row.rowValue() + ", "
            + row.columnValue() + ") " + (compareCells(previous, row) == 0 ? "duplicates" : "overlaps")
            + " a cell of " + previousFile + "; the shards overlap or are out of order");
      }
      boolean newRow = previous == null || previous.rowValue() != row.rowValue();
      if (newRow) {
        if (previous != null) {
          endRow(file);
        }
        rows++;
        columnInRow = 0;
      }
      if (!firstRowDone) {
        columns.add(row.columnValue());
      } else if (columnInRow >= columns.size() || columns.get(columnInRow) != row.columnValue()) {
        throw new SweepInputException(file + ": cell (" + row.rowValue() + ", " + row.columnValue()
            + ") does not continue the column grid of the first row; a shard is missing");
      }
      columnInRow++;
      cells++;
      previous = row;
      previousFile = file;
    }

    private void endRow(Path file) {
      if (!firstRowDone) {
        firstRowDone = true;
      } else if (columnInRow != columns.size()) {
        throw new SweepInputException(file + ": row " + previous.rowValue() + " has " + columnInRow
            + " of " + columns.size() + " cells; a shard is missing");
      }
    }

    void finish() {
      if (previous == null) {
        throw new SweepInputException("merge: the shard files hold no cells");
      }
      if (firstRowDone && columnInRow != columns.size()) {
        throw new SweepInputException("merge: last row " + previous.rowValue() + " has "
            + columnInRow + " of " + columns.size() + " cells; a shard is missing");
      }
    }
  }

  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }
}
