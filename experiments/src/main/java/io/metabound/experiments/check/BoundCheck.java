package io.metabound.experiments.check;

import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A bound paired with the probe that measures its quantity over an instance domain.
 *
 * <p>{@link #evaluate} checks one instance: assumptions first (unmet → OUT_OF_SCOPE, nothing is
 * measured), then the bound's value and the measurement, then {@link VerdictRule}. {@link #run}
 * searches the domain for the largest ratio ({@link Falsifier}), confirms the verdict on the best
 * instance with fresh random numbers (so a Monte Carlo interval is not biased by having been
 * selected as the maximum of noisy estimates), shrinks a violation ({@link Shrinker}) and writes it
 * as a replayable {@link CounterexampleFile}, and runs the {@link NegativeControl}.
 */
public final class BoundCheck {

  /** Seed streams derived from the master seed. */
  private static final long SEARCH_STREAM = 1;

  private static final long SEARCH_INSTANCE_STREAM = 2;
  private static final long CONFIRMATION_STREAM = 3;

  private final String boundId;
  private final Comparison comparison;
  private final TheoreticalBound theory;
  private final Probe probe;
  private final InstanceDomain domain;
  private final ExpectedFinding expectedFinding;
  private final UnaryOperator<CheckSettings> tuning;
  private String planNote = "";
  private String inconclusiveReason;

  /**
   * @param boundId the bound's id
   * @param comparison upper or lower bound
   * @param theory the theoretical side
   * @param probe the empirical side
   * @param domain where to look for instances
   * @param expectedFinding non-null when a violation is a documented finding
   */
  public BoundCheck(
      String boundId,
      Comparison comparison,
      TheoreticalBound theory,
      Probe probe,
      InstanceDomain domain,
      ExpectedFinding expectedFinding) {
    this(boundId, comparison, theory, probe, domain, expectedFinding, UnaryOperator.identity());
  }

  /**
   * @param tuning adapts the suite's settings to this check (for example fewer evaluations for an
   *     expensive Monte Carlo probe); it must keep the seed and the levels, which the suite's
   *     multiplicity correction relies on
   */
  public BoundCheck(
      String boundId,
      Comparison comparison,
      TheoreticalBound theory,
      Probe probe,
      InstanceDomain domain,
      ExpectedFinding expectedFinding,
      UnaryOperator<CheckSettings> tuning) {
    if (boundId == null || boundId.isBlank()) {
      throw new IllegalArgumentException("a check needs a bound id");
    }
    this.boundId = boundId;
    this.comparison = comparison;
    this.theory = theory;
    this.probe = probe;
    this.domain = domain;
    this.expectedFinding = expectedFinding;
    this.tuning = tuning == null ? UnaryOperator.identity() : tuning;
  }

  /** A check with no expected finding. */
  public BoundCheck(
      String boundId,
      Comparison comparison,
      TheoreticalBound theory,
      Probe probe,
      InstanceDomain domain) {
    this(boundId, comparison, theory, probe, domain, null);
  }

  public String boundId() {
    return boundId;
  }

  public String quantityId() {
    return probe.quantityId();
  }

  public Comparison comparison() {
    return comparison;
  }

  public TheoreticalBound theory() {
    return theory;
  }

  public Probe probe() {
    return probe;
  }

  public InstanceDomain domain() {
    return domain;
  }

  public ExpectedFinding expectedFinding() {
    return expectedFinding;
  }

  /** The same check with the bound multiplied by {@code factor} (negative controls). */
  public BoundCheck scaled(double factor) {
    return new BoundCheck(
        boundId + " ×" + factor,
        comparison,
        theory.scaled(factor),
        probe,
        domain,
        expectedFinding,
        tuning)
        .withPlanNote(planNote, inconclusiveReason);
  }

  /** The same check declared as an expected finding. */
  public BoundCheck expecting(ExpectedFinding finding) {
    return new BoundCheck(boundId, comparison, theory, probe, domain, finding, tuning)
        .withPlanNote(planNote, inconclusiveReason);
  }

