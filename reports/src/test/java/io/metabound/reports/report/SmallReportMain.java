package io.metabound.reports.report;

import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.CheckSuite;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.check.RegistryChecks;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.TheoreticalBound;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real report ({@link ReportGenerator}, the same staging and commit as {@code metabound
 * report}) small enough to be killed many times in a test: two exact checks of the fixtures
 * ({@link ReportFixtures}, one of them the planted violation) on a small budget without profiles, no registry statement, reproduction, heatmap,
 * notebook or claims. Takes a few seconds instead of the full report's 80.
 *
 * <p>Arguments: {@code OUT SEED}. Exits 0 when the report was written.
 */
public final class SmallReportMain {

  private SmallReportMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    ReportGenerator.generate(request(out, seed));
    System.exit(0);
  }

  /** The request: {@code seed} changes the checks' numbers, so two seeds give two outputs. */
  public static ReportRequest request(Path out, long seed) {
    String id = "ji2022.prop1.meta-smoothness";
    // no profile: the profiles' sweeps would be most of the time
    Plan plan =
        new Plan(
            new ReportFixtures.MetaSmoothnessProbe(), ReportFixtures.indefiniteQuadratics(),
            ReportFixtures.CONSTANTS, List.of(), null, null, null);
    CheckSuite suite = new CheckSuite();
    suite.add(RegistryChecks.check(BoundRegistry.find(id).orElseThrow(), plan));
    // a second check (the tightness chart needs two bars): the fixtures' planted violation
    suite.add(
        new BoundCheck(
            ReportFixtures.PLANTED,
            Comparison.AT_MOST,
            TheoreticalBound.of(
                "L",
                x -> QuadraticInstanceConstants.of(x.tasks()).get("L"),
                List.of(ReportFixtures.ALPHA_AT_MOST_ONE_OVER_L)),
            new ReportFixtures.MetaSmoothnessProbe(),
            ReportFixtures.indefiniteQuadratics()));
    CheckSettings settings =
        CheckSettings.defaults(seed).withEvaluationBudget(20).withSamples(20, 100).withShrinkBudget(20);
    ReportSuite small = ReportSuite.of(suite, Map.of(id, plan, ReportFixtures.PLANTED, plan), settings, "kill test suite (2 checks)");
    return new ReportRequest(
        out, null, seed, true, "small report " + seed, small, List.of(),
        List.of(), List.of(), null, "metabound test", null);
  }
}
