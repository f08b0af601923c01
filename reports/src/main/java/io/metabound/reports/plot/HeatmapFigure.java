package io.metabound.reports.plot;

import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.Polyline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a heatmap figure with plain {@link Graphics2D}, so the same drawing goes to a PNG, an SVG
 * (VectorGraphics2D) or a PDF (pdfbox-graphics2d): the cells as one image stretched over the plot
 * area, the overlay curves clipped to it, round ticks ({@link NiceTicks}) on continuous axes, the
 * legend outside the plot area ({@link FigureLayout.LegendPlacement}) and the notes (overlays
 * outside the window) below everything. {@link #frame} computes where everything goes for a
 * layout; {@link #paint} draws it.
 */
final class HeatmapFigure {

  /** A legend entry for the cells: one colour (a swatch) or several (a colour strip). */
  record Key(String label, List<Color> colours) {
    Key {
      colours = List.copyOf(colours);
    }
  }

  /** An overlay to draw: legend text, curve pieces in data coordinates, style. */
  record Curve(String label, List<Polyline> segments, OverlayStyle style) {
    Curve {
      segments = List.copyOf(segments);
    }
  }

  /** One legend entry as laid out: its text lines, and a key or a curve. */
  private record Entry(List<String> lines, Key key, Curve curve) {}

  /**
   * Where everything goes.
   *
   * @param width figure width
   * @param height figure height
   * @param plot the plot area (integer coordinates, so the cell image fills it exactly)
   * @param xTicks ticks of the x axis
   * @param yTicks ticks of the y axis
   */
  record Frame(double width, double height, Rectangle2D plot, NiceTicks xTicks, NiceTicks yTicks) {}

  /** Text is measured with fractional metrics and drawn the same way, so sizes agree. */
  private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

  private static final Color TEXT = Color.BLACK;
  private static final Color FRAME = new Color(60, 60, 60);

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final PlotWindow window;
  private final boolean wholeNumbersOnX;
  private final List<Key> keys;
  private final List<Curve> curves;
  private final List<String> notes;

  /**
   * @param title figure title
   * @param xTitle x-axis title
   * @param yTitle y-axis title
   * @param window the data rectangle the plot area shows
   * @param wholeNumbersOnX true when x takes whole values only (N), so ticks are at least 1 apart
   * @param keys legend entries for the cell colours
   * @param curves the overlays drawn, in legend order
   * @param notes lines printed below the figure
   */
  HeatmapFigure(String title, String xTitle, String yTitle, PlotWindow window,
      boolean wholeNumbersOnX, List<Key> keys, List<Curve> curves, List<String> notes) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.window = window;
    this.wholeNumbersOnX = wholeNumbersOnX;
    this.keys = List.copyOf(keys);
    this.curves = List.copyOf(curves);
    this.notes = List.copyOf(notes);
  }

  /** The legend's texts in order: cell keys, then the curves drawn. */
  List<String> legendLabels() {
    List<String> labels = new ArrayList<>();
    keys.forEach(k -> labels.add(k.label()));
    curves.forEach(c -> labels.add(c.label()));
    return labels;
  }

  private Font font(FigureLayout layout, float size, int style) {
    return new Font(layout.fontFamily(), style, 1).deriveFont(size);
  }

  private Font titleFont(FigureLayout l) {
    return font(l, l.titleSize(), Font.BOLD);
  }

  private Font labelFont(FigureLayout l) {
    return font(l, l.labelSize(), Font.PLAIN);
  }

  private Font textFont(FigureLayout l) {
    return font(l, l.textSize(), Font.PLAIN);
  }

  /** Computes the layout: sizes of the text blocks first, then the plot area from what is left. */
  Frame frame(FigureLayout layout) {
    double m = layout.margin();
    double gap = layout.gap();
    double width = layout.width();
    Font text = textFont(layout);
    double top = m + wrap(title, titleFont(layout), width - 2 * m).size() * lineHeight(titleFont(layout))
        + gap + ascent(text) / 2;
    double tickText = lineHeight(text);
    double label = lineHeight(labelFont(layout));
    double notesHeight = notesHeight(layout, width - 2 * m);
    List<Entry> entries = entries(layout, legendTextWidth(layout));
    double legendWidth = legendWidth(layout, entries);
    double below = layout.tickLength() + gap / 2 + tickText + gap / 2 + label; // under the plot area
    double yTickWidth = textWidth("0.00", text); // refined once the ticks are known
    Rectangle2D plot = null;
    NiceTicks xTicks = null;
    NiceTicks yTicks = null;
    double height = layout.height();
    for (int pass = 0; pass < 2; pass++) {
      double left = m + label + gap + yTickWidth + layout.tickLength() + gap / 2;
      double right = layout.legend() == FigureLayout.LegendPlacement.RIGHT
          ? width - m - legendWidth - 2 * gap
          : width - m - textWidth("0.000", text) / 2;
      double plotWidth = right - left;
      double plotHeight;
      if (layout.fitsHeight()) {
        plotHeight = plotWidth * layout.plotAspect();
        double legendBelow = layout.legend() == FigureLayout.LegendPlacement.BELOW
            ? gap * 1.5 + legendHeightBelow(layout, entries, width - 2 * m)
            : 0;
        height = Math.ceil(top + plotHeight + below + legendBelow
            + (notesHeight > 0 ? gap + notesHeight : 0) + m);
      } else {
        double legendBelow = layout.legend() == FigureLayout.LegendPlacement.BELOW
            ? gap * 1.5 + legendHeightBelow(layout, entries, width - 2 * m)
            : 0;
        plotHeight = height - m - (notesHeight > 0 ? notesHeight + gap : 0) - legendBelow - below - top;
      }
      plot = new Rectangle2D.Double(Math.round(left), Math.round(top),
          Math.round(left + plotWidth) - Math.round(left),
          Math.round(top + plotHeight) - Math.round(top));
      xTicks = NiceTicks.of(window.xMin(), window.xMax(), count(plot.getWidth(), layout),
          wholeNumbersOnX ? 1 : 0);
      yTicks = NiceTicks.of(window.yMin(), window.yMax(), count(plot.getHeight(), layout), 0);
      yTickWidth = 0;
      for (String s : yTicks.labels()) {
        yTickWidth = Math.max(yTickWidth, textWidth(s, text));
      }
    }
    return new Frame(width, height, plot, xTicks, yTicks);
  }

  private static int count(double length, FigureLayout layout) {
    return (int) Math.max(2, Math.min(12, Math.round(length / layout.tickSpacing()) + 1));
  }

  /** Paints the figure; {@code cells} is stretched over the plot area, nearest-neighbour. */
  void paint(Graphics2D g, FigureLayout layout, Frame frame, BufferedImage cells) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, frame.width(), frame.height()));
    double m = layout.margin();
    double gap = layout.gap();
    Rectangle2D plot = frame.plot();

    // title, centred over the figure
    Font titleFont = titleFont(layout);
    double y = m;
    g.setColor(TEXT);
    for (String line : wrap(title, titleFont, frame.width() - 2 * m)) {
      y += ascent(titleFont);
      drawCentred(g, line, titleFont, frame.width() / 2, y);
      y += lineHeight(titleFont) - ascent(titleFont);
    }

    // cells
    Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(cells, (int) plot.getX(), (int) plot.getY(), (int) plot.getWidth(), (int) plot.getHeight(), null);
    if (interpolation != null) {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
    }

    // curves, clipped to the plot area
    Shape clip = g.getClip();
    g.clip(plot);
    for (Curve curve : curves) {
      g.setColor(curve.style().color());
      g.setStroke(stroke(curve.style(), layout));
      for (Polyline line : curve.segments()) {
        g.draw(path(line, plot, 0.25 * Math.min(1, layout.lineScale())));
      }
    }
    g.setClip(clip);

    // frame and ticks
    g.setColor(FRAME);
    g.setStroke(new BasicStroke((float) Math.max(0.5, layout.lineScale()), BasicStroke.CAP_SQUARE,
        BasicStroke.JOIN_MITER));
    g.draw(plot);
    Font text = textFont(layout);
    double tick = layout.tickLength();
    double[] xs = frame.xTicks().values();
    for (int i = 0; i < xs.length; i++) {
      double sx = screenX(xs[i], plot);
      g.setColor(FRAME);
      g.draw(new Line2D.Double(sx, plot.getMaxY(), sx, plot.getMaxY() + tick));
      g.setColor(TEXT);
      drawCentred(g, frame.xTicks().labels().get(i), text, sx, plot.getMaxY() + tick + gap / 2 + ascent(text));
    }
    double[] ys = frame.yTicks().values();
    for (int i = 0; i < ys.length; i++) {
      double sy = screenY(ys[i], plot);
      g.setColor(FRAME);
      g.draw(new Line2D.Double(plot.getX() - tick, sy, plot.getX(), sy));
      g.setColor(TEXT);
      String s = frame.yTicks().labels().get(i);
      drawString(g, s, text, plot.getX() - tick - gap / 2 - textWidth(s, text), sy + ascent(text) * 0.36);
    }

    // axis titles
    Font labelFont = labelFont(layout);
    double xTitleBaseline = plot.getMaxY() + tick + gap + lineHeight(text) + ascent(labelFont);
    drawCentred(g, xTitle, labelFont, plot.getCenterX(), xTitleBaseline);
    AffineTransform transform = g.getTransform();
    g.translate(m + ascent(labelFont), plot.getCenterY());
    g.rotate(-Math.PI / 2);
    drawCentred(g, yTitle, labelFont, 0, 0);
    g.setTransform(transform);

    // legend, outside the plot area
    double after = xTitleBaseline + lineHeight(labelFont) - ascent(labelFont);
    List<Entry> entries = entries(layout, legendTextWidth(layout));
    if (layout.legend() == FigureLayout.LegendPlacement.RIGHT) {
      double x = frame.width() - m - legendWidth(layout, entries);
      double top = plot.getY();
      for (Entry entry : entries) {
        top = paintEntry(g, layout, entry, x, top);
      }
    } else {
      after = paintLegendBelow(g, layout, entries, m, after + gap * 1.5, frame.width() - 2 * m);
    }

    // notes: overlays outside the window, below everything
    if (!notes.isEmpty()) {
      double baseline = Math.max(after, plot.getMaxY()) + gap;
      g.setColor(TEXT);
      for (String note : notes) {
        for (String line : wrap(note, text, frame.width() - 2 * m)) {
          baseline += ascent(text);
          drawString(g, line, text, m, baseline);
          baseline += lineHeight(text) - ascent(text);
        }
      }
    }
  }

  // ---- legend ----

  /** Longest text of a legend entry before it wraps. */
  private static double legendTextWidth(FigureLayout layout) {
    return layout.legend() == FigureLayout.LegendPlacement.RIGHT
        ? layout.width() * 0.27
        : layout.width() - 2 * layout.margin() - layout.sampleLength() - layout.gap();
  }

  private List<Entry> entries(FigureLayout layout, double textWidth) {
    Font text = textFont(layout);
    List<Entry> entries = new ArrayList<>();
    for (Key key : keys) {
      entries.add(new Entry(wrap(key.label(), text, textWidth), key, null));
    }
    for (Curve curve : curves) {
      entries.add(new Entry(wrap(curve.label(), text, textWidth), null, curve));
    }
    return entries;
  }

  private double entryWidth(FigureLayout layout, Entry entry) {
    double widest = 0;
    for (String line : entry.lines()) {
      widest = Math.max(widest, textWidth(line, textFont(layout)));
    }
    return layout.sampleLength() + layout.gap() + widest;
  }

  private double entryHeight(FigureLayout layout, Entry entry) {
    return entry.lines().size() * lineHeight(textFont(layout)) + layout.gap() / 2;
  }

  private double legendWidth(FigureLayout layout, List<Entry> entries) {
    double widest = 0;
    for (Entry entry : entries) {
      widest = Math.max(widest, entryWidth(layout, entry));
    }
    return widest;
  }

  /** Columns of a legend group below the plot: as many as fit side by side. */
  private int legendColumns(FigureLayout layout, List<Entry> entries, double available) {
    double column = legendWidth(layout, entries) + 2 * layout.gap();
    return (int) Math.max(1, Math.min(entries.size(), Math.floor((available + 2 * layout.gap()) / column)));
  }

  /** The legend below the plot in two groups: the cell keys, then the curves. */
  private static List<List<Entry>> groups(List<Entry> entries) {
    List<Entry> keyEntries = new ArrayList<>();
    List<Entry> curveEntries = new ArrayList<>();
    for (Entry entry : entries) {
      (entry.key() != null ? keyEntries : curveEntries).add(entry);
    }
    return List.of(keyEntries, curveEntries);
  }

  private double legendHeightBelow(FigureLayout layout, List<Entry> entries, double available) {
    double height = 0;
    for (List<Entry> group : groups(entries)) {
      if (group.isEmpty()) {
        continue;
      }
      int columns = legendColumns(layout, group, available);
      for (int start = 0; start < group.size(); start += columns) {
        double row = 0;
        for (int i = start; i < Math.min(group.size(), start + columns); i++) {
          row = Math.max(row, entryHeight(layout, group.get(i)));
        }
        height += row;
      }
    }
    return height;
  }

  /** Paints the legend below the plot, group by group and row by row; returns the y after it. */
  private double paintLegendBelow(Graphics2D g, FigureLayout layout, List<Entry> entries,
      double left, double top, double available) {
    double y = top;
    for (List<Entry> group : groups(entries)) {
      if (group.isEmpty()) {
        continue;
      }
      int columns = legendColumns(layout, group, available);
      double column = legendWidth(layout, group) + 2 * layout.gap();
      for (int start = 0; start < group.size(); start += columns) {
        double row = 0;
        for (int i = start; i < Math.min(group.size(), start + columns); i++) {
          Entry entry = group.get(i);
          paintEntry(g, layout, entry, left + (i - start) * column, y);
          row = Math.max(row, entryHeight(layout, entry));
        }
        y += row;
      }
    }
    return y;
  }

  /** Paints one entry with its top-left corner at (x, top); returns the top of the next. */
  private double paintEntry(Graphics2D g, FigureLayout layout, Entry entry, double x, double top) {
    Font text = textFont(layout);
    double sample = layout.sampleLength();
    double mid = top + lineHeight(text) / 2;
    if (entry.key() != null) {
      List<Color> colours = entry.key().colours();
      double h = ascent(text) * 0.9;
      double w = sample / colours.size();
      for (int i = 0; i < colours.size(); i++) {
        g.setColor(colours.get(i));
        g.fill(new Rectangle2D.Double(x + i * w, mid - h / 2, w, h));
      }
      g.setColor(FRAME);
      g.setStroke(new BasicStroke((float) (0.6 * Math.max(0.5, layout.lineScale()))));
      g.draw(new Rectangle2D.Double(x, mid - h / 2, sample, h));
    } else {
      g.setColor(entry.curve().style().color());
      g.setStroke(stroke(entry.curve().style(), layout));
      g.draw(new Line2D.Double(x, mid, x + sample, mid));
    }
    g.setColor(TEXT);
    double baseline = top;
    for (String line : entry.lines()) {
      baseline += ascent(text);
      drawString(g, line, text, x + sample + layout.gap(), baseline);
      baseline += lineHeight(text) - ascent(text);
    }
    return top + entryHeight(layout, entry);
  }

  private double notesHeight(FigureLayout layout, double available) {
    int lines = 0;
    for (String note : notes) {
      lines += wrap(note, textFont(layout), available).size();
    }
    return lines * lineHeight(textFont(layout));
  }

  // ---- geometry ----

  /**
   * The curve on screen, snapped to 1/8 unit (so vector files print short numbers) and thinned by
   * Douglas–Peucker to within a fraction of a unit of the sampled curve: a curve sampled at
   * hundreds of points keeps only the points that change its drawn shape.
   */
  private Path2D path(Polyline line, Rectangle2D plot, double tolerance) {
    int n = line.size();
    double[] sx = new double[n];
    double[] sy = new double[n];
    for (int i = 0; i < n; i++) {
      sx[i] = Math.round(screenX(line.x(i), plot) * 8) / 8.0;
      sy[i] = Math.round(screenY(line.y(i), plot) * 8) / 8.0;
    }
    boolean[] keep = simplify(sx, sy, tolerance);
    Path2D.Double path = new Path2D.Double();
    boolean started = false;
    for (int i = 0; i < n; i++) {
      if (!keep[i]) {
        continue;
      }
      if (!started) {
        path.moveTo(sx[i], sy[i]);
        started = true;
      } else {
        path.lineTo(sx[i], sy[i]);
      }
    }
    return path;
  }

  /** Douglas–Peucker: the points to keep so no dropped point is further than tolerance away. */
  static boolean[] simplify(double[] x, double[] y, double tolerance) {
    int n = x.length;
    boolean[] keep = new boolean[n];
    if (n == 0) {
      return keep;
    }
    keep[0] = true;
    keep[n - 1] = true;
    java.util.ArrayDeque<int[]> spans = new java.util.ArrayDeque<>();
    spans.push(new int[] {0, n - 1});
    while (!spans.isEmpty()) {
      int[] span = spans.pop();
      int first = span[0];
      int last = span[1];
      double farthest = -1;
      int at = -1;
      for (int i = first + 1; i < last; i++) {
        double d = Line2D.ptSegDist(x[first], y[first], x[last], y[last], x[i], y[i]);
        if (d > farthest) {
          farthest = d;
          at = i;
        }
      }
      if (at >= 0 && farthest > tolerance) {
        keep[at] = true;
        spans.push(new int[] {first, at});
        spans.push(new int[] {at, last});
      }
    }
    return keep;
  }

  // screen x = left + (x − xMin)/(xMax − xMin)·width
  private double screenX(double x, Rectangle2D plot) {
    return plot.getX() + (x - window.xMin()) / (window.xMax() - window.xMin()) * plot.getWidth();
  }

  // screen y = bottom − (y − yMin)/(yMax − yMin)·height (screen y grows downwards)
  private double screenY(double y, Rectangle2D plot) {
    return plot.getMaxY() - (y - window.yMin()) / (window.yMax() - window.yMin()) * plot.getHeight();
  }

  private static Stroke stroke(OverlayStyle style, FigureLayout layout) {
    float scale = (float) layout.lineScale();
    float[] dash = style.dash();
    if (dash == null) {
      return new BasicStroke(style.width() * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    for (int i = 0; i < dash.length; i++) {
      dash[i] *= scale;
    }
    return new BasicStroke(style.width() * scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  // ---- text ----

  private static double textWidth(String s, Font font) {
    return font.getStringBounds(s, MEASURE).getWidth();
  }

  private static double ascent(Font font) {
    return font.getLineMetrics("Mg", MEASURE).getAscent();
  }

  private static double lineHeight(Font font) {
    LineMetrics metrics = font.getLineMetrics("Mg", MEASURE);
    return metrics.getAscent() + metrics.getDescent() + metrics.getLeading();
  }

  private static void drawString(Graphics2D g, String s, Font font, double x, double baseline) {
    g.setFont(font);
    g.drawString(s, (float) x, (float) baseline);
  }

  private static void drawCentred(Graphics2D g, String s, Font font, double centre, double baseline) {
    drawString(g, s, font, centre - textWidth(s, font) / 2, baseline);
  }

  /** Greedy word wrap to a width; a word longer than the width gets a line of its own. */
  static List<String> wrap(String text, Font font, double width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && textWidth(candidate, font) > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
