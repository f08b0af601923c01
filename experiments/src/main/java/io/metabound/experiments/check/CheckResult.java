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
 * @param boundId the bound's id ({@code ji2022.prop1.meta-smoothness}, …)
 * @param quantityId the measured quantity's id ({@code meta-smoothness}, …)
 * @param comparison upper or lower bound
 * @param verdict the verdict
 * @param measurement the empirical side (null when the instance was out of scope or none found)
 * @param theoretical the bound's value on the instance (NaN when out of scope)
 * @param ratio the oriented ratio (NaN when out of scope)
 * @param tight true when measured and theoretical agree within the relative tolerance
 * @param instance the instance (null when no in-scope instance was found)
 * @param seed the seed of the instance's random numbers (replay with it)
 * @param confidenceLevel the level of the measurement's interval (after Holm adjustment in a suite)
 * @param familyWiseLevel the family-wise error level α the level was derived from
 * @param expectedFinding the documented finding when a violation is expected, else null
 * @param note free text: unmet assumptions, shrink summary, oddities
 * @param unmetAssumptions hypotheses the instance fails (empty when in scope)
 * @param search what the falsifier did (null for a single-instance check)
 * @param negativeControl the negative control (null when not run)
 * @param shrinkSteps the shrinker's accepted steps (empty when nothing was shrunk)
 * @param counterexample path of the written counterexample file, or null
 * @param remarks the plan's remarks: whether this is a consistency check of the encoding, and the
 *     notes on constants and regions ({@link CheckRemarks#NONE} when there are none)
 * @param ablation the ablation control (null when the check has none or it was not run)
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
    AblationResult ablation) {

  public CheckResult {
    unmetAssumptions = List.copyOf(unmetAssumptions);
    shrinkSteps = List.copyOf(shrinkSteps);
    note = note == null ? "" : note;
    remarks = remarks == null ? CheckRemarks.NONE : remarks;
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
    return verdict == Verdict.VIOLATED && expectedFinding == null;
  }

  public String instanceDescription() {
    return instance == null ? "(none in scope)" : instance.describe();
  }

  public CheckResult withVerdict(Verdict v, boolean isTight, double level, double familyWise) {
    Copy c = new Copy(this);
    c.verdict = v;
    c.tight = isTight;
    c.confidenceLevel = level;
    c.familyWiseLevel = familyWise;
    return c.build();
  }

  public CheckResult withMeasurement(Measurement m) {
    Copy c = new Copy(this);
    c.measurement = m;
    return c.build();
  }

  public CheckResult withSearch(SearchStatistics s) {
    Copy c = new Copy(this);
    c.search = s;
    return c.build();
  }

  public CheckResult withNegativeControl(NegativeControlResult n) {
    Copy c = new Copy(this);
    c.negativeControl = n;
    return c.build();
  }

  public CheckResult withShrinkSteps(List<String> steps) {
    Copy c = new Copy(this);
    c.shrinkSteps = steps;
    return c.build();
  }

  public CheckResult withCounterexample(String path) {
    Copy c = new Copy(this);
    c.counterexample = path;
    return c.build();
  }

  public CheckResult withNote(String text) {
    Copy c = new Copy(this);
    c.note = text;
    return c.build();
  }

  public CheckResult withAblation(AblationResult a) {
    Copy c = new Copy(this);
    c.ablation = a;
    return c.build();
  }

  /** A mutable copy of a result, for the {@code with…} methods: change fields, then build. */
  private static final class Copy {
    String boundId;
    String quantityId;
    Comparison comparison;
    Verdict verdict;
    Measurement measurement;
    double theoretical;
    double ratio;
    boolean tight;
    Instance instance;
    long seed;
    double confidenceLevel;
    double familyWiseLevel;
    ExpectedFinding expectedFinding;
    String note;
    List<String> unmetAssumptions;
    SearchStatistics search;
    NegativeControlResult negativeControl;
    List<String> shrinkSteps;
    String counterexample;
    CheckRemarks remarks;
    AblationResult ablation;

    Copy(CheckResult r) {
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
    }

    CheckResult build() {
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
          ablation);
    }
  }
}
