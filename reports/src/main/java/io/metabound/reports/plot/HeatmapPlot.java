package io.metabound.reports.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.CellStatus;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A sweep drawn as a figure — rows of the grid along x, columns along y, one cell per grid point
 * centred on it — coloured by status or rate, with the theoretical boundaries drawn on top, each
 * in its own colour-blind-safe style ({@link OverlayStyle#assign}), and a legend outside the
 * plot area. Overlays that lie wholly outside the window are left out of the plot and the legend
 * and listed below it ({@link #outsideWindow()}).
 *
 * <p>The cells are one image (one pixel per cell, stretched nearest-neighbour), so an SVG or PDF
 * stays small whatever the grid — a 100 × 100 map is tens of kilobytes — while the curves, axes
 * and text stay vector. Formats: PNG at screen size ({@link FigureLayout#SCREEN}) for the HTML
 * report, SVG at the same size, PDF at a paper's column width ({@link FigureLayout#COLUMN}).
 * Drawn with plain Graphics2D ({@link HeatmapFigure}): XChart's heat map has category axes with a
 * tick per grid point and a legend inside the chart. Needs {@code java.awt.headless=true} on
 * servers.
 */
public final class HeatmapPlot {

  /** Converged cells: a light blue, so that the overlay colours stand out on it. */
  public static final Color CONVERGED = new Color(186, 212, 238);
  /** Undecided cells. */
  public static final Color UNDECIDED = new Color(232, 232, 232);
  /** Diverged cells: a light salmon, apart from the blue for every colour vision. */
  public static final Color DIVERGED = new Color(247, 196, 176);
  /** Rate colour of the fastest contraction (rate 0). */
  static final Color RATE_FAST = new Color(20, 50, 140);
  /** Rate colour of rate 1 (no contraction). */
  static final Color RATE_SLOW = new Color(245, 245, 250);
  /** Rate colour of rate ≥ 1 and of diverged cells. */
  static final Color RATE_DIVERGED = new Color(200, 40, 30);
  /** Degenerate cells (the convergence test underflowed, {@link CellStatus#DEGENERATE}): dark grey. */
  public static final Color DEGENERATE = new Color(110, 110, 110);

  /**
   * Largest grid drawn as a vector picture. The cells are one embedded image, so this is the
   * same limit as {@link #MAX_PICTURE_CELLS}.
   */
  public static final long MAX_VECTOR_CELLS = 1_000_000;
  /** Largest grid drawn at all. */
  public static final long MAX_PICTURE_CELLS = 1_000_000;

  /** The cell image of a vector picture is enlarged to about this many pixels a side, so that
   * viewers that smooth images still show sharp cell edges. */
  private static final int VECTOR_CELL_PIXELS = 800;
  /** Largest side of the enlarged cell image. */
  private static final int MAX_VECTOR_IMAGE_SIDE = 1600;

  private final HeatmapFigure figure;
  private final BufferedImage cells;
  private final List<OutsideWindow> outside;
  private final Map<String, OverlayStyle> styles;

  /**
   * @param result a complete sweep
   * @param overlays curves to draw on top
   * @param colouring status or rate
   * @param title figure title
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
    PlotWindow window = PlotWindow.of(grid);
    boolean stepsOnX = grid instanceof SweepGrid.StepsAlpha;
    String xAxis = stepsOnX ? "N" : "α";
    String yAxis = stepsOnX ? "α" : "β";
    List<OverlayStyle> assigned = OverlayStyle.assign(overlays);
    List<HeatmapFigure.Curve> curves = new ArrayList<>();
    List<OutsideWindow> off = new ArrayList<>();
    Map<String, OverlayStyle> byId = new LinkedHashMap<>();
    for (int i = 0; i < overlays.size(); i++) {
      BoundaryOverlay overlay = overlays.get(i);
      Optional<OutsideWindow> away = OutsideWindow.of(overlay, window, xAxis, yAxis);
      if (away.isPresent()) {
        off.add(away.get());
      } else {
        curves.add(new HeatmapFigure.Curve(overlay.label(), overlay.segments(), assigned.get(i)));
        byId.put(overlay.id(), assigned.get(i));
      }
    }
    this.outside = List.copyOf(off);
    this.styles = Collections.unmodifiableMap(byId);
    this.cells = cellImage(result, colouring);
    List<String> notes = new ArrayList<>();
    off.forEach(o -> notes.add(o.text()));
    this.figure = new HeatmapFigure(title, xTitle, yTitle, window, stepsOnX, keys(colouring, result.count(CellStatus.DEGENERATE) > 0), curves, notes);
  }

  /** The legend entries of the cell colours. */
  private static List<HeatmapFigure.Key> keys(HeatmapColouring colouring, boolean degenerate) {
    List<HeatmapFigure.Key> keys = new ArrayList<>();
    if (colouring == HeatmapColouring.STATUS) {
      keys.add(new HeatmapFigure.Key("converged", List.of(CONVERGED)));
      keys.add(new HeatmapFigure.Key("undecided (T too short)", List.of(UNDECIDED)));
      keys.add(new HeatmapFigure.Key("diverged", List.of(DIVERGED)));
    } else {
      List<Color> strip = new ArrayList<>();
      for (int i = 0; i <= 8; i++) {
        strip.add(rateColour(i / 8.0));
      }
      keys.add(new HeatmapFigure.Key("rate 0 → 1 (dark: fast)", strip));
      keys.add(new HeatmapFigure.Key("rate ≥ 1 or diverged", List.of(RATE_DIVERGED)));
    }
    if (degenerate) {
      // only when a cell is degenerate: every other picture keeps its legend
      keys.add(new HeatmapFigure.Key("degenerate (underflow)", List.of(DEGENERATE)));
    }
    return List.copyOf(keys);
  }

  /** One pixel per cell: x = row, y = column with the largest column on top. */
  private static BufferedImage cellImage(SweepResult result, HeatmapColouring colouring) {
    SweepGrid grid = result.grid();
    BufferedImage image = new BufferedImage(grid.rows(), grid.columns(), BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < result.size(); i++) {
      int status = result.status(i);
      Color colour = status == CellStatus.DEGENERATE.code()
          ? DEGENERATE
          : colouring == HeatmapColouring.STATUS ? statusColour(status) : rateColour(result.rate(i));
      image.setRGB(result.row(i), grid.columns() - 1 - result.column(i), colour.getRGB());
    }
    return image;
  }

  private static Color statusColour(int status) {
    return status < 0 ? DIVERGED : status == 0 ? UNDECIDED : CONVERGED;
  }

  /** Dark blue at rate 0 to near-white at rate 1, linearly; red at rate ≥ 1 or NaN (diverged). */
  static Color rateColour(double rate) {
    if (Double.isNaN(rate) || rate >= 1) {
      return RATE_DIVERGED;
    }
    double t = Math.max(0, rate);
    return new Color(
        (int) Math.round(RATE_FAST.getRed() + t * (RATE_SLOW.getRed() - RATE_FAST.getRed())),
        (int) Math.round(RATE_FAST.getGreen() + t * (RATE_SLOW.getGreen() - RATE_FAST.getGreen())),
        (int) Math.round(RATE_FAST.getBlue() + t * (RATE_SLOW.getBlue() - RATE_FAST.getBlue())));
  }

  /** The overlays lying wholly outside the window, in overlay order: not drawn, listed below. */
  public List<OutsideWindow> outsideWindow() {
    return outside;
  }

  /** The legend's texts in order: the cell colours, then the overlays drawn. */
  public List<String> legendLabels() {
    return figure.legendLabels();
  }

  /** The style of each overlay drawn, by overlay id, in drawing order. */
  public Map<String, OverlayStyle> styles() {
    return styles;
  }

  /** The ticks of both axes in a layout: {@code [x, y]}. */
  public List<NiceTicks> ticks(FigureLayout layout) {
    HeatmapFigure.Frame frame = figure.frame(layout);
    return List.of(frame.xTicks(), frame.yTicks());
  }

  /** The layout a format is drawn in: the PDF at column width, PNG and SVG at screen size. */
  public static FigureLayout layoutOf(ImageFormat format) {
    return format == ImageFormat.PDF ? FigureLayout.COLUMN : FigureLayout.SCREEN;
  }

  /** The picture's bytes in a format, in that format's layout ({@link #layoutOf}). */
  public byte[] render(ImageFormat format) throws IOException {
    return render(format, layoutOf(format));
  }

  /** The picture's bytes in a format and layout (for a PNG, one layout unit is one pixel). */
  public byte[] render(ImageFormat format, FigureLayout layout) throws IOException {
    HeatmapFigure.Frame frame = figure.frame(layout);
    return switch (format) {
      case PNG -> png(layout, frame);
      case SVG -> svg(layout, frame);
      case PDF -> pdf(layout, frame);
    };
  }

  private byte[] png(FigureLayout layout, HeatmapFigure.Frame frame) throws IOException {
    BufferedImage image = new BufferedImage((int) Math.ceil(frame.width()), (int) Math.ceil(frame.height()),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      figure.paint(g, layout, frame, cells);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private byte[] svg(FigureLayout layout, HeatmapFigure.Frame frame) throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    figure.paint(g, layout, frame, enlargedCells());
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    new SVGProcessor()
        .getDocument(g.getCommands(), new PageSize(0, 0, frame.width(), frame.height()))
        .writeTo(out);
    return out.toByteArray();
  }

  private byte[] pdf(FigureLayout layout, HeatmapFigure.Frame frame) throws IOException {
    float width = (float) frame.width();
    float height = (float) frame.height();
    try (PDDocument document = new PDDocument()) {
      PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, width, height);
      try {
        figure.paint(g, layout, frame, enlargedCells());
      } finally {
        g.dispose();
      }
      PDPage page = new PDPage(new PDRectangle(width, height));
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawForm(g.getXFormObject());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
      document.save(out);
      return out.toByteArray();
    }
  }

  /**
   * The cell image enlarged by whole factors to about {@value #VECTOR_CELL_PIXELS} pixels a side,
   * so that a viewer that smooths the embedded image still shows sharp cells; runs of equal pixels
   * compress to almost nothing in the PNG.
   */
  private BufferedImage enlargedCells() {
    int kx = factor(cells.getWidth());
    int ky = factor(cells.getHeight());
    if (kx == 1 && ky == 1) {
      return cells;
    }
    BufferedImage big = new BufferedImage(cells.getWidth() * kx, cells.getHeight() * ky,
        BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < big.getHeight(); y++) {
      for (int x = 0; x < big.getWidth(); x++) {
        big.setRGB(x, y, cells.getRGB(x / kx, y / ky));
      }
    }
    return big;
  }

  private static int factor(int side) {
    int k = (int) Math.ceil((double) VECTOR_CELL_PIXELS / side);
    return Math.max(1, Math.min(k, MAX_VECTOR_IMAGE_SIDE / side));
  }

  /** True when the format can be drawn for this grid (vector pictures are limited in size). */
  public boolean supports(ImageFormat format) {
    return format == ImageFormat.PNG || (long) cells.getWidth() * cells.getHeight() <= MAX_VECTOR_CELLS;
  }

  /** Renders and writes the picture atomically. */
  public void write(ImageFormat format, Path target) throws IOException {
    AtomicFiles.write(target, render(format));
  }
}
