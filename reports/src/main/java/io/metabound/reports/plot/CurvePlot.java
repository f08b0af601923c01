package io.metabound.reports.plot;

import io.metabound.experiments.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line plots of measured and theoretical curves (XChart {@link XYChart}), with optional interval
 * bands, on linear or logarithmic axes; several charts can be stacked into one PNG (a second panel
 * for a ratio, say).
 *
 * <p>Points that a logarithmic axis cannot show (non-positive) and non-finite points are left out
 * of the picture (the CSV beside it keeps them); a curve with no point left is not drawn.
 */
public final class CurvePlot {

  private CurvePlot() {}

  /** How a curve is drawn. */
  public enum Style {
    /** Measured: solid with markers; its interval as thin lines of the same colour. */
    MEASURED,
    /** A formula: dashed, no markers. */
    THEORY,
    /** A fitted line: dotted, its confidence band as thin lines. */
    FIT,
    /** A reference level (ratio 1): thin grey. */
    REFERENCE
  }

  /**
   * One curve.
   *
   * @param name legend text
   * @param x abscissae
   * @param y values
   * @param lower interval lower ends, or null
   * @param upper interval upper ends, or null
   * @param style how it is drawn
   */
  public record Curve(
      String name, double[] x, double[] y, double[] lower, double[] upper, Style style) {

    public static Curve of(String name, double[] x, double[] y, Style style) {
      return new Curve(name, x, y, null, null, style);
    }
  }

  /** The palette: distinguishable, and still apart in grey-scale print (with the dash patterns). */
  static final Color[] PALETTE = {
    new Color(31, 90, 170),
    new Color(200, 70, 30),
    new Color(20, 130, 60),
    new Color(140, 40, 150),
    new Color(170, 120, 0),
    new Color(0, 130, 150),
    new Color(90, 90, 90)
  };

  /**
   * A chart of the curves.
   *
   * @param width pixels
   * @param height pixels
   */
  public static XYChart chart(
      String title,
      String xLabel,
      String yLabel,
      boolean logX,
      boolean logY,
      List<Curve> curves,
      int width,
      int height) {
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title)
            .xAxisTitle(xLabel)
            .yAxisTitle(yLabel)
            .build();
    Styler styler = chart.getStyler();
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setChartTitleBoxVisible(false);
    chart.getStyler().setMarkerSize(6);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    int colour = 0;
    int drawn = 0;
    for (Curve c : curves) {
      Color color =
          c.style() == Style.REFERENCE ? Color.GRAY : PALETTE[colour++ % PALETTE.length];
      double[][] xy = visible(c.x(), c.y(), logX, logY);
      if (xy[0].length == 0) {
        continue;
      }
      XYSeries s = chart.addSeries(c.name(), xy[0], xy[1]);
      // points not ordered along x (a grid over two parameters) are drawn as points, not a path
      s.setXYSeriesRenderStyle(
          increasing(xy[0]) ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
      s.setLineColor(color);
      s.setMarkerColor(color);
      switch (c.style()) {
        case MEASURED -> {
          s.setMarker(SeriesMarkers.CIRCLE);
          s.setLineStyle(new BasicStroke(2f));
        }
        case THEORY -> {
          s.setMarker(SeriesMarkers.NONE);
          s.setLineStyle(dashed(2f, new float[] {9, 5}));
        }
        case FIT -> {
          s.setMarker(SeriesMarkers.NONE);
          s.setLineStyle(dashed(1.6f, new float[] {2, 4}));
        }
        case REFERENCE -> {
          s.setMarker(SeriesMarkers.NONE);
          s.setLineStyle(new BasicStroke(1.2f));
        }
      }
      drawn++;
      if (c.lower() != null) {
        Color faint = new Color(color.getRed(), color.getGreen(), color.getBlue(), 120);
        int band = 0;
        for (double[] end : new double[][] {c.lower(), c.upper()}) {
          double[][] e = visible(c.x(), end, logX, logY);
          if (e[0].length == 0) {
            continue;
          }
          XYSeries b = chart.addSeries(c.name() + " interval " + band++, e[0], e[1]);
          b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
          b.setMarker(SeriesMarkers.NONE);
          b.setLineColor(faint);
          b.setLineStyle(dashed(1f, new float[] {3, 3}));
          b.setShowInLegend(false);
        }
      }
    }
    if (drawn > 4) {
      chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    }
    if (drawn == 0) {
      // XChart needs a series to lay out axes; say why the plot is empty
      XYSeries s =
          chart.addSeries("no finite point to draw", new double[] {1, 2}, new double[] {1, 1});
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(new Color(0, 0, 0, 0));
    }
    return chart;
  }

  private static boolean increasing(double[] x) {
    for (int i = 1; i < x.length; i++) {
      if (!(x[i] >= x[i - 1])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Fixes a linear y axis to {@code [lo, hi]} widened to include {@code level}, with some room,
   * and plain tick labels (a ratio that is 1 everywhere would otherwise get labels such as
   * {@code 1.000000000000001E0}).
   */
  public static void fixLinearRange(XYChart chart, double[] values, double level) {
    double lo = level;
    double hi = level;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double pad = Math.max(0.05 * (hi - lo), 0.05 * Math.max(Math.abs(hi), Math.abs(lo)));
    chart.getStyler().setYAxisMin(lo - pad);
    chart.getStyler().setYAxisMax(hi + pad);
    chart.getStyler().setYAxisDecimalPattern("0.###");
  }

  /** The points a chart with these axes can show. */
  static double[][] visible(double[] x, double[] y, boolean logX, boolean logY) {
    List<double[]> keep = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      boolean ok =
          Double.isFinite(x[i])
              && Double.isFinite(y[i])
              && (!logX || x[i] > 0)
              && (!logY || y[i] > 0);
      if (ok) {
        keep.add(new double[] {x[i], y[i]});
      }
    }
    double[] xs = new double[keep.size()];
    double[] ys = new double[keep.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = keep.get(i)[0];
      ys[i] = keep.get(i)[1];
    }
    return new double[][] {xs, ys};
  }

  /**
   * True when a logarithmic axis suits the values: all finite ones positive and spanning more than
   * a factor {@code spread}.
   */
  public static boolean logSuits(double spread, double[]... values) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double[] v : values) {
      if (v == null) {
        continue;
      }
      for (double x : v) {
        if (!Double.isFinite(x)) {
          continue;
        }
        if (x <= 0) {
          return false;
        }
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    return max > 0 && max / min > spread;
  }

  private static BasicStroke dashed(float width, float[] dash) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /** PNG bytes of charts stacked vertically (one column). */
  public static byte[] png(List<XYChart> charts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    if (charts.size() == 1) {
      BitmapEncoder.saveBitmap(charts.get(0), out, BitmapEncoder.BitmapFormat.PNG);
    } else {
      BitmapEncoder.saveBitmap(charts, charts.size(), 1, out, BitmapEncoder.BitmapFormat.PNG);
    }
    return out.toByteArray();
  }

  /** Writes the stacked charts as a PNG, atomically. */
  public static void writePng(List<XYChart> charts, Path target) throws IOException {
    AtomicFiles.write(target, png(charts));
  }
}