  /** The same check with its own adaptation of the suite's settings (see the constructor). */
  public BoundCheck tuned(UnaryOperator<CheckSettings> newTuning) {
    return new BoundCheck(boundId, comparison, theory, probe, domain, expectedFinding, newTuning)
        .withPlanNote(planNote, inconclusiveReason);
  }

  /**
   * The same check with its plan's note (appended to the result's note by {@link #run}, so the
   * report shows how the bound is checked) and its declared INCONCLUSIVE reason (null: none; see
   * {@link RegistryChecks.Plan#inconclusiveReason()}).
   */
  public BoundCheck withPlanNote(String note, String declaredInconclusive) {
    BoundCheck copy =
        new BoundCheck(boundId, comparison, theory, probe, domain, expectedFinding, tuning);
    copy.planNote = note == null ? "" : note;
    copy.inconclusiveReason = declaredInconclusive;
    return copy;
  }

  /** The plan's note ("" when none). */
  public String planNote() {
    return planNote;
  }

  /** Why an INCONCLUSIVE verdict is expected of this check; null when none is declared. */
  public String inconclusiveReason() {
    return inconclusiveReason;
  }

  /** The suite's settings as this check uses them (after its tuning). */
  public CheckSettings effectiveSettings(CheckSettings settings) {
    CheckSettings tuned = tuning.apply(settings);
    if (tuned.seed() != settings.seed()
        || tuned.familyWiseLevel() != settings.familyWiseLevel()) {
      throw new IllegalStateException(
          "the tuning of check " + boundId + " changed the seed or the family-wise level");
    }
    return tuned;
  }

  /** Checks one instance with the confirmation settings (what a replay does). */
  public CheckResult evaluate(Instance instance, CheckSettings suiteSettings) {
    return evaluateTuned(instance, effectiveSettings(suiteSettings));
  }

  private CheckResult evaluateTuned(Instance instance, CheckSettings settings) {
    return evaluate(
        instance,
        settings.confirmationMeasurement(),
        settings.relativeTolerance(),
        settings.familyWiseLevel());
  }

  /**
   * Checks one instance.
   *
   * @param instance the instance (its seed drives the probe)
   * @param measurement confidence level and sample count for the probe
   * @param relativeTolerance tolerance of exact comparisons
   * @param familyWiseLevel recorded in the result
   */
  public CheckResult evaluate(
      Instance instance,
      MeasurementSettings measurement,
      double relativeTolerance,
      double familyWiseLevel) {
    List<String> unmet = theory.unmetAssumptions(instance);
    String finding = expectedFinding == null ? null : expectedFinding.explanation();
    if (!unmet.isEmpty()) {
      return new CheckResult(
          boundId,
          probe.quantityId(),
          comparison,
          Verdict.OUT_OF_SCOPE,
          null,
          Double.NaN,
          Double.NaN,
          false,
          instance,
          instance.seed(),
          measurement.confidenceLevel(),
          familyWiseLevel,
          finding,
          "assumptions not met: " + String.join("; ", unmet),
          unmet,
          null,
          null,
          List.of(),
          null);
    }
    double bound = theory.value(instance);
    Measurement m = probe.measure(instance, measurement);
    VerdictRule.Decision decision = VerdictRule.decide(comparison, m, bound, relativeTolerance);
    double level = m.isStochastic() ? m.confidenceLevel() : 1.0;
    return new CheckResult(
        boundId,
        probe.quantityId(),
        comparison,
        decision.verdict(),
        m,
        bound,
        comparison.ratio(m.value(), bound),
        decision.tight(),
        instance,
        instance.seed(),
        level,
        familyWiseLevel,
        finding,
        decision.note(),
        List.of(),
        null,
        null,
        List.of(),
        null);
  }

