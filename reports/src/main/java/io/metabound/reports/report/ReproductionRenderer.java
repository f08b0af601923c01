package io.metabound.reports.report;

import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.reproduction.Figure;
import io.metabound.experiments.reproduction.Finding;
import io.metabound.experiments.reproduction.HeatmapPanel;
import io.metabound.experiments.reproduction.LineFit;
import io.metabound.experiments.reproduction.Measured;
import io.metabound.experiments.reproduction.PaperClaim;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.reproduction.Series;
import io.metabound.experiments.sweep.OverlayGap;
import io.metabound.experiments.sweep.SweepCsv;
import io.metabound.experiments.sweep.SweepSidecar;
import io.metabound.experiments.io.AtomicFiles;
import io.metabound.reports.plot.CurvePlot;
import io.metabound.reports.plot.HeatmapColouring;
import io.metabound.reports.plot.HeatmapPlot;
import io.metabound.reports.plot.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a reproduction's result: a PNG and a CSV per figure and per heatmap, {@code result.json}
 * with every number, and the HTML and Markdown fragments that show the claim, the set-up, the
 * findings and the pictures.
 */
public final class ReproductionRenderer {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ReproductionRenderer() {}

  /**
   * The written reproduction.
   *
   * @param result the result
   * @param files the files written, relative to the report root
   * @param html the HTML fragment (a {@code <section>})
   * @param markdown the Markdown fragment
   */
  public record Rendered(ReproductionResult result, List<String> files, String html, String markdown) {}

  /**
   * Writes the files into {@code dir} and builds the fragments, whose links are {@code prefix +
   * file name} (e.g. {@code reproductions/takagi-linreg/}).
   */
  public static Rendered render(ReproductionResult r, Path dir, String prefix) throws IOException {
    Files.createDirectories(dir);
    // the folder the prefix is relative to
    Path root = dir;
    for (String part : prefix.split("/")) {
      if (!part.isEmpty()) {
        root = root.getParent();
      }
    }
    List<String> files = new ArrayList<>();
    StringBuilder pictures = new StringBuilder();
    StringBuilder mdPictures = new StringBuilder();
    for (Figure f : r.figures()) {
      String png = f.id() + ".png";
      String csv = f.id() + ".csv";
      CurvePlot.writePng(List.of(chart(f)), dir.resolve(png));
      DataFiles.writeCsv(dir.resolve(csv), figureTable(f));
      files.add(prefix + png);
      files.add(prefix + csv);
      pictures.append(figureHtml(root, prefix + png, f.title(), List.of(prefix + csv)));
      mdPictures.append("![").append(f.title()).append("](").append(prefix).append(png)
          .append(")\n\n[CSV](").append(prefix).append(csv).append(")\n\n");
    }
    for (HeatmapPanel h : r.heatmaps()) {
      String png = h.id() + ".png";
      String csv = h.id() + ".csv";
      String overlays = h.id() + "-overlays.csv";
      HeatmapPlot plot =
          new HeatmapPlot(h.result(), h.overlays(), HeatmapColouring.STATUS, h.title(), h.xLabel(), h.yLabel());
      plot.write(ImageFormat.PNG, dir.resolve(png));
      String outside = outsideText(plot);
      SweepCsv.write(h.result(), dir.resolve(csv));
      SweepSidecar.writeOverlayCsv(h.overlays(), h.result().grid(), dir.resolve(overlays));
      files.add(prefix + png);
      files.add(prefix + csv);
      files.add(prefix + overlays);
      pictures.append(figureHtml(root, prefix + png, h.title() + gapText(h) + outside,
          List.of(prefix + csv, prefix + overlays)));
      mdPictures.append("![").append(h.title()).append("](").append(prefix).append(png)
          .append(")\n\n").append((gapText(h) + outside).trim()).append(" [cells CSV](").append(prefix).append(csv)
          .append("), [overlays CSV](").append(prefix).append(overlays).append(")\n\n");
    }
    AtomicFiles.writeString(dir.resolve("result.json"), json(r));
    files.add(prefix + "result.json");
    return new Rendered(
        r,
        files,
        html(r, pictures.toString(), prefix + "result.json"),
        markdown(r, mdPictures.toString(), prefix + "result.json"));
  }

  /** The XChart of a figure. */
  static org.knowm.xchart.XYChart chart(Figure f) {
    List<CurvePlot.Curve> curves = new ArrayList<>();
    for (Series s : f.series()) {
      CurvePlot.Style style =
          switch (s.kind()) {
            case MEASURED -> CurvePlot.Style.MEASURED;
            case THEORY -> CurvePlot.Style.THEORY;
            case FIT -> CurvePlot.Style.FIT;
          };
      curves.add(new CurvePlot.Curve(s.name(), s.x(), s.y(), s.lower(), s.upper(), style));
    }
    return CurvePlot.chart(f.title(), f.xLabel(), f.yLabel(), f.logX(), f.logY(), curves, 900, 560);
  }

