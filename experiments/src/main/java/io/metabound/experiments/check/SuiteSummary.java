package io.metabound.experiments.check;

import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.io.TextTable;
import io.metabound.experiments.probe.Measurement;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verdict table of a suite: bound, instance, empirical, theoretical, ratio, verdict, negative
 * control and seed for every check, plus the bounds not checkable yet and the family-wise level
 * used. Renders as JSON, Markdown and a console table; output is a deterministic function of the
 * results (no timings), so the same seed gives byte-identical files.
 *
 * <p>Beside the verdict every row says what kind of evidence it is: an expected finding names its
 * {@link ExpectedFinding.Cause} (reconstruction, encoding or paper), a consistency check of the
 * encoding is labelled so ({@link CheckRemarks}), and an {@link Ablation} control says whether the
 * terms it removes were exercised. {@link #verdictLabel} and {@link #noteParts} are the one wording
 * of these that the reports reuse.
 *
 * @param results the checks' results (after Holm adjustment)
 * @param notCheckable bounds listed with the reason they are not checked
 * @param seed the master seed
 * @param familyWiseLevel α
 * @param monteCarloChecks size of the Holm family (checks with Monte Carlo measurements)
 * @param evaluationBudget falsifier evaluations per check
 * @param scaling the scaling checks run beside the suite (empty when none were run)
 */
public record SuiteSummary(
    List<CheckResult> results,
    List<NotCheckable> notCheckable,
    long seed,
    double familyWiseLevel,
    int monteCarloChecks,
    int evaluationBudget,
    List<ScalingOutcome> scaling) {

  public SuiteSummary {
    results = List.copyOf(results);
    notCheckable = List.copyOf(notCheckable);
    scaling = List.copyOf(scaling);
  }

  /** A summary without scaling checks. */
  public SuiteSummary(
      List<CheckResult> results,
      List<NotCheckable> notCheckable,
      long seed,
      double familyWiseLevel,
      int monteCarloChecks,
      int evaluationBudget) {
    this(results, notCheckable, seed, familyWiseLevel, monteCarloChecks, evaluationBudget, List.of());
  }

  /** The same summary with these scaling checks. */
  public SuiteSummary withScaling(List<ScalingOutcome> outcomes) {
    return new SuiteSummary(
        results, notCheckable, seed, familyWiseLevel, monteCarloChecks, evaluationBudget, outcomes);
  }

  /** The scaling check of a bound, if one ran. */
  public java.util.Optional<ScalingOutcome> scalingOf(String boundId) {
    return scaling.stream().filter(o -> o.boundId().equals(boundId)).findFirst();
  }

  /** File names written by {@link #writeTo(Path)}. */
  public static final String JSON_FILE = "check-summary.json";

  public static final String MARKDOWN_FILE = "check-summary.md";

  /** VIOLATED verdicts that are not documented expected findings: these fail the build. */
  public List<CheckResult> unexpectedViolations() {
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult r : results) {
      if (r.isUnexpectedViolation()) {
        out.add(r);
      }
    }
    return out;
  }

  /** Checks (and class searches) whose negative control could not make them fail. */
  public List<CheckResult> failedNegativeControls() {
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult r : results) {
      for (CheckResult c : r.classSearch() == null ? List.of(r) : List.of(r, r.classSearch().result())) {
        if (c.negativeControl() != null
            && c.negativeControl().status() == NegativeControlResult.Status.CANNOT_FAIL) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Expected findings that came out VIOLATED, counted by cause (every cause present, maybe 0). */
  public Map<ExpectedFinding.Cause, Integer> expectedViolationsByCause() {
    Map<ExpectedFinding.Cause, Integer> c = new EnumMap<>(ExpectedFinding.Cause.class);
    for (ExpectedFinding.Cause cause : ExpectedFinding.Cause.values()) {
      c.put(cause, 0);
    }
    for (CheckResult r : results) {
      if (r.verdict() == Verdict.VIOLATED && r.expectedFinding() != null) {
        c.merge(r.expectedFinding().cause(), 1, Integer::sum);
      }
    }
    return c;
  }

  /**
   * "{@code 0 unexpected; expected: 1 reconstruction}": what the VIOLATED verdicts are, for the
   * count line of summaries and reports.
   */
  public String violationBreakdown() {
    StringBuilder s =
        new StringBuilder().append(unexpectedViolations().size()).append(" unexpected");
    List<String> expected = new ArrayList<>();
    expectedViolationsByCause()
        .forEach(
            (cause, n) -> {
              if (n > 0) {
                expected.add(n + " " + cause.label());
              }
            });
    if (!expected.isEmpty()) {
      s.append("; expected: ").append(String.join(", ", expected));
    }
    return s.toString();
  }

  /** Results labelled consistency checks of the encoding. */
  public List<CheckResult> consistencyChecks() {
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult r : results) {
      if (r.isConsistencyCheck()) {
        out.add(r);
      }
    }
    return out;
  }

  /** Results whose ablation control ran, by its status. */
  public Map<AblationResult.Status, Integer> ablationCounts() {
    Map<AblationResult.Status, Integer> c = new EnumMap<>(AblationResult.Status.class);
    for (AblationResult.Status status : AblationResult.Status.values()) {
      c.put(status, 0);
    }
    for (CheckResult r : results) {
      if (r.ablation() != null) {
        c.merge(r.ablation().status(), 1, Integer::sum);
      }
    }
    return c;
  }

  /**
   * The verdict as the tables print it: {@code HOLDS}, with {@code (tight)}, {@code (expected:
   * reconstruction)} for a documented finding and {@code [consistency]} for a consistency check of
   * the encoding.
   */
  public static String verdictLabel(CheckResult r) {
    String verdict = r.verdict().name();
    if (r.tight()) {
      verdict += " (tight)";
    }
    if (r.expectedFinding() != null && r.verdict() == Verdict.VIOLATED) {
      verdict += " (expected: " + r.expectedFinding().cause().label() + ")";
    }
    if (r.isConsistencyCheck()) {
      verdict += " [consistency]";
    }
    return verdict;
  }

  /**
   * The notes on one result, in report order: the consistency label with its reason, the expected
   * finding with its cause, the result's own note, the plan's notes on constants and regions, the
   * ablation control and the negative control.
   */
  public static List<String> noteParts(CheckResult r) {
    List<String> parts = new ArrayList<>();
    if (r.isConsistencyCheck()) {
      parts.add(
          CheckRemarks.CONSISTENCY_LABEL
              + " (verifies the encoding, not the theorem): "
              + r.remarks().consistency());
    }
    if (r.expectedFinding() != null) {
      parts.add(
          "expected finding ("
              + r.expectedFinding().cause().label()
              + "): "
              + r.expectedFinding().explanation());
    }
    if (!r.note().isEmpty()) {
      parts.add(r.note());
    }
    parts.addAll(r.remarks().notes());
    if (r.ablation() != null) {
      parts.add("ablation: " + r.ablation().note());
    }
    if (r.negativeControl() != null) {
      parts.add("negative control: " + r.negativeControl().note());
    }
    if (r.strength() != null && r.strength().kind() != Strength.CONSISTENCY) {
      parts.add("strength " + r.strength().kind().label() + ": " + r.strength().detail());
    }
    ClassSearchResult cs = r.classSearch();
    if (cs != null) {
      CheckResult c = cs.result();
      parts.add(
          "class search ("
              + cs.why()
              + "): "
              + cs.summary()
              + (c.strength() == null ? "" : "; " + c.strength().detail())
              + (c.negativeControl() == null
                  ? ""
                  : "; negative control: " + c.negativeControl().status().name()));
    }
    return parts;
  }

  public Map<Verdict, Integer> counts() {
    Map<Verdict, Integer> c = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      c.put(v, 0);
    }
    for (CheckResult r : results) {
      c.merge(r.verdict(), 1, Integer::sum);
    }
    return c;
  }

  /** One line stating the family-wise level and how it was used. */
  public String multiplicityStatement() {
    return String.format(
        Locale.ROOT,
        "family-wise level α = %s, Holm step-down over %d Monte Carlo check%s"
            + " (exact checks use a relative tolerance instead)",
        number(familyWiseLevel),
        monteCarloChecks,
        monteCarloChecks == 1 ? "" : "s");
  }

  // ---- JSON ----

  /** One JSON object per check (the CLI's {@code --json} list). */
  public ArrayNode jsonRows() {
    ArrayNode rows = CounterexampleFile.JSON.createArrayNode();
    for (CheckResult r : results) {
      rows.add(row(r));
    }
    return rows;
  }

  /** The whole summary as pretty-printed JSON. */
  public String toJson() {
    ObjectNode root = CounterexampleFile.JSON.createObjectNode();
    root.put("seed", seed);
    root.put("familyWiseLevel", familyWiseLevel);
    root.put("multiplicity", multiplicityStatement());
    root.put("evaluationBudget", evaluationBudget);
    ObjectNode counts = root.putObject("counts");
    counts().forEach((v, n) -> counts.put(v.name(), n));
    counts.put("NOT_CHECKABLE", notCheckable.size());
    ObjectNode byCause = counts.putObject("expectedViolationsByCause");
    expectedViolationsByCause().forEach((cause, n) -> byCause.put(cause.name(), n));
    counts.put("CONSISTENCY_CHECKS", consistencyChecks().size());
    ObjectNode ablations = counts.putObject("ablation");
    ablationCounts().forEach((status, n) -> ablations.put(status.name(), n));
    strengthTally().writeTo(root.putObject("strengthByPaper"));
    root.set("checks", jsonRows());
    ArrayNode sc = root.putArray("scaling");
    for (ScalingOutcome o : scaling) {
      ObjectNode n = sc.addObject();
      n.put("bound", o.boundId());
      n.put("variable", o.variable());
      n.put("verdict", o.verdict());
      n.set("constantGap", InstanceJson.number(o.constantGap()));
      n.put("control", o.controlVerdict());
      n.put("summary", o.summary());
    }
    ArrayNode nc = root.putArray("notCheckable");
    for (NotCheckable n : notCheckable) {
      ObjectNode o = nc.addObject();
      o.put("bound", n.boundId());
      o.put("reason", n.reason());
    }
    return CounterexampleFile.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static ObjectNode row(CheckResult r) {
    ObjectNode o = CounterexampleFile.JSON.createObjectNode();
    o.put("bound", r.boundId());
    o.put("provenance", StrengthTally.provenanceTag(r.boundId()));
    o.put("quantity", r.quantityId());
    o.put("relation", r.comparison().symbol());
    o.put("verdict", r.verdict().name());
    o.set("empirical", InstanceJson.number(r.empirical()));
    o.set("lower", InstanceJson.number(r.lower()));
    o.set("upper", InstanceJson.number(r.upper()));
    o.set("theoretical", InstanceJson.number(r.theoretical()));
    o.set("ratio", InstanceJson.number(r.ratio()));
    o.put("tight", r.tight());
    o.put("instance", r.instanceDescription());
    o.put("seed", r.seed());
    Measurement m = r.measurement();
    o.put("measurement", m == null ? "NONE" : m.kind().name());
    o.put("samples", m == null ? 0 : m.samples());
    o.set("confidenceLevel", InstanceJson.number(r.confidenceLevel()));
    o.set("familyWiseLevel", InstanceJson.number(r.familyWiseLevel()));
    if (r.expectedFinding() == null) {
      o.putNull("expectedFinding");
      o.putNull("expectedFindingCause");
    } else {
      o.put("expectedFinding", r.expectedFinding().explanation());
      o.put("expectedFindingCause", r.expectedFinding().cause().name());
    }
    o.put("note", r.note());
    if (r.remarks().consistency() == null) {
      o.putNull("consistency");
    } else {
      o.put("consistency", r.remarks().consistency());
    }
    ArrayNode remarks = o.putArray("remarks");
    r.remarks().notes().forEach(remarks::add);
    AblationResult ab = r.ablation();
    if (ab == null) {
      o.putNull("ablation");
    } else {
      ObjectNode a = o.putObject("ablation");
      a.put("symbol", ab.symbol());
      a.put("terms", ab.terms());
      a.put("status", ab.status().name());
      a.put("verdict", ab.verdict() == null ? null : ab.verdict().name());
      a.set("ablatedRatio", InstanceJson.number(ab.ablatedRatio()));
      a.set("ratio", InstanceJson.number(ab.ratio()));
      a.put("instance", ab.instance());
      a.put("note", ab.note());
    }
    ArrayNode unmet = o.putArray("unmetAssumptions");
    r.unmetAssumptions().forEach(unmet::add);
    NegativeControlResult nc = r.negativeControl();
    if (nc == null) {
      o.putNull("negativeControl");
    } else {
      ObjectNode n = o.putObject("negativeControl");
      n.put("status", nc.status().name());
      n.set("factor", InstanceJson.number(nc.factor()));
      n.put("verdict", nc.verdict() == null ? null : nc.verdict().name());
      n.set("ratio", InstanceJson.number(nc.ratio()));
      n.set("maxRatio", InstanceJson.number(nc.maxRatio()));
      n.set("adaptiveFactor", InstanceJson.number(nc.adaptiveFactor()));
      n.put("adaptiveVerdict", nc.adaptiveVerdict() == null ? null : nc.adaptiveVerdict().name());
      n.put("note", nc.note());
    }
    SearchStatistics s = r.search();
    if (s == null) {
      o.putNull("search");
    } else {
      ObjectNode n = o.putObject("search");
      n.put("domain", s.domain());
      n.put("budget", s.budget());
      n.put("evaluations", s.evaluations());
      n.put("inScopeEvaluations", s.inScopeEvaluations());
      n.put("outOfScopeEvaluations", s.outOfScopeEvaluations());
      ArrayNode collapsed = n.putArray("collapsed");
      s.collapsed().forEach(collapsed::add);
      n.put("restarts", s.restarts());
      n.set("bestSearchRatio", InstanceJson.number(s.bestSearchRatio()));
      n.put("timeCapHit", s.timeCapHit());
      n.put("shrinkEvaluations", s.shrinkEvaluations());
    }
    ArrayNode steps = o.putArray("shrinkSteps");
    r.shrinkSteps().forEach(steps::add);
    if (r.counterexample() == null) {
      o.putNull("counterexample");
    } else {
      o.put("counterexample", r.counterexample());
    }
    writeStrength(r.strength(), o, "strength");
    writeStrength(r.effectiveStrength(), o, "effectiveStrength");
    ClassSearchResult cs = r.classSearch();
    if (cs == null) {
      o.putNull("classSearch");
    } else {
      ObjectNode c = row(cs.result());
      c.put("family", cs.family());
      c.put("why", cs.why());
      o.set("classSearch", c);
    }
    o.put("precision", r.precision().name().toLowerCase(Locale.ROOT));
    writeConfirmation(r.confirmation(), o);
    writeWorst(r.worst(), o);
    if (r.instance() != null && r.instance().isQuadratic()) {
      InstanceJson.write(r.instance(), o.putObject("replay"));
    } else {
      o.putNull("replay");
    }
    return o;
  }

  /**
   * {@code "<field>": {"kind", "ratio", "detail", "ceiling", "hypotheses": [{"hypothesis",
   * "verdict", "reason"}]}} or null.
   */
  public static void writeStrength(CheckStrength strength, ObjectNode o, String field) {
    if (strength == null) {
      o.putNull(field);
      return;
    }
    ObjectNode n = o.putObject(field);
    n.put("kind", strength.kind().label());
    n.set("ratio", InstanceJson.number(strength.ratio()));
    n.put("detail", strength.detail());
    n.set("ceiling", InstanceJson.number(strength.ceiling()));
    ArrayNode hs = n.putArray("hypotheses");
    for (HypothesisClass.Status h : strength.hypotheses()) {
      ObjectNode e = hs.addObject();
      e.put("hypothesis", h.hypothesis());
      e.put("verdict", h.verdict().name());
      e.put("reason", h.reason());
    }
  }

  /** The strength counts per paper, with verbatim and reconstructed verdicts. */
  public StrengthTally strengthTally() {
    return StrengthTally.of(results);
  }

  /**
   * The strength cell of a row: the check's own strength and, when it has a class search, that
   * search's strength and ratio ({@code consistency · in class: tight-in-class (separable
   * cosine)}).
   */
  public static String strengthCell(CheckResult r) {
    String own = r.strength() == null ? "—" : r.strength().cell();
    ClassSearchResult cs = r.classSearch();
    if (cs == null) {
      return own;
    }
    CheckResult c = cs.result();
    return own
        + " · in class ("
        + cs.family()
        + "): "
        + (c.strength() == null ? c.verdict().name() : c.strength().cell())
        + (c.verdict() == Verdict.HOLDS ? "" : " " + c.verdict().name());
  }

  /** {@code "confirmation": {"precision", "excess", "floor", "note"}} or null. */
  public static void writeConfirmation(Confirmation c, ObjectNode o) {
    if (c == null) {
      o.putNull("confirmation");
      return;
    }
    ObjectNode n = o.putObject("confirmation");
    n.put("precision", c.precision().name().toLowerCase(Locale.ROOT));
    n.set("excess", InstanceJson.number(c.excess()));
    n.set("floor", InstanceJson.number(c.floor()));
    n.put("note", c.note());
  }

  /** {@code "worst": {"instance", "empirical", "theoretical", "ratio", "counterexample"}} or null. */
  public static void writeWorst(WorstCase w, ObjectNode o) {
    if (w == null) {
      o.putNull("worst");
      return;
    }
    ObjectNode n = o.putObject("worst");
    n.put("instance", w.instance().describe());
    n.set("empirical", InstanceJson.number(w.empirical()));
    n.set("theoretical", InstanceJson.number(w.theoretical()));
    n.set("ratio", InstanceJson.number(w.ratio()));
    n.put("counterexample", w.counterexample());
  }

  /**
   * {@code in/evaluated} of the search, e.g. {@code 388/400}; {@code —} for a result without one.
   */
  public static String scopeText(CheckResult r) {
    SearchStatistics s = r.search();
    return s == null ? "—" : s.inScopeEvaluations() + "/" + s.evaluations();
  }

  // ---- Markdown and console ----

  private static final String[] COLUMNS = {
    "bound",
    "provenance",
    "instance",
    "empirical",
    "theoretical",
    "ratio",
    "verdict",
    "strength",
    "precision",
    "in scope",
    "control",
    "seed"
  };

  private List<String[]> table() {
    List<String[]> rows = new ArrayList<>();
    for (CheckResult r : results) {
      String empirical = number(r.empirical());
      if (r.measurement() != null && r.measurement().kind() != Measurement.Kind.EXACT) {
        empirical += " [" + number(r.lower()) + ", " + number(r.upper()) + "]";
      }
      String verdict = verdictLabel(r);
      String control = r.negativeControl() == null ? "" : r.negativeControl().status().name();
      rows.add(
          new String[] {
            r.boundId() + " " + r.comparison().symbol(),
            StrengthTally.provenanceTag(r.boundId()),
            r.instanceDescription(),
            empirical,
            number(r.theoretical()),
            number(r.ratio()),
            verdict,
            strengthCell(r),
            r.precision().name().toLowerCase(Locale.ROOT),
            scopeText(r),
            control,
            Long.toString(r.seed())
          });
    }
    for (NotCheckable n : notCheckable) {
      rows.add(
          new String[] {
            n.boundId(),
            StrengthTally.provenanceTag(n.boundId()),
            "—",
            "",
            "",
            "",
            "NOT_CHECKABLE",
            "",
            "",
            "",
            "",
            ""
          });
    }
    return rows;
  }

  /** The summary as a Markdown document. */
  public String toMarkdown() {
    StringBuilder s = new StringBuilder("# Bound checks\n\n");
    s.append("Seed ")
        .append(seed)
        .append(" · ")
        .append(multiplicityStatement())
        .append(" · ")
        .append(evaluationBudget)
        .append(" falsifier evaluations per check\n\n");
    s.append(
        "Ratio ≤ 1 holds, 1 is tight, > 1 violates (empirical/theoretical for ≤ bounds,"
            + " theoretical/empirical for ≥ bounds).\n\n");
    s.append("## Strength of the verdicts\n\n")
        .append(StrengthTally.legend())
        .append("\n\n")
        .append(strengthTally().markdownTable())
        .append("\n## Verdicts\n\n");
    s.append('|');
    for (String c : COLUMNS) {
      s.append(' ').append(c).append(" |");
    }
    s.append("\n|");
    for (int i = 0; i < COLUMNS.length; i++) {
      s.append("---|");
    }
    s.append('\n');
    for (String[] row : table()) {
      s.append('|');
      for (String cell : row) {
        s.append(' ').append(cell.replace("|", "\\|")).append(" |");
      }
      s.append('\n');
    }
    if (!scaling.isEmpty()) {
      s.append("\n## Scaling checks\n\n")
          .append(
              "Where a bound's constant cannot be reached (a vacuous check), its shape is tested: the"
                  + " log-log slope of the measured quantity in the variable the bound scales with,"
                  + " with its confidence interval, against the bound's slope. STEEPER: the bound's"
                  + " rate is loose (a finding); VIOLATED: the quantity scales worse than the bound"
                  + " allows. The control (a wrong exponent) must come out VIOLATED.\n\n")
          .append("| bound | variable | result | control |\n|---|---|---|---|\n");
      for (ScalingOutcome o : scaling) {
        s.append("| ")
            .append(o.boundId())
            .append(" | ")
            .append(o.variable())
            .append(" | ")
            .append(o.summary().replace("|", "\\|"))
            .append(" | ")
            .append(o.controlVerdict())
            .append(" |\n");
      }
    }
    if (!notCheckable.isEmpty()) {
      s.append("\n## Not yet checkable\n\n| bound | reason |\n|---|---|\n");
      for (NotCheckable n : notCheckable) {
        s.append("| ")
            .append(n.boundId())
            .append(" | ")
            .append(n.reason().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    StringBuilder notes = new StringBuilder();
    for (CheckResult r : results) {
      List<String> parts = noteParts(r);
      if (r.worst() != null) {
        parts.add(
            "worst instance found: "
                + r.worst().instance().describe()
                + " (ratio "
                + number(r.worst().ratio())
                + (r.worst().counterexample() == null
                    ? ")"
                    : ", `" + r.worst().counterexample() + "`)"));
      }
      if (r.counterexample() != null) {
        parts.add("shrunk counterexample: `" + r.counterexample() + "`");
      }
      if (r.confirmation() != null) {
        parts.add("precision: " + r.confirmation().note());
      }
      if (r.search() != null && r.search().timeCapHit()) {
        parts.add("the time cap stopped the search (result depends on machine speed)");
      }
      if (!parts.isEmpty()) {
        notes
            .append("- **")
            .append(r.boundId())
            .append("**: ")
            .append(String.join("; ", parts))
            .append('\n');
      }
    }
    if (notes.length() > 0) {
      s.append("\n## Notes\n\n").append(notes);
    }
    return s.toString();
  }

  /** A fixed-width table for the console, every cell in full. */
  public String toText() {
    return toText(TextTable.UNLIMITED);
  }

  /** The console table with lines fitted to {@code width} chars (long cells elided with …). */
  public String toText(int width) {
    List<String[]> rows = new ArrayList<>();
    rows.add(COLUMNS);
    rows.addAll(table());
    StringBuilder s = new StringBuilder(TextTable.render(rows, width));
    s.append(multiplicityStatement()).append('\n');
    s.append(countLine()).append('\n');
    for (ScalingOutcome o : scaling) {
      s.append("  scaling ").append(o.boundId()).append(": ").append(o.summary())
          .append("; control ").append(o.controlVerdict()).append('\n');
    }
    s.append("strength by paper:\n");
    for (String line : strengthTally().lines()) {
      s.append("  ").append(line).append('\n');
    }
    for (CheckResult r : results) {
      if (r.verdict() == Verdict.VIOLATED && r.expectedFinding() != null) {
        s.append("  expected (")
            .append(r.expectedFinding().cause().label())
            .append("): ")
            .append(r.boundId())
            .append('\n');
      }
      if (r.ablation() != null) {
        s.append("  ablation ").append(r.boundId()).append(": ").append(r.ablation().note());
        s.append('\n');
      }
    }
    return s.toString();
  }

  /**
   * The count line: verdicts, what the VIOLATED ones are ({@link #violationBreakdown}), the
   * consistency checks among the results, and the bounds not checkable.
   */
  public String countLine() {
    Map<Verdict, Integer> c = counts();
    List<String> ablations = new ArrayList<>();
    ablationCounts()
        .forEach(
            (status, n) -> {
              if (n > 0) {
                ablations.add(n + " " + status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
              }
            });
    return String.format(
        Locale.ROOT,
        "%d HOLDS (%d of them consistency checks of the encoding on their main search), %d VIOLATED (%s), %d"
            + " INCONCLUSIVE, %d OUT_OF_SCOPE, %d not checkable%s",
        c.get(Verdict.HOLDS),
        countConsistencyHolds(),
        c.get(Verdict.VIOLATED),
        violationBreakdown(),
        c.get(Verdict.INCONCLUSIVE),
        c.get(Verdict.OUT_OF_SCOPE),
        notCheckable.size(),
        ablations.isEmpty() ? "" : "; ablation controls: " + String.join(", ", ablations))
        + "; "
        + strengthLine();
  }

  /**
   * {@code strength: 12 consistency, 4 vacuous, …; 15 verbatim, 40 reconstructed}: the kinds of
   * evidence over all checks and the provenance of the statements they are about.
   */
  public String strengthLine() {
    StrengthTally.PaperCounts all = strengthTally().total();
    List<String> parts = new ArrayList<>();
    for (Strength k : Strength.values()) {
      parts.add(all.count(k) + " " + k.label());
    }
    return "strength: "
        + String.join(", ", parts)
        + "; about "
        + all.verbatim()
        + " verbatim and "
        + all.reconstructed()
        + " reconstructed statements";
  }

  private int countConsistencyHolds() {
    int n = 0;
    for (CheckResult r : consistencyChecks()) {
      if (r.verdict() == Verdict.HOLDS) {
        n++;
      }
    }
    return n;
  }

  /** Writes {@value #JSON_FILE} and {@value #MARKDOWN_FILE} atomically into {@code directory}. */
  public void writeTo(Path directory) throws IOException {
    AtomicFiles.writeString(directory.resolve(JSON_FILE), toJson());
    AtomicFiles.writeString(directory.resolve(MARKDOWN_FILE), toMarkdown());
  }

  /** Six significant digits, plain notation for moderate magnitudes. */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(v);
    if (v == 0 || (a >= 1e-4 && a < 1e7)) {
      return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.5e", v);
  }
}
