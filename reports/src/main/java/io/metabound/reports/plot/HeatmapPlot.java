package io.metabound.reports.plot;

import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.sweep.CellStatus;
import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepResult;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * A sweep drawn as an XChart heat map — rows of the grid along x, columns along y, one box per
 * cell centred on its grid point — coloured by status or rate, with the theoretical boundaries
 * drawn on top ({@link OverlayAnnotation}) and a legend for both. Exports PNG
 * ({@link BitmapEncoder}), SVG and PDF ({@link VectorGraphicsEncoder}; SVG through
 * VectorGraphics2D, PDF through pdfbox-graphics2d). Needs {@code java.awt.headless=true} on
 * servers.
 */
public final class HeatmapPlot {

  /** Converged cells. */
  public static final Color CONVERGED = new Color(120, 160, 220);
  /** Undecided cells. */
  public static final Color UNDECIDED = new Color(225, 225, 225);
  /** Diverged cells. */
  public static final Color DIVERGED = new Color(235, 135, 120);

  /** Degenerate cells (the convergence test underflowed): dark grey. */
  public static final Color DEGENERATE = new Color(110, 110, 110);

  /** Largest grid drawn as a vector picture (one rectangle per cell in SVG/PDF). */
  public static final long MAX_VECTOR_CELLS = 250_000;
  /** Largest grid drawn at all. */
  public static final long MAX_PICTURE_CELLS = 1_000_000;

  /** Rate scale top; diverged cells are drawn here. */
  static final double RATE_TOP = 1.1;

  private final HeatMapChart chart;

  /**
   * @param result a complete sweep
   * @param overlays curves to draw on top
   * @param colouring status or rate
   * @param title chart title
   * @param xTitle title of the x axis (the grid's rows)
   * @param yTitle title of the y axis (the grid's columns)
   */
  public HeatmapPlot(
      SweepResult result, List<BoundaryOverlay> overlays, HeatmapColouring colouring,
      String title, String xTitle, String yTitle) {
    if (!result.isComplete()) {
      throw new IllegalArgumentException("a heatmap needs the whole grid, not a shard");
    }
    if (result.grid().cells() > MAX_PICTURE_CELLS) {
      throw new IllegalArgumentException("grid too large to draw: " + result.grid().cells() + " cells");
    }
    SweepGrid grid = result.grid();
    chart = new HeatMapChartBuilder().width(1000).height(760).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    HeatMapStyler styler = chart.getStyler();
    styler.setPlotContentSize(1.0);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(true);
    styler.setDrawBorder(true); // closes hairline seams between cells
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendBorderColor(Color.GRAY);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setChartTitleBoxVisible(false);
    List<String> xLabels = labels(grid, true);
    List<String> yLabels = labels(grid, false);
    List<Number[]> heat = new ArrayList<>(result.size());
    for (int i = 0; i < result.size(); i++) {
      heat.add(new Number[] {result.row(i), result.column(i), value(result, i, colouring)});
    }
    chart.addSeries(colouring == HeatmapColouring.STATUS ? "status" : "rate", xLabels, yLabels, heat);
    if (colouring == HeatmapColouring.STATUS && result.count(CellStatus.DEGENERATE) > 0) {
      // four equal bins over [−2.5, 1.5] centred on the codes −2, −1, 0, 1 (only when a cell is
      // degenerate: the pictures of every other run keep their three bins)
      styler.setRangeColors(new Color[] {DEGENERATE, DIVERGED, UNDECIDED, CONVERGED});
      styler.setMin(-2.5).setMax(1.5);
      styler.setPiecewise(true).setSplitNumber(4).setPiecewiseRanged(false);
      styler.setHeatMapDecimalValueFormatter(
          v -> v < -1.9 ? "degenerate (underflow)" : v < -0.9 ? "diverged"
              : v < 0.1 ? "undecided (T too short)" : "converged");
    } else if (colouring == HeatmapColouring.STATUS) {
      // three equal bins over [−1.5, 1.5] centred on the codes −1, 0, 1
      styler.setRangeColors(new Color[] {DIVERGED, UNDECIDED, CONVERGED});
      styler.setMin(-1.5).setMax(1.5);
      styler.setPiecewise(true).setSplitNumber(3).setPiecewiseRanged(false);
      styler.setHeatMapDecimalValueFormatter(
          v -> v < -0.9 ? "diverged" : v < 0.1 ? "undecided (T too short)" : "converged");
    } else {
      styler.setRangeColors(rateColours());
      styler.setMin(0).setMax(RATE_TOP);
      styler.setHeatMapDecimalValueFormatter(
          v -> v >= RATE_TOP - 1e-9 ? "≥ 1 or diverged" : String.format(Locale.ROOT, "rate %.2f", v));
    }
    List<OverlayAnnotation.Styled> styled = new ArrayList<>();
    for (BoundaryOverlay overlay : overlays) {
      styled.add(new OverlayAnnotation.Styled(overlay, OverlayStyle.forId(overlay.id())));
    }
    chart.addAnnotation(
        new OverlayAnnotation(styled, PlotWindow.of(grid), new Font(Font.SANS_SERIF, Font.PLAIN, 13)));
  }

