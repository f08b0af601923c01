package io.metabound.reports.report;

import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.sweep.OverlayGap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code report.json}: the report's header and an index of its parts (verdict counts, every
 * check's verdict and files, every reproduction's verdict, every map's overlay gaps), for scripts.
 * The verdict table in full is {@code checks/check-summary.json}.
 */
final class ReportJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ReportJson() {}

  static String render(ReportContent c) {
    ObjectNode root = JSON.createObjectNode();
    ReportContent.Header h = c.header();
    root.put("seed", h.seed());
    root.put("quick", h.quick());
    root.put("command", h.commandLine());
    root.put("started", h.started());
    root.put("seconds", h.seconds());
    root.put("suite", h.suite());
    root.put("settings", h.settings());
    ObjectNode versions = root.putObject("versions");
    h.versions().forEach(versions::put);
    ObjectNode timings = root.putObject("timings");
    h.timings().forEach(timings::put);
    ObjectNode counts = root.putObject("counts");
    c.summary().counts().forEach((v, n) -> counts.put(v.name(), n));
    counts.put("NOT_CHECKABLE", c.summary().notCheckable().size());
    counts.put("UNEXPECTED_VIOLATIONS", c.summary().unexpectedViolations().size());
    ArrayNode checks = root.putArray("checks");
    for (ReportContent.ProfileEntry p : c.profiles()) {
      CheckResult r = p.result();
      ObjectNode o = checks.addObject();
      o.put("bound", r.boundId());
      o.put("verdict", r.verdict().name());
      o.put("ratio", Double.isFinite(r.ratio()) ? Double.toString(r.ratio()) : String.valueOf(r.ratio()));
      o.put("consistencyCheck", r.isConsistencyCheck());
      o.put("ablation", r.ablation() == null ? null : r.ablation().status().name());
      o.put("profileImage", p.image());
      o.put("profileCsv", p.csv());
      o.put("counterexample", r.counterexample());
    }
    ArrayNode reproductions = root.putArray("reproductions");
    for (ReproductionRenderer.Rendered r : c.reproductions()) {
      ReproductionResult res = r.result();
      ObjectNode o = reproductions.addObject();
      o.put("name", res.name());
      o.put("verdict", res.verdict().name());
      ArrayNode files = o.putArray("files");
      r.files().forEach(files::add);
    }
    ArrayNode heatmaps = root.putArray("heatmaps");
    for (ReportContent.HeatmapEntry m : c.heatmaps()) {
      ObjectNode o = heatmaps.addObject();
      o.put("id", m.id());
      o.put("folder", m.folder());
      o.put("command", m.description());
      ArrayNode gaps = o.putArray("overlays");
      for (OverlayGap g : m.outcome().gaps()) {
        ObjectNode go = gaps.addObject();
        go.put("id", g.overlayId());
        go.put("rowsCompared", g.rowsCompared());
        go.put("rowsOnBoundary", g.rowsOnBoundary());
        go.put("maxAbsRelativeMiss", g.maxAbsRelativeMiss());
      }
    }
    root.put("notebooks", c.notebooks().index());
    root.put("latex", h.latexDirectory());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
