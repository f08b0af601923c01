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
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The tightness of every check at a glance: its largest ratio (measured against theoretical,
 * oriented so that ≤ 1 holds) per bound on a logarithmic axis, with the level 1 drawn across.
 * Points at 1 are tight bounds, far below 1 loose ones, above 1 violations.
 */
public final class TightnessPlot {

  private TightnessPlot() {}

  /**
   * One bound's ratio.
   *
   * @param label the bound id
   * @param ratio the ratio (points that are not finite and positive are left out)
   * @param violated true for a VIOLATED verdict (drawn red)
   */
  public record Point(String label, double ratio, boolean violated) {}

  /** The PNG, or null when no point can be drawn. */
  public static byte[] png(List<Point> points) throws IOException {
    List<String> labels = new ArrayList<>();
    List<Double> holding = new ArrayList<>();
    List<Double> violated = new ArrayList<>();
    List<Double> one = new ArrayList<>();
    double min = 1;
    double max = 1;
    for (Point p : points) {
      if (!(p.ratio() > 0) || !Double.isFinite(p.ratio())) {
        continue;
      }
      labels.add(p.label());
      min = Math.min(min, p.ratio());
      max = Math.max(max, p.ratio());
      // a category chart needs a value per category in every series: the other series get the
      // reference level, drawn invisibly
      holding.add(p.violated() ? null : p.ratio());
      violated.add(p.violated() ? p.ratio() : null);
      one.add(1.0);
    }
    if (labels.isEmpty()) {
      return null;
    }
    int width = Math.max(900, 28 * labels.size() + 200);
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(width)
            .height(640)
            .title("Largest ratio per checked bound (≤ 1 holds, 1 is tight)")
            .xAxisTitle("")
            .yAxisTitle("measured / bound (oriented)")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max) + 1e-9)));
    chart.getStyler().setXAxisLabelRotation(90);
    // every bound gets its label (by default XChart thins category labels it judges crowded)
    chart.getStyler().setXAxisMaxLabelCount(labels.size());
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    // outside the plot: a legend inside can hide a point (a violation far above 1)
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setChartTitleBoxVisible(false);
    chart.getStyler().setMarkerSize(9);
    // one position per bound: series share it instead of standing side by side
    chart.getStyler().setOverlapped(true);
    CategorySeries level = chart.addSeries("ratio 1", labels, one);
    level.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    level.setLineColor(Color.GRAY);
    level.setMarker(SeriesMarkers.NONE);
    level.setLineStyle(new BasicStroke(1.2f));
    if (holding.stream().anyMatch(v -> v != null)) {
      CategorySeries s = chart.addSeries("holds / inconclusive", labels, holding);
      s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(CurvePlot.PALETTE[0]);
    }
    if (violated.stream().anyMatch(v -> v != null)) {
      CategorySeries s = chart.addSeries("violated", labels, violated);
      s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.DIAMOND);
      s.setMarkerColor(new Color(200, 30, 30));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    return out.toByteArray();
  }

  /** Writes the PNG atomically; returns false (writing nothing) when no point can be drawn. */
  public static boolean write(List<Point> points, Path target) throws IOException {
    byte[] png = png(points);
    if (png == null) {
      return false;
    }
    AtomicFiles.write(target, png);
    return true;
  }
}
