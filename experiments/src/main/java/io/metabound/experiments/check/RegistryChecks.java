package io.metabound.experiments.check;

import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Relation;
import io.metabound.experiments.probe.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns registry {@link Bound}s into checks, and lists every bound that is not checked with the
 * reason.
 *
 * <p>Relations map to comparisons as follows:
 *
 * <ul>
 *   <li>{@link Relation#UPPER_BOUND} → {@link Comparison#AT_MOST};
 *   <li>{@link Relation#LOWER_BOUND} → {@link Comparison#AT_LEAST};
 *   <li>{@link Relation#STEPSIZE_THRESHOLD} ("the stepsize must lie below the formula", a
 *       sufficient condition) → {@link Comparison#AT_LEAST} on the <em>measured</em> threshold: the
 *       condition is correct when every stepsize below the formula converges, i.e. when the
 *       measured threshold is at least the formula; ratio = stated / measured (Takagi's {@code 2/(λ
 *       − αλ²)} is exact for FO-MAML, ratio 1, and conservative for exact MAML by {@code 1 − αλ});
 *   <li>{@link Relation#SIZE_REQUIREMENT}, {@link Relation#DEFINITION}, {@link Relation#ORDER}: not
 *       checkable as a pointwise inequality (a requirement on a chosen parameter, a definition, and
 *       an O(·) statement without constants) — listed with that reason.
 * </ul>
 *
 * A checkable bound is checked once a {@link Plan} (probe + domain + constants) is given for it;
 * otherwise it is listed as "not yet checkable" naming what is missing.
 */
public final class RegistryChecks {

  private RegistryChecks() {}

  /**
   * How to check one bound.
   *
   * @param probe measures the bound's quantity (its id must equal {@link Bound#quantity()})
   * @param domain where to search
   * @param constants the constants of an instance ({@code L}, {@code rho}, …)
   * @param conditions hypotheses beyond the registry's checkable assumptions (e.g. the family
   *     satisfies a descriptive assumption only on part of the domain)
   * @param expectedFinding non-null when a violation is a documented finding
   * @param profile the parameter the bound depends on most, for the report's per-bound plot (null:
   *     no profile)
   * @param tuning adapts the suite's settings to this check (budgets, sample counts); keeps the
   *     seed and the levels
   * @param remarks what the check says about itself besides its hypotheses: notes on constants and
   *     regions that hold on every instance, and whether it is a consistency check of the encoding
   * @param ablation the terms whose necessity the ablation control tests (null: none)
   * @param inconclusiveReason non-null when an INCONCLUSIVE verdict is expected of this check, with
   *     the reason (e.g. a noise-floor plateau that may not settle); the build's gate ({@code
   *     RegistrySuiteIT}) fails on an INCONCLUSIVE verdict whose plan does not declare one
   */
  public record Plan(
      Probe probe,
      InstanceDomain domain,
      Function<Instance, Map<String, Double>> constants,
      List<ScopeCondition> conditions,
      ExpectedFinding expectedFinding,
      Profile profile,
      UnaryOperator<CheckSettings> tuning,
      CheckRemarks remarks,
      Ablation ablation,
      String inconclusiveReason) {

    public Plan {
      conditions = List.copyOf(conditions);
      tuning = tuning == null ? UnaryOperator.identity() : tuning;
      remarks = remarks == null ? CheckRemarks.NONE : remarks;
      if (inconclusiveReason != null && inconclusiveReason.isBlank()) {
        throw new IllegalArgumentException("a declared INCONCLUSIVE verdict needs a reason");
      }
    }

    /** A plan without remarks and ablation. */
    public Plan(
        Probe probe,
        InstanceDomain domain,
        Function<Instance, Map<String, Double>> constants,
        List<ScopeCondition> conditions,
        ExpectedFinding expectedFinding,
        Profile profile,
        UnaryOperator<CheckSettings> tuning) {
      this(probe, domain, constants, conditions, expectedFinding, profile, tuning, null, null, null);
    }

    /** A plan without profile and tuning. */
    public Plan(
        Probe probe,
        InstanceDomain domain,
        Function<Instance, Map<String, Double>> constants,
        List<ScopeCondition> conditions,
        ExpectedFinding expectedFinding) {
      this(probe, domain, constants, conditions, expectedFinding, null, null);
    }

    /** A plan on quadratic instances with their exact constants. */
    public static Plan onQuadratics(Probe probe, InstanceDomain domain) {
      return new Plan(
          probe, domain, i -> QuadraticInstanceConstants.of(i.tasks()), List.of(), null);
    }

    public Plan expecting(ExpectedFinding finding) {
      return new Plan(
          probe, domain, constants, conditions, finding, profile, tuning, remarks, ablation,
          inconclusiveReason);
    }

    public Plan withConditions(List<ScopeCondition> more) {
      List<ScopeCondition> all = new ArrayList<>(conditions);
      all.addAll(more);
      return new Plan(
          probe, domain, constants, all, expectedFinding, profile, tuning, remarks, ablation,
          inconclusiveReason);
    }

    /** The same plan with a profile for the report's per-bound plot. */
    public Plan withProfile(Profile newProfile) {
      return new Plan(
          probe,
          domain,
          constants,
          conditions,
          expectedFinding,
          newProfile,
          tuning,
          remarks,
          ablation,
          inconclusiveReason);
    }

    /** The same plan with its own adaptation of the suite's settings. */
    public Plan tuned(UnaryOperator<CheckSettings> newTuning) {
      return new Plan(
          probe,
          domain,
          constants,
          conditions,
          expectedFinding,
          profile,
          newTuning,
          remarks,
          ablation,
          inconclusiveReason);
    }

    /** The same plan with these remarks (replacing any). */
    public Plan withRemarks(CheckRemarks newRemarks) {
      return new Plan(
          probe,
          domain,
          constants,
          conditions,
          expectedFinding,
          profile,
          tuning,
          newRemarks,
          ablation,
          inconclusiveReason);
    }

    /** The same plan with one more note (a fact about constants or regions, not a hypothesis). */
    public Plan withNote(String note) {
      return withRemarks(remarks.withNote(note));
    }

    /**
     * The same plan labelled a consistency check of the encoding, with the reason its measured side
     * equals the formula by derivation.
     */
    public Plan consistencyCheck(String why) {
      return consistencyCheck(why, null);
    }

    /**
     * The same plan labelled a consistency check of the encoding on the instances {@code scope}
     * accepts (e.g. one-dimensional quadratics), with the reason.
     */
    public Plan consistencyCheck(String why, java.util.function.Predicate<Instance> scope) {
      return withRemarks(remarks.withConsistency(why, scope));
    }

    /** The same plan with an ablation control. */
    public Plan withAblation(Ablation newAblation) {
      return new Plan(
          probe,
          domain,
          constants,
          conditions,
          expectedFinding,
          profile,
          tuning,
          remarks,
          newAblation,
          inconclusiveReason);
    }

    /**
     * The same plan declaring that an INCONCLUSIVE verdict is expected, with the reason; the reason
     * also becomes a note, so the summary and the report show it.
     */
    public Plan declaringInconclusive(String reason) {
      return new Plan(
          probe,
          domain,
          constants,
          conditions,
          expectedFinding,
          profile,
          tuning,
          remarks.withNote("an INCONCLUSIVE verdict is declared: " + reason),
          ablation,
          reason);
    }

    /** The plan's notes joined with "; " ("" when none). */
    public String note() {
      return String.join("; ", remarks.notes());
    }
  }

  /** The comparison a relation is checked with; empty when it has no pointwise check. */
  public static Optional<Comparison> comparisonOf(Relation relation) {
    switch (relation) {
      case UPPER_BOUND:
        return Optional.of(Comparison.AT_MOST);
      case LOWER_BOUND:
      case STEPSIZE_THRESHOLD:
        return Optional.of(Comparison.AT_LEAST);
      default:
        return Optional.empty();
    }
  }

  /** Why a relation cannot be checked pointwise (empty when it can). */
  public static Optional<String> relationReason(Relation relation) {
    switch (relation) {
      case SIZE_REQUIREMENT:
        return Optional.of(
            "a requirement on a chosen batch size, not a guarantee about a measured"
                + " quantity (it enters the checks of the results that assume it)");
      case DEFINITION:
        return Optional.of("a definition or parameter choice: nothing to measure against");
      case ORDER:
        return Optional.of(
            "an O(·) statement without explicit constants: checkable only in slope"
                + " or scaling, not as an inequality");
      default:
        return Optional.empty();
    }
  }

  /** The theoretical side of a registry bound: formula, checkable assumptions and conditions. */
  public static TheoreticalBound theoretical(Bound bound, Plan plan) {
    ExpressionBound theory =
        new ExpressionBound(
                bound.formula(), bound.assumptions(), plan.conditions(), plan.constants())
            .withQuadraticPrecision();
    // a plan whose constants go beyond the quadratic ones may give their field form itself
    return plan.constants() instanceof FieldConstants inField
        ? theory.withPrecision(QuadraticInstanceConstants.ERRORS, inField)
        : theory;
  }

  /**
   * The check of one registry bound.
   *
   * @throws IllegalArgumentException when the relation has no pointwise check or the probe measures
   *     another quantity
   */
  public static BoundCheck check(Bound bound, Plan plan) {
    Comparison comparison =
        comparisonOf(bound.relation())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "bound "
                            + bound.id()
                            + " is "
                            + bound.relation()
                            + ": "
                            + relationReason(bound.relation()).orElse("")));
    if (!plan.probe().quantityId().equals(bound.quantity())) {
      throw new IllegalArgumentException(
          "bound "
              + bound.id()
              + " speaks of '"
              + bound.quantity()
              + "' but the probe measures '"
              + plan.probe().quantityId()
              + "'");
    }
    return new BoundCheck(
            bound.id(),
            comparison,
            theoretical(bound, plan),
            plan.probe(),
            plan.domain(),
            plan.expectedFinding(),
            plan.tuning())
        .withRemarks(plan.remarks())
        .withAblation(plan.ablation())
        .withEvidence(StrengthEvidence.NONE.withHypotheses(bound.assumptions()));
  }

  /**
   * The check of one registry bound with its strength evidence: a vacuity ceiling (null: none) and
   * a second search on a family inside the result's hypotheses (null: none), which reuses the
   * plan's conditions and tuning with the family's domain, constants and (if given) probe.
   */
  public static BoundCheck check(
      Bound bound, Plan plan, Vacuity vacuity, ClassSearch classSearch) {
    BoundCheck main = check(bound, plan);
    StrengthEvidence evidence = main.evidence().withVacuity(vacuity);
    if (classSearch != null) {
      Plan inClass =
          new Plan(
              classSearch.probe() == null ? plan.probe() : classSearch.probe(),
              classSearch.domain(),
              classSearch.constants(),
              plan.conditions(),
              null,
              null,
              plan.tuning());
      evidence = evidence.withClassSearch(classSearch, check(bound, inClass));
    }
    return main.withEvidence(evidence);
  }

  /**
   * A suite over {@code bounds}: each bound with a plan is checked, every other one is listed as
   * not checkable with the reason (its relation, or the missing plan for its quantity).
   *
   * @param bounds the bounds, e.g. {@link BoundRegistry#all()} or {@link BoundRegistry#byPaper}
   * @param plans plans by bound id
   */
  public static CheckSuite suite(List<Bound> bounds, Map<String, Plan> plans) {
    return suite(bounds, plans, Map.of());
  }

  /**
   * A suite over {@code bounds}, with the reasons why some checkable bounds have no plan.
   *
   * @param bounds the bounds
   * @param plans plans by bound id
   * @param reasons by bound id: why a bound whose relation is checkable still has no plan (e.g. its
   *     quantity has no measurable counterpart on the families with known constants)
   */
  public static CheckSuite suite(
      List<Bound> bounds, Map<String, Plan> plans, Map<String, String> reasons) {
    return suite(bounds, plans, reasons, Map.of(), Map.of());
  }

  /**
   * A suite over {@code bounds} with the reasons, and the strength evidence of some checks.
   *
   * @param vacuities by bound id: a ceiling on the ratio over the hypothesis class
   * @param classSearches by bound id: a second search inside the result's hypotheses
   * @throws IllegalArgumentException when a ceiling or class search names a bound without a plan
   */
  public static CheckSuite suite(
      List<Bound> bounds,
      Map<String, Plan> plans,
      Map<String, String> reasons,
      Map<String, Vacuity> vacuities,
      Map<String, ClassSearch> classSearches) {
    for (String id : vacuities.keySet()) {
      if (!plans.containsKey(id)) {
        throw new IllegalArgumentException("a vacuity ceiling is given for " + id + ", which has no plan");
      }
    }
    for (String id : classSearches.keySet()) {
      if (!plans.containsKey(id)) {
        throw new IllegalArgumentException("a class search is given for " + id + ", which has no plan");
      }
    }
    CheckSuite suite = new CheckSuite();
    for (Bound bound : bounds) {
      Plan plan = plans.get(bound.id());
      Optional<String> relationReason = relationReason(bound.relation());
      if (relationReason.isPresent()) {
        if (plan != null) {
          throw new IllegalArgumentException(
              "a plan is given for " + bound.id() + " but " + relationReason.get());
        }
        suite.addNotCheckable(bound.id(), bound.relation() + ": " + relationReason.get());
      } else if (plan == null) {
        String reason = reasons.get(bound.id());
        suite.addNotCheckable(
            bound.id(),
            reason != null
                ? reason
                : "no probe and instance domain yet for quantity '" + bound.quantity() + "'");
      } else {
        if (reasons.containsKey(bound.id())) {
          throw new IllegalArgumentException(
              "bound " + bound.id() + " has both a plan and a reason not to check it");
        }
        suite.add(
            check(bound, plan, vacuities.get(bound.id()), classSearches.get(bound.id())));
      }
    }
    return suite;
  }
}
