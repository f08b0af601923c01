package io.metabound.reports.report;

import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.finding.Finding;
import io.metabound.experiments.finding.FindingFiles;
import io.metabound.experiments.finding.FindingValue;
import io.metabound.experiments.finding.Findings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The report's "Findings" section: every {@link Findings finding} (a place where exact computation
 * disagrees with or sharpens a paper's statement) in one table — paper, bound, what exact
 * computation shows, measured, stated, ratio — with a link to the finding's task file, which is
 * written into {@code findings/} of the report (with {@code findings/findings.json}) so that its
 * {@code metabound oracle} commands can be run there.
 */
final class FindingsSection {

  /** The section's id and heading. */
  static final String ID = "findings";

  static final String TITLE = "Findings";

  /** The folder of the task files, relative to the report. */
  static final String FOLDER = "findings";

  private final List<Finding> findings;

  private FindingsSection(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  /** Computes the findings and writes their task files and catalogue into {@code dir/findings/}. */
  static FindingsSection write(Path dir) throws IOException {
    List<Finding> all = Findings.all();
    FindingFiles.write(all, dir.resolve(FOLDER));
    return new FindingsSection(all);
  }

  private static String link(Finding f) {
    return FOLDER + "/" + f.taskFile();
  }

  private static String column(Finding f, Function<FindingValue, String> cell, String separator) {
    StringBuilder s = new StringBuilder();
    for (FindingValue v : f.values()) {
      s.append(s.length() == 0 ? "" : separator).append(cell.apply(v));
    }
    return s.toString();
  }

  private static String ratio(FindingValue v) {
    return v.ratio() == null ? "—" : SuiteSummary.number(v.ratio());
  }

  private static String intro() {
    return "Places where exact computation disagrees with or sharpens a paper's statement, each computed"
        + " from the exact oracles at report time. A ratio is stated/measured for stepsize thresholds and"
        + " measured/stated otherwise (above 1 the statement fails on the instance; — where none is"
        + " meaningful). Each task file is what the finding's metabound oracle commands read.";
  }

  /** The section in HTML: heading, table, then each finding's values and commands. */
  String html() {
    StringBuilder s = new StringBuilder();
    s.append("<h2 id=\"").append(ID).append("\">").append(HtmlPage.escape(TITLE)).append("</h2>\n<p>")
        .append(HtmlPage.escape(intro())).append(" <a href=\"").append(FOLDER).append("/")
        .append(FindingFiles.CATALOGUE).append("\">findings.json</a></p>\n");
    s.append("<div class=\"wide\"><table id=\"findings-table\"><thead><tr><th>paper</th><th>bound</th>"
        + "<th>what exact computation shows</th><th>measured</th><th>stated</th><th>ratio</th>"
        + "<th>task file</th></tr></thead><tbody>\n");
    for (Finding f : findings) {
      s.append("<tr id=\"finding-").append(HtmlPage.escape(f.id())).append("\"><td>").append(HtmlPage.escape(f.paper()))
          .append("<br><span class=\"verdict ").append(f.kind() == Finding.Kind.DISAGREES ? "disagrees" : "agrees")
          .append("\">").append(f.kind().label())
          .append("</span></td><td>")
          .append(String.join("<br>", f.bounds().stream().map(b -> "<code>" + HtmlPage.escape(b) + "</code>").toList()))
          .append("</td><td>").append(HtmlPage.escape(f.shown())).append("</td><td class=\"num\">")
          .append(column(f, v -> SuiteSummary.number(v.measured()), "<br>")).append("</td><td class=\"num\">")
          .append(column(f, v -> SuiteSummary.number(v.stated()), "<br>")).append("</td><td class=\"num\">")
          .append(column(f, FindingsSection::ratio, "<br>")).append("</td><td><a href=\"").append(link(f))
          .append("\">").append(HtmlPage.escape(f.taskFile())).append("</a></td></tr>\n");
    }
    s.append("</tbody></table></div>\n");
    for (Finding f : findings) {
      s.append("<details><summary><code>").append(HtmlPage.escape(f.id())).append("</code></summary>\n<p>")
          .append(HtmlPage.escape(f.statement())).append("</p>\n<p>Instance: ")
          .append(HtmlPage.escape(f.instance().describe())).append("</p>\n<ol>\n");
      for (FindingValue v : f.values()) {
        s.append("<li>").append(HtmlPage.escape(v.what())).append(": measured ")
            .append(SuiteSummary.number(v.measured())).append(", stated ").append(SuiteSummary.number(v.stated()))
            .append(", ratio ").append(ratio(v)).append("</li>\n");
      }
      s.append("</ol>\n<pre>");
      f.reproduce().forEach(c -> s.append(HtmlPage.escape(c)).append('\n'));
      s.append("</pre></details>\n");
    }
    return s.toString();
  }

  /** The section in Markdown. */
  String markdown() {
    StringBuilder s = new StringBuilder("\n## ").append(TITLE).append("\n\n").append(intro())
        .append(" ([findings.json](").append(FOLDER).append("/").append(FindingFiles.CATALOGUE).append("))\n\n");
    s.append("| paper | bound | what exact computation shows | measured | stated | ratio | task file |\n");
    s.append("|---|---|---|---|---|---|---|\n");
    for (Finding f : findings) {
      s.append("| ").append(f.paper()).append(" (").append(f.kind().label()).append(") | ")
          .append(String.join(", ", f.bounds().stream().map(b -> "`" + b + "`").toList())).append(" | ")
          .append(Markdown.cell(f.shown())).append(" | ")
          .append(column(f, v -> SuiteSummary.number(v.measured()), "; ")).append(" | ")
          .append(column(f, v -> SuiteSummary.number(v.stated()), "; ")).append(" | ")
          .append(column(f, FindingsSection::ratio, "; ")).append(" | [")
          .append(f.taskFile()).append("](").append(link(f)).append(") |\n");
    }
    return s.append('\n').toString();
  }
}
