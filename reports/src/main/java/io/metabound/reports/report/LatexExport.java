package io.metabound.reports.report;

import io.metabound.bounds.registry.Bound;
import io.metabound.experiments.check.BoundProfile;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.reproduction.Figure;
import io.metabound.experiments.reproduction.HeatmapPanel;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.reproduction.Series;
import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.Polyline;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepResult;
import io.metabound.experiments.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report for a paper: what a LaTeX document {@code \input}s directly.
 *
 * <ul>
 *   <li>{@code bounds/<id>.tex}: each bound's statement as a display formula {@code \[ … \]},
 *       defining no macros (needs {@code amsmath} and {@code amssymb}), its provenance in comments;
 *   <li>{@code verdicts.tex}: the verdict table as a {@code booktabs} {@code tabular};
 *   <li>pgfplots tables ({@code .dat}, whitespace-separated with a header row): {@code
 *       profiles/<id>.dat}, {@code tightness.dat}, one file per curve of every reproduction figure
 *       ({@code reproductions/<name>/<figure>--<k>-<curve>.dat}), every map as a mesh ({@code
 *       heatmaps/<id>.dat}, an empty line after each row) and its overlays ({@code
 *       heatmaps/<id>--<overlay>.dat}, an empty line between pieces: use {@code empty line=jump});
 *   <li>{@code preview.tex}: a document that inputs all of them, to see (and test) the export.
 * </ul>
 */
final class LatexExport {

  private LatexExport() {}

  static final String PREAMBLE_NOTE = "needs \\usepackage{amsmath,amssymb}";

  /**
   * Writes the export into {@code latexDir}, reading the heatmap cells from the report folder.
   *
   * @return the files written, relative to {@code latexDir}
   */
  static List<String> write(ReportContent c, Path reportDir, Path latexDir) throws IOException {
    List<String> files = new ArrayList<>();
    List<String> boundFiles = new ArrayList<>();
    for (ReportContent.RegistryEntry entry : c.registry()) {
      String name = "bounds/" + DataFiles.slug(entry.bound().id()) + ".tex";
      AtomicFiles.writeString(latexDir.resolve(name), boundSnippet(entry.bound()));
      files.add(name);
      boundFiles.add(name);
    }
    AtomicFiles.writeString(latexDir.resolve("verdicts.tex"), verdictTable(c.summary()));
    files.add("verdicts.tex");

    List<String> profileFiles = new ArrayList<>();
    for (ReportContent.ProfileEntry p : c.profiles()) {
      if (p.profile() == null) {
        continue;
      }
      String name = "profiles/" + DataFiles.slug(p.result().boundId()) + ".dat";
      writeProfile(latexDir.resolve(name), p.profile());
      files.add(name);
      profileFiles.add(name);
    }
    List<Object[]> tightness = new ArrayList<>();
    int index = 1;
    for (CheckResult r : c.summary().results()) {
      tightness.add(new Object[] {index++, r.ratio(), r.boundId()});
    }
    DataFiles.writeDat(
        latexDir.resolve("tightness.dat"),
        List.of("MetaBound: largest oriented ratio per check (<= 1 holds); seed " + c.header().seed()),
        new DataFiles.Table(List.of("index", "ratio", "bound"), tightness));
    files.add("tightness.dat");

    List<String> figureFiles = new ArrayList<>();
    for (ReproductionRenderer.Rendered rendered : c.reproductions()) {
      ReproductionResult r = rendered.result();
      String folder = "reproductions/" + r.name() + "/";
      for (Figure f : r.figures()) {
        int k = 0;
        for (Series s : f.series()) {
          String name = folder + f.id() + "--" + k++ + "-" + DataFiles.slug(s.name()) + ".dat";
          writeSeries(latexDir.resolve(name), r.name() + " / " + f.title(), s);
          files.add(name);
          if (figureFiles.isEmpty() || figureFiles.get(0).startsWith(folder + f.id() + "--")) {
            figureFiles.add(name);
          }
        }
      }
      for (HeatmapPanel h : r.heatmaps()) {
        files.addAll(writeMap(latexDir, folder + h.id(), h.title(), h.result(), h.overlays()));
      }
    }
    List<String> mapFiles = new ArrayList<>();
    String window = "";
    for (ReportContent.HeatmapEntry m : c.heatmaps()) {
      List<String> written =
          writeMap(latexDir, "heatmaps/" + m.id(), m.outcome().title(), m.outcome().result(), m.outcome().overlays());
      files.addAll(written);
      if (mapFiles.isEmpty()) {
        mapFiles.addAll(written);
        PlotWindow w = PlotWindow.of(m.outcome().result().grid());
        window =
            "xmin=" + w.xMin() + ",xmax=" + w.xMax() + ",ymin=" + w.yMin() + ",ymax=" + w.yMax() + ",";
      }
    }
    AtomicFiles.writeString(
        latexDir.resolve("preview.tex"), preview(boundFiles, profileFiles, figureFiles, mapFiles, window));
    files.add("preview.tex");
    return files;
  }

