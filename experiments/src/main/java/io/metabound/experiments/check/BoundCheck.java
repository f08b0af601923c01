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
 * as a replayable {@link CounterexampleFile}, and runs the {@link NegativeControl} and, when the
 * check names one, the {@link Ablation} control.
 *
 * <p>Every result carries the check's {@link CheckRemarks} (consistency label, notes on constants),
 * so a single evaluation or a replay reports them as the suite does.
 */
public final class BoundCheck {

  /** Seed streams derived from the master seed. */
  private static final long SEARCH_STREAM = 1;

  private static final long SEARCH_INSTANCE_STREAM = 2;
  private static final long CONFIRMATION_STREAM = 3;
  private static final long ABLATION_STREAM = 4;
  private static final long ABLATION_INSTANCE_STREAM = 5;

  private final String boundId;
  private final Comparison comparison;
  private final TheoreticalBound theory;
  private final Probe probe;
  private final InstanceDomain domain;
  private final ExpectedFinding expectedFinding;
  private final UnaryOperator<CheckSettings> tuning;
  private final CheckRemarks remarks;
  private final Ablation ablation;
  private final StrengthEvidence evidence;

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
    this(
        boundId,
        comparison,
        theory,
        probe,
        domain,
        expectedFinding,
        tuning,
        CheckRemarks.NONE,
        null,
        StrengthEvidence.NONE);
  }

  private BoundCheck(
      String boundId,
      Comparison comparison,
      TheoreticalBound theory,
      Probe probe,
      InstanceDomain domain,
      ExpectedFinding expectedFinding,
      UnaryOperator<CheckSettings> tuning,
      CheckRemarks remarks,
      Ablation ablation,
      StrengthEvidence evidence) {
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
    this.remarks = remarks == null ? CheckRemarks.NONE : remarks;
    this.ablation = ablation;
    this.evidence = evidence == null ? StrengthEvidence.NONE : evidence;
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

  public CheckRemarks remarks() {
    return remarks;
  }

  /** The ablation control, or null when the check has none. */
  public Ablation ablation() {
    return ablation;
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
        tuning,
        remarks,
        null,
        evidence.withoutClassSearch());
  }

  /** The same check declared as an expected finding. */
  public BoundCheck expecting(ExpectedFinding finding) {
    return new BoundCheck(
        boundId, comparison, theory, probe, domain, finding, tuning, remarks, ablation, evidence);
  }

  /** The same check with its own adaptation of the suite's settings (see the constructor). */
  public BoundCheck tuned(UnaryOperator<CheckSettings> newTuning) {
    return new BoundCheck(
        boundId, comparison, theory, probe, domain, expectedFinding, newTuning, remarks, ablation,
        evidence);
  }

  /** The same check with remarks (consistency label, notes) that every result carries. */
  public BoundCheck withRemarks(CheckRemarks newRemarks) {
    return new BoundCheck(
        boundId, comparison, theory, probe, domain, expectedFinding, tuning, newRemarks, ablation,
        evidence);
  }

  /**
   * The same check with an ablation control ({@link #run} reports it), or without one for null.
   *
   * @throws IllegalArgumentException when the bound cannot be ablated in that symbol
   */
  public BoundCheck withAblation(Ablation newAblation) {
    if (newAblation != null && theory.ablated(newAblation.symbol()).isEmpty()) {
      throw new IllegalArgumentException(
          "the bound of "
              + boundId
              + " ("
              + theory.formula()
              + ") has no terms in '"
              + newAblation.symbol()
              + "' to ablate");
    }
    return new BoundCheck(
        boundId, comparison, theory, probe, domain, expectedFinding, tuning, remarks, newAblation,
        evidence);
  }

  /** What the check's strength is decided from (hypotheses, vacuity, class search). */
  public StrengthEvidence evidence() {
    return evidence;
  }

  /** The same check with this strength evidence. */
  public BoundCheck withEvidence(StrengthEvidence newEvidence) {
    return new BoundCheck(
        boundId, comparison, theory, probe, domain, expectedFinding, tuning, remarks, ablation,
        newEvidence);
  }

  /** The suite's settings as this check uses them (after its tuning). */
  public CheckSettings effectiveSettings(CheckSettings settings) {
    CheckSettings tuned = tuning.apply(settings);
    if (tuned.seed() != settings.seed() || tuned.familyWiseLevel() != settings.familyWiseLevel()) {
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
        theory,
        instance,
        settings.confirmationMeasurement(),
        settings.relativeTolerance(),
        settings.familyWiseLevel(),
        true);
  }

  /**
   * Checks one instance, confirming a comparison at or past the bound in extended precision.
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
    return evaluate(theory, instance, measurement, relativeTolerance, familyWiseLevel, true);
  }

  /**
   * One instance against {@code bound}. In double: the bound's value and rounding floor, the
   * measurement, {@link VerdictRule}. With {@code confirm}, an exact measurement past the screen
   * tolerance is re-decided by {@link ExtendedPrecision} when both sides have a field form (the
   * search leaves this out for speed; every reported verdict has it), and a VIOLATED verdict
   * without one records that it was decided in double.
   */
  private CheckResult evaluate(
      TheoreticalBound bound,
      Instance instance,
      MeasurementSettings measurement,
      double relativeTolerance,
      double familyWiseLevel,
      boolean confirm) {
    List<String> unmet = bound.unmetAssumptions(instance);
    CheckResult.Builder result =
        CheckResult.builder(boundId, probe.quantityId(), comparison)
            .instance(instance, instance.seed())
            .confidenceLevel(measurement.confidenceLevel())
            .familyWiseLevel(familyWiseLevel)
            .expectedFinding(expectedFinding)
            .remarks(remarks.at(instance));
    if (!unmet.isEmpty()) {
      return result
          .verdict(Verdict.OUT_OF_SCOPE)
          .note("assumptions not met: " + String.join("; ", unmet))
          .unmetAssumptions(unmet)
          .build();
    }
    double value = bound.value(instance);
    Measurement m = probe.measure(instance, measurement);
    double floor = bound.roundingFloor(instance);
    VerdictRule.Decision decision =
        VerdictRule.decide(comparison, m, value, relativeTolerance, floor);
    result
        .verdict(decision.verdict())
        .measurement(m)
        .theoretical(
            value, decision.roundingFloorDecided() ? 1.0 : comparison.ratio(m.value(), value))
        .tight(decision.tight())
        .confidenceLevel(m.isStochastic() ? m.confidenceLevel() : 1.0)
        .note(decision.note());
    if (!confirm) {
      return result.build();
    }
    // past the screen, or within the bound's rounding floor either way: double cannot decide
    boolean undecidedInDouble =
        VerdictRule.withinRoundingFloor(m.value(), value, relativeTolerance, floor);
    if (m.kind() == Measurement.Kind.EXACT
        && (VerdictRule.beyondScreen(comparison, m.value(), value) || undecidedInDouble)) {
      ExtendedPrecision.Outcome outcome =
          ExtendedPrecision.confirm(comparison, bound, probe, instance, relativeTolerance);
      if (outcome.available()) {
        return result
            .verdict(outcome.verdict())
            .measurement(Measurement.exact(outcome.measured()))
            .theoretical(outcome.theoretical(), outcome.ratio())
            .tight(outcome.tight())
            .confirmation(outcome.confirmation())
            .build();
      }
      if (decision.verdict() == Verdict.VIOLATED) {
        result.confirmation(outcome.confirmation());
      }
    } else if (decision.verdict() == Verdict.VIOLATED) {
      result.confirmation(
          Confirmation.inDouble(
              m.isStochastic()
                  ? "decided by its confidence interval (Monte Carlo): rounding is far below it"
                  : m.kind() == Measurement.Kind.BRACKETED
                      ? "decided by its certified enclosure"
                      : "excess beyond the tolerance and the rounding floor " + floor));
    }
    return result.build();
  }

  /**
   * Searches the domain, confirms the verdict on the best instances (extended precision where the
   * check has a field form), shrinks a violation and writes the worst and the shrunk instance as
   * replayable counterexamples (when a directory is set and the instance is quadratic), downgrades
   * a HOLDS resting on too little of the domain to INCONCLUSIVE, and runs the controls.
   */
  public CheckResult run(CheckSettings suiteSettings) {
    CheckSettings settings = effectiveSettings(suiteSettings);
    Falsifier.Result found =
        search(theory, x -> true, SEARCH_STREAM, SEARCH_INSTANCE_STREAM, settings);
    SearchStatistics search =
        new SearchStatistics(
            domain.description(),
            settings.evaluationBudget(),
            found.evaluations(),
            found.inScopeEvaluations(),
            found.restarts(),
            found.bestScore(),
            found.timeCapHit(),
            0,
            found.collapsed());
    if (found.best() == null) {
      return classified(outOfScopeEverywhere(settings, search), suiteSettings);
    }
    long confirmationSeed = Seeds.derive(settings.seed(), CONFIRMATION_STREAM);
    Instance best = found.best().withSeed(confirmationSeed);
    CheckResult confirmed = evaluateTuned(best, settings);
    if (refutedInExtendedPrecision(confirmed, found.bestScore())) {
      // the best double ratio was a rounding residue: the next leaders may hold a real violation
      for (Instance leader : found.leaders()) {
        CheckResult c = evaluateTuned(leader.withSeed(confirmationSeed), settings);
        if (worse(c, confirmed)) {
          confirmed = c;
          best = c.instance();
        }
      }
    }
    CheckResult result = confirmed;
    if (confirmed.verdict() == Verdict.VIOLATED) {
      WorstCase worst = WorstCase.of(confirmed);
      if (settings.shrinkBudget() > 0) {
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
                      + " steps from the worst instance found, "
                      + best.describe()
                      + " (ratio "
                      + SuiteSummary.number(worst.ratio())
                      + ")"
                      + (shrunk.budgetExhausted() ? " (shrink budget exhausted)" : ""));
        }
      }
      Path directory = settings.counterexampleDirectory();
      if (directory != null && result.instance().isQuadratic()) {
        result =
            result.withCounterexample(
                write(directory.resolve(CounterexampleFile.fileName(boundId)), result, settings));
        worst =
            worst.withCounterexample(
                write(
                    directory.resolve(CounterexampleFile.worstFileName(boundId)),
                    confirmed.withWorst(null),
                    settings));
      }
      result = result.withWorst(worst);
    } else if (confirmed.verdict() == Verdict.HOLDS && search.scopeProblem() != null) {
      result =
          result.toBuilder()
              .verdict(Verdict.INCONCLUSIVE)
              .note("too little of the domain was in scope to support HOLDS: " + search.scopeProblem())
              .build();
    }
    result = result.withSearch(search);
    if (settings.negativeControlStrength() > 0) {
      // the control re-tunes through evaluate(), so it gets the suite's settings
      result = result.withNegativeControl(NegativeControl.run(this, confirmed, suiteSettings));
    }
    if (ablation != null) {
      result = result.withAblation(ablationControl(best, settings));
    }
    return classified(result, suiteSettings);
  }

  /**
   * The result with its strength ({@link StrengthRule}) and, when the check has a class search,
   * that search's result (itself classified) beside it.
   */
  private CheckResult classified(CheckResult result, CheckSettings suiteSettings) {
    CheckStrength strength =
        StrengthRule.classify(result, evidence.hypotheses(), evidence.vacuity());
    if (strength.kind() != Strength.CONSISTENCY
        && result.instance() != null
        && theory instanceof ExpressionBound expression) {
      // say which term of the bound the best instance exercised
      java.util.Optional<String> term;
      try {
        term = TermShares.dominant(expression.expression(), expression.bindings(result.instance()));
      } catch (RuntimeException e) {
        term = java.util.Optional.empty();
      }
      if (term.isPresent()) {
        strength = strength.withNote(term.get());
      }
    }
    CheckResult out = result.withStrength(strength);
    if (evidence.classCheck() != null) {
      CheckResult inClass = evidence.classCheck().run(suiteSettings);
      out =
          out.withClassSearch(
              new ClassSearchResult(
                  evidence.classSearch().family(), evidence.classSearch().why(), inClass));
    }
    return out;
  }

  /**
   * True when the search saw a ratio above 1 on the best instance but the extended-precision
   * confirmation found it within the bound: the double ratio was a rounding residue.
   */
  private static boolean refutedInExtendedPrecision(CheckResult confirmed, double searchRatio) {
    return confirmed.verdict() != Verdict.VIOLATED
        && confirmed.precision() == Confirmation.Precision.EXTENDED
        && searchRatio > 1;
  }

  /** True when {@code a} is a worse outcome for the bound than {@code b}: violated, or larger ratio. */
  private static boolean worse(CheckResult a, CheckResult b) {
    boolean av = a.verdict() == Verdict.VIOLATED;
    boolean bv = b.verdict() == Verdict.VIOLATED;
    return av != bv ? av : a.ratio() > b.ratio();
  }

  private static String write(Path file, CheckResult result, CheckSettings settings) {
    try {
      CounterexampleFile.write(file, result, settings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write counterexample " + file, e);
    }
    return file.toString();
  }

  /**
   * The ablation control: the falsifier, with the check's own budget and a seed stream of its own,
   * searches the instances on which the ablated terms are present (the ablated bound differs from
   * the full one; elsewhere, e.g. on quadratics with {@code ρ = 0}, there is nothing to ablate) for
   * the largest ratio against the ablated bound; the ablated bound is then re-decided with the
   * confirmation settings (fresh random numbers) on the instance it found and, if its terms are
   * present there, on the check's instance of largest full ratio, and the larger ablated ratio is
   * reported with the full bound's ratio on the same instance.
   */
  private AblationResult ablationControl(Instance worst, CheckSettings settings) {
    TheoreticalBound ablated = theory.ablated(ablation.symbol()).orElseThrow();
    Falsifier.Result found =
        search(
            ablated,
            x -> termsPresent(ablated, x),
            ABLATION_STREAM,
            ABLATION_INSTANCE_STREAM,
            settings);
    List<Instance> candidates = new java.util.ArrayList<>();
    if (termsPresent(ablated, worst)) {
      candidates.add(worst);
    }
    if (found.best() != null) {
      candidates.add(found.best().withSeed(worst.seed()));
    }
    CheckResult chosen = null;
    CheckResult chosenFull = null;
    for (Instance candidate : candidates) {
      CheckResult ablatedResult =
          evaluate(
              ablated,
              candidate,
              settings.confirmationMeasurement(),
              settings.relativeTolerance(),
              settings.familyWiseLevel(),
              true);
      if (ablatedResult.verdict() == Verdict.OUT_OF_SCOPE) {
        continue;
      }
      if (chosen == null || ablatedResult.ratio() > chosen.ratio()) {
        chosen = ablatedResult;
        chosenFull = evaluateTuned(candidate, settings);
      }
    }
    String terms = ablation.terms();
    if (chosen == null) {
      return new AblationResult(
          ablation.symbol(),
          terms,
          AblationResult.Status.NOT_RUN,
          null,
          Double.NaN,
          Double.NaN,
          null,
          "ablation of the "
              + terms
              + " not run: they vanish on every in-scope instance searched ("
              + found.evaluations()
              + " evaluated)");
    }
    String where = chosen.instanceDescription();
    String ratios =
        "ratio "
            + SuiteSummary.number(chosen.ratio())
            + " without them, "
            + SuiteSummary.number(chosenFull.ratio())
            + " with them";
    String symbol = ablation.symbol();
    AblationResult.Status status;
    String note;
    switch (chosen.verdict()) {
      case VIOLATED -> {
        status = AblationResult.Status.EXERCISED;
        note =
            String.format(
                "%s exercised: with %s = 0 in the formula the bound is VIOLATED on %s (%s)",
                terms, symbol, where, ratios);
      }
      case HOLDS -> {
        status = AblationResult.Status.NOT_EXERCISED;
        note =
            String.format(
                "%s not exercised on any instance found: with %s = 0 in the formula the bound"
                    + " still holds (largest %s, on %s)",
                terms, symbol, ratios, where);
      }
      default -> {
        status = AblationResult.Status.UNDECIDED;
        note =
            String.format(
                "%s neither shown needed nor unneeded: with %s = 0 the verdict is %s on %s (%s)",
                terms, symbol, chosen.verdict(), where, ratios);
      }
    }
    return new AblationResult(
        ablation.symbol(),
        terms,
        status,
        chosen.verdict(),
        chosen.ratio(),
        chosenFull.ratio(),
        where,
        note);
  }

  /**
   * The falsifier's search for the largest ratio against {@code bound} over the instances {@code
   * eligible} accepts (the others count as out of scope), with the search-time measurement settings
   * and the two seed streams given.
   */
  private Falsifier.Result search(
      TheoreticalBound bound,
      java.util.function.Predicate<Instance> eligible,
      long stream,
      long instanceStream,
      CheckSettings settings) {
    MeasurementSettings searchMeasurement = settings.searchMeasurement();
    return Falsifier.maximise(
        domain,
        instance -> {
          if (!eligible.test(instance)) {
            return Double.NaN;
          }
          CheckResult r =
              evaluate(
                  bound,
                  instance,
                  searchMeasurement,
                  settings.relativeTolerance(),
                  settings.familyWiseLevel(),
                  false);
          return r.verdict() == Verdict.OUT_OF_SCOPE ? Double.NaN : r.ratio();
        },
        Seeds.derive(settings.seed(), stream),
        Seeds.derive(settings.seed(), instanceStream),
        new Falsifier.Budget(
            settings.evaluationBudget(), settings.timeCapSeconds(), settings.randomFraction()));
  }

  /**
   * True when the ablated terms contribute on the instance: it is in scope and the ablated bound's
   * value differs from the full bound's.
   */
  private boolean termsPresent(TheoreticalBound ablated, Instance instance) {
    if (!theory.unmetAssumptions(instance).isEmpty()) {
      return false;
    }
    return ablated.value(instance) != theory.value(instance);
  }

  private CheckResult outOfScopeEverywhere(CheckSettings settings, SearchStatistics search) {
    // report the hypotheses that fail on the first point of the first search space
    SearchSpace first = domain.searchSpaces().get(0);
    Instance sample = first.decode(first.lowerBounds(), settings.seed());
    List<String> unmet = theory.unmetAssumptions(sample);
    return CheckResult.builder(boundId, probe.quantityId(), comparison)
        .verdict(Verdict.OUT_OF_SCOPE)
        .instance(null, settings.seed())
        .confidenceLevel(settings.confidenceLevel())
        .familyWiseLevel(settings.familyWiseLevel())
        .expectedFinding(expectedFinding)
        .note(
            "no instance of the domain satisfies the assumptions ("
                + search.evaluations()
                + " evaluated); e.g. unmet: "
                + String.join("; ", unmet))
        .unmetAssumptions(unmet)
        .search(search)
        .remarks(remarks.at(null))
        .build();
  }
}
