package io.metabound.reports.claims;

import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.ExpressionBound;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.InstanceDomain;
import io.metabound.experiments.check.SearchSpace;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.probe.Probe;
import java.util.List;

/**
 * A claim as a check: the claim's bound over the family's exact constants and its parameters
 * ({@link ExpressionBound}, with a registry bound's checkable assumptions), the probe of its
 * quantity and estimator, and the family's search domain. The falsifier, the shrinker, the
 * counterexample file and the negative control are those of every registry check.
 */
public final class ClaimCheck {

  private ClaimCheck() {}

  /**
   * Builds the check and tries it on one instance of its domain, so that a claim the probe cannot
   * measure (a parameter the probe needs is not declared) is reported as bad input before any
   * search.
   *
   * @throws ClaimsFileException naming the claim and field when no probe fits or a parameter is
   *     missing
   */
  public static BoundCheck of(Claim claim, ProbeResolver probes, String file) {
    Probe probe =
        probes
            .probe(claim.quantity(), claim.estimator())
            .orElseThrow(
                () ->
                    new ClaimsFileException(
                        file,
                        claim.id(),
                        "estimator",
                        "no probe measures '"
                            + claim.quantity()
                            + "' for estimator '"
                            + claim.estimator()
                            + "' (available: "
                            + probes.describe()
                            + ")"));
    ExpressionBound theory =
        new ExpressionBound(claim.bound(), claim.assumptions(), List.of(), ClaimFamily::constants);
    InstanceDomain domain = claim.family().domain("claim " + claim.id(), claim.parameters());
    BoundCheck check = new BoundCheck(claim.id(), claim.comparison(), theory, probe, domain);
    dryRun(check, domain, claim, file);
    return check;
  }

  /**
   * Evaluates the check on a few fixed points of its first search space until one is in scope (the
   * probe only runs in scope), so that a probe's complaint about the instance surfaces now.
   */
  private static void dryRun(BoundCheck check, InstanceDomain domain, Claim claim, String file) {
    SearchSpace first = domain.searchSpaces().get(0);
    double[] lo = first.lowerBounds();
    double[] hi = first.upperBounds();
    CheckSettings settings = CheckSettings.defaults(1).withSamples(2, 2);
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    for (int attempt = 0; attempt < DRY_RUN_POINTS; attempt++) {
      double[] point = new double[lo.length];
      for (int i = 0; i < lo.length; i++) {
        // the centre first, then fixed pseudo-random points
        double u = attempt == 0 ? 0.5 : random.nextDouble();
        point[i] = lo[i] + u * (hi[i] - lo[i]);
      }
      Instance sample = first.decode(point, 1);
      CheckResult result;
      try {
        result = check.evaluate(sample, settings);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new ClaimsFileException(
            file, claim.id(), "params", "the probe cannot measure this claim: " + e.getMessage());
      }
      if (result.verdict() != Verdict.OUT_OF_SCOPE) {
        return;
      }
    }
  }

  /** Points tried by the dry run before giving up on finding one in scope. */
  private static final int DRY_RUN_POINTS = 20;
}