  /**
   * A bound's statement as a display broken to the text width ({@link StatementLayout}), its
   * left-hand side the quantity's symbol, with its id, reference and provenance in comments.
   */
  static String boundSnippet(Bound b) {
    StringBuilder s = new StringBuilder();
    s.append("% ").append(b.id()).append(": ").append(oneLine(b.title())).append('\n');
    s.append("% ").append(oneLine(b.reference().label())).append("; provenance ").append(b.provenance().tag())
        .append(b.provenance().isVerbatim() ? " (verbatim)" : " (" + Provenances.label(b.provenance()) + ")")
        .append("; ").append(oneLine(b.provenance().source())).append('\n');
    s.append("% generated by MetaBound; ").append(PREAMBLE_NOTE).append("; defines no macros\n");
    s.append("% ").append(b.quantity()).append(" is written ").append(QuantitySymbols.latex(b.quantity())).append('\n');
    s.append(StatementLayout.display(b));
    return s.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  static String verdictTable(SuiteSummary summary) {
    StringBuilder s = new StringBuilder();
    s.append("% MetaBound verdict table, seed ").append(summary.seed())
        .append("; needs \\usepackage{booktabs}; ratio <= 1 holds, 1 is tight\n");
    s.append("\\begin{tabular}{llrrrll}\n\\toprule\n");
    s.append("Bound & Instance & Empirical & Theoretical & Ratio & Verdict & Seed \\\\\n\\midrule\n");
    for (CheckResult r : summary.results()) {
      s.append("\\texttt{").append(BoundLatex.escapeText(r.boundId())).append("} ")
          .append(BoundLatex.escapeText(r.comparison().symbol())).append(" & ")
          .append(BoundLatex.escapeText(r.instanceDescription())).append(" & ")
          .append(BoundLatex.escapeText(SuiteSummary.number(r.empirical()))).append(" & ")
          .append(BoundLatex.escapeText(SuiteSummary.number(r.theoretical()))).append(" & ")
          .append(BoundLatex.escapeText(SuiteSummary.number(r.ratio()))).append(" & ")
          .append(BoundLatex.escapeText(SuiteSummary.verdictLabel(r))).append(" & ")
          .append(r.seed()).append(" \\\\\n");
    }
    if (summary.results().isEmpty()) {
      s.append("\\multicolumn{7}{l}{no checks} \\\\\n");
    }
    s.append("\\bottomrule\n\\end{tabular}\n");
    return s.toString();
  }

  private static void writeProfile(Path target, BoundProfile p) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    for (BoundProfile.Point q : p.points()) {
      rows.add(new Object[] {q.value(), q.theoretical(), q.empirical(), q.lower(), q.upper(), q.ratio()});
    }
    DataFiles.writeDat(
        target,
        List.of(
            "MetaBound profile of " + p.boundId() + " along " + p.parameter() + " (column 'parameter')",
            "instance: " + p.instance().describe(),
            "nan: the theorem's hypotheses fail there (out of scope)"),
        new DataFiles.Table(List.of("parameter", "theoretical", "empirical", "lower", "upper", "ratio"), rows));
  }

