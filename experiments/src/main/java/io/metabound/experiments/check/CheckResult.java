package io.metabound.experiments.check;

import io.metabound.experiments.probe.Measurement;
import java.util.List;

/**
 * The result of checking one bound: measured and theoretical side by side, their ratio, the verdict
 * and the instance it was reached on (replayable).
 *
 * <p>The ratio is oriented so that ≤ 1 holds and &gt; 1 violates (see {@link Comparison}): {@code
 * empirical / theoretical} for upper bounds, {@code theoretical / empirical} for lower bounds and
 * sufficient stepsize thresholds.
 *
 * <p>Results are built with {@link #builder} (or copied with {@link #toBuilder}), so a call site
 * names what it sets.
 *
 * @param boundId the bound's id ({@code ji2022.prop1.meta-smoothness}, …)
 * @param quantityId the measured quantity's id ({@code meta-smoothness}, …)
 * @param comparison upper or lower bound
 * @param verdict the verdict
 * @param measurement the empirical side (null when the instance was out of scope or none found)
 * @param theoretical the bound's value on the instance (NaN when out of scope)
 * @param ratio the oriented ratio (NaN when out of scope)
 * @param tight true when measured and theoretical agree within the relative tolerance
 * @param instance the instance (null when no in-scope instance was found); for a VIOLATED verdict
 *     the shrunk one
 * @param seed the seed of the instance's random numbers (replay with it)
 * @param confidenceLevel the level of the measurement's interval (after Holm adjustment in a suite)
 * @param familyWiseLevel the family-wise error level α the level was derived from
 * @param expectedFinding the documented finding when a violation is expected, else null
 * @param note free text: unmet assumptions, shrink summary, oddities
 * @param unmetAssumptions hypotheses the instance fails (empty when in scope)
 * @param search what the falsifier did (null for a single-instance check)
 * @param negativeControl the negative control (null when not run)
 * @param shrinkSteps the shrinker's accepted steps (empty when nothing was shrunk)
 * @param counterexample path of the written counterexample file (the shrunk instance), or null
 * @param remarks the plan's remarks: whether this is a consistency check of the encoding, and the
 *     notes on constants and regions ({@link CheckRemarks#NONE} when there are none)
 * @param ablation the ablation control (null when the check has none or it was not run)
 * @param confirmation how a comparison at or past the bound was confirmed (null when the double
 *     comparison was clear)
 * @param worst the worst instance found before shrinking (null unless the verdict is VIOLATED)
 * @param strength what kind of evidence the verdict is ({@link CheckStrength}; null until the
 *     check's run has classified it)
 * @param classSearch the check's second search on a family inside the result's hypotheses (null
 *     when it has none)
 */
