package io.metabound.reports.report;

import static io.metabound.reports.report.HtmlPage.escape;

import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.Strength;
import io.metabound.experiments.check.StrengthTally;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.probe.Measurement;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The verdicts of a suite in HTML, summary first: one row per paper (checked, holds, violated,
 * inconclusive, the strength counts, verbatim against reconstructed statements), then one table
 * per paper with the bound's rendered statement beside its verdict.
 *
 * <p>The per-paper tables have a fixed layout of eight columns whose text wraps, so every column
 * (the verdict, the negative control and the seed included) is visible in the report's 72 rem
 * page at a 1280 px window; a long statement picture is scaled to its column and links to the
 * registry entry, where it is shown at full size.
 */
final class VerdictTablesHtml {

  /** Column widths of a per-paper table, in per cent of the page, in column order. */
  private static final int[] COLUMN_PERCENT = {17, 20, 15, 10, 8, 6, 13, 11};

  private final Path root;
  private final Map<String, ReportContent.RegistryEntry> registry;

  VerdictTablesHtml(Path root, List<ReportContent.RegistryEntry> registry) {
    this.root = root;
    this.registry =
        registry.stream()
            .collect(
                Collectors.toMap(
                    r -> r.bound().id(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  /** The anchor of a paper's table: {@code verdicts-ji2022}. */
  static String paperAnchor(String paper) {
    return "verdicts-" + DataFiles.slug(paper);
  }

  /** Per paper: checks, holds/violated/inconclusive, one column per strength, provenance. */
  void summaryTable(StringBuilder s, SuiteSummary summary) {
    StrengthTally tally = summary.strengthTally();
    s.append("<table id=\"strength-table\"><thead><tr><th>paper</th><th>checks</th>");
    for (Verdict v : StrengthTally.SUMMARY_VERDICTS) {
      s.append("<th>").append(v.name().toLowerCase(Locale.ROOT)).append("</th>");
    }
    for (Strength k : Strength.values()) {
      s.append("<th>").append(escape(k.label())).append("</th>");
    }
    s.append("<th>verbatim</th><th>reconstructed</th></tr></thead><tbody>\n");
    List<StrengthTally.PaperCounts> papers = tally.papers();
    for (StrengthTally.PaperCounts p : tally.rows()) {
      boolean total = !papers.contains(p);
      s.append("<tr><td>")
          .append(total ? "<b>all</b>" : "<a href=\"#" + paperAnchor(p.paper()) + "\">" + escape(p.paper()) + "</a>")
          .append("</td><td class=\"num\">").append(p.checks()).append("</td>");
      for (Verdict v : StrengthTally.SUMMARY_VERDICTS) {
        s.append("<td class=\"num\">").append(p.count(v)).append("</td>");
      }
      for (Strength k : Strength.values()) {
        s.append("<td class=\"num\">").append(p.count(k)).append("</td>");
      }
      s.append("<td class=\"num\">").append(p.verbatim()).append("</td><td class=\"num\">")
          .append(p.reconstructed()).append("</td></tr>\n");
    }
    s.append("</tbody></table>\n<p class=\"meta\">").append(escape(StrengthTally.legend())).append("</p>\n");
  }

  /** One table per paper, in the order the papers' first checks appear. */
  void paperTables(StringBuilder s, SuiteSummary summary) {
    Map<String, List<CheckResult>> byPaper = new LinkedHashMap<>();
    for (CheckResult r : summary.results()) {
      byPaper.computeIfAbsent(StrengthTally.paperOf(r.boundId()), k -> new java.util.ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<CheckResult>> paper : byPaper.entrySet()) {
      List<CheckResult> rows = paper.getValue();
      s.append("<h3 id=\"").append(paperAnchor(paper.getKey())).append("\">").append(escape(paper.getKey()))
          .append(" <span class=\"meta\">").append(rows.size()).append(rows.size() == 1 ? " check" : " checks")
          .append("</span></h3>\n");
      s.append("<table class=\"sortable verdicts\"><colgroup>");
      for (int w : COLUMN_PERCENT) {
        s.append("<col style=\"width:").append(w).append("%\">");
      }
      s.append("</colgroup><thead><tr><th>bound</th><th>statement</th><th>instance</th>"
          + "<th>measured</th><th>bound value</th><th>ratio</th><th>verdict · strength</th>"
          + "<th>control · seed</th></tr></thead><tbody>\n");
      for (CheckResult r : rows) {
        row(s, r);
      }
      s.append("</tbody></table>\n");
    }
  }

  private void row(StringBuilder s, CheckResult r) {
    String id = r.boundId();
    s.append("<tr><td><a href=\"#profile-").append(escape(DataFiles.slug(id))).append("\"><code>")
        .append(escape(id)).append("</code></a> ").append(escape(r.comparison().symbol()))
        .append(" <span class=\"meta\">").append(escape(StrengthTally.provenanceTag(id))).append("</span></td>");
    s.append("<td>").append(statement(id)).append("</td>");
    s.append("<td>").append(escape(r.instanceDescription())).append("</td>");
    Measurement m = r.measurement();
    s.append(num(r.empirical(),
        m == null ? "" : m.kind() == Measurement.Kind.EXACT ? "exact"
            : "[" + SuiteSummary.number(r.lower()) + ", " + SuiteSummary.number(r.upper()) + "]"));
    s.append(num(r.theoretical(), "")).append(num(r.ratio(), ""));
    s.append("<td><span class=\"verdict ").append(r.verdict().name()).append("\">")
        .append(escape(SuiteSummary.verdictLabel(r))).append("</span>");
    if (r.counterexample() != null) {
      s.append(" <a href=\"").append(escape(r.counterexample())).append("\">counterexample</a>");
    }
    s.append("<div class=\"meta\">").append(escape(SuiteSummary.strengthCell(r))).append("</div></td>");
    s.append("<td>").append(r.negativeControl() == null ? "—" : escape(r.negativeControl().status().name()))
        .append("<div class=\"meta\">seed ").append(r.seed()).append("</div></td></tr>\n");
  }

  /** The rendered statement, linked to its registry entry; its text when it has no picture. */
  String statement(String boundId) {
    ReportContent.RegistryEntry entry = registry.get(boundId);
    if (entry == null) {
      return "<span class=\"meta\">not a registry bound</span>";
    }
    String link = "<a href=\"#bound-" + escape(boundId) + "\">";
    if (entry.svg() == null) {
      return link + "<code>" + escape(entry.bound().statement()) + "</code></a>";
    }
    return link + "<img class=\"statement\" src=\"" + escape(entry.svg()) + "\" alt=\""
        + escape(entry.bound().statement()) + "\"" + ImageSize.attributes(root.resolve(entry.svg()))
        + " loading=\"lazy\"></a>";
  }

  /** A number cell sortable by its value, with a second line ({@code exact}, an interval) if any. */
  private static String num(double v, String below) {
    return "<td class=\"num\" data-sort=\"" + (Double.isNaN(v) ? "" : Double.toString(v)) + "\">"
        + SuiteSummary.number(v)
        + (below.isEmpty() ? "" : "<div class=\"meta\">" + escape(below) + "</div>") + "</td>";
  }
}
