package io.metabound.reports.claims;

import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.check.ExpressionBound;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.InstanceDomain;
import io.metabound.experiments.check.ScopeCondition;
import io.metabound.experiments.check.SearchSpace;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A claim as a check: the claim's bound over the family's exact constants and its parameters
 * ({@link ExpressionBound}, with a registry bound's checkable assumptions, the constants' rounding
 * errors and their extended-precision form), the measured side (a measure expression, or the probe
 * of a catalogue quantity), and the family's search domain. The falsifier, the extended-precision
 * confirmation, the shrinker, the counterexample files and the negative control are those of every
 * registry check.
 *
 * <p>An existential claim ("there is an instance where measured ≥ bound") is searched as its
 * negation ("for every instance measured ≤ bound"): a violation of the negation is a witness.
 *
 * <p>Before any search the check is tried on a few points of its domain (a <em>dry run</em>), so
 * that a claim the probe cannot measure, or a declared parameter that nothing reads, is an ERROR
 * with its reason instead of minutes of search or a silent answer to another question.
 */
public final class ClaimCheck {

  /** Points tried by the dry run. */
  private static final int DRY_RUN_POINTS = 20;

  /** In-scope dry-run instances a legacy probe is tested on for parameters it ignores. */
  private static final int USE_TEST_INSTANCES = 3;

  private ClaimCheck() {}

  /**
   * A built check, or why the claim cannot be checked.
   *
   * @param check the check (null when {@code error} is set)
   * @param error the reason the claim cannot be measured (null when built)
   */
  public record Built(BoundCheck check, String error, UndefinedTally tally) {

    /** A check without undefinedness accounting, or a failure. */
    public Built(BoundCheck check, String error) {
      this(check, error, new UndefinedTally());
    }

    static Built failed(String error) {
      return new Built(null, error);
    }

    /**
     * Runs the check's search, then accounts for the instances where its bound or measure was
     * undefined ({@link UndefinedTally#account}): they are named in the note, and a claim
     * undefined wherever the search looked is an ERROR.
     */
    public CheckResult run(CheckSettings settings) {
      tally.reset();
      return tally.account(check.run(settings));
    }
  }

  /** Builds the check of a claim and dry-runs it. */
  public static Built of(Claim claim, ProbeResolver probes) {
    Optional<Probe> probe;
    try {
      probe = probe(claim, probes);
    } catch (RuntimeException e) {
      return Built.failed(message(e));
    }
    if (probe.isEmpty()) {
      Measured.Quantity q = (Measured.Quantity) claim.measured();
      return Built.failed(
          "no probe measures '"
              + q.quantity()
              + "' for estimator '"
              + q.estimator()
              + "' (available: "
              + probes.describe()
              + ")");
    }
    ClaimFamily family = claim.family();
    UndefinedTally tally = new UndefinedTally();
    java.util.function.Function<Instance, java.util.Map<String, Double>> constants =
        lastInstanceMemo(family::constants);
    ExpressionBound plain =
        declaredDomains(
            new ExpressionBound(claim.bound(), claim.assumptions(), List.of(), constants), claim);
    // an instance where the bound has no finite value is out of scope, and counted
    ScopeCondition defined =
        new ScopeCondition(
            "the bound is undefined here (not a finite number)",
            x -> definedAt(x, plain, claim, tally));
    ExpressionBound theory =
        declaredDomains(
            new ExpressionBound(claim.bound(), claim.assumptions(), List.of(defined), constants)
                .withPrecision(family.constantErrors(), family.fieldConstants()),
            claim);
    if (probe.get() instanceof MeasureProbe m) {
      probe = Optional.of(m.counting(tally));
    }
    InstanceDomain domain;
    try {
      domain = family.domain(family.type(), claim.parameters(), claim.point());
    } catch (IllegalArgumentException e) {
      return Built.failed("the family cannot be searched: " + message(e));
    }
    boolean exists = claim.quantifier() == Claim.Quantifier.EXISTS;
    Comparison comparison =
        exists ? negation(claim.comparison()) : claim.comparison();
    BoundCheck check = new BoundCheck(claim.id(), comparison, theory, probe.get(), domain);
    if (exists) {
      // an existential claim is decided by its witness; halving the bound says nothing about it
      check = check.tuned(s -> s.withNegativeControlStrength(0));
    }
    // the dry run asks a measure to fail loudly where the search would skip the instance
    BoundCheck strict =
        probe.get() instanceof MeasureProbe m
            ? new BoundCheck(claim.id(), comparison, theory, m.strict(), domain)
            : check;
    Built dry = dryRun(strict, domain, claim);
    return dry.error() == null ? new Built(check, null, tally) : dry;
  }