public record CheckResult(
    String boundId,
    String quantityId,
    Comparison comparison,
    Verdict verdict,
    Measurement measurement,
    double theoretical,
    double ratio,
    boolean tight,
    Instance instance,
    long seed,
    double confidenceLevel,
    double familyWiseLevel,
    ExpectedFinding expectedFinding,
    String note,
    List<String> unmetAssumptions,
    SearchStatistics search,
    NegativeControlResult negativeControl,
    List<String> shrinkSteps,
    String counterexample,
    CheckRemarks remarks,
    AblationResult ablation,
    Confirmation confirmation,
    WorstCase worst,
    CheckStrength strength,
    ClassSearchResult classSearch) {

  public CheckResult {
    unmetAssumptions = List.copyOf(unmetAssumptions);
    shrinkSteps = List.copyOf(shrinkSteps);
    note = note == null ? "" : note;
    remarks = remarks == null ? CheckRemarks.NONE : remarks;
  }

  /** A result of the given check: set the rest on the builder. */
  public static Builder builder(String boundId, String quantityId, Comparison comparison) {
    Builder b = new Builder();
    b.boundId = boundId;
    b.quantityId = quantityId;
    b.comparison = comparison;
    return b;
  }

  /** A builder holding every component of this result, to change some and build a copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The explanation of the expected finding, or null when none is declared. */
  public String expectedExplanation() {
    return expectedFinding == null ? null : expectedFinding.explanation();
  }

  /** True for a consistency check of the encoding (see {@link CheckRemarks}). */
  public boolean isConsistencyCheck() {
    return remarks.isConsistencyCheck();
  }

  /** The measured value (NaN when nothing was measured). */
  public double empirical() {
    return measurement == null ? Double.NaN : measurement.value();
  }

  public double lower() {
    return measurement == null ? Double.NaN : measurement.lower();
  }

  public double upper() {
    return measurement == null ? Double.NaN : measurement.upper();
  }

  /** True when this is a VIOLATED verdict that is not a documented expected finding. */
  public boolean isUnexpectedViolation() {
    return (verdict == Verdict.VIOLATED && expectedFinding == null)
        || (classSearch != null && classSearch.result().isUnexpectedViolation());
  }

  public String instanceDescription() {
    return instance == null ? "(none in scope)" : instance.describe();
  }

  /** The precision of the decisive comparison ({@code double} when none was needed). */
  public Confirmation.Precision precision() {
    return confirmation == null ? Confirmation.Precision.DOUBLE : confirmation.precision();
  }

  public CheckResult withVerdict(Verdict v, boolean isTight, double level, double familyWise) {
    return toBuilder()
        .verdict(v)
        .tight(isTight)
        .confidenceLevel(level)
        .familyWiseLevel(familyWise)
        .build();
  }

  public CheckResult withMeasurement(Measurement m) {
    return toBuilder().measurement(m).build();
  }

  public CheckResult withSearch(SearchStatistics s) {
    return toBuilder().search(s).build();
  }

  public CheckResult withNegativeControl(NegativeControlResult n) {
    return toBuilder().negativeControl(n).build();
  }

  public CheckResult withShrinkSteps(List<String> steps) {
    return toBuilder().shrinkSteps(steps).build();
  }

  public CheckResult withCounterexample(String path) {
    return toBuilder().counterexample(path).build();
  }

  public CheckResult withNote(String text) {
    return toBuilder().note(text).build();
  }

  public CheckResult withAblation(AblationResult a) {
    return toBuilder().ablation(a).build();
  }

  public CheckResult withWorst(WorstCase w) {
    return toBuilder().worst(w).build();
  }

  public CheckResult withStrength(CheckStrength s) {
    return toBuilder().strength(s).build();
  }

  public CheckResult withClassSearch(ClassSearchResult c) {
    return toBuilder().classSearch(c).build();
  }

  /**
   * The strength the summaries count: the class search's when it is a real test in the result's
   * class (genuine or tight-in-class) and this search is not, else this search's own.
   */
  public CheckStrength effectiveStrength() {
    if (classSearch != null
        && classSearch.result().strength() != null
        && classSearch.result().strength().kind().isInClassTest()
        && (strength == null || !strength.kind().isInClassTest())) {
      return classSearch.result().strength();
    }
    return strength;
  }

  /** Named setters for every component; {@link #build} validates like the constructor. */
  public static final class Builder {
    private String boundId;
    private String quantityId;
    private Comparison comparison;
    private Verdict verdict;
    private Measurement measurement;
    private double theoretical = Double.NaN;
    private double ratio = Double.NaN;
    private boolean tight;
    private Instance instance;
    private long seed;
    private double confidenceLevel = 1.0;
    private double familyWiseLevel;
    private ExpectedFinding expectedFinding;
    private String note = "";
    private List<String> unmetAssumptions = List.of();
    private SearchStatistics search;
    private NegativeControlResult negativeControl;
    private List<String> shrinkSteps = List.of();
    private String counterexample;
    private CheckRemarks remarks = CheckRemarks.NONE;
    private AblationResult ablation;
    private Confirmation confirmation;
    private WorstCase worst;
    private CheckStrength strength;
    private ClassSearchResult classSearch;

    private Builder() {}

    private Builder(CheckResult r) {
      boundId = r.boundId;
      quantityId = r.quantityId;
      comparison = r.comparison;
      verdict = r.verdict;
      measurement = r.measurement;
      theoretical = r.theoretical;
      ratio = r.ratio;
      tight = r.tight;
      instance = r.instance;
      seed = r.seed;
      confidenceLevel = r.confidenceLevel;
      familyWiseLevel = r.familyWiseLevel;
      expectedFinding = r.expectedFinding;
      note = r.note;
      unmetAssumptions = r.unmetAssumptions;
      search = r.search;
      negativeControl = r.negativeControl;
      shrinkSteps = r.shrinkSteps;
      counterexample = r.counterexample;
      remarks = r.remarks;
      ablation = r.ablation;
      confirmation = r.confirmation;
      worst = r.worst;
      strength = r.strength;
      classSearch = r.classSearch;
    }

    public Builder boundId(String v) {
      boundId = v;
      return this;
    }

    public Builder comparison(Comparison v) {
      comparison = v;
      return this;
    }

    public Builder verdict(Verdict v) {
      verdict = v;
      return this;
    }

    public Builder measurement(Measurement v) {
      measurement = v;
      return this;
    }

    /** The bound's value and the oriented ratio of the measurement against it. */
    public Builder theoretical(double value, double orientedRatio) {
      theoretical = value;
      ratio = orientedRatio;
      return this;
    }

    public Builder tight(boolean v) {
      tight = v;
      return this;
    }

    /** The instance and the seed of its random numbers. */
    public Builder instance(Instance v, long instanceSeed) {
      instance = v;
      seed = instanceSeed;
      return this;
    }

    public Builder confidenceLevel(double v) {
      confidenceLevel = v;
      return this;
    }

    public Builder familyWiseLevel(double v) {
      familyWiseLevel = v;
      return this;
    }

    public Builder expectedFinding(ExpectedFinding v) {
      expectedFinding = v;
      return this;
    }

    public Builder note(String v) {
      note = v;
      return this;
    }

    public Builder unmetAssumptions(List<String> v) {
      unmetAssumptions = v;
      return this;
    }

    public Builder search(SearchStatistics v) {
      search = v;
      return this;
    }

    public Builder negativeControl(NegativeControlResult v) {
      negativeControl = v;
      return this;
    }

    public Builder shrinkSteps(List<String> v) {
      shrinkSteps = v;
      return this;
    }

    public Builder counterexample(String v) {
      counterexample = v;
      return this;
    }

    public Builder remarks(CheckRemarks v) {
      remarks = v;
      return this;
    }

    public Builder ablation(AblationResult v) {
      ablation = v;
      return this;
    }

    public Builder confirmation(Confirmation v) {
      confirmation = v;
      return this;
    }

    public Builder worst(WorstCase v) {
      worst = v;
      return this;
    }

    public Builder strength(CheckStrength v) {
      strength = v;
      return this;
    }

    public Builder classSearch(ClassSearchResult v) {
      classSearch = v;
      return this;
    }

    public CheckResult build() {
      return new CheckResult(
          boundId,
          quantityId,
          comparison,
          verdict,
          measurement,
          theoretical,
          ratio,
          tight,
          instance,
          seed,
          confidenceLevel,
          familyWiseLevel,
          expectedFinding,
          note,
          unmetAssumptions,
          search,
          negativeControl,
          shrinkSteps,
          counterexample,
          remarks,
          ablation,
          confirmation,
          worst,
          strength,
          classSearch);
    }
  }
}
