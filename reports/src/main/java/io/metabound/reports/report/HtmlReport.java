package io.metabound.reports.report;

import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.NotCheckable;
import io.metabound.experiments.check.ScalingOutcome;
import io.metabound.experiments.check.StrengthTally;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.sweep.OverlayGap;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code index.html}: one self-contained page (inline CSS and script; pictures and data as
 * relative links) with the sections {@link #SECTIONS}.
 */
final class HtmlReport {


  /** Section id → heading, in page order (a test checks every one is present). */
  static final Map<String, String> SECTIONS =
      orderedMap(
          "run", "Run",
          "verdicts", "Verdict table",
          "profiles", "Bound profiles",
          "reproductions", "Reproductions of the papers' figures and tables",
          "heatmaps", "Convergence heatmaps",
          "claims", "Claims of the papers",
          "notebooks", "Notebooks",
          "registry", "Bound registry",
          FindingsSection.ID, FindingsSection.TITLE);

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The report folder the pictures are read from (for their sizes). */
  private final Path root;

  private HtmlReport(Path root) {
    this.root = root;
  }

  static String e(String s) {
    return HtmlPage.escape(s);
  }

  /** The page, with the findings section's HTML ({@link FindingsSection#html()}) at its end. */
  static String render(ReportContent c, Path root, String findingsHtml) {
    return new HtmlReport(root).page(c, findingsHtml);
  }

  private String page(ReportContent c, String findingsHtml) {
    StringBuilder s = new StringBuilder();
    SuiteSummary summary = c.summary();
    Map<Verdict, Integer> counts = summary.counts();
    s.append("<h1>MetaBound report</h1>\n<p class=\"meta\">")
        .append(counts.get(Verdict.HOLDS)).append(" holds (")
        .append(summary.consistencyChecks().size()).append(" consistency checks of the encoding) · ")
        .append(counts.get(Verdict.VIOLATED)).append(" violated (")
        .append(e(summary.violationBreakdown())).append(") · ")
        .append(counts.get(Verdict.INCONCLUSIVE)).append(" inconclusive · ")
        .append(counts.get(Verdict.OUT_OF_SCOPE)).append(" out of scope · ")
        .append(summary.notCheckable().size()).append(" not checkable · ")
        .append(c.reproductions().size()).append(" reproductions")
        .append(c.header().quick() ? " · <b>quick mode</b>" : "").append("</p>\n");
    s.append("<p class=\"meta\">").append(e(summary.strengthLine())).append("</p>\n");
    s.append("<nav><ul>\n");
    for (Map.Entry<String, String> sec : SECTIONS.entrySet()) {
      s.append("<li><a href=\"#").append(sec.getKey()).append("\">").append(e(sec.getValue())).append("</a></li>\n");
    }
    s.append("</ul></nav>\n");
    header(s, c);
    verdicts(s, c);
    profiles(s, c);
    reproductions(s, c);
    heatmaps(s, c);
    claims(s, c);
    notebooks(s, c);
    registry(s, c);
    s.append(findingsHtml);
    return HtmlPage.wrap("MetaBound report", s.toString());
  }

  private static void heading(StringBuilder s, String id) {
    s.append("<h2 id=\"").append(id).append("\">").append(e(SECTIONS.get(id))).append("</h2>\n");
  }

  private void header(StringBuilder s, ReportContent c) {
    ReportContent.Header h = c.header();
    heading(s, "run");
    s.append("<table class=\"header\"><tbody>\n");
    row(s, "command", "<code>" + e(h.commandLine()) + "</code>");
    row(s, "seed", Long.toString(h.seed()));
    row(s, "started (UTC)", e(h.started()));
    row(s, "time taken", String.format(Locale.ROOT, "%.1f s", h.seconds()));
    StringBuilder t = new StringBuilder();
    h.timings().forEach((k, v) -> t.append(e(k)).append(String.format(Locale.ROOT, " %.1f s; ", v)));
    row(s, "steps", t.toString());
    row(s, "suite", e(h.suite()));
    row(s, "settings", e(h.settings()));
    row(s, "multiplicity", e(c.summary().multiplicityStatement()));
    for (Map.Entry<String, String> v : h.versions().entrySet()) {
      row(s, e(v.getKey()), e(v.getValue()));
    }
    row(s, "data", "<a href=\"report.json\">report.json</a> · <a href=\"report.md\">report.md</a> ·"
        + " <a href=\"checks/check-summary.json\">check-summary.json</a>"
        + (h.latexDirectory() == null ? "" : " · LaTeX export: <code>" + e(h.latexDirectory()) + "</code>"));
    s.append("</tbody></table>\n");
  }

  private static void row(StringBuilder s, String key, String valueHtml) {
    s.append("<tr><td>").append(key).append("</td><td>").append(valueHtml).append("</td></tr>\n");
  }

  /** The scaling checks of the vacuous bounds: slope against the bound's, verdict, control. */
  private static void scalingTable(StringBuilder s, SuiteSummary summary) {
    if (summary.scaling().isEmpty()) {
      return;
    }
    s.append("<h3>Scaling checks</h3>\n<p>Where a constant cannot be reached (a vacuous check), the"
        + " log-log slope of the measured quantity in the variable the bound scales with is tested"
        + " against the bound's slope; STEEPER means the bound's rate is loose, and the control (a"
        + " wrong exponent) must be VIOLATED.</p>\n<table id=\"scaling-table\"><thead><tr><th>bound</th>"
        + "<th>variable</th><th>result</th><th>control</th></tr></thead><tbody>\n");
    for (ScalingOutcome o : summary.scaling()) {
      s.append("<tr><td><code>").append(e(o.boundId())).append("</code></td><td>")
          .append(e(o.variable())).append("</td><td>").append(e(o.summary())).append("</td><td>")
          .append(e(o.controlVerdict())).append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  private void verdicts(StringBuilder s, ReportContent c) {
    heading(s, "verdicts");
    SuiteSummary summary = c.summary();
    s.append("<p>Ratio ≤ 1 holds, 1 is tight, &gt; 1 violates (measured/bound for ≤ bounds,"
        + " bound/measured for ≥ bounds and stepsize thresholds). Click a column to sort.</p>\n");
    if (summary.results().isEmpty()) {
      s.append("<p><b>No checks in this suite.</b></p>\n");
    } else {
      VerdictTablesHtml tables = new VerdictTablesHtml(root, c.registry());
      tables.summaryTable(s, summary);
      scalingTable(s, summary);
      tables.paperTables(s, summary);
    }
    s.append("<p class=\"meta\">").append(e(summary.multiplicityStatement()))
        .append(" · <a href=\"checks/check-summary.md\">check-summary.md</a> · <a href=\"")
        .append(e(c.tightnessCsv())).append("\">tightness.csv</a></p>\n");
    if (c.tightnessImage() != null) {
      s.append(ReproductionRenderer.figureHtml(root, 
          c.tightnessImage(), "Tightness: the largest ratio of every check (log scale)", List.of(c.tightnessCsv())));
    }
    StringBuilder notes = new StringBuilder();
    for (CheckResult r : summary.results()) {
      List<String> parts = SuiteSummary.noteParts(r);
      if (!parts.isEmpty()) {
        notes.append("<li><code>").append(e(r.boundId())).append("</code>: ").append(e(String.join("; ", parts)))
            .append("</li>\n");
      }
    }
    if (notes.length() > 0) {
      s.append("<details><summary>Notes on the checks</summary><ul>\n").append(notes).append("</ul></details>\n");
    }
    if (!summary.notCheckable().isEmpty()) {
      int count = summary.notCheckable().size();
      s.append("<details><summary>").append(count)
          .append(count == 1 ? " bound" : " bounds").append(" not checkable, with the reason</summary>\n<table><thead><tr><th>bound</th>"
              + "<th>reason</th></tr></thead><tbody>\n");
      for (NotCheckable n : summary.notCheckable()) {
        s.append("<tr><td><a href=\"#bound-").append(e(n.boundId())).append("\"><code>").append(e(n.boundId()))
            .append("</code></a></td><td>").append(e(n.reason())).append("</td></tr>\n");
      }
      s.append("</tbody></table></details>\n");
    }
  }

  private void profiles(StringBuilder s, ReportContent c) {
    heading(s, "profiles");
    s.append("<p>Each checked bound on its instance of largest ratio, with the parameter it depends"
        + " on most moved across its range and everything else fixed: the bound and the measured"
        + " quantity (with its interval when Monte Carlo) above, their ratio below.</p>\n");
    if (c.profiles().isEmpty()) {
      s.append("<p>No checks, so no profiles.</p>\n");
    }
    VerdictTablesHtml statements = new VerdictTablesHtml(root, c.registry());
    for (ReportContent.ProfileEntry p : c.profiles()) {
      String id = p.result().boundId();
      s.append("<h3 id=\"profile-").append(e(DataFiles.slug(id))).append("\"><code>").append(e(id))
          .append("</code> <span class=\"verdict ").append(p.result().verdict().name()).append("\">")
          .append(p.result().verdict().name()).append("</span></h3>\n");
      s.append("<p class=\"meta\">statement (").append(e(StrengthTally.provenanceTag(id)))
          .append("): ").append(statements.statement(id)).append("</p>\n");
      if (p.image() != null) {
        s.append(ReproductionRenderer.figureHtml(root, 
            p.image(),
            id + " along " + p.profile().parameter() + " on " + p.profile().instance().describe(),
            List.of(p.csv())));
      } else {
        s.append("<p class=\"meta\">").append(e(p.note()));
        if (p.csv() != null) {
          s.append(" · <a href=\"").append(e(p.csv())).append("\">CSV</a>");
        }
        s.append("</p>\n");
      }
    }
  }

  private void reproductions(StringBuilder s, ReportContent c) {
    heading(s, "reproductions");
    s.append("<p>Each reproduction states the papers' claim with its provenance, measures the same"
        + " thing on a problem whose answer is known exactly and computes whether they agree.</p>\n<table>"
        + "<thead><tr><th>reproduction</th><th>verdict</th></tr></thead><tbody>\n");
    for (ReproductionRenderer.Rendered r : c.reproductions()) {
      ReproductionResult res = r.result();
      s.append("<tr><td><a href=\"#reproduction-").append(e(res.name())).append("\">").append(e(res.name()))
          .append("</a>: ").append(e(res.title())).append("</td><td><span class=\"verdict ")
          .append(ReproductionRenderer.verdictClass(res.verdict().words())).append("\">")
          .append(res.verdict().words()).append("</span></td></tr>\n");
    }
    s.append("</tbody></table>\n");
    for (ReproductionRenderer.Rendered r : c.reproductions()) {
      s.append(r.html());
    }
  }

  private void heatmaps(StringBuilder s, ReportContent c) {
    heading(s, "heatmaps");
    s.append("<p>Convergence maps of every deterministic estimator (blue converged, grey undecided,"
        + " red diverged) with the exact spectral boundary and the papers' boundaries on top; below"
        + " each, how far every overlay is from the empirical boundary.</p>\n");
    for (ReportContent.HeatmapEntry h : c.heatmaps()) {
      s.append("<h3 id=\"heatmap-").append(e(h.id())).append("\">").append(e(h.outcome().title())).append("</h3>\n");
      String folder = h.folder() + "/";
      String png = folder + "heatmap.png";
      boolean drawn = h.outcome().written().stream().anyMatch(w -> w.endsWith("heatmap.png"));
      if (drawn) {
        s.append(ReproductionRenderer.figureHtml(root, 
            png, h.outcome().title(),
            List.of(folder + "heatmap.csv", folder + "heatmap-overlays.csv", folder + "heatmap.json")));
      }
      s.append("<ul class=\"meta\">\n");
      for (OverlayGap g : h.outcome().gaps()) {
        s.append("<li>").append(e(g.summary(h.outcome().result().grid().rowName()))).append("</li>\n");
      }
      for (String n : h.outcome().notes()) {
        s.append("<li>").append(e(n)).append("</li>\n");
      }
      s.append("<li>the same map from the command line: <code>").append(e(h.description())).append("</code></li>\n");
      s.append("</ul>\n");
    }
  }

  private void registry(StringBuilder s, ReportContent c) {
    heading(s, "registry");
    long reconstructed = c.registry().stream().filter(r -> !r.bound().provenance().isVerbatim()).count();
    s.append("<p>").append(c.registry().size()).append(" bounds; ").append(reconstructed)
        .append(" of them are <span class=\"prov reconstructed\">RECONSTRUCTED</span>, secondary-sourced"
            + " or MetaBound-derived rather than read in the paper (docs/THEOREMS.md tags [R-…], [S],"
            + " [derived]).</p>\n");
    for (ReportContent.RegistryEntry entry : c.registry()) {
      Bound b = entry.bound();
      s.append("<div class=\"bound\" id=\"bound-").append(e(b.id())).append("\"><div><code>").append(e(b.id()))
          .append("</code> — <b>").append(e(b.title())).append("</b> ").append(Provenances.badge(b.provenance()))
          .append("</div>\n<div class=\"statement\">");
      if (entry.svg() != null) {
        s.append("<img src=\"").append(e(entry.svg())).append("\" alt=\"").append(e(b.statement())).append('"')
            .append(ImageSize.attributes(root.resolve(entry.svg()))).append(" loading=\"lazy\">");
      } else {
        s.append("<code>").append(e(b.statement())).append("</code> <span class=\"meta\">(not rendered: ")
            .append(e(entry.renderError())).append(")</span>");
      }
      s.append("</div>\n<div class=\"meta\">").append(e(b.reference().label())).append(" · ")
          .append(e(b.relation().description())).append(" · provenance: ").append(e(b.provenance().source()))
          .append(" · ").append(e(entry.status())).append("</div>\n");
      if (!b.assumptions().isEmpty()) {
        s.append("<ul class=\"meta\">\n");
        for (Assumption a : b.assumptions()) {
          s.append("<li>").append(e(a.description()));
          a.condition().ifPresent(cond -> s.append(": <code>").append(e(cond)).append("</code>"));
          s.append("</li>\n");
        }
        s.append("</ul>\n");
      }
      if (!b.note().isEmpty()) {
        s.append("<div class=\"meta\">").append(e(b.note())).append("</div>\n");
      }
      s.append("<div class=\"meta\">").append(e(b.reference().citation())).append("</div></div>\n");
    }
  }

  private void notebooks(StringBuilder s, ReportContent c) {
    heading(s, "notebooks");
    ReportContent.NotebookSection n = c.notebooks();
    if (n.index() == null) {
      s.append("<p>").append(e(n.note())).append(".</p>\n");
      return;
    }
    s.append("<p>Executed headless for this report (<a href=\"").append(e(n.index())).append("\">index</a>):</p>\n<ul>\n");
    for (Map.Entry<String, String> p : n.pages().entrySet()) {
      s.append("<li><a href=\"").append(e(p.getValue())).append("\">").append(e(p.getKey())).append("</a>");
      String failure = n.failures().get(p.getKey());
      if (failure != null) {
        s.append(" — <span class=\"verdict VIOLATED\">FAILED</span> ").append(e(failure));
      }
      s.append("</li>\n");
    }
    s.append("</ul>\n");
  }

  private void claims(StringBuilder s, ReportContent c) {
    heading(s, "claims");
    ReportContent.ClaimsSection section = c.claims();
    if (section == null || section.validation() == null) {
      s.append("<p>").append(e(section == null ? "No claims file was validated" : section.note()))
          .append(".</p>\n");
      return;
    }
    io.metabound.reports.claims.ClaimsValidation v = section.validation();
    s.append("<p>The claims of <code>").append(e(section.file()))
        .append("</code> (SHA-256 <code>").append(e(v.sha256(), 12))
        .append("…</code>), validated as <code>metabound claims</code> does (")
        .append("<a href=\"").append(e(section.verdicts())).append("\">verdicts</a>):</p>\n");
    s.append("<p>").append(e(v.countLine())).append(" · ").append(v.evaluations())
        .append(" falsifier evaluations per claim, seed ").append(v.seed()).append(".</p>\n");
    s.append("<table class=\"sortable\"><thead><tr><th>claim</th><th>statement</th><th>checked</th>")
        .append("<th>ratio</th><th>verdict</th><th>precision</th><th>in scope</th><th>instance</th>")
        .append("</tr></thead><tbody>\n");
    for (int i = 0; i < v.entries().size(); i++) {
      io.metabound.reports.claims.ClaimEntry entry = v.entries().get(i);
      io.metabound.experiments.check.CheckResult r = v.results().get(i);
      String verdict = r.verdict().name();
      String statement =
          entry instanceof io.metabound.reports.claims.Claim claim ? claim.statement() : "";
      String checked =
          entry instanceof io.metabound.reports.claims.Claim claim ? claim.relationText() : "—";
      s.append("<tr><td><code>").append(e(entry.id())).append("</code></td><td>")
          .append(e(statement)).append("</td><td><code>").append(e(checked))
          .append("</code></td><td>").append(e(io.metabound.experiments.check.SuiteSummary.number(r.ratio())))
          .append("</td><td><span class=\"verdict ").append(e(verdict)).append("\">").append(e(verdict))
          .append(r.tight() && r.verdict() == Verdict.HOLDS ? " (tight)" : "").append("</span>");
      if (r.verdict() == Verdict.ERROR
          || r.verdict() == Verdict.INCONCLUSIVE
          || r.verdict() == Verdict.NOT_FOUND) {
        s.append("<br><small>").append(e(r.note())).append("</small>");
      }
      s.append("</td><td>")
          .append(e(r.verdict() == Verdict.ERROR ? "—" : r.precision().label()))
          .append("</td><td>").append(e(io.metabound.experiments.check.SuiteSummary.scopeText(r)))
          .append("</td><td>")
          .append(e(r.instance() == null ? "—" : r.instance().describe()));
      if (r.worst() != null && r.worst().counterexample() != null) {
        s.append(" · <a href=\"").append(e(r.worst().counterexample()))
            .append("\">worst instance</a> (ratio ")
            .append(e(io.metabound.experiments.check.SuiteSummary.number(r.worst().ratio())))
            .append(")");
      }
      if (r.counterexample() != null) {
        s.append(" · <a href=\"").append(e(r.counterexample()))
            .append("\">shrunk counterexample</a>");
      }
      s.append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  private static String e(String text, int length) {
    return e(text.length() <= length ? text : text.substring(0, length));
  }
}
