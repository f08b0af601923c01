package io.metabound.reports.report;

import io.metabound.experiments.reproduction.Figure;
import io.metabound.experiments.reproduction.Series;
import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.reports.plot.HeatmapPlot;
import java.awt.Color;
import java.util.List;

/**
 * pgfplots code for the export's figures, paste-ready: every axis labelled, every curve in the
 * legend, each curve in its own {@link PlotStyles style} (never one black line for all), the width
 * the enclosing column's. The {@code .dat} paths are relative to the export folder.
 */
final class PgfFigures {

  /** The packages and setting the figures need. */
  static final String NEEDS = "needs \\usepackage{pgfplots} and \\pgfplotsset{compat=1.17}";

  private static final String COMMON =
      "width=0.95\\linewidth,height=0.6\\linewidth,unbounded coords=jump,filter discard warning=false,"
          + "legend cell align=left,legend style={font=\\footnotesize},label style={font=\\small},"
          + "tick label style={font=\\footnotesize}";

  private PgfFigures() {}

  /** The largest ratio of every check, with the line ratio = 1 (tight). */
  static String tightness(String dat, int checks) {
    int step = Math.max(1, (checks + 9) / 10);
    StringBuilder s =
        begin("semilogyaxis", "check (index)", "ratio measured / bound", "tightness per check",
            "xtick distance=" + step + ",");
    s.append("\\addplot[").append(PlotStyles.line(0)).append(", only marks, mark=*, mark size=1.5pt] table[x=index,y=ratio] {")
        .append(dat).append("};\n\\addlegendentry{largest ratio per check}\n");
    s.append("\\addplot[").append(PlotStyles.line(1)).append("] coordinates {(1,1) (").append(Math.max(checks, 1))
        .append(",1)};\n\\addlegendentry{ratio 1: tight; above: violated}\n");
    return end(s, "semilogyaxis");
  }

  /** A bound's profile: the bound and the measurement along one parameter. */
  static String profile(String dat, String boundId, String parameter) {
    StringBuilder s =
        begin("axis", LatexText.escape(parameter), "value", LatexText.breakableCode(boundId), "");
    s.append("\\addplot[").append(PlotStyles.line(0)).append("] table[x=parameter,y=theoretical] {").append(dat)
        .append("};\n\\addlegendentry{bound}\n");
    s.append("\\addplot[").append(PlotStyles.marked(1)).append("] table[x=parameter,y=empirical] {").append(dat)
        .append("};\n\\addlegendentry{measured}\n");
    return end(s, "axis");
  }

  /** A reproduction figure: one curve per series file, in series order. */
  static String figure(Figure f, List<String> seriesFiles) {
    String environment = f.logX() && f.logY() ? "loglogaxis" : f.logX() ? "semilogxaxis" : f.logY() ? "semilogyaxis" : "axis";
    StringBuilder s =
        begin(environment, LatexText.escape(f.xLabel()), LatexText.escape(f.yLabel()), LatexText.escape(f.title()), "");
    for (int k = 0; k < f.series().size(); k++) {
      Series series = f.series().get(k);
      String style = series.kind() == Series.Kind.MEASURED ? PlotStyles.marked(k) : PlotStyles.line(k);
      s.append("\\addplot[").append(style).append("] table[x=x,y=y] {").append(seriesFiles.get(k)).append("};\n");
      s.append("\\addlegendentry{").append(LatexText.escape(series.name())).append("}\n");
    }
    return end(s, environment);
  }

  /**
   * A convergence map: the status mesh (the colours of the screen figure, {@link HeatmapPlot}: dark grey degenerate, salmon diverged,
   * grey undecided, light blue converged) and its
   * overlays, each in its own style and in the legend.
   */
  /** A colour as a pgfplots colormap entry {@code rgb255=(r,g,b)}. */
  private static String rgb(Color c) {
    return "rgb255=(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
  }

  static String map(String title, SweepGrid grid, String meshDat, List<BoundaryOverlay> overlays, List<String> overlayDats) {
    PlotWindow w = PlotWindow.of(grid);
    String window = "xmin=" + w.xMin() + ",xmax=" + w.xMax() + ",ymin=" + w.yMin() + ",ymax=" + w.yMax()
        + ",enlargelimits=false,legend style={at={(0.5,-0.2)},anchor=north},"
        // the screen figure's cell colours, by status code -2 (degenerate) .. 1 (converged)
        + "colormap={status}{" + rgb(HeatmapPlot.DEGENERATE) + " " + rgb(HeatmapPlot.DIVERGED) + " "
        + rgb(HeatmapPlot.UNDECIDED) + " " + rgb(HeatmapPlot.CONVERGED) + "},";
    StringBuilder s =
        begin("axis", LatexText.escape(grid.rowName()), LatexText.escape(grid.columnName()), LatexText.escape(title), window);
    s.append("\\addplot[matrix plot*,mesh/ordering=y varies,point meta=explicit,point meta min=-2,point meta max=1,"
            + "forget plot] table[x index=0,y index=1,meta=status] {")
        .append(meshDat).append("};\n");
    for (int k = 0; k < overlays.size(); k++) {
      s.append("\\addplot[").append(PlotStyles.line(k)).append(", empty line=jump] table[x=x,y=y] {")
          .append(overlayDats.get(k)).append("};\n");
      s.append("\\addlegendentry{").append(LatexText.escape(overlays.get(k).label())).append("}\n");
    }
    return end(s, "axis");
  }

  private static StringBuilder begin(String environment, String xLabel, String yLabel, String title, String extra) {
    StringBuilder s = new StringBuilder("% MetaBound figure; ").append(NEEDS).append('\n');
    s.append("\\begin{tikzpicture}\n\\begin{").append(environment).append("}[").append(COMMON).append(",\n  ")
        .append(extra).append("xlabel={").append(xLabel).append("},ylabel={").append(yLabel).append("},title={")
        .append(title).append("},title style={font=\\small,text width=0.9\\linewidth,align=center}]\n");
    return s;
  }

  private static String end(StringBuilder s, String environment) {
    return s.append("\\end{").append(environment).append("}\n\\end{tikzpicture}\n").toString();
  }
}
