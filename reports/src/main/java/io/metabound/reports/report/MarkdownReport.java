package io.metabound.reports.report;

import io.metabound.bounds.registry.Bound;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.NotCheckable;
import io.metabound.experiments.check.ScalingOutcome;
import io.metabound.experiments.check.StrengthTally;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.sweep.OverlayGap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code report.md}: the same sections as the HTML page, in Markdown with relative links. */
final class MarkdownReport {

  private MarkdownReport() {}

  static String render(ReportContent c) {
    StringBuilder s = new StringBuilder("# MetaBound report\n\n");
    ReportContent.Header h = c.header();
    SuiteSummary summary = c.summary();
    Map<Verdict, Integer> counts = summary.counts();
    s.append(String.format(
        Locale.ROOT,
        "%d holds (%d consistency checks of the encoding) · %d violated (%s) · %d inconclusive · %d"
            + " out of scope · %d not checkable · %d reproductions%s%n%n",
        counts.get(Verdict.HOLDS),
        summary.consistencyChecks().size(),
        counts.get(Verdict.VIOLATED),
        summary.violationBreakdown(),
        counts.get(Verdict.INCONCLUSIVE),
        counts.get(Verdict.OUT_OF_SCOPE),
        summary.notCheckable().size(),
        c.reproductions().size(),
        h.quick() ? " · **quick mode**" : ""));
    s.append(summary.strengthLine()).append("\n\n");

    s.append("## ").append(HtmlReport.SECTIONS.get("run")).append("\n\n| | |\n|---|---|\n");
    s.append("| command | `").append(Markdown.cell(h.commandLine())).append("` |\n");
    s.append("| seed | ").append(h.seed()).append(" |\n");
    s.append("| started (UTC) | ").append(h.started()).append(" |\n");
    s.append(String.format(Locale.ROOT, "| time taken | %.1f s |%n", h.seconds()));
    s.append("| suite | ").append(Markdown.cell(h.suite())).append(" |\n");
    s.append("| settings | ").append(Markdown.cell(h.settings())).append(" |\n");
    for (Map.Entry<String, String> v : h.versions().entrySet()) {
      s.append("| ").append(v.getKey()).append(" | ").append(Markdown.cell(v.getValue())).append(" |\n");
    }
    if (h.latexDirectory() != null) {
      s.append("| LaTeX export | `").append(h.latexDirectory()).append("` |\n");
    }

    s.append("\n## ").append(HtmlReport.SECTIONS.get("verdicts")).append("\n\n");
    s.append("Ratio ≤ 1 holds, 1 is tight, > 1 violates. ").append(summary.multiplicityStatement()).append(".\n\n");
    s.append("Strength of the verdicts, per paper (what each kind means: `check-summary.md`):\n\n")
        .append(summary.strengthTally().markdownTable()).append('\n');
    if (!summary.scaling().isEmpty()) {
      s.append("Scaling checks (the shape of the vacuous bounds; the control must be VIOLATED):\n\n")
          .append("| bound | variable | result | control |\n|---|---|---|---|\n");
      for (ScalingOutcome o : summary.scaling()) {
        s.append("| `").append(o.boundId()).append("` | ").append(o.variable()).append(" | ")
            .append(Markdown.cell(o.summary())).append(" | ").append(o.controlVerdict()).append(" |\n");
      }
      s.append('\n');
    }
    s.append("| bound | provenance | instance | empirical | theoretical | ratio | verdict | strength | control | seed |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (CheckResult r : summary.results()) {
      String empirical = SuiteSummary.number(r.empirical());
      if (r.measurement() != null && r.measurement().kind() != Measurement.Kind.EXACT) {
        empirical += " [" + SuiteSummary.number(r.lower()) + ", " + SuiteSummary.number(r.upper()) + "]";
      }
      s.append("| `").append(r.boundId()).append("` ").append(r.comparison().symbol()).append(" | ")
          .append(StrengthTally.provenanceTag(r.boundId())).append(" | ")
          .append(Markdown.cell(r.instanceDescription())).append(" | ").append(empirical).append(" | ")
          .append(SuiteSummary.number(r.theoretical())).append(" | ").append(SuiteSummary.number(r.ratio()))
          .append(" | ").append(SuiteSummary.verdictLabel(r))
          .append(r.counterexample() == null ? "" : " [counterexample](" + r.counterexample() + ")")
          .append(" | ").append(Markdown.cell(SuiteSummary.strengthCell(r)))
          .append(" | ").append(r.negativeControl() == null ? "" : r.negativeControl().status().name())
          .append(" | ").append(r.seed()).append(" |\n");
    }
    if (summary.results().isEmpty()) {
      s.append("| (no checks in this suite) | | | | | | | | | |\n");
    }
    if (c.tightnessImage() != null) {
      s.append("\n![Tightness](").append(c.tightnessImage()).append(")\n\n[tightness.csv](")
          .append(c.tightnessCsv()).append(")\n");
    }
    StringBuilder notes = new StringBuilder();
    for (CheckResult r : summary.results()) {
      List<String> parts = SuiteSummary.noteParts(r);
      if (!parts.isEmpty()) {
        notes.append("- `").append(r.boundId()).append("`: ").append(Markdown.cell(String.join("; ", parts)))
            .append('\n');
      }
    }
    if (notes.length() > 0) {
      s.append("\nNotes on the checks:\n\n").append(notes);
    }
    if (!summary.notCheckable().isEmpty()) {
      s.append("\nNot checkable:\n\n");
      for (NotCheckable n : summary.notCheckable()) {
        s.append("- `").append(n.boundId()).append("`: ").append(Markdown.cell(n.reason())).append('\n');
      }
    }

    s.append("\n## ").append(HtmlReport.SECTIONS.get("profiles")).append("\n\n");
    for (ReportContent.ProfileEntry p : c.profiles()) {
      s.append("### `").append(p.result().boundId()).append("` — ").append(p.result().verdict().name()).append("\n\n");
      if (p.image() != null) {
        s.append("![").append(p.result().boundId()).append("](").append(p.image()).append(")\n\n[CSV](")
            .append(p.csv()).append(")\n\n");
      } else {
        s.append(p.note()).append(p.csv() == null ? "" : " ([CSV](" + p.csv() + "))").append("\n\n");
      }
    }

    s.append("## ").append(HtmlReport.SECTIONS.get("reproductions")).append("\n\n");
    for (ReproductionRenderer.Rendered r : c.reproductions()) {
      s.append(r.markdown());
    }

    s.append("## ").append(HtmlReport.SECTIONS.get("heatmaps")).append("\n\n");
    for (ReportContent.HeatmapEntry m : c.heatmaps()) {
      String folder = m.folder() + "/";
      s.append("### ").append(m.outcome().title()).append("\n\n");
      if (m.outcome().written().stream().anyMatch(w -> w.endsWith("heatmap.png"))) {
        s.append("![").append(m.id()).append("](").append(folder).append("heatmap.png)\n\n");
      }
      s.append("[cells](").append(folder).append("heatmap.csv) · [overlays](").append(folder)
          .append("heatmap-overlays.csv) · [sidecar](").append(folder).append("heatmap.json) · `")
          .append(m.description()).append("`\n\n");
      for (OverlayGap g : m.outcome().gaps()) {
        s.append("- ").append(g.summary(m.outcome().result().grid().rowName())).append('\n');
      }
      s.append('\n');
    }

    s.append("## ").append(HtmlReport.SECTIONS.get("claims")).append("\n\n");
    ReportContent.ClaimsSection claims = c.claims();
    if (claims == null || claims.validation() == null) {
      s.append(claims == null ? "No claims file was validated" : claims.note()).append(".\n\n");
    } else {
      s.append("Claims of `").append(claims.file()).append("`, SHA-256 `")
          .append(claims.validation().sha256()).append("` ([verdicts](").append(claims.verdicts())
          .append(")). ").append(claims.validation().countLine())
          .append(".\n\n| claim | checked | ratio | verdict | precision | in scope |\n")
          .append("|---|---|---|---|---|---|\n");
      for (int i = 0; i < claims.validation().entries().size(); i++) {
        io.metabound.reports.claims.ClaimEntry entry = claims.validation().entries().get(i);
        io.metabound.experiments.check.CheckResult r = claims.validation().results().get(i);
        String checked =
            entry instanceof io.metabound.reports.claims.Claim claim ? claim.relationText() : "—";
        s.append("| `").append(entry.id()).append("` | `").append(Markdown.cell(checked))
            .append("` | ").append(io.metabound.experiments.check.SuiteSummary.number(r.ratio()))
            .append(" | ").append(r.verdict().name())
            .append(r.tight() && r.verdict().name().equals("HOLDS") ? " (tight)" : "")
            .append(r.verdict().name().equals("ERROR") ? ": " + Markdown.cell(r.note()) : "")
            .append(" | ").append(r.verdict().name().equals("ERROR") ? "—" : r.precision().label())
            .append(" | ").append(io.metabound.experiments.check.SuiteSummary.scopeText(r))
            .append(" |\n");
      }
      s.append('\n');
    }

    s.append("## ").append(HtmlReport.SECTIONS.get("notebooks")).append("\n\n");
    ReportContent.NotebookSection n = c.notebooks();
    if (n.index() == null) {
      s.append(n.note()).append(".\n");
    } else {
      for (Map.Entry<String, String> p : n.pages().entrySet()) {
        s.append("- [").append(p.getKey()).append("](").append(p.getValue()).append(")")
            .append(n.failures().containsKey(p.getKey()) ? " — FAILED: " + n.failures().get(p.getKey()) : "")
            .append('\n');
      }
    }
    s.append('\n');
    s.append("\n## ").append(HtmlReport.SECTIONS.get("registry")).append("\n\n");
    for (ReportContent.RegistryEntry entry : c.registry()) {
      Bound b = entry.bound();
      s.append("- `").append(b.id()).append("` ").append(Provenances.markdown(b.provenance())).append(": ")
          .append(Markdown.cell(b.title())).append(" — `").append(Markdown.cell(b.statement())).append("` (")
          .append(b.reference().label()).append("; ").append(Markdown.cell(entry.status())).append(")");
      if (entry.svg() != null) {
        s.append(" [statement](").append(entry.svg()).append(")");
      }
      s.append('\n');
    }

    return s.toString();
  }
}