  private static double value(SweepResult result, int i, HeatmapColouring colouring) {
    if (colouring == HeatmapColouring.STATUS) {
      return result.status(i);
    }
    double rate = result.rate(i);
    return Double.isNaN(rate) ? RATE_TOP : Math.min(rate, RATE_TOP);
  }

  // dark blue (fast contraction) → white (rate 1) in ten steps, then red for rate ≥ 1 / diverged
  private static Color[] rateColours() {
    Color fast = new Color(20, 50, 140);
    Color slow = new Color(245, 245, 250);
    Color[] colours = new Color[12];
    for (int i = 0; i <= 10; i++) {
      double t = i / 10.0;
      colours[i] = new Color(
          (int) Math.round(fast.getRed() + t * (slow.getRed() - fast.getRed())),
          (int) Math.round(fast.getGreen() + t * (slow.getGreen() - fast.getGreen())),
          (int) Math.round(fast.getBlue() + t * (slow.getBlue() - fast.getBlue())));
    }
    colours[11] = new Color(200, 40, 30);
    return colours;
  }

  /** Tick labels: grid values with as many decimals as the spacing needs. */
  private static List<String> labels(SweepGrid grid, boolean rows) {
    int n = rows ? grid.rows() : grid.columns();
    List<String> labels = new ArrayList<>(n);
    if (rows && grid instanceof SweepGrid.StepsAlpha) {
      for (int k = 0; k < n; k++) {
        labels.add(grid.rowText(k));
      }
      return labels;
    }
    double first = rows ? grid.rowValue(0) : grid.columnValue(0);
    double last = rows ? grid.rowValue(n - 1) : grid.columnValue(n - 1);
    double spacing = n > 1 ? (last - first) / (n - 1) : Math.abs(first);
    int decimals = spacing > 0 ? (int) Math.max(0, Math.min(12, Math.ceil(-Math.log10(spacing)) + 1)) : 3;
    for (int k = 0; k < n; k++) {
      double v = rows ? grid.rowValue(k) : grid.columnValue(k);
      String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
      // trailing zeros add nothing
      if (text.contains(".")) {
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      labels.add(text);
    }
    return labels;
  }

  /** The picture's bytes in a format. */
  public byte[] render(ImageFormat format) throws IOException {
    if (format != ImageFormat.PNG && heatCells() > MAX_VECTOR_CELLS) {
      throw new IllegalStateException("too many cells (" + heatCells() + ") for a vector picture");
    }
    return switch (format) {
      case PNG -> BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      case SVG -> vector(VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      case PDF -> vector(VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
    };
  }

  private byte[] vector(VectorGraphicsEncoder.VectorGraphicsFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    VectorGraphicsEncoder.saveVectorGraphic(chart, out, format);
    return out.toByteArray();
  }

  private long heatCells() {
    return chart.getHeatMapSeries().getHeatData().size();
  }

  /** True when the format can be drawn for this grid (vector pictures are limited in size). */
  public boolean supports(ImageFormat format) {
    return format == ImageFormat.PNG || heatCells() <= MAX_VECTOR_CELLS;
  }

  /** Renders and writes the picture atomically. */
  public void write(ImageFormat format, Path target) throws IOException {
    AtomicFiles.write(target, render(format));
  }
}
