package io.metabound.reports.report;

import io.metabound.bounds.registry.Bound;
import io.metabound.experiments.check.BoundProfile;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.reproduction.Figure;
import io.metabound.experiments.reproduction.HeatmapPanel;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.reproduction.Series;
import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.Polyline;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepResult;
import io.metabound.experiments.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report for a paper: what a LaTeX document {@code \input}s directly.
 *
 * <ul>
 *   <li>{@code bounds/<id>.tex}: each bound's statement as a display formula, broken over lines
 *       with named sub-terms when it is wider than the text ({@link StatementLayout}), its
 *       left-hand side the quantity's symbol ({@link QuantitySymbols}), defining no macros (needs
 *       {@code amsmath} and {@code amssymb}), its provenance in comments;
 *   <li>{@code verdicts.tex}: one {@code booktabs} table per paper (bound, ratio, verdict,
 *       strength) that fits a column at {@code \small} ({@link LatexTables}), and each paper's
 *       alone in {@code verdicts-<paper>.tex}; {@code claims.tex}: the claims' verdicts when the
 *       report validated a claims file;
 *   <li>{@code figures/*.tex}: pgfplots code for the tightness plot, every profile, every
 *       reproduction figure and every map, with axis labels, a legend and one style per curve
 *       ({@link PgfFigures});
 *   <li>pgfplots tables ({@code .dat}, whitespace-separated with a header row): {@code
 *       profiles/<id>.dat}, {@code tightness.dat}, one file per curve of every reproduction figure
 *       ({@code reproductions/<name>/<figure>--<k>-<curve>.dat}), every map as a mesh ({@code
 *       heatmaps/<id>.dat}, an empty line after each row) and its overlays ({@code
 *       heatmaps/<id>--<overlay>.dat}, an empty line between pieces: use {@code empty line=jump});
 *   <li>{@code preview.tex}: a document that inputs every statement, the tables and one figure of
 *       each kind, to see (and test) the export.
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
      write(latexDir, name, boundSnippet(entry.bound()), files);
      boundFiles.add(name);
    }
    write(latexDir, "verdicts.tex", LatexTables.verdicts(c.summary()), files);
    for (Map.Entry<String, List<CheckResult>> paper : LatexTables.byPaper(c.summary()).entrySet()) {
      write(latexDir, "verdicts-" + DataFiles.slug(paper.getKey()) + ".tex",
          LatexTables.paperVerdicts(c.summary().seed(), paper.getKey(), paper.getValue()), files);
    }
    boolean claims = c.claims() != null && c.claims().validation() != null;
    if (claims) {
      write(latexDir, "claims.tex", LatexTables.claims(c.claims().validation()), files);
    }

    List<String> figureFiles = new ArrayList<>();
    for (ReportContent.ProfileEntry p : c.profiles()) {
      if (p.profile() == null) {
        continue;
      }
      String slug = DataFiles.slug(p.result().boundId());
      String name = "profiles/" + slug + ".dat";
      writeProfile(latexDir.resolve(name), p.profile());
      files.add(name);
      String figure = "figures/profile-" + slug + ".tex";
      write(latexDir, figure, PgfFigures.profile(name, p.result().boundId(), p.profile().parameter()), files);
      if (figureFiles.isEmpty()) {
        figureFiles.add(figure);
      }
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
    write(latexDir, "figures/tightness.tex", PgfFigures.tightness("tightness.dat", tightness.size()), files);
    figureFiles.add(0, "figures/tightness.tex");

    boolean firstReproductionFigure = true;
    for (ReproductionRenderer.Rendered rendered : c.reproductions()) {
      ReproductionResult r = rendered.result();
      String folder = "reproductions/" + r.name() + "/";
      for (Figure f : r.figures()) {
        int k = 0;
        List<String> series = new ArrayList<>();
        for (Series s : f.series()) {
          String name = folder + f.id() + "--" + k++ + "-" + DataFiles.slug(s.name()) + ".dat";
          writeSeries(latexDir.resolve(name), r.name() + " / " + f.title(), s);
          files.add(name);
          series.add(name);
        }
        String figure = "figures/" + DataFiles.slug(r.name()) + "--" + DataFiles.slug(f.id()) + ".tex";
        write(latexDir, figure, PgfFigures.figure(f, series), files);
        if (firstReproductionFigure) {
          figureFiles.add(figure);
          firstReproductionFigure = false;
        }
      }
      for (HeatmapPanel h : r.heatmaps()) {
        String figure = "figures/" + DataFiles.slug(r.name()) + "--" + DataFiles.slug(h.id()) + ".tex";
        writeMap(latexDir, folder + h.id(), figure, h.title(), h.result(), h.overlays(), files);
      }
    }
    boolean firstMap = true;
    for (ReportContent.HeatmapEntry m : c.heatmaps()) {
      String figure = "figures/map-" + DataFiles.slug(m.id()) + ".tex";
      writeMap(latexDir, "heatmaps/" + m.id(), figure, m.outcome().title(), m.outcome().result(),
          m.outcome().overlays(), files);
      if (firstMap) {
        figureFiles.add(figure);
        firstMap = false;
      }
    }
    write(latexDir, "preview.tex", preview(boundFiles, claims, figureFiles), files);
    return files;
  }

  private static void write(Path latexDir, String name, String text, List<String> files) throws IOException {
    AtomicFiles.writeString(latexDir.resolve(name), text);
    files.add(name);
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

  /** A map as a mesh (rows of the grid separated by empty lines), one file per overlay, its figure. */
  private static void writeMap(
      Path latexDir, String base, String figure, String title, SweepResult result, List<BoundaryOverlay> overlays,
      List<String> files)
      throws IOException {
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
    List<String> overlayFiles = new ArrayList<>();
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
      overlayFiles.add(name);
    }
    write(latexDir, figure, PgfFigures.map(title, grid, base + ".dat", overlays, overlayFiles), files);
  }

  /**
   * A document that inputs every bound statement, the verdict tables, the claims table (when there
   * are claims) and one figure of each kind, at the sizes a paper gets: nothing is scaled.
   */
  static String preview(List<String> bounds, boolean claims, List<String> figures) {
    StringBuilder s = new StringBuilder();
    s.append("% MetaBound LaTeX export: compile with pdflatex in this folder to see every part.\n");
    s.append("% In a paper, \\input{bounds/<id>.tex}, \\input{verdicts.tex} and \\input{figures/<name>.tex}.\n");
    s.append("\\documentclass{article}\n\\usepackage{amsmath,amssymb,").append(LatexTables.PACKAGES)
        .append(",pgfplots}\n");
    s.append("\\pgfplotsset{compat=1.17}\n\\begin{document}\n");
    s.append("\\section*{Bound statements}\n");
    for (String b : bounds) {
      s.append("\\noindent").append(LatexText.breakableCode(b)).append("\n\\input{").append(b).append("}\n");
    }
    s.append("\\section*{Verdicts}\n\\input{verdicts.tex}\n");
    if (claims) {
      s.append("\\section*{Claims}\n\\input{claims.tex}\n");
    }
    s.append("\\section*{Figures}\n");
    for (String f : figures) {
      s.append("\\noindent").append(LatexText.breakableCode(f)).append("\\par\n\\noindent\\input{").append(f)
          .append("}\\par\\bigskip\n");
    }
    s.append("\\end{document}\n");
    return s.toString();
  }
}