  /**
   * The claim's own formula: its parameters have the domains their declared ranges give them; a
   * registry bound keeps its symbols' catalogued domains, which are part of its hypotheses.
   */
  private static ExpressionBound declaredDomains(ExpressionBound bound, Claim claim) {
    return claim.registryId() == null
        ? bound.withDeclaredDomains(new TreeSet<>(claim.parameterNames()))
        : bound;
  }

  /**
   * True unless the instance meets the bound's hypotheses and the bound has no finite value
   * there; the tally records every call (one per evaluated instance) and why the bound was
   * undefined.
   */
  private static boolean definedAt(
      Instance instance, ExpressionBound plain, Claim claim, UndefinedTally tally) {
    tally.begin(instance);
    if (!plain.unmetAssumptions(instance).isEmpty()) {
      return true; // out of scope already, for its own reasons
    }
    double value = plain.value(instance);
    if (Double.isFinite(value)) {
      return true;
    }
    String reason =
        UndefinedValue.why(claim.bound(), plain.bindings(instance)).orElse("not a finite number");
    tally.undefined(UndefinedTally.Side.BOUND, instance, reason);
    return false;
  }

  /**
   * The constants of the last instance asked for, kept: the bound asks for them several times
   * per instance (scope, definedness, value, rounding floor), and an instance is immutable.
   */
  private static java.util.function.Function<Instance, java.util.Map<String, Double>>
      lastInstanceMemo(java.util.function.Function<Instance, java.util.Map<String, Double>> f) {
    java.util.concurrent.atomic.AtomicReference<java.util.Map.Entry<Instance, java.util.Map<String, Double>>>
        last = new java.util.concurrent.atomic.AtomicReference<>();
    return instance -> {
      java.util.Map.Entry<Instance, java.util.Map<String, Double>> seen = last.get();
      if (seen != null && seen.getKey() == instance) {
        return seen.getValue();
      }
      java.util.Map<String, Double> values = f.apply(instance);
      last.set(java.util.Map.entry(instance, values));
      return values;
    };
  }

  /** {@code <=} for {@code >=} and back. */
  static Comparison negation(Comparison c) {
    return c == Comparison.AT_MOST ? Comparison.AT_LEAST : Comparison.AT_MOST;
  }