  private static void writeSeries(Path target, String what, Series s) throws IOException {
    double[] x = s.x();
    double[] y = s.y();
    double[] lo = s.lower();
    double[] hi = s.upper();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      rows.add(new Object[] {x[i], y[i], lo == null ? Double.NaN : lo[i], hi == null ? Double.NaN : hi[i]});
    }
    DataFiles.writeDat(
        target,
        List.of("MetaBound: " + what, "curve: " + s.name() + " (" + s.kind().name().toLowerCase(java.util.Locale.ROOT) + ")"),
        new DataFiles.Table(List.of("x", "y", "lower", "upper"), rows));
  }

  /** A map as a mesh (rows of the grid separated by empty lines) plus one file per overlay. */
  private static List<String> writeMap(
      Path latexDir, String base, String title, SweepResult result, List<BoundaryOverlay> overlays)
      throws IOException {
    List<String> files = new ArrayList<>();
    SweepGrid grid = result.grid();
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < grid.rows(); r++) {
      for (int col = 0; col < grid.columns(); col++) {
        rows.add(new Object[] {grid.rowValue(r), grid.columnValue(col), result.status(r, col), result.rate(r, col)});
      }
      rows.add(null);
    }
    DataFiles.writeDat(
        latexDir.resolve(base + ".dat"),
        List.of(
            "MetaBound map: " + title,
            "status 1 converged, 0 undecided, -1 diverged; mesh with " + grid.columns()
                + " points per row (mesh/cols=" + grid.columns() + ")"),
        new DataFiles.Table(List.of(grid.rowName(), grid.columnName(), "status", "rate"), rows));
    files.add(base + ".dat");
    for (BoundaryOverlay o : overlays) {
      List<Object[]> pts = new ArrayList<>();
      for (Polyline line : o.segments()) {
        for (int i = 0; i < line.size(); i++) {
          pts.add(new Object[] {line.x(i), line.y(i)});
        }
        pts.add(null);
      }
      String name = base + "--" + DataFiles.slug(o.id()) + ".dat";
      DataFiles.writeDat(
          latexDir.resolve(name),
          List.of("MetaBound overlay " + o.id() + ": " + o.label(), o.provenance(), "empty lines separate pieces: empty line=jump"),
          new DataFiles.Table(List.of("x", "y"), pts));
      files.add(name);
    }
    return files;
  }

  static String preview(
      List<String> bounds,
      List<String> profiles,
      List<String> figure,
      List<String> map,
      String mapWindow) {
    StringBuilder s = new StringBuilder();
    s.append("% MetaBound LaTeX export: compile with pdflatex in this folder to see every part.\n");
    s.append("% In a paper, \\input{bounds/<id>.tex}, \\input{verdicts.tex} and plot the .dat files.\n");
    s.append("\\documentclass{article}\n\\usepackage{amsmath,amssymb,booktabs,graphicx,pgfplots}\n");
    s.append("\\pgfplotsset{compat=1.17}\n\\begin{document}\n");
    s.append("\\section*{Bound statements}\n");
    for (String b : bounds) {
      s.append("\\noindent\\texttt{").append(BoundLatex.escapeText(b)).append("}\n\\input{").append(b).append("}\n");
    }
    s.append("\\section*{Verdicts}\n\\resizebox{\\textwidth}{!}{\\input{verdicts.tex}}\n");
    s.append("\\section*{Tightness}\n\\begin{tikzpicture}\\begin{semilogyaxis}[xlabel=check,ylabel=ratio,width=12cm,height=6cm]\n");
    s.append("\\addplot[only marks] table[x=index,y=ratio] {tightness.dat};\n\\end{semilogyaxis}\\end{tikzpicture}\n");
    if (!profiles.isEmpty()) {
      s.append("\\section*{A bound profile}\n\\begin{tikzpicture}\\begin{axis}[xlabel=parameter,width=12cm,height=7cm,legend pos=outer north east]\n");
      s.append("\\addplot[dashed] table[x=parameter,y=theoretical] {").append(profiles.get(0)).append("};\n");
      s.append("\\addplot[mark=*] table[x=parameter,y=empirical] {").append(profiles.get(0)).append("};\n");
      s.append("\\legend{bound,measured}\n\\end{axis}\\end{tikzpicture}\n");
    }
    if (!figure.isEmpty()) {
      s.append("\\section*{A reproduction figure}\n\\begin{tikzpicture}\\begin{axis}[width=12cm,height=7cm]\n");
      for (String f : figure) {
        s.append("\\addplot table[x=x,y=y] {").append(f).append("};\n");
      }
      s.append("\\end{axis}\\end{tikzpicture}\n");
    }
    if (!map.isEmpty()) {
      s.append("\\section*{A heatmap}\n\\begin{tikzpicture}\\begin{axis}[width=12cm,height=9cm,")
          .append(mapWindow).append("enlargelimits=false,colormap={status}{rgb255=(235,135,120) rgb255=(225,225,225) rgb255=(120,160,220)}]\n");
      s.append("\\addplot[matrix plot*,mesh/ordering=y varies,point meta=explicit,point meta min=-1,point meta max=1]"
              + " table[x index=0,y index=1,meta=status] {")
          .append(map.get(0)).append("};\n");
      for (String o : map.subList(1, map.size())) {
        s.append("\\addplot[thick,no marks,empty line=jump] table[x=x,y=y] {").append(o).append("};\n");
      }
      s.append("\\end{axis}\\end{tikzpicture}\n");
    }
    s.append("\\end{document}\n");
    return s.toString();
  }
}