  /** Long format: one row per point of every series. */
  static DataFiles.Table figureTable(Figure f) {
    List<Object[]> rows = new ArrayList<>();
    for (Series s : f.series()) {
      double[] x = s.x();
      double[] y = s.y();
      double[] lo = s.lower();
      double[] hi = s.upper();
      for (int i = 0; i < x.length; i++) {
        rows.add(
            new Object[] {
              s.name(),
              s.kind().name().toLowerCase(java.util.Locale.ROOT),
              x[i],
              y[i],
              lo == null ? Double.NaN : lo[i],
              hi == null ? Double.NaN : hi[i]
            });
      }
    }
    return new DataFiles.Table(List.of("series", "kind", "x", "y", "lower", "upper"), rows);
  }

  /** The overlays the picture leaves out because they lie outside its window, with their values. */
  private static String outsideText(HeatmapPlot plot) {
    StringBuilder s = new StringBuilder();
    plot.outsideWindow().forEach(o -> s.append(" · ").append(o.text()));
    return s.toString();
  }

  private static String gapText(HeatmapPanel h) {
    StringBuilder s = new StringBuilder();
    for (OverlayGap g : h.gaps()) {
      s.append(" · ").append(g.summary(h.result().grid().rowName()));
    }
    return s.toString();
  }

  /**
   * A figure: the picture (with its pixel size, read from {@code root.resolve(image)}), the
   * caption and links to its data.
   */
  static String figureHtml(Path root, String image, String caption, List<String> data) {
    StringBuilder s = new StringBuilder("<figure><img src=\"");
    s.append(HtmlPage.escape(image)).append("\" alt=\"").append(HtmlPage.escape(caption)).append('"')
        .append(ImageSize.attributes(root.resolve(image))).append(" loading=\"lazy\">");
    s.append("<figcaption>").append(HtmlPage.escape(caption));
    for (String d : data) {
      s.append(" · <a href=\"").append(HtmlPage.escape(d)).append("\">")
          .append(HtmlPage.escape(d.substring(d.lastIndexOf('/') + 1))).append("</a>");
    }
    return s.append("</figcaption></figure>\n").toString();
  }

  static String verdictClass(String words) {
    return words.replace(' ', '-');
  }