  /**
   * The probe of the measured side: a measure expression, or a catalogue quantity — through the
   * measure engine where the quantity has an exact primitive form (meta-smoothness is {@code
   * opnorm(meta_hessian(E))}, the β-threshold {@code beta_threshold(E)}), else the resolver's
   * probe.
   */
  private static Optional<Probe> probe(Claim claim, ProbeResolver probes) {
    if (claim.measured() instanceof Measured.Measure m) {
      return Optional.of(MeasureClaims.probe(m.expression(), claim));
    }
    Measured.Quantity q = (Measured.Quantity) claim.measured();
    Optional<String> asMeasure = MeasureClaims.quantityAsMeasure(q.quantity(), q.estimator());
    if (asMeasure.isPresent()) {
      List<String> problems =
          MeasureClaims.problems(
              asMeasure.get(),
              new TreeSet<>(claim.parameterNames()),
              claim.family(),
              claim.point() != null);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            q.quantity() + " of " + q.estimator() + " is measured as " + asMeasure.get() + ": "
                + String.join("; ", problems));
      }
      return Optional.of(MeasureClaims.probe(asMeasure.get(), claim).named(q.quantity()));
    }
    return probes.probe(q.quantity(), q.estimator());
  }

  /**
   * Evaluates the check on fixed points of its search spaces; a probe's complaint about an in-scope
   * instance, or a declared parameter that nothing uses, makes the claim an ERROR.
   */
  private static Built dryRun(BoundCheck check, InstanceDomain domain, Claim claim) {
    CheckSettings settings = CheckSettings.defaults(1).withSamples(2, 2);
    SplittableRandom random = new SplittableRandom(1);
    List<Instance> inScope = new ArrayList<>();
    List<SearchSpace> spaces = domain.searchSpaces();
    for (int attempt = 0; attempt < DRY_RUN_POINTS && inScope.size() < USE_TEST_INSTANCES; attempt++) {
      SearchSpace space = spaces.get(attempt % spaces.size());
      double[] lo = space.lowerBounds();
      double[] hi = space.upperBounds();
      double[] point = new double[lo.length];
      for (int i = 0; i < lo.length; i++) {
        // the centre first, then fixed pseudo-random points
        double u = attempt == 0 ? 0.5 : random.nextDouble();
        point[i] = lo[i] + u * (hi[i] - lo[i]);
      }
      Instance sample;
      CheckResult result;
      try {
        sample = space.decode(point, 1);
        result = check.evaluate(sample, settings);
      } catch (RuntimeException e) {
        return Built.failed("the probe cannot measure this claim: " + message(e));
      }
      if (result.verdict() != Verdict.OUT_OF_SCOPE) {
        inScope.add(sample);
      }
    }
    Set<String> unused = unusedParameters(check.probe(), claim, inScope);
    if (!unused.isEmpty()) {
      return Built.failed(
          (unused.size() == 1 ? "parameter " : "parameters ")
              + String.join(", ", unused)
              + (unused.size() == 1 ? " is" : " are")
              + " declared but nothing uses "
              + (unused.size() == 1 ? "it" : "them")
              + ": not the measured side ("
              + claim.measured().text()
              + "), the bound or another parameter's range; remove "
              + (unused.size() == 1 ? "it" : "them")
              + " or measure what "
              + (unused.size() == 1 ? "it changes" : "they change"));
    }
    return new Built(check, null);
  }

  /**
   * The declared parameters that neither the bound, another range nor the measured side reads. A
   * measure's parameters are known statically ({@link MeasureClaims#parametersRead}); a catalogue
   * probe is asked behaviourally: a parameter it reads changes its measurement (or makes it fail)
   * when perturbed on some in-scope instance.
   */
  private static Set<String> unusedParameters(Probe probe, Claim claim, List<Instance> samples) {
    Set<String> unused = new LinkedHashSet<>(claim.parameterNames());
    unused.removeAll(claim.bound().symbols());
    claim.assumptions().forEach(a -> unused.removeAll(a.symbols()));
    unused.removeAll(claim.rangeSymbols());
    Optional<Set<String>> read = MeasureClaims.parametersRead(probe);
    if (read.isPresent()) {
      unused.removeAll(read.get());
      return unused;
    }
    if (samples.isEmpty()) {
      return Set.of();
    }
    MeasurementSettings settings = new MeasurementSettings(0.99, 2);
    Set<String> ignored = new LinkedHashSet<>();
    for (String name : unused) {
      boolean changes = false;
      for (Instance x : samples) {
        double v = x.parameter(name);
        double perturbed = isWhole(v) ? v + 1 : v * (1 + 0x1p-10) + 0x1p-10;
        try {
          Measurement a = probe.measure(x, settings);
          Measurement b = probe.measure(x.withParameter(name, perturbed), settings);
          if (Double.compare(a.value(), b.value()) != 0) {
            changes = true;
            break;
          }
        } catch (RuntimeException e) {
          changes = true;
          break;
        }
      }
      if (!changes) {
        ignored.add(name);
      }
    }
    return ignored;
  }

  private static boolean isWhole(double v) {
    return v == Math.rint(v);
  }

  /** One line: the exception's message, or its type when it has none. */
  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : ClaimsParser.oneLine(m);
  }
}