  /**
   * Searches the domain, decides, shrinks a violation, writes the counterexample (when a directory
   * is set and the instance is quadratic) and runs the negative control.
   */
  public CheckResult run(CheckSettings suiteSettings) {
    CheckSettings settings = effectiveSettings(suiteSettings);
    MeasurementSettings searchMeasurement = settings.searchMeasurement();
    Falsifier.Result found =
        Falsifier.maximise(
            domain,
            instance -> {
              CheckResult r =
                  evaluate(
                      instance,
                      searchMeasurement,
                      settings.relativeTolerance(),
                      settings.familyWiseLevel());
              return r.verdict() == Verdict.OUT_OF_SCOPE ? Double.NaN : r.ratio();
            },
            Seeds.derive(settings.seed(), SEARCH_STREAM),
            Seeds.derive(settings.seed(), SEARCH_INSTANCE_STREAM),
            new Falsifier.Budget(
                settings.evaluationBudget(), settings.timeCapSeconds(), settings.randomFraction()));
    SearchStatistics search =
        new SearchStatistics(
            domain.description(),
            found.evaluations(),
            found.inScopeEvaluations(),
            found.restarts(),
            found.bestScore(),
            found.timeCapHit(),
            0);
    if (found.best() == null) {
      return outOfScopeEverywhere(settings, search);
    }
    Instance best = found.best().withSeed(Seeds.derive(settings.seed(), CONFIRMATION_STREAM));
    CheckResult confirmed = evaluateTuned(best, settings);
    CheckResult result = confirmed;
    if (confirmed.verdict() == Verdict.VIOLATED && settings.shrinkBudget() > 0) {
      Shrinker.Result shrunk =
          Shrinker.shrink(
              best,
              candidate ->
                  domain.admits(candidate)
                      && evaluateTuned(candidate, settings).verdict() == Verdict.VIOLATED,
              settings.shrinkBudget());
      result = evaluateTuned(shrunk.instance(), settings).withShrinkSteps(shrunk.steps());
      search = search.withShrinkEvaluations(shrunk.evaluations());
      if (!shrunk.steps().isEmpty()) {
        result =
            result.withNote(
                "shrunk in "
                    + shrunk.steps().size()
                    + " steps from "
                    + best.describe()
                    + (shrunk.budgetExhausted() ? " (shrink budget exhausted)" : ""));
      }
      if (settings.counterexampleDirectory() != null && shrunk.instance().isQuadratic()) {
        Path file =
            settings.counterexampleDirectory().resolve(CounterexampleFile.fileName(boundId));
        try {
          CounterexampleFile.write(file, result, settings);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write counterexample " + file, e);
        }
        result = result.withCounterexample(file.toString());
      }
    }
    result = result.withSearch(search);
    result = withPlanNotes(result);
    if (settings.negativeControlStrength() > 0) {
      // the control re-tunes through evaluate(), so it gets the suite's settings
      result = result.withNegativeControl(NegativeControl.run(this, confirmed, suiteSettings));
    }
    return result;
  }

  /** The result with the plan's note and the declared INCONCLUSIVE reason appended. */
  private CheckResult withPlanNotes(CheckResult result) {
    StringBuilder note = new StringBuilder(result.note());
    for (String part :
        new String[] {
          planNote, inconclusiveReason == null ? "" : "INCONCLUSIVE declared: " + inconclusiveReason
        }) {
      if (!part.isEmpty()) {
        note.append(note.length() == 0 ? "" : "; ").append(part);
      }
    }
    return result.withNote(note.toString());
  }

  private CheckResult outOfScopeEverywhere(CheckSettings settings, SearchStatistics search) {
    // report the hypotheses that fail on the first point of the first search space
    SearchSpace first = domain.searchSpaces().get(0);
    Instance sample = first.decode(first.lowerBounds(), settings.seed());
    List<String> unmet = theory.unmetAssumptions(sample);
    String finding = expectedFinding == null ? null : expectedFinding.explanation();
    return new CheckResult(
        boundId,
        probe.quantityId(),
        comparison,
        Verdict.OUT_OF_SCOPE,
        null,
        Double.NaN,
        Double.NaN,
        false,
        null,
        settings.seed(),
        settings.confidenceLevel(),
        settings.familyWiseLevel(),
        finding,
        "no instance of the domain satisfies the assumptions ("
            + search.evaluations()
            + " evaluated); e.g. unmet: "
            + String.join("; ", unmet),
        unmet,
        search,
        null,
        List.of(),
        null);
  }
}
