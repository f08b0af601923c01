package io.metabound.reports.plot;

import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.Polyline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * The one adapter between MetaBound's overlay curves and XChart 4: XChart's heat map has category
 * axes and no line series, so curves over it are drawn by an {@link Annotation} subclass, in data
 * coordinates mapped onto the heat-map area, plus a legend box for the curves.
 *
 * <p>Mapping: the chart is built with plot-content size 1, so the cells fill the plot area exactly
 * and cell k of n spans {@code [k/n, (k+1)/n]} of it; the {@link PlotWindow} (cell edges in data
 * units) maps linearly onto the area's screen extent, which the annotation reads from XChart
 * ({@code getXAxisScreenValueForMin/Max}, {@code getYAxisScreenValueForMin/Max}). Drawing is
 * clipped to the area. The legend goes in the plot corner that the curves cross least.
 */
final class OverlayAnnotation extends Annotation {

  /** One curve to draw. */
  record Styled(BoundaryOverlay overlay, OverlayStyle style) {}

  private final List<Styled> overlays;
  private final PlotWindow window;
  private final Font legendFont;

  OverlayAnnotation(List<Styled> overlays, PlotWindow window, Font legendFont) {
    super(false);
    this.overlays = List.copyOf(overlays);
    this.window = window;
    this.legendFont = legendFont;
  }

  @Override
  public void paint(Graphics2D g) {
    if (!isVisible || overlays.isEmpty()) {
      return;
    }
    double left = getXAxisScreenValueForMin();
    double right = getXAxisScreenValueForMax();
    double top = Math.min(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
    double bottom = Math.max(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
    Rectangle2D area = new Rectangle2D.Double(left, top, right - left, bottom - top);
    Shape oldClip = g.getClip();
    Stroke oldStroke = g.getStroke();
    Color oldColor = g.getColor();
    Object oldAntialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.clip(area);
    for (Styled styled : overlays) {
      g.setColor(styled.style().color());
      g.setStroke(stroke(styled.style()));
      for (Polyline line : styled.overlay().segments()) {
        g.draw(path(line, area));
      }
    }
    g.setClip(oldClip);
    paintLegend(g, area);
    g.setStroke(oldStroke);
    g.setColor(oldColor);
    if (oldAntialias != null) {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, oldAntialias);
    }
  }

  private Path2D path(Polyline line, Rectangle2D area) {
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < line.size(); i++) {
      double sx = screenX(line.x(i), area);
      double sy = screenY(line.y(i), area);
      if (i == 0) {
        path.moveTo(sx, sy);
      } else {
        path.lineTo(sx, sy);
      }
    }
    return path;
  }

  // screen x = left + (x − xMin)/(xMax − xMin)·width
  private double screenX(double x, Rectangle2D area) {
    return area.getX() + (x - window.xMin()) / (window.xMax() - window.xMin()) * area.getWidth();
  }

  // screen y = bottom − (y − yMin)/(yMax − yMin)·height (screen y grows downwards)
  private double screenY(double y, Rectangle2D area) {
    return area.getMaxY() - (y - window.yMin()) / (window.yMax() - window.yMin()) * area.getHeight();
  }

  private static Stroke stroke(OverlayStyle style) {
    return style.dash() == null
        ? new BasicStroke(style.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        : new BasicStroke(style.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            style.dash(), 0f);
  }

  private void paintLegend(Graphics2D g, Rectangle2D area) {
    g.setFont(legendFont);
    FontMetrics metrics = g.getFontMetrics();
    int pad = 6;
    int sample = 34;
    int lineHeight = metrics.getHeight() + 2;
    int textWidth = 0;
    for (Styled styled : overlays) {
      textWidth = Math.max(textWidth, metrics.stringWidth(styled.overlay().label()));
    }
    double width = pad * 3 + sample + textWidth;
    double height = pad * 2 + lineHeight * overlays.size();
    Rectangle2D box = bestCorner(area, width, height, pad);
    g.setColor(new Color(255, 255, 255, 225));
    g.fill(box);
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.draw(box);
    double y = box.getY() + pad;
    for (Styled styled : overlays) {
      double mid = y + lineHeight / 2.0;
      g.setColor(styled.style().color());
      g.setStroke(stroke(styled.style()));
      g.draw(new Line2D.Double(box.getX() + pad, mid, box.getX() + pad + sample, mid));
      g.setColor(Color.BLACK);
      g.drawString(styled.overlay().label(), (float) (box.getX() + 2 * pad + sample),
          (float) (mid + metrics.getAscent() / 2.0 - 1));
      y += lineHeight;
    }
  }

  /** The corner box (top-right first) crossed by the fewest curve points. */
  private Rectangle2D bestCorner(Rectangle2D area, double width, double height, int pad) {
    double w = Math.min(width, area.getWidth() - 2 * pad);
    double[][] corners = {
      {area.getMaxX() - pad - w, area.getY() + pad},
      {area.getX() + pad, area.getY() + pad},
      {area.getMaxX() - pad - w, area.getMaxY() - pad - height},
      {area.getX() + pad, area.getMaxY() - pad - height}
    };
    Rectangle2D best = null;
    int bestHits = Integer.MAX_VALUE;
    for (double[] corner : corners) {
      Rectangle2D box = new Rectangle2D.Double(corner[0], corner[1], w, height);
      int hits = 0;
      for (Styled styled : overlays) {
        for (Polyline line : styled.overlay().segments()) {
          for (int i = 0; i < line.size(); i++) {
            if (box.contains(screenX(line.x(i), area), screenY(line.y(i), area))) {
              hits++;
            }
          }
        }
      }
      if (hits < bestHits) {
        bestHits = hits;
        best = box;
      }
    }
    return best;
  }
}
