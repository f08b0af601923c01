package io.metabound.experiments.sweep;

import io.metabound.experiments.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON sidecar written next to a sweep's CSV: every parameter needed to reproduce the run
 * (grid specs and formula, criterion, start, seed and per-cell seed rule, shard), the counts per
 * status, the timing, and — added by the caller — the estimator, the task source and the overlays
 * with their distance from the empirical boundary. Non-finite numbers are written as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (JSON has no such numbers).
 */
public final class SweepSidecar {

  /** Version of the sidecar layout. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Member holding the SHA-256 of the CSV's bytes as written: {@code metabound merge} refuses a
   * CSV edited after its sidecar was written.
   */
  public static final String CSV_SHA256 = "csvSha256";

  /** The sidecar of a sweep CSV: {@code X.csv} → {@code X.json} (any other name: name + .json). */
  public static Path of(Path csv) {
    String name = csv.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return csv.resolveSibling(stem + ".json");
  }

  private SweepSidecar() {}

  /** A new empty object. */
  public static JsonObject object() {
    return new JsonObject();
  }

  /**
   * The run's parameters and outcome.
   *
   * @param result the computed cells
   * @param criterion T, tolerance, cap
   * @param start {@code w_0}
   * @param seed the sweep seed
   * @param model what each cell computed
   */
  public static JsonObject describe(
      SweepResult result, ConvergenceCriterion criterion, double[] start, long seed,
      CellModel model) {
    JsonObject root = object();
    root.put("format", "metabound-sweep");
    root.put("formatVersion", FORMAT_VERSION);
    SweepGrid grid = result.grid();
    root.put("map", grid.mapName());
    JsonObject g = root.putObject("grid");
    g.put("rows", grid.rowName());
    g.put("columns", grid.columnName());
    g.put("rowCount", grid.rows());
    g.put("columnCount", grid.columns());
    g.put("cells", grid.cells());
    g.put("cellOrder", "row-major: cell = row*columnCount + column");
    g.put("pointFormula", "LO + (HI - LO)*(k + 1)/COUNT, k = 0..COUNT-1");
    if (grid instanceof SweepGrid.AlphaBeta ab) {
      g.put("alpha", ab.alpha().spec());
      g.put("beta", ab.beta().spec());
      g.put("innerSteps", ab.innerSteps());
    } else if (grid instanceof SweepGrid.StepsAlpha sa) {
      g.put("steps", sa.steps().spec());
      g.put("alpha", sa.alpha().spec());
      g.put("beta", sa.fixedBeta());
    }
    JsonObject c = root.putObject("criterion");
    c.put("iterations", criterion.iterations());
    c.put("tolerance", criterion.tolerance());
    c.put("cap", criterion.cap());
    c.put("converged", "||grad F(w_T)|| <= tolerance * ||grad F(w_0)|| (grad F(w_0) = 0 counts)");
    c.put("diverged", "a non-finite value or |w_j| > cap at any iteration");
    c.put("rate", "(||g_k*|| / ||g_0||)^(1/k*), k* = first k with ||g_k|| <= "
        + AffineIteration.RATE_FLOOR + " ||g_0||, else T; NaN when diverged, 0 when g_0 = 0");
    JsonArray s = root.putArray("start");
    for (double x : start) {
      s.add(x);
    }
    root.put("seed", seed);
    root.put("cellSeed", "SplitMix64 finaliser of seed + 0x9E3779B97F4A7C15*(cell + 1)");
    root.put("cellModel", model.description());
    JsonObject sh = root.putObject("shard");
    sh.put("spec", result.shard().spec());
    sh.put("index", result.shard().index());
    sh.put("count", result.shard().count());
    sh.put("firstCell", result.firstCell());
    sh.put("endCell", result.firstCell() + result.size());
    sh.put("numbering", "1-based; shard i of n holds cells [floor((i-1)C/n), floor(iC/n))");
    JsonObject counts = root.putObject("counts");
    counts.put("converged", result.count(CellStatus.CONVERGED));
    counts.put("undecided", result.count(CellStatus.UNDECIDED));
    counts.put("diverged", result.count(CellStatus.DIVERGED));
    int degenerate = result.count(CellStatus.DEGENERATE);
    if (degenerate > 0) {
      // written only when it occurs: the sidecars of valid runs stay as they were
      counts.put("degenerate", degenerate);
    }
    JsonObject t = root.putObject("timing");
    t.put("computeSeconds", result.elapsedNanos() * 1e-9);
    t.put("cellsPerSecond", result.cellsPerSecond());
    t.put("threads", result.threads());
    return root;
  }

  /** Adds the overlays, their provenance, and their gaps to the empirical boundary. */
  public static void putOverlays(
      JsonObject root, String rowName, List<BoundaryOverlay> overlays, List<OverlayGap> gaps) {
    JsonArray list = root.putArray("overlays");
    for (BoundaryOverlay overlay : overlays) {
      JsonObject o = list.addObject();
      o.put("id", overlay.id());
      o.put("label", overlay.label());
      o.put("provenance", overlay.provenance());
      o.put("note", overlay.note());
      o.put("segments", overlay.segments().size());
      for (OverlayGap gap : gaps) {
        if (gap.overlayId().equals(overlay.id())) {
          o.set("gap", gap(gap, rowName));
        }
      }
    }
  }

  private static JsonObject gap(OverlayGap gap, String rowName) {
    JsonObject o = object();
    o.put("summary", gap.summary(rowName));
    o.put("rowsCompared", gap.rowsCompared());
    o.put("rowsOnBoundary", gap.rowsOnBoundary());
    o.put("maxAbsRelativeMiss", gap.maxAbsRelativeMiss());
    o.put("worstRowValue", gap.worstRowValue());
    o.put("worstRelativeMiss", gap.worstRelativeMiss());
    o.put("medianRatioToEmpirical", gap.medianRatio());
    o.put("bracket", "per row: (last converged, first diverged] column value");
    JsonArray rows = o.putArray("rows");
    for (OverlayGap.Row r : gap.rows()) {
      rows.addArray().add(r.rowValue()).add(r.lower()).add(r.upper()).add(r.predicted())
          .add(r.relativeMiss());
    }
    o.put("rowsColumns", rowName + ", lower, upper, predicted, relativeMiss");
    return o;
  }

  /** Pretty text with a final newline. */
  public static String toText(JsonObject root) {
    return root.toText();
  }

  /** Writes the sidecar atomically. */
  public static void write(JsonObject root, Path target) throws IOException {
    String text = root.toText();
    AtomicFiles.write(target, out -> out.write(text));
  }

  /** Writes the overlays' curve data as CSV ({@code overlay,segment,x,y}) atomically. */
  public static void writeOverlayCsv(List<BoundaryOverlay> overlays, SweepGrid grid, Path target)
      throws IOException {
    AtomicFiles.write(target, out -> {
      out.write("overlay,segment," + grid.rowName() + "," + grid.columnName() + "\n");
      for (BoundaryOverlay overlay : overlays) {
        int k = 0;
        for (Polyline p : overlay.segments()) {
          for (int i = 0; i < p.size(); i++) {
            out.write(overlay.id() + "," + k + "," + p.x(i) + "," + p.y(i) + "\n");
          }
          k++;
        }
      }
    });
  }
}