  private static String html(ReproductionResult r, String pictures, String json) {
    String e = HtmlPage.escape(r.name());
    StringBuilder s = new StringBuilder();
    s.append("<section class=\"reproduction\" id=\"reproduction-").append(e).append("\">\n<h3>")
        .append(e).append(": ").append(HtmlPage.escape(r.title())).append(" <span class=\"verdict ")
        .append(verdictClass(r.verdict().words())).append("\">").append(r.verdict().words())
        .append("</span></h3>\n");
    if (r.quick()) {
      s.append("<p class=\"meta\">quick mode: smaller grids and fewer runs</p>\n");
    }
    s.append("<h4>What the paper claims</h4>\n<ul>\n");
    for (PaperClaim c : r.claims()) {
      s.append("<li><b>").append(HtmlPage.escape(c.paper() + " " + c.result())).append("</b> ")
          .append(Provenances.badge(c.provenance())).append(" ").append(HtmlPage.escape(c.statement()));
      if (c.boundId() != null) {
        s.append(" <a href=\"#bound-").append(HtmlPage.escape(c.boundId())).append("\"><code>")
            .append(HtmlPage.escape(c.boundId())).append("</code></a>");
      }
      s.append("</li>\n");
    }
    s.append("</ul>\n<h4>Set-up</h4>\n<p>").append(HtmlPage.escape(r.setup())).append("</p>\n");
    s.append("<h4>Findings</h4>\n<div class=\"wide\"><table><thead><tr><th>claim</th><th>measured</th><th>criterion</th>"
        + "<th>agreement</th></tr></thead><tbody>\n");
    for (Finding f : r.findings()) {
      s.append("<tr><td>").append(HtmlPage.escape(f.claim())).append("</td><td>")
          .append(HtmlPage.escape(f.measured())).append("</td><td>").append(HtmlPage.escape(f.criterion()))
          .append("</td><td><span class=\"verdict ").append(verdictClass(f.agreement().words())).append("\">")
          .append(f.agreement().words()).append("</span></td></tr>\n");
    }
    s.append("</tbody></table></div>\n").append(pictures);
    if (!r.fits().isEmpty()) {
      s.append("<h4>Fitted lines</h4>\n<table><thead><tr><th>fit</th><th>slope</th><th>interval</th>"
          + "<th>level</th><th>points</th><th>R²</th></tr></thead><tbody>\n");
      for (LineFit f : r.fits()) {
        s.append("<tr><td>").append(HtmlPage.escape(f.name() + (f.logLog() ? " (log-log)" : "")))
            .append("</td><td class=\"num\">").append(SuiteSummary.number(f.slope()))
            .append("</td><td class=\"num\">[").append(SuiteSummary.number(f.slopeLower())).append(", ")
            .append(SuiteSummary.number(f.slopeUpper())).append("]</td><td class=\"num\">")
            .append(SuiteSummary.number(f.level())).append("</td><td class=\"num\">").append(f.points())
            .append("</td><td class=\"num\">").append(SuiteSummary.number(f.rSquared())).append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
    s.append("<details><summary>Numbers</summary>\n<table><thead><tr><th>name</th><th>value</th>"
        + "<th>meaning</th></tr></thead><tbody>\n");
    for (Measured m : r.numbers()) {
      s.append("<tr><td><code>").append(HtmlPage.escape(m.name())).append("</code></td><td class=\"num\">")
          .append(SuiteSummary.number(m.value())).append("</td><td>").append(HtmlPage.escape(m.meaning()))
          .append("</td></tr>\n");
    }
    s.append("</tbody></table></details>\n");
    if (!r.notes().isEmpty()) {
      s.append("<h4>Notes</h4>\n<ul>\n");
      for (String n : r.notes()) {
        s.append("<li>").append(HtmlPage.escape(n)).append("</li>\n");
      }
      s.append("</ul>\n");
    }
    s.append("<p class=\"meta\">seed ").append(r.seed()).append(" · all numbers: <a href=\"")
        .append(HtmlPage.escape(json)).append("\">result.json</a></p>\n</section>\n");
    return s.toString();
  }

  private static String markdown(ReproductionResult r, String pictures, String json) {
    StringBuilder s = new StringBuilder();
    s.append("### ").append(r.name()).append(": ").append(r.title()).append(" — **")
        .append(r.verdict().words()).append("**\n\n");
    s.append("What the paper claims:\n\n");
    for (PaperClaim c : r.claims()) {
      s.append("- **").append(c.paper()).append(' ').append(c.result()).append("** ")
          .append(Provenances.markdown(c.provenance())).append(' ').append(Markdown.cell(c.statement()))
          .append(c.boundId() == null ? "" : " (`" + c.boundId() + "`)").append('\n');
    }
    s.append("\nSet-up: ").append(r.setup()).append("\n\n");
    s.append("| claim | measured | criterion | agreement |\n|---|---|---|---|\n");
    for (Finding f : r.findings()) {
      s.append("| ").append(Markdown.cell(f.claim())).append(" | ").append(Markdown.cell(f.measured()))
          .append(" | ").append(Markdown.cell(f.criterion())).append(" | ").append(f.agreement().words())
          .append(" |\n");
    }
    s.append('\n').append(pictures);
    for (LineFit f : r.fits()) {
      s.append("- fit ").append(Markdown.cell(f.name())).append(": ").append(f.describe()).append('\n');
    }
    for (String n : r.notes()) {
      s.append("- note: ").append(n).append('\n');
    }
    s.append("\nSeed ").append(r.seed()).append("; all numbers in [result.json](").append(json).append(").\n\n");
    return s.toString();
  }

  /** Every number of the result as JSON (the {@code --json} output of {@code reproduce}). */
  public static String json(ReproductionResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", r.name());
    root.put("title", r.title());
    root.put("verdict", r.verdict().name());
    root.put("seed", r.seed());
    root.put("quick", r.quick());
    ArrayNode claims = root.putArray("claims");
    for (PaperClaim c : r.claims()) {
      ObjectNode o = claims.addObject();
      o.put("paper", c.paper());
      o.put("result", c.result());
      o.put("statement", c.statement());
      o.put("provenance", c.provenance().tag());
      o.put("reconstructed", c.reconstructed());
      o.put("source", c.provenance().source());
      if (c.boundId() == null) {
        o.putNull("bound");
      } else {
        o.put("bound", c.boundId());
      }
    }
    root.put("setup", r.setup());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode o = findings.addObject();
      o.put("claim", f.claim());
      o.put("measured", f.measured());
      o.put("criterion", f.criterion());
      o.put("agreement", f.agreement().name());
    }
    ArrayNode fits = root.putArray("fits");
    for (LineFit f : r.fits()) {
      ObjectNode o = fits.addObject();
      o.put("name", f.name());
      o.put("logLog", f.logLog());
      o.set("slope", number(f.slope()));
      o.set("intercept", number(f.intercept()));
      o.set("slopeLower", number(f.slopeLower()));
      o.set("slopeUpper", number(f.slopeUpper()));
      o.put("level", f.level());
      o.put("points", f.points());
      o.set("rSquared", number(f.rSquared()));
    }
    ObjectNode numbers = root.putObject("numbers");
    for (Measured m : r.numbers()) {
      numbers.set(m.name(), number(m.value()));
    }
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static tools.jackson.databind.JsonNode number(double v) {
    return Double.isFinite(v)
        ? JSON.getNodeFactory().numberNode(v)
        : JSON.getNodeFactory().stringNode(Double.toString(v));
  }
}
