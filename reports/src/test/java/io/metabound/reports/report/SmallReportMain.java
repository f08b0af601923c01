package io.metabound.reports.report;

import io.metabound.bounds.registry.BoundRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * A real report ({@link ReportGenerator}, the same staging and commit as {@code metabound
 * report}) small enough to be killed many times in a test: the fixtures' suite ({@link
 * ReportFixtures}), a few registry statements, no reproduction, heatmap, notebooks or claims.
 * Takes a few seconds instead of the full report's 80.
 *
 * <p>Arguments: {@code OUT SEED}. Exits 0 when the report was written.
 */
public final class SmallReportMain {

  private SmallReportMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    ReportRequest small =
        new ReportRequest(
            out, null, seed, true, "small report " + seed, ReportFixtures.suite(seed, false),
            BoundRegistry.all().subList(0, 4), List.of(), List.of(), null, "metabound test", null);
    ReportGenerator.generate(small);
    System.exit(0);
  }
}
