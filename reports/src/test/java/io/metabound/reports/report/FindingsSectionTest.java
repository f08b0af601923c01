package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.finding.Findings;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.task.QuadraticTaskFile;
import io.metabound.experiments.task.TaskSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsSectionTest {

  @Test
  void everyFindingHasARowAndItsTaskFileInTheReportFolder(@TempDir Path dir) throws IOException {
    FindingsSection section = FindingsSection.write(dir);
    String html = section.html();
    String md = section.markdown();
    assertTrue(html.startsWith("<h2 id=\"findings\">Findings</h2>"), html);
    assertTrue(md.contains("\n## Findings\n"), md);
    int findings = Findings.all().size();
    assertEquals(findings, html.split("<tr id=\"finding-", -1).length - 1, "one row per finding");
    for (var f : Findings.all()) {
      String link = "findings/" + f.taskFile();
      assertTrue(html.contains("href=\"" + link + "\""), link);
      assertTrue(md.contains("](" + link + ")"), link);
      assertTrue(Files.isRegularFile(dir.resolve(link)), link);
    }
    assertTrue(Files.isRegularFile(dir.resolve("findings/findings.json")));
    // the Takagi multi-task row: FO-MAML 2/(λ − αλ²) = 2/0.375 = 5.33333 at λ = α = 0.5, reading 8, ratio 1.5
    assertTrue(md.contains("| 5.33333; 7.11111 | 8; 8 | 1.5; 1.125 |"), md);
    // the written task file is what the oracle reads: FO-MAML at α = 0.5 on it gives 5.33333
    TaskSet tasks = QuadraticTaskFile.read(dir.resolve("findings/finding-takagi2019-multitask-beta.json"));
    double threshold =
        EstimatorMaps.of(tasks).betaThreshold(Estimator.FOMAML, EstimatorParameters.maml(0.5, 1)).value();
    assertEquals(2 / 0.375, threshold, 1e-12);
  }
}
