package io.metabound.reports.report;

import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.StrengthTally;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.reports.claims.Claim;
import io.metabound.reports.claims.ClaimEntry;
import io.metabound.reports.claims.ClaimsValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export's tables, made to fit one column of a paper at its natural size: {@code booktabs}
 * rules, {@code \small}, a {@code tabularx} of {@code \linewidth} whose text columns wrap (bound
 * ids break at their dots and hyphens), few columns, one table per paper. Never scaled.
 */
final class LatexTables {

  /** The packages the tables need. */
  static final String PACKAGES = "booktabs,tabularx";

  private static final String WRAP = ">{\\raggedright\\arraybackslash}";

  private LatexTables() {}

  /** The papers of the suite's checks, in the order their first checks appear, with their checks. */
  static Map<String, List<CheckResult>> byPaper(SuiteSummary summary) {
    Map<String, List<CheckResult>> byPaper = new LinkedHashMap<>();
    for (CheckResult r : summary.results()) {
      byPaper.computeIfAbsent(StrengthTally.paperOf(r.boundId()), k -> new ArrayList<>()).add(r);
    }
    return byPaper;
  }

  /** Every paper's verdict table, each under its paper's name. */
  static String verdicts(SuiteSummary summary) {
    StringBuilder s = new StringBuilder(header(summary.seed()));
    Map<String, List<CheckResult>> papers = byPaper(summary);
    if (papers.isEmpty()) {
      s.append("{\\small\\noindent no checks\\par}\n");
    }
    for (Map.Entry<String, List<CheckResult>> paper : papers.entrySet()) {
      table(s, paper.getKey(), paper.getValue());
    }
    return s.toString();
  }

  /** One paper's verdict table alone. */
  static String paperVerdicts(long seed, String paper, List<CheckResult> rows) {
    StringBuilder s = new StringBuilder(header(seed));
    table(s, paper, rows);
    return s.toString();
  }

  private static String header(long seed) {
    return "% MetaBound verdict table, seed " + seed + "; needs \\usepackage{" + PACKAGES
        + "}; ratio <= 1 holds, 1 is tight\n";
  }

  private static void table(StringBuilder s, String paper, List<CheckResult> rows) {
    s.append("{\\small\\noindent\\textbf{").append(LatexText.escape(paper)).append("} (").append(rows.size())
        .append(rows.size() == 1 ? " check" : " checks").append(")\\par\\nopagebreak\\smallskip\n");
    s.append("\\noindent\\begin{tabularx}{\\linewidth}{@{}").append(WRAP).append("X r ").append(WRAP)
        .append("p{0.22\\linewidth} ").append(WRAP).append("p{0.24\\linewidth}@{}}\n");
    s.append("\\toprule\nBound & Ratio & Verdict & Strength \\\\\n\\midrule\n");
    for (CheckResult r : rows) {
      s.append(LatexText.breakableCode(r.boundId())).append(" & ")
          .append(LatexText.escape(SuiteSummary.number(r.ratio()))).append(" & ")
          .append(LatexText.escape(SuiteSummary.verdictLabel(r))).append(" & ")
          .append(LatexText.escape(SuiteSummary.strengthCell(r))).append(" \\\\\n");
    }
    s.append("\\bottomrule\n\\end{tabularx}\\par\\medskip}\n");
  }

  /** The claims' verdicts: claim id, statement and bound, ratio, verdict, evaluations in scope. */
  static String claims(ClaimsValidation v) {
    StringBuilder s = new StringBuilder();
    s.append("% MetaBound claims verdicts of ").append(oneLine(v.file())).append(" (SHA-256 ").append(v.sha256())
        .append("), seed ").append(v.seed()).append(", ").append(v.evaluations())
        .append(" falsifier evaluations per claim; needs \\usepackage{").append(PACKAGES).append("}\n");
    s.append("{\\small\\noindent\\begin{tabularx}{\\linewidth}{@{}").append(WRAP).append("p{0.2\\linewidth} ")
        .append(WRAP).append("X r ").append(WRAP).append("p{0.16\\linewidth} r@{}}\n");
    s.append("\\toprule\nClaim & Statement and bound & Ratio & Verdict & In scope \\\\\n\\midrule\n");
    for (int i = 0; i < v.entries().size(); i++) {
      ClaimEntry e = v.entries().get(i);
      CheckResult r = v.results().get(i);
      s.append(LatexText.breakableCode(e.id())).append(" & ");
      if (e instanceof Claim c) {
        s.append(LatexText.escape(c.statement())).append("\\newline ").append(LatexText.breakableCode(c.relationText()));
      } else {
        s.append("error: ").append(LatexText.escape(r.note()));
      }
      s.append(" & ").append(LatexText.escape(SuiteSummary.number(r.ratio())))
          .append(" & ").append(LatexText.escape(SuiteSummary.verdictLabel(r)))
          .append(" & ").append(LatexText.escape(SuiteSummary.scopeText(r))).append(" \\\\\n");
    }
    if (v.entries().isEmpty()) {
      s.append("\\multicolumn{5}{@{}l}{no claims} \\\\\n");
    }
    s.append("\\bottomrule\n\\end{tabularx}\\par}\n");
    return s.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
