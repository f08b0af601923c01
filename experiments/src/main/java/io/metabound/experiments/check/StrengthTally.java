package io.metabound.experiments.check;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * How strong a suite's verdicts are, per paper: how many checks are consistency, vacuous,
 * tight-in-class, tight-out-of-class or genuine ({@link CheckResult#effectiveStrength}), and how
 * many verdicts are about statements read verbatim in the paper and how many about
 * reconstructions ({@code docs/THEOREMS.md} §0.1).
 *
 * <p>The paper of a check is the prefix of its bound id ({@code ji2022.lemma11…} → {@code
 * ji2022}); papers are listed in the order their first check appears.
 */
public final class StrengthTally {

  /** The counts of one paper. */
  public static final class PaperCounts {
    private final String paper;
    private final Map<Strength, Integer> byStrength = new EnumMap<>(Strength.class);
    private final Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
    private int checks;
    private int verbatim;
    private int reconstructed;

    private PaperCounts(String paper) {
      this.paper = paper;
      for (Strength s : Strength.values()) {
        byStrength.put(s, 0);
      }
      for (Verdict v : Verdict.values()) {
        byVerdict.put(v, 0);
      }
    }

    public String paper() {
      return paper;
    }

    public int checks() {
      return checks;
    }

    public int count(Strength s) {
      return byStrength.get(s);
    }

    /** Checks of this paper with verdict {@code v}. */
    public int count(Verdict v) {
      return byVerdict.get(v);
    }

    public int verbatim() {
      return verbatim;
    }

    public int reconstructed() {
      return reconstructed;
    }

    /** {@code ji2022 28 checks: 12 consistency, 3 tight-in-class, …; 0 verbatim, 28 reconstructed}. */
    public String line() {
      List<String> parts = new ArrayList<>();
      byStrength.forEach(
          (s, n) -> {
            if (n > 0) {
              parts.add(n + " " + s.label());
            }
          });
      return String.format(
          Locale.ROOT,
          "%s %d check%s: %s; %d verbatim, %d reconstructed",
          paper,
          checks,
          checks == 1 ? "" : "s",
          String.join(", ", parts),
          verbatim,
          reconstructed);
    }
  }

  private final Map<String, PaperCounts> papers = new LinkedHashMap<>();
  private final PaperCounts total = new PaperCounts("all");

  private StrengthTally() {}

  /** The tally of a suite's results. */
  public static StrengthTally of(List<CheckResult> results) {
    StrengthTally t = new StrengthTally();
    for (CheckResult r : results) {
      String paper = paperOf(r.boundId());
      PaperCounts p = t.papers.computeIfAbsent(paper, PaperCounts::new);
      for (PaperCounts c : List.of(p, t.total)) {
        c.checks++;
        c.byVerdict.merge(r.verdict(), 1, Integer::sum);
        CheckStrength s = r.effectiveStrength();
        if (s != null) {
          c.byStrength.merge(s.kind(), 1, Integer::sum);
        }
        if (isVerbatim(r.boundId())) {
          c.verbatim++;
        } else {
          c.reconstructed++;
        }
      }
    }
    return t;
  }

  /** The paper of a bound id: its prefix up to the first dot. */
  public static String paperOf(String boundId) {
    int dot = boundId.indexOf('.');
    return dot < 0 ? boundId : boundId.substring(0, dot);
  }

  /** The provenance tag of a registry bound ({@code [R-hi]}, …), or {@code —} for another id. */
  public static String provenanceTag(String boundId) {
    return BoundRegistry.find(boundId).map(b -> b.provenance().tag()).orElse("—");
  }

  private static boolean isVerbatim(String boundId) {
    return BoundRegistry.find(boundId).map(Bound::provenance).map(p -> p.isVerbatim()).orElse(false);
  }

  public List<PaperCounts> papers() {
    return List.copyOf(papers.values());
  }

  public PaperCounts total() {
    return total;
  }

  /** One row per paper, then the total ({@code all}): what every rendering lists. */
  public List<PaperCounts> rows() {
    List<PaperCounts> rows = new ArrayList<>(papers.values());
    rows.add(total);
    return rows;
  }

  /** One line per paper, then the total. */
  public List<String> lines() {
    return rows().stream().map(PaperCounts::line).toList();
  }

  /** What each kind means, in one paragraph for the tables' legends. */
  public static String legend() {
    return "consistency: the measured side equals the formula by derivation; vacuous: a ceiling"
        + " on the ratio over the whole class at or below "
        + SuiteSummary.number(CheckStrength.VACUOUS_LEVEL)
        + "; tight-in-class: ratio ≥ "
        + SuiteSummary.number(CheckStrength.TIGHT_RATIO)
        + " attained by an instance satisfying every hypothesis (checked);"
        + " tight-out-of-class: attained only by instances breaking one; genuine: the"
        + " rest. A check with a class search counts with that search's strength when"
        + " it is a test inside the hypotheses.";
  }

  /** The verdicts every summary table counts per paper, in column order. */
  public static final List<Verdict> SUMMARY_VERDICTS =
      List.of(Verdict.HOLDS, Verdict.VIOLATED, Verdict.INCONCLUSIVE);

  /**
   * A Markdown table: paper, checks, holds, violated, inconclusive, one column per strength,
   * verbatim, reconstructed.
   */
  public String markdownTable() {
    StringBuilder s = new StringBuilder("| paper | checks |");
    for (Verdict v : SUMMARY_VERDICTS) {
      s.append(' ').append(v.name().toLowerCase(Locale.ROOT)).append(" |");
    }
    for (Strength k : Strength.values()) {
      s.append(' ').append(k.label()).append(" |");
    }
    s.append(" verbatim | reconstructed |\n|---|---|");
    for (int i = 0; i < Strength.values().length + SUMMARY_VERDICTS.size(); i++) {
      s.append("---|");
    }
    s.append("---|---|\n");
    for (PaperCounts p : rows()) {
      s.append("| ").append(p.paper).append(" | ").append(p.checks).append(" |");
      for (Verdict v : SUMMARY_VERDICTS) {
        s.append(' ').append(p.count(v)).append(" |");
      }
      for (Strength k : Strength.values()) {
        s.append(' ').append(p.count(k)).append(" |");
      }
      s.append(' ').append(p.verbatim).append(" | ").append(p.reconstructed).append(" |\n");
    }
    return s.toString();
  }

  /** {@code {"ji2022": {"checks": 28, "consistency": 12, …, "verbatim": 0, …}, …, "all": …}}. */
  public void writeTo(ObjectNode node) {
    for (PaperCounts p : rows()) {
      ObjectNode o = node.putObject(p.paper);
      o.put("checks", p.checks);
      for (Verdict v : SUMMARY_VERDICTS) {
        o.put(v.name().toLowerCase(Locale.ROOT), p.count(v));
      }
      for (Strength k : Strength.values()) {
        o.put(k.label(), p.count(k));
      }
      o.put("verbatim", p.verbatim);
      o.put("reconstructed", p.reconstructed);
    }
  }
}
